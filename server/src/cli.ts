// opsnotes command line: the same analysis as the language server, without LSP (docs/CLI.md).
import { runCli, statsLine } from './cli/main';

const started = Date.now();
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    if (process.env.OPSNOTES_STATS) process.stderr.write(statsLine(started));
  },
  (e) => {
    process.stderr.write(`opsnotes: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
