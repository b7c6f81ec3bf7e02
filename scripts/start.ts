// `npm start`: serve the whole product. The web app is built at install (postinstall); if its
// build is missing (e.g. after a manual clean) it is built here first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('apps/web/dist/index.html')) {
  console.log('hewei: building the web app (first start only)…');
  const r = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import('../apps/server/src/main.ts');
