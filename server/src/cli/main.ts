// The CLI's commands: lint, explain, notes, rules (docs/CLI.md). Each returns its exit code;
// a UsageError is exit 2 with one line on stderr.
import * as fs from 'fs';
import { pick, resolveLanguage } from '../i18n/language';
import { t } from '../i18n/ui';
import { usage, UsageError } from './args';
import { explainCommand } from './explain';
import { helpText } from './help';
import { Io, lintCommand } from './lint';
import { CLI } from './messages';
import { notesCommand } from './notes';
import { rulesCommand } from './rules';
import { environmentLocale } from './sessions';
import { VERSION } from './version';

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  lint: lintCommand,
  explain: explainCommand,
  notes: notesCommand,
  rules: rulesCommand,
};

export function processIo(): Io {
  // `opsnotes lint | head`: the reader went away; stop quietly instead of dying on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    cwd: process.cwd(),
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    stdoutIsTTY: !!process.stdout.isTTY,
    readStdin: () => fs.readFileSync(0),
  };
}

function helpLanguage(argv: string[]) {
  const i = argv.findIndex((a) => a === '--language' || a.startsWith('--language='));
  const flag = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return resolveLanguage(flag, environmentLocale());
}

export async function runCli(argv: string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  const lang = helpLanguage(argv);
  if (command === '--version' || command === '-v') {
    io.stdout(VERSION + '\n');
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help' || rest.includes('--help') || rest.includes('-h')) {
    if (!command) {
      io.stderr(helpText(lang));
      return 2;
    }
    io.stdout(helpText(lang));
    return 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw usage(`unknown command ${JSON.stringify(command)} (lint, explain, notes, rules)`, `неизвестная команда ${JSON.stringify(command)} (есть lint, explain, notes, rules)`);
    return await run(rest, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`opsnotes: ${pick(e.text, lang)}\n${t(CLI.usageHint, lang)}\n`);
    return 2;
  }
}

/** With OPSNOTES_STATS=1 the CLI reports its peak memory, wall and CPU time on stderr (for the bench). */
export function statsLine(started: number): string {
  const u = process.resourceUsage();
  const cpuMs = Math.round((u.userCPUTime + u.systemCPUTime) / 1000);
  return `opsnotes-stats ${JSON.stringify({ maxRssKiB: u.maxRSS, ms: Date.now() - started, cpuMs })}\n`;
}
