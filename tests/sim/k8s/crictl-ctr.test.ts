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
    ).toEqual(['Ready|once|default|0|(default)', 'Ready|web|default|0|(default)']);
    const images = (await w.exec('crictl images')).stdout;
    expect(images.split('\n')[0]).toBe(`IMAGE${' '.repeat(22)}TAG                 IMAGE ID            SIZE`);
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
