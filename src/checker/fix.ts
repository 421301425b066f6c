/** Applies a finding's suggested fix to the YAML text, keeping comments and layout elsewhere. */
import { isScalar, parseAllDocuments } from 'yaml';
import { splitPointer } from './parse/yaml.ts';
import type { Fix } from './types.ts';

export function applyFix(text: string, fix: Fix): string {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const doc = list[fix.document];
  if (!doc) throw new Error(`the fix targets document ${fix.document + 1}, but the text has ${list.length}`);
  for (const op of fix.ops) {
    const path = splitPointer(op.path).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const existing = doc.getIn(path, true);
    if (op.op === 'remove') doc.deleteIn(path);
    else if (isScalar(existing) && (op.value === null || typeof op.value !== 'object')) existing.value = op.value; // keeps its comment
    else doc.setIn(path, doc.createNode(op.value));
  }
  // Keep the author's sequence style: "key:\n- item" (not indented) or "key:\n  - item".
  const indentSeq = !/^( *)[^\s#-][^\n]*:[ \t]*\n\1- /m.test(text);
  return list
    .map((d, i) => {
      const out = d.toString({ indentSeq });
      return i === 0 && !text.trimStart().startsWith('---') ? out.replace(/^---\n/, '') : out.startsWith('---') ? out : `---\n${out}`;
    })
    .join('');
}
