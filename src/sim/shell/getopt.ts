/**
 * glibc's getopt_long, for the GNU tools of the Ubuntu host (coreutils, procps-ng, psmisc):
 * short options from an optstring (`x:` takes a value, a leading `+` stops at the first
 * operand, else operands are permuted to the end), long options by unique prefix, `--`.
 * Errors in glibc 2.39's words (posix/getopt.c): `invalid option -- 'x'`,
 * `option requires an argument -- 'x'`, `unrecognized option '--x'`,
 * `option '--x' requires an argument`, `option '--x' doesn't allow an argument`,
 * `option '--x' is ambiguous; possibilities: '--xa' '--xb'`.
 */

export interface LongOpt {
  name: string;
  /** 'none', 'required' or 'optional' (only as `--name=value`). */
  arg: 'none' | 'required' | 'optional';
  /** The key reported for it (a short letter, or the long name). */
  key: string;
}

export type GetoptResult = { ok: true; opts: [key: string, value: string | undefined][]; operands: string[] } | { ok: false; error: string };

/** Parses `args` as glibc does; `error` is the message without the program name (`invalid option -- 'z'`). */
export function getopt(args: string[], optstring: string, longs: LongOpt[] = []): GetoptResult {
  const stopAtOperand = optstring.startsWith('+');
  const spec = optstring.replace(/^[+-]/, '');
  const takes = (ch: string): 'none' | 'required' | 'optional' | undefined => {
    const i = spec.indexOf(ch);
    if (i < 0 || ch === ':') return undefined;
    if (spec[i + 1] !== ':') return 'none';
    return spec[i + 2] === ':' ? 'optional' : 'required';
  };
  const opts: [string, string | undefined][] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, ...v] = a.slice(2).split('=');
      const value = v.length ? v.join('=') : undefined;
      const exact = longs.find((l) => l.name === name);
      const matches = exact ? [exact] : longs.filter((l) => l.name.startsWith(name as string));
      const distinct = new Set(matches.map((m) => `${m.key}/${m.arg}`));
      if (!matches.length) return { ok: false, error: `unrecognized option '${a.split('=')[0]}'` };
      if (distinct.size > 1)
        return { ok: false, error: `option '${a.split('=')[0]}' is ambiguous; possibilities:${matches.map((m) => ` '--${m.name}'`).join('')}` };
      const l = matches[0] as LongOpt;
      if (l.arg === 'none' && value !== undefined) return { ok: false, error: `option '--${l.name}' doesn't allow an argument` };
      if (l.arg === 'required' && value === undefined) {
        if (i + 1 >= args.length) return { ok: false, error: `option '--${l.name}' requires an argument` };
        opts.push([l.key, args[++i]]);
      } else opts.push([l.key, value]);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j] as string;
        const t = takes(ch);
        if (!t) return { ok: false, error: `invalid option -- '${ch}'` };
        if (t === 'none') {
          opts.push([ch, undefined]);
          continue;
        }
        if (j + 1 < a.length) opts.push([ch, a.slice(j + 1)]);
        else if (t === 'optional') opts.push([ch, undefined]);
        else if (i + 1 < args.length) opts.push([ch, args[++i]]);
        else return { ok: false, error: `option requires an argument -- '${ch}'` };
        break;
      }
      continue;
    }
    if (stopAtOperand) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(a);
  }
  return { ok: true, opts, operands };
}

/** coreutils' usage(EXIT_FAILURE) tail after a getopt error (src/system.h emit_try_help). */
export function tryHelp(prog: string, error: string): string {
  return `${prog}: ${error}\nTry '${prog} --help' for more information.\n`;
}

/**
 * A shell's getopts-style scan (bash's internal_getopt, dash's getopts): single-letter flags, grouped or
 * not, up to the first operand, a lone `-` or `--` (which is dropped). `bad` is the first letter not in
 * `letters`; the caller words the error as its shell does.
 */
export function shellFlags(args: string[], letters: string): { flags: string[]; operands: string[]; bad?: string } {
  const flags: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (const c of a.slice(1)) {
      if (!letters.includes(c)) return { flags, operands: [], bad: c };
      flags.push(c);
    }
  }
  return { flags, operands: args.slice(i) };
}
