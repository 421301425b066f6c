/** Fixes apply only where the document has the expected shape, keep block style, and never break a file. */
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/checker/engine.ts';
import { applyFix, FixError } from '../../src/checker/fix.ts';
import { parseManifests } from '../../src/checker/parse/yaml.ts';
import type { Finding } from '../../src/checker/types.ts';

const head = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: demo\nspec:\n  containers:\n  - name: demo\n    image: cloudnatived/demo:hello\n';

function fixes(text: string): Finding[] {
  const [r] = checkFiles([{ name: 'pod.yaml', text }], { profile: 'restricted' });
  return r!.findings.filter((f) => f.fix);
}

function applyAll(text: string): string[] {
  return fixes(text).map((f) => {
    const out = applyFix(text, f.fix!);
    expect(parseManifests(out, 'pod.yaml').errors).toEqual([]);
    return out;
  });
}

describe("fixes on the review's shapes", () => {
  it('a bare securityContext: (null) gets block-style fields under it', () => {
    const text = `${head}    securityContext:\n`;
    const outs = applyAll(text);
    expect(outs.length).toBeGreaterThanOrEqual(3);
    const drop = applyFix(text, fixes(text).find((f) => f.rule === 'pss-capabilities-restricted')!.fix!);
    expect(drop).toBe(`${head}    securityContext:\n      capabilities:\n        drop:\n        - ALL\n`);
    for (const o of outs) expect(o).not.toMatch(/\{\}|\{ /);
  });
  it('securityContext: {} becomes a block mapping', () => {
    const text = `${head}    securityContext: {}\n`;
    const f = fixes(text).find((x) => x.rule === 'pss-privilege-escalation')!;
    expect(applyFix(text, f.fix!)).toBe(`${head}    securityContext:\n      allowPrivilegeEscalation: false\n`);
  });
  it.each([
    ['capabilities: []', `${head}    securityContext:\n      capabilities: []\n`, 'pss-capabilities-restricted'],
    ["securityContext: ''", `${head}    securityContext: ''\n`, 'pss-privilege-escalation'],
    ['securityContext: [{}]', `${head}    securityContext: [{}]\n`, 'pss-privilege-escalation'],
    ['securityContext as a list item', `${head}    securityContext:\n      - ""\n`, 'pss-privilege-escalation'],
  ])('%s: the finding is reported without a fix that cannot work', (_n, text, rule) => {
    const [r] = checkFiles([{ name: 'pod.yaml', text }], { profile: 'restricted' });
    const f = r!.findings.find((x) => x.rule === rule)!;
    expect(f).toBeDefined();
    expect(f.fix).toBeUndefined();
  });
  it('a stale fix on a changed shape is refused with a clear message, not applied', () => {
    const f = fixes(`${head}    securityContext:\n`).find((x) => x.rule === 'pss-capabilities-restricted')!;
    expect(() => applyFix(`${head}    securityContext:\n      capabilities: []\n`, f.fix!)).toThrowError(
      new FixError('the fix does not apply here: /spec/containers/0/securityContext/capabilities is a list, not a mapping'),
    );
    expect(() => applyFix('kind: Pod\n  bad: [\n', f.fix!)).toThrowError('the text does not parse; correct the YAML first');
  });
  it('a !!binary or !!float tag on the target is replaced with the plain value', () => {
    const text = `${head}    securityContext:\n      allowPrivilegeEscalation: !!binary dHJ1ZQ==\n`;
    const f = fixes(text).find((x) => x.rule === 'pss-privilege-escalation')!;
    expect(applyFix(text, f.fix!)).toBe(`${head}    securityContext:\n      allowPrivilegeEscalation: false\n`);
  });
  it('F3: a tagged kind survives a fix elsewhere (or the fix is refused)', () => {
    const text =
      'apiVersion: v1\nkind: !!str Pod\nmetadata:\n  name: demo\nspec:\n  containers:\n  - name: demo\n    image: nginx\n    securityContext:\n      privileged: true\n';
    for (const f of fixes(text)) {
      const out = applyFix(text, f.fix!);
      const m = parseManifests(out, 'pod.yaml');
      expect(m.errors).toEqual([]);
      expect(m.objects[0]?.kind).toBe('Pod');
    }
  });
  it('line endings and a BOM are kept', () => {
    const text = `\ufeff${head}    securityContext:\n      privileged: true\n`.replace(/\n/g, '\r\n');
    const f = fixes(text).find((x) => x.rule === 'pss-privileged')!;
    const out = applyFix(text, f.fix!);
    expect(out.startsWith('\ufeffapiVersion: v1\r\nkind: Pod\r\n')).toBe(true);
    expect(out).not.toMatch(/[^\r]\n/);
  });
  it('a fix inside aliased (shared) content is not offered', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec:\n    containers:\n    - name: a\n      image: nginx\n      securityContext: &sc\n        privileged: true\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: b}\n  spec:\n    containers:\n    - name: b\n      image: nginx\n      securityContext: *sc\n';
    const [r] = checkFiles([{ name: 'l.yaml', text }], { profile: 'restricted' });
    const priv = r!.findings.filter((f) => f.rule === 'pss-privileged');
    expect(priv).toHaveLength(2);
    expect(priv.map((f) => f.fix)).toEqual([undefined, undefined]);
  });
});
