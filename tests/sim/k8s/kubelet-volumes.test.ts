/**
 * The kubelet's volumes as a container sees them (session 21): ConfigMap updates at the pod's next sync
 * (kubernetes@v1.30.5 pkg/volume/util/atomic_writer.go Write, kubelet.go SyncPod → WaitForAttachAndMount), environment
 * variables and subPath mounts that do not follow (kubernetes.io/docs/concepts/configuration/configmap/), subPath and
 * subPathExpr (pkg/kubelet/kubelet_pods.go makeMounts, pkg/apis/core/validation ValidateVolumeMounts), fsGroup
 * (pkg/volume/volume_linux.go SetVolumeOwnership, fs/inode.c inode_init_owner for new files).
 */
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../src/sim/index.ts';

const yaml = (lines: string[]) => `printf '%s\\n' ${lines.map((l) => `'${l}'`).join(' ')}`;

async function run(w: World, line: string): Promise<string> {
  const r = await w.exec(line);
  return r.stdout + r.stderr;
}

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: w}',
  'spec:',
  '  securityContext: {runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000}',
  '  containers:',
  '  - name: c',
  '    image: busybox',
  '    command: ["sleep", "3600"]',
  '    env: [{name: COLOR, valueFrom: {configMapKeyRef: {name: app, key: color}}}, {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]',
  '    volumeMounts:',
  '    - {name: cfg, mountPath: /etc/cfg}',
  '    - {name: cfg, mountPath: /etc/color, subPath: color}',
  '    - {name: scratch, mountPath: /scratch}',
  '    - {name: scratch, mountPath: /mine, subPathExpr: $(POD)}',
  '  - name: side',
  '    image: busybox',
  '    command: ["sleep", "3600"]',
  '    volumeMounts: [{name: scratch, mountPath: /shared}]',
  '  volumes:',
  '  - {name: cfg, configMap: {name: app}}',
  '  - {name: scratch, emptyDir: {}}',
];

async function started(): Promise<World> {
  const w = createWorld();
  await run(w, 'kubectl create configmap app --from-literal=color=blue --from-literal=size=L');
  await run(w, `${yaml(POD)} > w.yaml; kubectl apply -f w.yaml; sleep 5`);
  return w;
}

describe('ConfigMap volumes: the atomic writer and updates', () => {
  it('the mount holds ..data -> ..<UTC time>.<uint32> and a link per key; fsGroup gives every entry its group', async () => {
    const w = await started();
    const ls = await run(w, 'kubectl exec w -c c -- ls -la /etc/cfg');
    const lines = ls.split('\n');
    expect(lines[1]).toBe('drwxrwsrwx    3 root     2000          4096 Sep 16 11:45 .');
    expect(lines[3]).toMatch(/^drwxr-sr-x {4}2 root {5}2000 {10}4096 Sep 16 11:45 \.\.2024_09_16_11_45_\d\d\.\d+$/);
    const ts = lines[3]!.split(' ').at(-1)!;
    expect(lines[4]).toBe(`lrwxrwxrwx    1 root     2000            32 Sep 16 11:45 ..data -> ${ts}`);
    expect(lines.slice(5, 7)).toEqual([
      'lrwxrwxrwx    1 root     2000            12 Sep 16 11:45 color -> ..data/color',
      'lrwxrwxrwx    1 root     2000            11 Sep 16 11:45 size -> ..data/size',
    ]);
    // defaultMode 0644 | roMask 0440 is still 0644; the files are in the fsGroup.
    expect(await run(w, `kubectl exec w -c c -- ls -ln /etc/cfg/${ts}/color`)).toMatch(/^-rw-r--r-- {4}1 0 {8}2000 {13}4 /);
  });

  it('an applied change reaches the files at the pod next resync (60 s + jitter), not the env var nor the subPath file', async () => {
    const w = await started();
    const before = await run(w, 'kubectl exec w -c c -- readlink /etc/cfg/..data');
    await run(w, 'kubectl create configmap app --from-literal=color=red --dry-run=client -o yaml | kubectl apply -f -');
    await run(w, 'sleep 30');
    expect(await run(w, 'kubectl exec w -c c -- cat /etc/cfg/color')).toBe('blue');
    await run(w, 'sleep 60');
    expect(await run(w, 'kubectl exec w -c c -- cat /etc/cfg/color')).toBe('red');
    expect(await run(w, 'kubectl exec w -c c -- cat /etc/color')).toBe('blue');
    expect(await run(w, 'kubectl exec w -c c -- sh -c "echo \\$COLOR"')).toBe('blue\n');
    const after = await run(w, 'kubectl exec w -c c -- readlink /etc/cfg/..data');
    expect(after).not.toBe(before);
    // The old timestamped directory is gone; the links that kept their name keep their time.
    const ls = await run(w, 'kubectl exec w -c c -- ls -la /etc/cfg');
    expect(ls).not.toContain(before.trim());
    expect(ls).toMatch(/ Sep 16 11:45 color -> \.\.data\/color\n/);
    expect(ls).toMatch(/ Sep 16 11:4[67] \.\.data -> \.\.2024_09_16_11_4[67]_/);
  });

  it('an unchanged object writes nothing; a removed key takes its link away', async () => {
    const w = await started();
    const before = await run(w, 'kubectl exec w -c c -- readlink /etc/cfg/..data');
    await run(w, 'sleep 100');
    expect(await run(w, 'kubectl exec w -c c -- readlink /etc/cfg/..data')).toBe(before);
    // The first apply records both keys as last applied (the same data: still no write); the second drops size.
    await run(w, 'kubectl create configmap app --from-literal=color=blue --from-literal=size=L --dry-run=client -o yaml | kubectl apply -f -');
    await run(w, 'kubectl create configmap app --from-literal=color=blue --dry-run=client -o yaml | kubectl apply -f -; sleep 100');
    expect(await run(w, 'kubectl exec w -c c -- ls /etc/cfg')).toBe('color\n');
  });
});

