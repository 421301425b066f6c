import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'cc-check-'));
const pod = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: demo
    image: cloudnatived/demo:hello
    securityContext:
      allowPrivilegeEscalation: false
      capabilities:
        drop: ["ALL"]
`;
writeFileSync(join(dir, 'pod.yaml'), pod);
writeFileSync(join(dir, 'bad.yaml'), pod.replace('        drop: ["ALL"]', '      drop: ["ALL"]'));
writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:12\nCOPY demo /demo\nCMD ["/demo"]\n');
writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x61, 0x3a, 0x00]));

describe('container-course check', () => {
  it('passes a restricted-compliant pod with exit 0', async () => {
    const r = await runCli(['check', '--profile', 'restricted', 'pod.yaml'], { cwd: dir });
    expect(r).toEqual({ code: 0, stderr: '', stdout: '1 file checked: 0 errors, 0 warnings; all passed\n' });
  });
  it('reports the S0 indentation bug with line, path, object and container (exit 1)', async () => {
    const r = await runCli(['check', '--profile', 'restricted', '--format', 'json', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.passed).toBe(false);
    expect(j.files[0].findings.map((f: Record<string, unknown>) => `${f.rule} ${f.line}:${f.column} ${f.path} ${f.container}`)).toEqual([
      'pss-capabilities-restricted 14:7 /spec/containers/0/securityContext/capabilities/drop demo',
      'k8s-unknown-field 15:7 /spec/containers/0/securityContext/drop demo',
    ]);
    expect(j.files[0].findings[1]).toMatchObject({ severity: 'error', object: { kind: 'Pod', name: 'demo' }, value: 'drop' });
  });
  it('reads standard input, in Chinese', async () => {
    const r = await runCli(['check', '-', '--locale', 'zh-cn', '--profile', 'baseline'], { cwd: dir, stdin: pod.replace('cloudnatived/demo:hello', 'Demo') });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        '-:11:5: error image-valid: 容器 "demo" 的镜像引用无效：invalid reference format: repository name (library/Demo) must be lowercase [Pod/demo, container demo]',
        '    /spec/containers/0/image',
        '    修复: 按 [registry[:port]/]repository[:tag][@sha256:digest] 书写，全部小写、不含空格。可用 `container-course ref <镜像>` 检查。',
        '已检查 1 个文件：1 个错误，0 个警告；1 个未通过',
        '',
      ].join('\n'),
    );
  });
  it('checks a Dockerfile against the manifest (cross-file) and writes SARIF', async () => {
    const r = await runCli(['check', '--format', 'sarif', '--profile', 'restricted', 'pod.yaml', 'Dockerfile'], { cwd: dir });
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s.version).toBe('2.1.0');
    const results = s.runs[0].results.map(
      (x: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) =>
        `${x.ruleId} ${x.level} ${x.locations[0]!.physicalLocation.artifactLocation.uri}:${x.locations[0]!.physicalLocation.region.startLine}`,
    );
    expect(results).toEqual(['x-root-image-run-as-non-root error pod.yaml:7', 'df-from-digest note Dockerfile:1', 'df-user-non-root error Dockerfile:1']);
    expect(s.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['x-root-image-run-as-non-root', 'df-from-digest', 'df-user-non-root']);
  });
  it('writes JUnit', async () => {
    const r = await runCli(['check', '--format', 'junit', '--profile', 'restricted', 'bad.yaml'], { cwd: dir });
    expect(r.stdout).toContain('<testsuite name="bad.yaml" tests="2" failures="2">');
    expect(r.stdout).toContain('<failure message="Pod in version &quot;v1&quot; cannot be handled as a Pod: strict decoding error');
  });
  it('syntax errors are error findings (exit 1); unreadable input exits 2', async () => {
    const r = await runCli(['check', '-'], { stdin: 'kind: Pod\nmetadata:\n  name: a\n  name: b\n' });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('-:4:3: error syntax: Map keys must be unique');
    expect(await runCli(['check', 'nope.yaml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'container-course check: nope.yaml: no such file or directory\n',
    });
    expect(await runCli(['check', 'bin.yaml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'container-course check: bin.yaml:1:3: file looks binary (it contains a NUL byte); expected YAML or a Dockerfile\n',
    });
  });
  it('usage errors exit 2', async () => {
    expect((await runCli(['check'])).code).toBe(2);
    expect((await runCli(['check', '--format', 'xml', 'a'])).stderr).toMatch(
      /^container-course check: invalid value "xml" for --format; choose one of: text, json, sarif, junit\n/,
    );
    expect((await runCli(['check', '--profile'])).stderr).toMatch(/^container-course check: flag needs an argument: --profile\n/);
    expect((await runCli(['check', '--help'])).stdout).toMatch(/^Usage: container-course check \[options\] FILE\.\.\.\n/);
  });
});

describe('container-course check --image', () => {
  it('applies cross-file rules only to containers of that repository', async () => {
    const other = await runCli(['check', '--format', 'json', '--profile', 'restricted', '--image', 'example/other:1.0', 'pod.yaml', 'Dockerfile'], {
      cwd: dir,
    });
    expect(JSON.parse(other.stdout).files[0].findings).toEqual([]);
    const same = await runCli(['check', '--format', 'json', '--image', 'docker.io/cloudnatived/demo', 'pod.yaml', 'Dockerfile'], { cwd: dir });
    expect(JSON.parse(same.stdout).files[0].findings.map((f: { rule: string }) => f.rule)).toContain('x-root-image-run-as-non-root');
    expect((await runCli(['check', '--image', 'Bad Ref', 'pod.yaml'], { cwd: dir })).stderr).toBe(
      'container-course check: --image Bad Ref: invalid reference format: repository name (library/Bad Ref) must be lowercase\n',
    );
  });
});
