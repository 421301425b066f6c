/**
 * bash's $'…' quoting of a value it prints (bash@bash-5.2.21:lib/sh/strtrans.c ansic_quote, ansic_shouldquote), used
 * by `set -x` for a word or an assigned value without shell metacharacters (print_cmd.c xtrace_print_word_list,
 * xtrace_print_assignment) and by `declare -p` (variables.c print_var_value).
 */

/** ansic_shouldquote: a character that is not printable (ASCII controls and DEL, or C1 controls: iswprint). */
export function ansicShouldQuote(s: string): boolean {
  return /[\0-\x1f\x7f-\x9f]/.test(s);
}

const NAMED: Record<string, string> = { '\x1b': 'E', '\x07': 'a', '\v': 'v', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\\': '\\', "'": "'" };

/** ansic_quote: `$'…'` with \E \a \v \b \f \n \r \t \\ \' and other unprintable bytes as \ooo (their UTF-8 bytes). */
export function ansicQuote(s: string): string {
  let out = "$'";
  for (const ch of s) {
    const named = NAMED[ch];
    if (named) out += `\\${named}`;
    else if (ansicShouldQuote(ch)) for (const b of new TextEncoder().encode(ch)) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/** just-bash's `declare -p` writes ESC as \e inside $'…' where bash's ansic_quote writes \E. */
export function bashAnsicEscapes(text: string): string {
  return text.replace(/\$'((?:[^'\\]|\\.)*)'/g, (_m, body: string) => `$'${body.replace(/\\(.)/g, (e, c: string) => (c === 'e' ? '\\E' : e))}'`);
}
