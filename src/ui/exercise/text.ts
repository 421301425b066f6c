/** Pure text helpers of the exercise panels (no DOM): UI string placeholders, field paths, values. */

/** Fills `{name}` placeholders; unknown ones stay as they are. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** JSON pointer → dotted field path: /spec/containers/0/securityContext → spec.containers[0].securityContext */
export function dottedPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(seg) ? `[${seg}]` : out ? `.${seg}` : seg;
  }
  return out || pointer;
}

/** An effective value as the learner reads it. */
export function showValue(v: unknown, unset: string): string {
  if (v === undefined) return unset;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The Monaco language of an exercise file: Dockerfile highlighting, YAML (with the schema), shell. */
export function languageOf(file: string): string {
  if (/(^|\/)(Dockerfile|Containerfile)([.-][\w.-]+)?$/i.test(file) || /\.dockerfile$/i.test(file)) return 'dockerfile';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.(sh|bash)$/i.test(file)) return 'shell';
  return 'plaintext';
}

/** What an editor exercise opens with: each starting file, or the learner's saved text of it. */
export function openingFiles(start: Record<string, string>, saved: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.keys(start).map((n) => [n, saved?.[n] ?? start[n] ?? '']));
}
