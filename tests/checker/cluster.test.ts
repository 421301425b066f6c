/**
 * The `cluster` check template (src/checker/cluster/): the learner's manifests applied to a
 * fresh simulated cluster, the end state graded, and the feedback quoting what the cluster said.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeOnCluster, needsCluster } from '../../src/checker/cluster/index.ts';
import { parseClusterParams, type ClusterParams } from '../../src/checker/cluster/params.ts';
import { runClusterCheck } from '../../src/checker/cluster/run.ts';
import { loadExercise } from '../../src/checker/exercise/load.ts';
import { grade, withoutStarterCredit } from '../../src/checker/grade.ts';
import { gradeContent } from '../../src/cli/grade-core.ts';
import type { Exercise } from '../../src/schemas/exercise.ts';
import { createWorld } from '../../src/sim/index.ts';

function params(raw: unknown): ClusterParams {
  const p = parseClusterParams(raw);
  if ('error' in p) throw new Error(p.error);
  return p.params;
}

const run = (files: Record<string, string>, raw: unknown) => runClusterCheck(files, params(raw), createWorld as never);

function load(id: string): Exercise {
  const r = loadExercise(readFileSync(`content/exercises/${id}.yaml`, 'utf8'), `${id}.yaml`);
  if ('error' in r) throw new Error(r.error);
  return r.exercise;
}

const RESTRICTED = { namespace: 'team', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } };

/** A pod that passes Pod Security restricted: non-root, no escalation, no capabilities, RuntimeDefault seccomp. */
const HARDENED = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 1000
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: app
    image: alpine:3.20
    command: ["sleep", "3600"]
    securityContext:
      allowPrivilegeEscalation: false
      capabilities: {drop: ["ALL"]}
`;

const ID_AND_SECCOMP = [
  { container: 'app', command: ['id'], matches: '^uid=1000 ', expected: { en: 'it should run as UID 1000', 'zh-cn': '应以 UID 1000 运行' } },
  {
    container: 'app',
    command: ['grep', 'Seccomp', '/proc/1/status'],
    matches: '^Seccomp:\\t2$',
    expected: { en: 'seccomp should filter (mode 2)', 'zh-cn': 'seccomp 应处于过滤模式（2）' },
  },
];

describe('the cluster check', () => {
  it('passes a hardened pod in a restricted namespace: Running and Ready, id shows the UID, Seccomp: 2', async () => {
    const r = await run({ 'pod.yaml': HARDENED }, { ...RESTRICTED, exec: ID_AND_SECCOMP });
    expect(r.feedback).toBeUndefined();
    expect(r.passed).toBe(true);
  });

  it('quotes Pod Security admission when the namespace refuses the pod', async () => {
    const pod = HARDENED.replace('    seccompProfile: {type: RuntimeDefault}\n', '');
    const r = await run({ 'pod.yaml': pod }, RESTRICTED);
    expect(r.passed).toBe(false);
    expect(r.feedback!.en).toBe(
      'kubectl apply -f pod.yaml: Error from server (Forbidden): error when creating "pod.yaml": pods "app" is forbidden: violates PodSecurity "restricted:latest": seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
    expect(r.feedback!['zh-cn']).toBe(`kubectl apply -f pod.yaml：${r.feedback!.en.slice('kubectl apply -f pod.yaml: '.length)}`);
  });

  it('quotes strict decoding for a misplaced field', async () => {
    const pod = HARDENED.replace('      allowPrivilegeEscalation: false\n', '').replace(
      '    runAsUser: 1000\n',
      '    runAsUser: 1000\n    allowPrivilegeEscalation: false\n',
    );
    const r = await run({ 'pod.yaml': pod }, {});
    expect(r.feedback!.en).toBe(
      'kubectl apply -f pod.yaml: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.securityContext.allowPrivilegeEscalation"',
    );
  });

  it("gives the container's waiting reason and message: runAsNonRoot on an image that runs as root", async () => {
    const pod = HARDENED.replace('    runAsUser: 1000\n', '');
    const r = await run({ 'pod.yaml': pod }, {});
    expect(r.passed).toBe(false);
    expect(r.feedback!.en).toMatch(
      /^pod app: container app is waiting: CreateContainerConfigError: container has runAsNonRoot and image will run as root \(pod: "app_default\([0-9a-f-]{36}\)", container: app\)$/,
    );
    expect(r.feedback!['zh-cn']).toMatch(/^Pod app：容器 app 在等待：CreateContainerConfigError：container has runAsNonRoot and image will run as root /);
  });

  it('gives the last log line of a crash-looping container', async () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.25\n    securityContext:\n      readOnlyRootFilesystem: true\n';
    const r = await run({ 'pod.yaml': pod }, {});
    expect(r.feedback!.en).toMatch(
      /^pod web: container web is CrashLoopBackOff, exit code 1; its last log line: ".*mkdir\(\) "\/var\/cache\/nginx\/client_temp" failed \(30: Read-only file system\)"$/,
    );
    expect(r.feedback!['zh-cn']).toMatch(/^Pod web：容器 web 处于 CrashLoopBackOff，退出码 1；最后一行日志："/);
  });

  it("gives the registry's answer behind ImagePullBackOff", async () => {
    const pod = HARDENED.replace('alpine:3.20', 'alpine:9.99');
    const r = await run({ 'pod.yaml': pod }, {});
    expect(r.feedback!.en).toMatch(/^pod app: container app is waiting: ImagePullBackOff: Failed to pull image "alpine:9\.99": .*not found$/);
  });

  it('names the exec output and what it should show', async () => {
    const pod = HARDENED.replace('runAsUser: 1000', 'runAsUser: 1001');
    const r = await run({ 'pod.yaml': pod }, { ...RESTRICTED, exec: ID_AND_SECCOMP });
    expect(r.feedback).toEqual({
      en: 'kubectl exec app -c app -- id printed "uid=1001 gid=0(root) groups=0(root)"; it should run as UID 1000',
      'zh-cn': 'kubectl exec app -c app -- id 输出 "uid=1001 gid=0(root) groups=0(root)"；应以 UID 1000 运行',
    });
  });

  it("reports the ReplicaSet's FailedCreate when admission refuses a Deployment's pods, and its Warning with noWarnings", async () => {
    const deploy = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.25\n`;
    const refused = await run({ 'deploy.yaml': deploy }, RESTRICTED);
    expect(refused.feedback!.en).toMatch(
      /^ReplicaSet web-[a-z0-9]+: FailedCreate: Error creating: pods "web-[a-z0-9]+-[a-z0-9]+" is forbidden: violates PodSecurity "restricted:latest": /,
    );
    const warned = await run({ 'deploy.yaml': deploy }, { namespace: 'team', labels: { 'pod-security.kubernetes.io/warn': 'restricted' }, noWarnings: true });
    expect(warned.feedback!.en).toMatch(/^kubectl apply -f deploy\.yaml: Warning: would violate PodSecurity "restricted:latest": /);
  });

  it('runs in simulated time: a minute of settling costs no real minute', async () => {
    const r = await run({ 'pod.yaml': HARDENED.replace('alpine:3.20', 'alpine:9.99') }, { settleSeconds: 120 });
    expect(r.passed).toBe(false);
    expect(r.ms).toBeLessThan(20_000);
  });
});

