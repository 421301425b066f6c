/**
 * A MODE operand as gnulib's modechange.c (coreutils@v9.4 mkdir -m) and busybox@1_36_1:libbb/parse_mode.c read
 * it: octal digits, or comma-separated symbolic clauses `[ugoa]*([-+=]([rwxXst]*|[ugo]))+` applied to `base`.
 * A clause without who letters is masked by the umask (gnulib mode_adjust: `affected = ~umask`). Undefined: the
 * operand is not a mode.
 */
export function parseMode(spec: string, base: number, isDir: boolean, umask = 0o022): number | undefined {
  if (/^[0-7]+$/.test(spec)) {
    const n = Number.parseInt(spec, 8);
    return n > 0o7777 ? undefined : n;
  }
  let mode = base;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] ?? '';
    let mask = 0;
    if (!who) mask = 0o7777 & ~umask;
    if (who.includes('u') || who.includes('a')) mask |= 0o4700;
    if (who.includes('g') || who.includes('a')) mask |= 0o2070;
    if (who.includes('o') || who.includes('a')) mask |= 0o1007;
    for (const op of (m[2] ?? '').match(/[-+=][^-+=]*/g) ?? []) {
      const perms = op.slice(1);
      let bits = 0;
      if (/^[ugo]$/.test(perms)) {
        // u, g or o: copy that class's current bits to every class.
        const shift = perms === 'u' ? 6 : perms === 'g' ? 3 : 0;
        const v = (mode >> shift) & 7;
        bits = (v << 6) | (v << 3) | v;
      } else
        for (const p of perms) {
          if (p === 'r') bits |= 0o444;
          if (p === 'w') bits |= 0o222;
          if (p === 'x' || (p === 'X' && (isDir || (mode & 0o111) !== 0))) bits |= 0o111;
          if (p === 's') bits |= 0o6000;
          if (p === 't') bits |= 0o1000;
        }
      const eff = bits & mask;
      if (op[0] === '+') mode |= eff;
      else if (op[0] === '-') mode &= ~eff;
      else mode = (mode & ~(who ? mask : 0o7777)) | eff;
    }
  }
  return mode & 0o7777;
}
