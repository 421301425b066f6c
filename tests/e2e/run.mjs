// `npm run test:e2e`: find Chromium (or fail with advice — never skip), build the
// site once (or not at all when dist/ was built from the same inputs), then run the
// Playwright suite against `astro preview`.
import { spawnSync } from 'node:child_process';
import { findChromium, noChromiumAdvice } from './chromium.mjs';
import { buildKey, forgetBuiltKey, readBuiltKey, writeBuiltKey } from './build-key.mjs';

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

// Issue #14: the build is skipped when dist/ holds a build of the same inputs (build-key.mjs: every file
// outside tests/, the installed packages, Node's version); CC_SKIP_BUILD skips it whatever the key.
if (!process.env.CC_SKIP_BUILD) {
  const key = buildKey();
  if (readBuiltKey() === key) console.log('e2e: dist/ was built from these inputs; not building again');
  else {
    forgetBuiltKey();
    const status = run('npx', ['astro', 'build']);
    if (status !== 0) process.exit(status);
    writeBuiltKey(key);
  }
}
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
