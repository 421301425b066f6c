import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/checker/engine.ts';
import { applyFix } from '../../src/checker/fix.ts';

const pod = `# the demo pod
apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
  - name: demo
    image: cloudnatived/demo:hello
    securityContext:
      allowPrivilegeEscalation: true # keep this comment
`;

describe('suggested fixes', () => {
  it('a finding carries a JSON-patch fix that applyFix applies to the YAML, keeping comments', () => {
    const [r] = checkFiles([{ name: 'pod.yaml', text: pod }], { profile: 'restricted' });
    const f = r!.findings.find((x) => x.rule === 'pss-privilege-escalation')!;
    expect(f.fix).toEqual({
      description: f.remediation,
      document: 0,
      ops: [{ op: 'replace', path: '/spec/containers/0/securityContext/allowPrivilegeEscalation', value: false }],
    });
    const fixed = applyFix(pod, f.fix!);
    expect(fixed).toContain('# the demo pod');
    expect(fixed).toContain('allowPrivilegeEscalation: false # keep this comment');
    const [again] = checkFiles([{ name: 'pod.yaml', text: fixed }], { profile: 'restricted' });
    expect(again!.findings.filter((x) => x.rule === 'pss-privilege-escalation')).toEqual([]);
  });
  it('adds missing nested fields', () => {
    const [r] = checkFiles([{ name: 'pod.yaml', text: pod }], { profile: 'restricted' });
    const f = r!.findings.find((x) => x.rule === 'pss-seccomp-restricted')!;
    const fixed = applyFix(pod, f.fix!);
    expect(fixed).toContain('seccompProfile:\n        type: RuntimeDefault');
  });
});
