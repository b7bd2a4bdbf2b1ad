import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const outfile = join(root, 'dist', 'goalpost.min.js');

await build({
  entryPoints: [join(root, 'src', 'snippet', 'main.ts')],
  outfile,
  tsconfig: join(root, 'tsconfig.snippet.json'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2017',
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
});

console.log(`goalpost.min.js: ${statSync(outfile).size} bytes`);
