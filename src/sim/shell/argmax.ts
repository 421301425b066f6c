/** The sizes execve(2) allows a command's arguments and environment (linux@v6.8:fs/exec.c, include/uapi/linux/binfmts.h). */

/** execve's limits: one string at most 128 KiB (MAX_ARG_STRLEN), argv plus environment about 2 MiB. */
export function tooBig(argv: string[], env: ReadonlyMap<string, string> | Iterable<[string, string]>): boolean {
  // Every command a line runs asks this: the sizes are counted, not encoded (no copy of each string and variable), and
  // the variables are walked with forEach: just-bash hands a command a guarded view of its map, whose iterators wrap every entry.
  let total = 0;
  let one = false;
  for (const s of argv) {
    const n = utf8Length(s) + 1;
    if (n > 131072) return true;
    total += n;
  }
  const count = (v: string, k: string) => {
    const n = utf8Length(k) + 1 + utf8Length(v) + 1;
    if (n > 131072) one = true;
    total += n;
  };
  if ('get' in env) env.forEach(count);
  else for (const [k, v] of env) count(v, k);
  return one || total > 2 * 1024 * 1024;
}

/** The length of a string in UTF-8, as TextEncoder encodes it (a lone surrogate becomes U+FFFD, three bytes). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
