import { LIMITS } from '../limits.ts';
import { headBytesArg, headCount, readWants } from '../readsize.ts';
import type { SimCommand } from '../types.ts';
import { openErrors } from '../openerror.ts';

/** An endless device among head's operands (/dev/zero, /dev/urandom…). */
const ENDLESS = /^\/dev\/(?:zero|full|u?random)$/;

/**
 * head: just-bash's head, with `-c N` read as coreutils and busybox read it. just-bash takes
 * `-c 5M` as 5; coreutils@v9.4:src/head.c string_to_integer takes the suffixes of xdectoumax
 * ("bkKmMGTPEZYRQ0") and says `head: invalid number of bytes: ‘5X’`; busybox@1_36_1:coreutils/head.c
 * takes b, k, m (xatoul_sfx) and says `head: invalid number '5X'` (libbb/xatonum_template.c). A count past
 * uintmax_t: gnulib's xnumtoumax adds EOVERFLOW's text.
 * Of an endless device it reads N bytes (fs/devfs.ts wants) when they fit a string of the line;
 * more stops the line with the simulator's note, where a real head would go on. A file it cannot open: openerror.ts.
 */
export const head: SimCommand = {
  name: 'head',
  async run(args, env) {
    const r = await headOf(args, env);
    return openErrors('head', r, operands(args), env.fs, env.cwd, env.flavor === 'busybox', headed(args));
  },
};

/** The command of the file's head, before its open errors are worded (openerror.ts). */
const headOf: SimCommand['run'] = async (args, env) => {
  const orig = env.orig;
  if (!orig) return { stdout: '', stderr: 'head: not available\n', exitCode: 1 };
  const arg = headBytesArg(args);
  if (arg === undefined) return orig(args);
  const n = headCount(arg, env.flavor);
  if (n === 'invalid' || n === 'overflow') {
    const why = n === 'overflow' ? ': Value too large for defined data type' : '';
    const msg =
      env.flavor === 'busybox'
        ? `head: invalid number '${arg}'\n`
        : `head: invalid number of bytes: ${env.session.root === 'host' ? `‘${arg}’` : `'${arg}'`}${why}\n`;
    return { stdout: '', stderr: msg, exitCode: 1 };
  }
  if (n === undefined) return orig(args);
  const files = operands(args);
  if (n > LIMITS.stringBytes && files.some((f) => ENDLESS.test(env.fs.resolvePath(env.cwd, f)))) return env.stopLine('work');
  // just-bash's head with the count in plain bytes; an endless device serves what it asks.
  readWants.set(env.self, n);
  try {
    return await orig(['-c', String(n), ...withoutCount(args)]);
  } finally {
    readWants.delete(env.self);
  }
};

/** head's file operands. */
function operands(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return [...out, ...args.slice(i + 1)];
    if (a === '-c' || a === '-n' || a === '--bytes' || a === '--lines') i++;
    else if (!a.startsWith('-') || a === '-') out.push(a);
  }
  return out;
}

/** head's arguments without its byte counts. */
function withoutCount(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return [...out, ...args.slice(i)];
    if (a === '-c' || a === '--bytes') i++;
    else if (!a.startsWith('--bytes=') && !/^-c./.test(a)) out.push(a);
  }
  return out;
}

/** Whether it prints `==> NAME <==` headers: more than one operand and no -q (coreutils print_headers), or -v. */
function headed(args: string[]): boolean {
  if (args.some((a) => a === '-v' || a === '--verbose')) return true;
  return operands(args).length > 1 && !args.some((a) => a === '-q' || a === '--quiet' || a === '--silent');
}
