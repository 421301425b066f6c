import { describe, expect, it } from 'vitest';
import { cluster } from './fake-api.ts';

describe('crictl and ctr on node1', () => {
  it('crictl ps / ps -a / pods / images and ctr -n k8s.io images ls list what the kubelet ran', async () => {
    const { api, kubelet, w, step } = await cluster();
    api.add({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } });
    api.add({ metadata: { name: 'once' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'alpine:3.18', command: ['true'] }] } });
    await kubelet.sync();
    await step(5000);
    const web = kubelet.container('default', 'web', 'web')!;
    const once = kubelet.container('default', 'once', 'c')!;
    const cri = w.host.containerd!;
    const nginxId = [...cri.containers.values()].find((c) => c.id === web.id)!.imageRef.slice(7, 20);
    const sbWeb = [...cri.sandboxes.values()].find((s) => s.name === 'web')!.id.slice(0, 13);
    const ps = (await w.exec('crictl ps')).stdout.split('\n');
    // kube-system's containers are listed too (kube-system.test.ts), so NAME is as wide as kube-controller-manager.
    expect(ps[0]).toBe(
      'CONTAINER           IMAGE               CREATED             STATE               NAME                      ATTEMPT             POD ID              POD',
    );
    expect(ps[1]).toBe(
      `${web.id.slice(0, 13)}       ${nginxId}       6 seconds ago       Running             web                       0                   ${sbWeb}       web`,
    );
    expect(ps).toHaveLength(3 + 7);
    const all = (await w.exec('crictl ps -a')).stdout;
    expect(all).toMatch(new RegExp(`^${once.id.slice(0, 13)} .* Exited +c +0 +[0-9a-f]{13} +once$`, 'm'));
    expect((await w.exec('crictl ps -q')).stdout.split('\n')[0]).toBe(web.id);
    const pods = (await w.exec('crictl pods')).stdout.split('\n');
    expect(pods[0]).toBe(
      'POD ID              CREATED             STATE               NAME                            NAMESPACE           ATTEMPT             RUNTIME',
    );
    expect(
      pods.slice(1, 3).map((l) =>
        l
          .split(/\s{2,}/)
          .slice(2)
          .join('|'),
      ),
      // once finished (restartPolicy Never): the kubelet stopped its sandbox (kubelet-lifecycle.test.ts).
    ).toEqual(['NotReady|once|default|0|(default)', 'Ready|web|default|0|(default)']);
    const images = (await w.exec('crictl images')).stdout;
    // kube-system's images are in the store since before the session, so IMAGE is as wide as kube-controller-manager's repo.
    expect(images.split('\n')[0]).toBe(`IMAGE${' '.repeat(37)}TAG                 IMAGE ID            SIZE`);
    expect(images).toMatch(/^docker\.io\/library\/nginx +1\.25 +[0-9a-f]{13} +\d+(\.\d+)?MB$/m);
    expect(images).toMatch(/^registry\.k8s\.io\/pause +3\.9 +[0-9a-f]{13} +/m);
    // Docker's images are not containerd's: nothing Docker pulled alone shows up.
    await w.exec('docker pull debian:12 >/dev/null');
    expect((await w.exec('crictl images')).stdout).not.toMatch(/debian/);
    const ctr = (await w.exec('ctr -n k8s.io images ls')).stdout.split('\n');
    expect(ctr[0]).toMatch(/^REF +TYPE +DIGEST +SIZE +PLATFORMS +LABELS +$/);
    expect(ctr.filter((l) => l.startsWith('docker.io/library/nginx'))).toHaveLength(2);
    expect(ctr.find((l) => l.startsWith('docker.io/library/nginx:1.25 '))).toMatch(
      / application\/vnd\.oci\.image\.index\.v1\+json +sha256:[0-9a-f]{64} +\d+\.\d MiB +linux\/amd64,linux\/arm64\/v8 +io\.cri-containerd\.image=managed +$/,
    );
    expect((await w.exec('ctr images ls')).stdout).toMatch(/^REF +TYPE +DIGEST +SIZE +PLATFORMS +LABELS +\n$/);
    expect(await w.exec('crictl bogus')).toMatchObject({ stderr: "No help topic for 'bogus'\n", exitCode: 3 });
  });

  it('crictl inspect prints the CRI status and info as JSON', async () => {
    const { api, kubelet, w } = await cluster();
    api.add({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } });
    await kubelet.sync();
    const web = kubelet.container('default', 'web', 'web')!;
    const doc = JSON.parse((await w.exec(`crictl inspect ${web.id.slice(0, 13)}`)).stdout);
    expect(doc.status).toMatchObject({ id: web.id, metadata: { attempt: 0, name: 'web' }, state: 'CONTAINER_RUNNING', exitCode: 0 });
    expect(doc.status.imageRef).toMatch(/^docker\.io\/library\/nginx@sha256:/);
    expect(doc.info).toMatchObject({ pid: web.pid, runtimeType: 'io.containerd.runc.v2' });
    expect(await w.exec('crictl inspect nope')).toMatchObject({
      exitCode: 1,
      stderr:
        'FATA[0000] getting the status of the container "nope": rpc error: code = NotFound desc = an error occurred when try to find container "nope": not found\n',
    });
  });
});

