// Bundles the dashboard into web/dist/: app.js (esbuild, everything inlined, the world map included),
// app.css and index.html. Fully offline: no CDN, no tile server, no web fonts.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
const watch = process.argv.includes('--dev');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src', 'main.ts')],
  outfile: join(out, 'app.js'),
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
});
copyFileSync(join(here, 'style.css'), join(out, 'app.css'));
copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
console.log('web/dist: app.js, app.css, index.html');
