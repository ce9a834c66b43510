// One esbuild script, three entry points (client, server, cli); `vscode` stays external.
// Modelled on vscode-extension-samples/esbuild-sample/esbuild.js.
import * as esbuild from 'esbuild';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  // Source maps for development builds; the .vsix ships without them (size).
  sourcemap: !production,
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

/**
 * dist/knowledge-data.json: the knowledge YAML parsed once at build time (server/src/knowledge/data.ts
 * uses an entry only when its sha1 matches the file, so edits are never shadowed).
 */
function compileKnowledge() {
  const files = {};
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) {
        const text = fs.readFileSync(p, 'utf8');
        files[path.relative('knowledge', p).split(path.sep).join('/')] = { sha1: createHash('sha1').update(text).digest('hex'), data: parse(text) };
      }
    }
  };
  walk('knowledge');
  fs.mkdirSync('dist', { recursive: true });
  fs.writeFileSync('dist/knowledge-data.json', JSON.stringify({ files }));
}

if (watch) {
  compileKnowledge();
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] esbuild is watching client, server and cli');
} else {
  const started = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  compileKnowledge();
  console.log(`built dist/client.js, dist/server.js, dist/cli.js in ${Date.now() - started} ms${production ? ' (minified)' : ''}`);
}