describe("kube-system's images in containerd's k8s.io store", () => {
  it('crictl images lists the kubeadm images with the ids crictl ps shows; ctr -n k8s.io images ls has three refs each', async () => {
    const { w } = await cluster();
    const images = (await w.exec('crictl images')).stdout.split('\n');
    // cri-tools@v1.30.0:cmd/crictl/image.go ListImages (sorted by the first repo tag; SIZE units.HumanSizeWithPrecision(size, 3)).
    expect(images.map((l) => l.split(/ {2,}/).slice(0, 2).join(':'))).toEqual([
      'IMAGE:TAG',
      'registry.k8s.io/coredns/coredns:v1.11.1',
      'registry.k8s.io/etcd:3.5.12-0',
      'registry.k8s.io/kube-apiserver:v1.30.5',
      'registry.k8s.io/kube-controller-manager:v1.30.5',
      'registry.k8s.io/kube-proxy:v1.30.5',
      'registry.k8s.io/kube-scheduler:v1.30.5',
      'registry.k8s.io/pause:3.9',
      '',
    ]);
    expect(images[2]).toMatch(/^registry\.k8s\.io\/etcd {22}3\.5\.12-0 {12}[0-9a-f]{13} {7}57\.2MB$/);
    // The IMAGE column of crictl ps is the same id (the container's imageRef).
    const ps = (await w.exec('crictl ps --name etcd')).stdout.split('\n')[1]!;
    expect(ps.split(/ +/)[1]).toBe(images[2]!.split(/ +/)[2]);
    const ctr = (await w.exec('ctr -n k8s.io images ls -q')).stdout.split('\n').filter(Boolean);
    expect(ctr.filter((r) => r.startsWith('registry.k8s.io/etcd'))).toHaveLength(2);
    expect(ctr.filter((r) => r.startsWith('sha256:'))).toHaveLength(7);
    const etcd = (await w.exec('ctr -n k8s.io images ls')).stdout.split('\n').find((l) => l.startsWith('registry.k8s.io/etcd:3.5.12-0 '))!;
    // containerd@v1.7.22:pkg/progress/humaneyes.go Bytes: 57,236,178 B = 54.6 MiB.
    expect(etcd).toMatch(
      / application\/vnd\.docker\.distribution\.manifest\.list\.v2\+json sha256:[0-9a-f]{64} 54\.6 MiB +linux\/amd64,.* io\.cri-containerd\.image=managed $/,
    );
    // A pod the learner runs uses the same pause image: nothing new is listed.
    expect((await w.exec('crictl images -q')).stdout.split('\n').filter(Boolean)).toHaveLength(7);
  });
});
