// opsnotes command line: the same analysis as the language server, without LSP.
import { runCli } from './cli/main';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`opsnotes: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
