/**
 * `!!` on a line typed at bash's prompt: history expansion (`set -o histexpand`, on in an interactive shell).
 *
 * bash@bash-5.2.21:lib/readline/histexpand.c history_expand: `!` begins an event designator unless a blank, a
 * newline, `=` or `(` follows it (history_no_expand_chars, bash's extglob check); a backslash before it keeps it, and
 * so do single quotes (bash sets history_quotes_inhibit_expansion) but not double quotes. `!!` is the previous
 * command; with none, hist_error says "%s: event not found" for the event's text. bash@bash-5.2.21:bashhist.c
 * pre_process_line then prints the expanded line on stderr before the line runs (`fprintf (stderr, "%s\n", …)`), or
 * the error by internal_error ("-bash: !!: event not found"), and the line does not run.
 * Only `!!` is expanded here; other designators (`!$`, `!n`, `!str`) stay as typed.
 */

/** The line with each `!!` expanded from `previous` (the last line typed), or the error; undefined when it has none. */
export function bangBang(line: string, previous: string | undefined): { line: string } | { error: string } | undefined {
  let out = '';
  let found = false;
  let single = false;
  let double = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (single) {
      if (c === "'") single = false;
      out += c;
      continue;
    }
    if (c === '\\' && i + 1 < line.length) {
      out += c + line[++i];
      continue;
    }
    if (c === "'" && !double) single = true;
    if (c === '"') double = !double;
    if (c === '!' && line[i + 1] === '!') {
      if (previous === undefined) return { error: '!!: event not found' };
      out += previous;
      found = true;
      i++;
      continue;
    }
    out += c;
  }
  return found ? { line: out } : undefined;
}
