// File names for the override/test notes: the main file and the override file Compose pairs
// with a given file (docker-compose.* with docker-compose.*, compose.* with compose.*).
import * as path from 'path';

export function mainFileFor(filePath: string): { file: string; main: string; override: string } {
  const file = path.basename(filePath);
  const m = /^((?:docker-)?compose)\.[^.]+\.(ya?ml)$/i.exec(file);
  const stem = m ? m[1] : 'docker-compose';
  const ext = m ? m[2] : 'yml';
  return { file, main: `${stem}.${ext}`, override: `${stem}.override.${ext}` };
}
