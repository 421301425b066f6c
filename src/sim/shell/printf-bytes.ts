/**
 * bash's printf writes the byte an escape names: `printf '\x80\xff'` is the two bytes 80 ff
 * (bash@bash-5.2:builtins/printf.def tescape, `case 'x'`: the value is stored as one char and
 * PC() writes it with putchar). just-bash's printf yields the char U+0080, which its output
 * would encode as UTF-8 (c2 80). When every argument is ASCII and none uses \u or \U (so no
 * char above 0x7f came from text or a Unicode escape), each char 0x80-0xff of the output is
 * such a byte: the result is marked as bytes, which pipes and redirects pass through unchanged.
 */
export function printfBytes<T extends { stdout: string }>(args: string[], r: T): T & { stdoutKind?: 'bytes' } {
  if (!/[\u0080-\u00ff]/.test(r.stdout)) return r;
  if (args.some((a) => /[^\x00-\x7f]/.test(a) || /\\[uU]/.test(a))) return r;
  return { ...r, stdoutKind: 'bytes' as const };
}
