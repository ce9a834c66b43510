// One esbuild script, three entry points (client, server, cli); `vscode` stays external.
// Modelled on vscode-extension-samples/esbuild-sample/esbuild.js.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  // Some dependencies are ESM that call createRequire(import.meta.url); in a CJS bundle
  // import.meta is empty, so give it this file's URL.
  define: { 'import.meta.url': '__importMetaUrl' },
};
const metaUrl = "const __importMetaUrl = require('url').pathToFileURL(__filename).href;";

const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'], banner: { js: metaUrl } },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist', banner: { js: metaUrl } },
  { ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node\n' + metaUrl } },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] esbuild is watching client, server and cli');
} else {
  const started = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`built dist/client.js, dist/server.js, dist/cli.js in ${Date.now() - started} ms${production ? ' (minified)' : ''}`);
}