describe('emptyDir and fsGroup', () => {
  it('drwxrwsrwx root:2000, shared by the containers; new files are the writer uid and the directory group', async () => {
    const w = await started();
    expect(await run(w, 'kubectl exec w -c c -- id')).toBe('uid=1000 gid=3000 groups=2000,3000\n');
    expect(await run(w, 'kubectl exec w -c c -- ls -lnd /scratch')).toBe('drwxrwsrwx    3 0        2000          4096 Sep 16 11:45 /scratch\n');
    await run(w, 'kubectl exec w -c c -- sh -c "echo hi > /scratch/f; mkdir /scratch/d"');
    const ls = await run(w, 'kubectl exec w -c side -- ls -ln /shared');
    expect(ls).toMatch(/\ndrwxr-sr-x {4}2 1000 {5}2000 .* d\n/);
    expect(ls).toMatch(/\n-rw-r--r-- {4}1 1000 {5}2000 +3 .* f\n/);
    // subPathExpr $(POD): the directory makeMounts made in the volume, with the volume directory's mode.
    expect(ls).toMatch(/\ndrwxrwsrwx {4}2 0 {8}2000 .* w\n/);
    await run(w, 'kubectl exec w -c c -- touch /mine/in-w');
    expect(await run(w, 'kubectl exec w -c side -- ls /shared/w')).toBe('in-w\n');
  });
});

describe('subPath checks', () => {
  it('the API server: relative, no .., not both (ValidateVolumeMounts names the field without the index)', async () => {
    const w = createWorld();
    const bad = yaml([
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: bad}',
      'spec:',
      '  containers:',
      '  - name: c',
      '    image: busybox',
      '    volumeMounts:',
      '    - {name: v, mountPath: /a, subPath: /etc}',
      '    - {name: v, mountPath: /b, subPath: x/../y, subPathExpr: z}',
      '  volumes: [{name: v, emptyDir: {}}]',
    ]);
    expect(await run(w, `${bad} | kubectl apply -f -`)).toBe(
      'The Pod "bad" is invalid: \n' +
        '* spec.containers[0].volumeMounts.subPath: Invalid value: "/etc": must be a relative path\n' +
        `* spec.containers[0].volumeMounts.subPath: Invalid value: "x/../y": must not contain '..'\n` +
        '* spec.containers[0].volumeMounts[1].subPathExpr: Invalid value: "z": subPathExpr and subPath are mutually exclusive\n',
    );
  });

  it('the kubelet: subPathExpr with a missing or empty variable, or expanding to .., is CreateContainerConfigError', async () => {
    const w = createWorld();
    const pod = (name: string, expr: string) =>
      yaml([
        'apiVersion: v1',
        'kind: Pod',
        `metadata: {name: ${name}}`,
        'spec:',
        '  containers:',
        '  - name: c',
        '    image: busybox',
        '    command: ["sleep", "3600"]',
        '    env: [{name: EMPTY, value: ""}, {name: UP, value: ".."}]',
        `    volumeMounts: [{name: v, mountPath: /m, subPathExpr: ${expr}}]`,
        '  volumes: [{name: v, emptyDir: {}}]',
      ]);
    await run(w, `${pod('a', '$(NOPE)/$(EMPTY)')} | kubectl apply -f -; ${pod('b', 'x/$(UP)')} | kubectl apply -f -; sleep 5`);
    const msg = async (p: string) => run(w, `kubectl get pod ${p} -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'`);
    expect(await msg('a')).toBe('missing value for EMPTY, NOPE');
    expect(await msg('b')).toBe("unable to provision SubPath `x/..`: must not contain '..'");
  });
});