describe('its parameters', () => {
  it('are validated when the exercise loads, naming the check and the key', () => {
    const ex = (p: string) =>
      `id: t1\nkind: k8s-yaml\ntitle: {en: T, zh-cn: 题}\ntask: {en: T, zh-cn: 题}\nstart: {pod.yaml: ""}\nsolution: {pod.yaml: ""}\nchecks:\n  - id: run\n    title: {en: R, zh-cn: 运行}\n    template: cluster\n    params: ${p}\n`;
    expect(loadExercise(ex('{ namespce: x }'), 't1.yaml')).toEqual({ error: 't1.yaml: check run (cluster): params: Unrecognized key: "namespce"' });
    expect(loadExercise(ex('{ labels: {a: b} }'), 't1.yaml')).toEqual({
      error: 't1.yaml: check run (cluster): params.labels: labels need a namespace to label',
    });
    expect(loadExercise(ex('{ exec: [{command: [id], matches: "(", expected: {en: x, zh-cn: y}}] }'), 't1.yaml')).toEqual({
      error: 't1.yaml: check run (cluster): params.exec[0].matches: not a valid regular expression',
    });
    expect(loadExercise(ex('{ namespace: Team }'), 't1.yaml')).toMatchObject({ error: expect.stringContaining('params.namespace: a DNS-1123 label') });
    expect(loadExercise(ex('{}'), 't1.yaml')).toHaveProperty('exercise');
  });
});

describe('grading with it', () => {
  it('without a simulator the check fails and says why', () => {
    const ex = load('e5.1');
    expect(needsCluster(ex)).toBe(true);
    const g = grade(ex, { files: (ex as { solution: Record<string, string> }).solution });
    const c = g.checks.find((x) => x.id === 'on-cluster')!;
    expect([c.passed, c.feedback]).toEqual([false, [{ en: 'not run: this grader has no simulated cluster', 'zh-cn': '未运行：这个评分程序没有模拟集群' }]]);
  });

  it('the CLI grades as the page does: same checks, points and feedback (E5.1, PID namespace not shared)', async () => {
    const ex = load('e5.1');
    if (ex.kind !== 'k8s-yaml') throw new Error('e5.1 is k8s-yaml');
    const files = ex.wrong.find((w) => w.id === 'no-shared-pid')!.files;
    // The page: grader.worker.ts grades with gradeOnCluster and scores against the starter as evaluation.ts does.
    const page = withoutStarterCredit(
      await gradeOnCluster(ex, { files }, createWorld as never),
      await gradeOnCluster(ex, { files: ex.start }, createWorld as never),
    );
    const cli = await gradeContent(ex, { kind: 'files', files });
    if (!('result' in cli)) throw new Error(cli.error);
    expect(cli.result.checks).toEqual(page.checks);
    expect([cli.result.score, cli.result.max]).toEqual([page.score, page.max]);
    expect(page.checks.find((c) => c.id === 'on-cluster')!.feedback![0]!.en).toMatch(
      /^kubectl exec cache-demo -c app -- ps ax printed "PID +USER +TIME +COMMAND \/ 1 root +0:00 \/usr\/local\/bin\/app \/ .*"; PID 1 should be \/pause/,
    );
  });
});
