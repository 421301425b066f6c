// Issue #14: the key of the site's build inputs, so that `npm run test:e2e` builds the site only when they changed.
// The inputs are every file git lists (tracked, or untracked and not ignored) but the tests' own (tests/, the
// Vitest, Playwright, Biome and knip configs, CI's script): the pages, the content, src/, scripts/ that pages
// import, public/, astro.config.mjs, the lock file; then the installed packages' lock
// (node_modules/.package-lock.json) and Node's version. The key of the build in
// dist/ is kept beside node_modules' other caches with dist/index.html's time: a build run by hand (`npx astro build`,
// which writes no key) changes that time, so its dist/ is never taken for the keyed one. The key is removed before a
// build starts, so a build that fails or is cut short leaves none.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const KEY_FILE = 'node_modules/.cache/container-course/e2e-build-key.txt';
const BUILT = 'dist/index.html';
const NOT_BUILT_FROM = /^(tests\/|\.ci\/|(vitest|playwright)\.config\.ts$|(biome|knip)\.jsonc$)/;

export function buildKey() {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && !NOT_BUILT_FROM.test(f) && existsSync(f))
    .sort();
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  for (const f of [...files, 'node_modules/.package-lock.json']) {
    hash.update(`${f}\0`);
    hash.update(existsSync(f) ? readFileSync(f) : '(none)');
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The key dist/ was built from, or null (no build, or one this script did not record). */
export function readBuiltKey() {
  if (!existsSync(BUILT) || !existsSync(KEY_FILE)) return null;
  const [key, time] = readFileSync(KEY_FILE, 'utf8').trim().split(' ');
  return time === String(statSync(BUILT).mtimeMs) ? key : null;
}

export function forgetBuiltKey() {
  rmSync(KEY_FILE, { force: true });
}

export function writeBuiltKey(key) {
  mkdirSync(dirname(KEY_FILE), { recursive: true });
  writeFileSync(KEY_FILE, `${key} ${statSync(BUILT).mtimeMs}\n`);
}
