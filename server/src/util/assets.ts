// Folders shipped beside the bundle (knowledge/, snippets/). The same code runs from the
// packaged extension (dist/server.js, dist/cli.js next to them) and from the repository
// (server/src/<part>/*.ts under tsx, three levels down).
import * as fs from 'fs';
import * as path from 'path';

/** The shipped folder `name`, recognised by a file or folder `marker` inside it. */
export function assetDir(name: string, marker: string, from: string = __dirname): string {
  const candidates = [path.join(from, '..', name), path.join(from, '..', '..', '..', name)];
  for (const c of candidates) if (fs.existsSync(path.join(c, marker))) return c;
  return candidates[0];
}
