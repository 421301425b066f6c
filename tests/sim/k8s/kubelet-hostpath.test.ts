/**
 * A pod's hostPath volumes on node1: the kubelet's SetUp (kubernetes@v1.30 pkg/volume/hostpath/host_path.go
 * checkTypeInternal, makeDir 0755, makeFile 0644) and containerd's missing mount source (containerd@v1.7.22
 * pkg/cri/opts/spec_linux_opts.go WithMounts: MkdirAll(src, 0755)).
 */
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../src/sim/index.ts';

const podYaml = (name: string, volumes: { path: string; type?: string }[]) =>
  [
    'apiVersion: v1',
    'kind: Pod',
    `metadata: {name: ${name}}`,
    'spec:',
    '  containers:',
    '  - name: c',
    '    image: busybox',
    '    command: ["sleep", "3600"]',
    '    volumeMounts:',
    ...volumes.map((_, i) => `    - {name: v${i}, mountPath: /v${i}}`),
    '  volumes:',
    ...volumes.map((v, i) => `  - {name: v${i}, hostPath: {path: ${v.path}${v.type !== undefined ? `, type: "${v.type}"` : ''}}}`),
  ].join('\n');

async function apply(w: World, name: string, volumes: { path: string; type?: string }[]) {
  await w.exec(`cat > ${name}.yaml <<'EOF'\n${podYaml(name, volumes)}\nEOF`);
  return w.exec(`kubectl apply -f ${name}.yaml`);
}

describe('hostPath volumes', () => {
  it('type "" to a missing path: containerd makes the directory (0755, root); DirectoryOrCreate and FileOrCreate make theirs', async () => {
    const w = createWorld();
    // FileOrCreate first: its parent is made by the DirectoryOrCreate beside it, and the next pass mounts it.
    await apply(w, 'hp', [{ path: '/srv/data/f.txt', type: 'FileOrCreate' }, { path: '/srv/data', type: 'DirectoryOrCreate' }, { path: '/srv/plain/deep' }]);
    await w.exec('sleep 20');
    expect((await w.exec('kubectl get pod hp -o jsonpath={.status.phase}')).stdout).toBe('Running');
    const ls = (await w.exec('stat -c "%A %U %n" /srv/data /srv/data/f.txt /srv/plain /srv/plain/deep')).stdout;
    expect(ls).toBe('drwxr-xr-x root /srv/data\n-rw-r--r-- root /srv/data/f.txt\ndrwxr-xr-x root /srv/plain\ndrwxr-xr-x root /srv/plain/deep\n');
    const events = (await w.exec('kubectl get events --field-selector involvedObject.name=hp -o jsonpath={.items[*].message}')).stdout;
    expect(events).toContain('MountVolume.SetUp failed for volume "v0" : open /srv/data/f.txt: no such file or directory');
    // The container sees the node's directory.
    await w.exec('echo hi > /srv/plain/deep/x');
    expect((await w.exec('kubectl exec hp -- cat /v2/x')).stdout).toBe('hi\n');
  });

  it('Directory, File, Socket: the type check fails as FailedMount and the pod stays ContainerCreating', async () => {
    const w = createWorld();
    await w.exec('touch /tmp/afile');
    await apply(w, 'bad', [
      { path: '/srv/missing', type: 'Directory' },
      { path: '/tmp', type: 'File' },
      { path: '/tmp/afile', type: 'Socket' },
    ]);
    await apply(w, 'sock', [
      { path: '/run/containerd/containerd.sock', type: 'Socket' },
      { path: '/run/containerd/containerd.sock', type: 'File' },
    ]);
    await w.exec('sleep 30');
    expect((await w.exec('kubectl get pod bad -o jsonpath={.status.containerStatuses[0].state.waiting.reason}')).stdout).toBe('ContainerCreating');
    const describe = (await w.exec('kubectl describe pod bad')).stdout;
    expect(describe).toMatch(
      /Warning {2}FailedMount .*MountVolume\.SetUp failed for volume "v0" : hostPath type check failed: \/srv\/missing is not a directory\n/,
    );
    expect(describe).toContain('MountVolume.SetUp failed for volume "v1" : hostPath type check failed: /tmp is not a file');
    expect(describe).toContain('MountVolume.SetUp failed for volume "v2" : hostPath type check failed: /tmp/afile is not a socket file');
    expect((await w.exec('ls /srv/missing')).exitCode).not.toBe(0);
    // A socket passes as Socket, and as File (fileTypeChecker.IsFile: it exists and is no directory).
    expect((await w.exec('kubectl get pod sock -o jsonpath={.status.phase}')).stdout).toBe('Running');
  });
});
