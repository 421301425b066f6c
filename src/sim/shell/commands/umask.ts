import type { SimCommand } from '../types.ts';
import { parseMode } from '../modes.ts';

/** The umask a process has when nothing set one: 022 (the kernel's default for init, login(1)'s UMASK in login.defs). */
export const DEFAULT_UMASK = 0o022;

/** "u=%s,g=%s,o=%s": a letter for each bit the mask leaves clear (bash-5.2:builtins/umask.def print_symbolic_umask). */
function symbolic(um: number): string {
  const bits = (shift: number) => ['r', 'w', 'x'].filter((_, i) => (um & ((4 >> i) << shift)) === 0).join('');
  return `u=${bits(6)},g=${bits(3)},o=${bits(0)}\n`;
}

/** What bash's parse_symbolic_mode says of a mode it cannot read: `[agou]*[-+=][rwx]*` clauses joined by commas. */
function badSymbolic(mode: string): string | undefined {
  for (let s = 0; ; ) {
    while ('agou'.includes(mode[s] ?? '-')) s++;
    const op = mode[s++] ?? '';
    if (!'+-='.includes(op) || !op) return `\`${op}': invalid symbolic mode operator`;
    while ('rwx'.includes(mode[s] ?? '-')) s++;
    if (s >= mode.length) return undefined;
    if (mode[s] !== ',') return `\`${mode[s]}': invalid symbolic mode character`;
    s++;
  }
}

/**
 * The shell's `umask` builtin, run by the shell itself (bashsem.ts renames the word): the mask is the shell process's
 * own (a subshell's stays its own), and the files it and its children create take it (simfs.ts created).
 * bash@bash-5.2.21:builtins/umask.def umask_builtin: options "Sp"; no operand prints "%04lo\n" (with -p first
 * "umask " or "umask -S "), -S print_symbolic_umask; an operand beginning with a digit is read_octal (more than
 * 0777 or not octal: sh_erange "%s: octal number out of range", 1), any other a symbolic mode applied to the bits the
 * mask leaves clear (symbolic_umask: parse_symbolic_mode (mode, ~um & 0777)), with -S then printed symbolically.
 * dash and busybox ash print the same "%04o" and "u=…,g=…,o=…" forms (dash@v0.5.12:src/mystring.c/umask in
 * src/miscbltin.c umaskcmd; busybox@1_36_1:shell/ash.c umaskcmd).
 */
export const umask: SimCommand = {
  name: '__cc_umask',
  noProcess: true,
  async run(args, env) {
    const self = env.self;
    const sh = env.session.shell === 'sh' ? 'sh' : 'bash';
    let sym = false;
    let p = false;
    let i = 0;
    for (; i < args.length && /^-./.test(args[i] as string); i++) {
      const a = args[i] as string;
      if (a === '--') {
        i++;
        break;
      }
      for (const c of a.slice(1)) {
        if (c === 'S') sym = true;
        else if (c === 'p') p = true;
        else return { stdout: '', stderr: `${sh}: umask: -${c}: invalid option\numask: usage: umask [-p] [-S] [mode]\n`, exitCode: 2 };
      }
    }
    const cur = self.umask ?? DEFAULT_UMASK;
    const mode = args[i];
    if (mode === undefined) {
      const head = p ? `umask${sym ? ' -S' : ''} ` : '';
      return { stdout: head + (sym ? symbolic(cur) : `${cur.toString(8).padStart(4, '0')}\n`), stderr: '', exitCode: 0 };
    }
    let next: number | undefined;
    if (/^\d/.test(mode)) {
      next = /^[0-7]+$/.test(mode) ? Number.parseInt(mode, 8) : undefined;
      if (next === undefined || next > 0o777) return { stdout: '', stderr: `${sh}: umask: ${mode}: octal number out of range\n`, exitCode: 1 };
    } else {
      const bad = badSymbolic(mode);
      const bits = bad ? undefined : parseMode(mode, ~cur & 0o777, true, 0);
      if (bits === undefined) return { stdout: '', stderr: `${sh}: umask: ${bad ?? `\`${mode[0]}': invalid symbolic mode operator`}\n`, exitCode: 1 };
      next = ~bits & 0o777;
    }
    self.umask = next;
    return { stdout: sym ? symbolic(next) : '', stderr: '', exitCode: 0 };
  },
};
