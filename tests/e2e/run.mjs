// `npm run test:e2e`: find Chromium (or fail with advice — never skip), build the
// site once, then run the Playwright suite against `astro preview`.
import { spawnSync } from 'node:child_process';
import { findChromium, noChromiumAdvice } from './chromium.mjs';

const found = await findChromium();
if (!found.path) {
  console.error(noChromiumAdvice(found.tried));
  process.exit(1);
}
console.log(`e2e: using ${found.path} (${found.source})`);
process.env.CC_CHROMIUM = found.path;

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (r.error) throw r.error;
  return r.status ?? 1;
};

if (!process.env.CC_SKIP_BUILD) {
  const status = run('npx', ['astro', 'build']);
  if (status !== 0) process.exit(status);
}
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
