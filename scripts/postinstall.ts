// After `npm ci`/`npm install`: build the web app once, so the first `npm start` is quick.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (process.env.HEWEI_SKIP_WEB_BUILD === '1' || !existsSync('apps/web/package.json')) process.exit(0);
const started = Date.now();
const r = spawnSync('npm', ['run', 'build', '-w', 'apps/web', '--silent'], { stdio: 'inherit' });
if (r.status !== 0) {
  console.warn('hewei: the web build failed; `npm start` will try again');
  process.exit(0);
}
console.log(`hewei: web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
