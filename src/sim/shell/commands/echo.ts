/**
 * bash's echo builtin (bash-5.2:builtins/echo.def, xpg_echo off): leading words made only of
 * -n, -e, -E are options; -e interprets backslash escapes (\c stops all output). Run directly,
 * not through just-bash's own echo, because loops call it thousands of times.
 */
export function echo(args: string[]): { stdout: string; stderr: string; exitCode: number } {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (!/^-[neE]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const cut = text.search(/\\c/);
    const stop = cut >= 0 && !/\\\\$/.test(text.slice(0, cut).replace(/\\\\\\\\/g, ''));
    if (stop) {
      text = text.slice(0, cut);
      newline = false;
    }
    text = text.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[abefnrtv\\E])/g, (_, e: string) => {
      const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
      if (e in simple) return simple[e] as string;
      if (e[0] === '0') return String.fromCharCode(parseInt(e.slice(1) || '0', 8));
      return String.fromCodePoint(parseInt(e.slice(1), 16));
    });
  }
  return { stdout: newline ? `${text}\n` : text, stderr: '', exitCode: 0 };
}
