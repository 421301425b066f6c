/**
 * Writes scripts/data/k8s-api-v0.30.0-enums.json: the enum values kube-openapi adds to the v1.30 OpenAPI schemas
 * of the core, apps and batch groups, which kubernetes-types (the source of gen-k8s-explain.ts) leaves out.
 *
 * kube-openapi (the revision kubernetes v1.30 pins, 70dd3763d340) pkg/generators/enum.go: a type is an enum when it is
 * a string alias whose comment has `+enum`; its values are the constants of that type (first one of each value kept,
 * the longer comment winning). openapi.go generateProperty: a struct field of that type (or a pointer to it) gets
 * `Enum` (the values quoted as Go literals, sorted, i.e. sorted by their quoted form) and its description gains a
 * paragraph "Possible enum values:" with one line per value, `` - `"V"` <comment without the constant's name>``,
 * sorted. Fields that are slices or maps of an enum type get no paragraph (their items carry the enum, which
 * `kubectl explain` does not print).
 *
 *   npx tsx scripts/extract-k8s-enums.ts <k8s.io/api git dir> [tag]
 *
 * reads the Go sources of k8s.io/api at the tag (default v0.30.0) with `git show`; the JSON is checked in, so
 * gen-k8s-explain.ts needs no Go sources.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [gitDir, tag = 'v0.30.0'] = process.argv.slice(2);
if (!gitDir) {
  console.error('usage: npx tsx scripts/extract-k8s-enums.ts <k8s.io/api git dir> [tag]');
  process.exit(2);
}
const git = (...args: string[]) => execFileSync('git', ['-C', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

/** Package dir → the OpenAPI definition prefix of its types. */
const PACKAGES: Record<string, string> = { 'core/v1': 'io.k8s.api.core.v1', 'apps/v1': 'io.k8s.api.apps.v1', 'batch/v1': 'io.k8s.api.batch.v1' };

interface EnumType {
  values: { name: string; value: string; comment: string }[];
}
const enums = new Map<string, EnumType>(); // "core/v1.PullPolicy"
const sources = new Map<string, string>();

for (const pkg of Object.keys(PACKAGES)) {
  for (const file of git('ls-tree', '--name-only', `${tag}:${pkg}`).split('\n')) {
    if (!file.endsWith('.go') || file.endsWith('_test.go') || file.startsWith('zz_generated') || file.startsWith('generated.')) continue;
    sources.set(`${pkg}/${file}`, git('show', `${tag}:${pkg}/${file}`));
  }
}

/** The `//` comment lines right above line i, without the markers (go/ast CommentGroup.Text). */
function docAbove(lines: string[], i: number): string[] {
  const out: string[] = [];
  for (let j = i - 1; j >= 0; j--) {
    const m = /^\s*\/\/ ?(.*)$/.exec(lines[j]!);
    if (!m) break;
    out.unshift(m[1]!);
  }
  return out;
}

// Enum types: `type X string` whose comment carries +enum.
for (const [path, text] of sources) {
  const pkg = path.slice(0, path.lastIndexOf('/'));
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /^type (\w+) string\s*$/.exec(line);
    if (m && docAbove(lines, i).some((l) => l.trim() === '+enum')) enums.set(`${pkg}.${m[1]}`, { values: [] });
  });
}

// Their values: typed string constants, in or out of a const block.
for (const [path, text] of sources) {
  const pkg = path.slice(0, path.lastIndexOf('/'));
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /^(?:const )?\s*(\w+)\s+(\w+)\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(line);
    if (!m || (!line.startsWith('\t') && !line.startsWith('const '))) return;
    const t = enums.get(`${pkg}.${m[2]}`);
    if (!t) return;
    const value = { name: m[1]!, value: JSON.parse(`"${m[3]}"`) as string, comment: docAbove(lines, i).join(' ') };
    // enum.go addIfNotPresent: one entry per value, the longer comment (then the smaller one) wins.
    const existing = t.values.findIndex((v) => v.value === value.value);
    if (existing < 0) t.values.push(value);
    else {
      const e = t.values[existing]!;
      if (e.comment.length < value.comment.length || (e.comment.length === value.comment.length && e.comment > value.comment)) t.values[existing] = value;
    }
  });
}

const goQuote = (s: string) => JSON.stringify(s);
const byteSort = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** enum.go Description: the comment without the constant's name, whitespace collapsed. */
const describe = (v: { name: string; value: string; comment: string }) => {
  const comment = v.comment
    .trim()
    .replace(new RegExp(`^${v.name}`), '')
    .trim()
    .replace(/\s+/g, ' ');
  return ` - \`${goQuote(v.value)}\` ${comment}`;
};

type Out = Record<string, Record<string, { enum: string[]; lines: string[] }>>;
const out: Out = {};
for (const [path, text] of sources) {
  const pkg = path.slice(0, path.lastIndexOf('/'));
  const imports = new Map<string, string>([
    ['v1', 'core/v1'],
    ['corev1', 'core/v1'],
  ]);
  let struct: string | undefined;
  for (const line of text.split('\n')) {
    const open = /^type (\w+) struct \{/.exec(line);
    if (open) {
      struct = open[1];
      continue;
    }
    if (line.startsWith('}')) struct = undefined;
    if (!struct) continue;
    const f = /^\t(\w+)\s+(\*?)((?:\w+\.)?\w+)\s+`json:"(\w+)/.exec(line);
    if (!f) continue;
    const [, , , typ, json] = f;
    const [qual, name] = typ!.includes('.') ? typ!.split('.') : [undefined, typ];
    const typePkg = qual ? imports.get(qual!) : pkg;
    const t = typePkg ? enums.get(`${typePkg}.${name}`) : undefined;
    if (!t?.values.length) continue;
    const def = `${PACKAGES[pkg]}.${struct}`;
    (out[def] ??= {})[json!] = {
      enum: t.values
        .map((v) => goQuote(v.value))
        .sort(byteSort)
        .map((q) => JSON.parse(q) as string),
      lines: t.values
        .map(describe)
        .sort(byteSort)
        .map((l) => l.trimEnd()),
    };
  }
}

const sorted: Out = Object.fromEntries(
  Object.entries(out)
    .sort(([a], [b]) => byteSort(a, b))
    .map(([k, v]) => [k, Object.fromEntries(Object.entries(v).sort(([a], [b]) => byteSort(a, b)))]),
);
const dest = join(dirname(fileURLToPath(import.meta.url)), 'data', `k8s-api-${tag}-enums.json`);
writeFileSync(
  dest,
  `${JSON.stringify({ source: `k8s.io/api@${tag} (+enum types), kube-openapi@70dd3763d340 pkg/generators/enum.go`, definitions: sorted }, null, 1)}\n`,
);
console.log(`wrote ${dest}: ${Object.values(sorted).reduce((n, v) => n + Object.keys(v).length, 0)} fields in ${Object.keys(sorted).length} definitions`);
