/**
 * The simulator's one lexical path normalizer (image trees, the kernel's path walk, generated filesystems, the
 * shell's mounts, realpath -s): `.` and empty components dropped, `..` taking off the component before it (none above
 * the root), no trailing slash but the root's. A path not starting with `/` is taken from the root. No link is
 * followed here: fs/namei.ts walks links; this only spells a path.
 */

/** What normalizePath changes: a path not from the root, an empty, `.` or `..` component, a trailing `/` (but the root's). */
const NOT_NORMAL = /^(?!\/)|\/\/|\/\.\.?(?:\/|$)|.\/$/;

/** Whether normalizePath gives `p` back as it is. */
export function isNormalPath(p: string): boolean {
  return !NOT_NORMAL.test(p);
}

/** `p` as a normal absolute path (a relative `p` is read from `/`). */
export function normalizePath(p: string): string {
  // Most paths asked for are normal already (image/overlay.ts looks each one up in every layer): given back as they are.
  if (isNormalPath(p)) return p;
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}
