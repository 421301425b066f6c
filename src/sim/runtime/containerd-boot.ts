/**
 * What node1's containerd holds from before this session: kube-system's sandboxes and containers as the reboot left them
 * (k8s/apiserver/fixture-reboot.ts), the same ids, attempts and times the API server's pod statuses report, and the
 * images kubeadm pulled for them (crictl images, ctr -n k8s.io images ls).
 */
import { nodeFactsOf } from '../k8s/apiserver/fixture.ts';
import { systemRuns } from '../k8s/apiserver/fixture-system.ts';
import type { Host } from '../host.ts';
import type { Containerd } from './containerd.ts';
import { kubePids } from './kube-procs.ts';
import { kubeImage } from './kube-images.ts';
import { parseNormalizedNamed, tagNameOnly } from '../../oci/reference.ts';
import { tagKey } from '../image/store.ts';
import { attached } from '../attached.ts';

/**
 * Sizes of the kube-system images (bytes, linux/amd64, as the CRI's Image.size reports them). No upstream source: the
 * figures are the registry's and no reference repository holds them; these are fixture values of the order crictl
 * prints for these images (coredns ~18 MB, etcd ~57 MB, the control-plane images 19–33 MB).
 */
const SIZES: Record<string, number> = {
  'registry.k8s.io/coredns/coredns': 18_182_961,
  'registry.k8s.io/etcd': 57_236_178,
  'registry.k8s.io/kube-apiserver': 32_675_204,
  'registry.k8s.io/kube-controller-manager': 31_120_830,
  'registry.k8s.io/kube-proxy': 29_057_356,
  'registry.k8s.io/kube-scheduler': 19_208_660,
};

/**
 * registry.k8s.io serves these images as Docker manifest lists (the kube images' build pushes them with `docker
 * manifest`, kubernetes build/lib/release.sh; CoreDNS's Makefile.docker and kubernetes cluster/images/etcd too). The
 * platform lists are fixture values (no reference repository holds the published indexes).
 */
const LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const PLATFORMS: Record<string, string[]> = {
  'registry.k8s.io/coredns/coredns': ['linux/amd64', 'linux/arm', 'linux/arm64', 'linux/mips64le', 'linux/ppc64le', 'linux/s390x'],
  'registry.k8s.io/etcd': ['linux/amd64', 'linux/arm', 'linux/arm64', 'linux/ppc64le', 'linux/s390x'],
};
const KUBE_PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/ppc64le', 'linux/s390x'];

/** The CRI state kube-system's pods left at node1's boot, as containerd reloaded it and the kubelet added to it. */
export function recordBoot(c: Containerd, host: Host): void {
  const runs = systemRuns(nodeFactsOf(host.fixture));
  for (const r of runs) {
    if (c.booted.images.some((i) => i.tag === r.image)) continue;
    const repo = r.image.slice(0, r.image.lastIndexOf(':'));
    c.booted.images.push({
      tag: r.image,
      id: r.imageId,
      repoDigest: r.repoDigest,
      size: SIZES[repo] ?? 0,
      mediaType: LIST,
      platforms: PLATFORMS[repo] ?? KUBE_PLATFORMS,
    });
  }
  const pids = host.kubeProcesses ? kubePids(host) : [];
  for (const r of runs) {
    for (const [run, ready] of [
      [r.before, false],
      [r.since, true],
    ] as const) {
      c.booted.sandboxes.push({
        id: run.sandboxId,
        name: r.name,
        namespace: r.namespace,
        uid: r.uid,
        attempt: run.attempt,
        createdMs: run.sandboxCreatedMs,
        state: ready ? 'SANDBOX_READY' : 'SANDBOX_NOTREADY',
      });
      c.booted.containers.push({
        id: run.containerId,
        sandboxId: run.sandboxId,
        name: r.container,
        attempt: run.attempt,
        image: r.image,
        imageRef: r.imageId,
        repoDigest: r.repoDigest,
        createdMs: run.createdMs,
        startedMs: run.startedMs,
        finishedMs: run.finishedMs,
        state: ready ? 'CONTAINER_RUNNING' : 'CONTAINER_EXITED',
        // containerd@v1.7.22:pkg/cri/server/restart.go: unknownExitCode 255, unknownExitReason "Unknown".
        exitCode: ready ? 0 : 255,
        reason: ready ? '' : 'Unknown',
        // The container's host PID while it runs, when the world has kube-system's processes (kube-procs.ts); 0 otherwise.
        pid: ready && host.kubeProcesses ? (pids.find((p) => p.pod === r.name)?.container ?? 0) : 0,
        logs: [],
        labels: {
          'io.kubernetes.container.name': r.container,
          'io.kubernetes.pod.name': r.name,
          'io.kubernetes.pod.namespace': r.namespace,
          'io.kubernetes.pod.uid': r.uid,
        },
      });
    }
  }
}

const stored = attached<Containerd, Promise<void>>('stored');

/**
 * kube-system's images as runnable images in the k8s.io store (kube-images.ts), under their tags and repo digests, once
 * per containerd. Not in `refs`: ctr lists them from `booted` with the CRI plugin's three refs each.
 */
export function bootImages(c: Containerd): Promise<void> {
  let p = stored.get(c);
  if (!p) {
    p = (async () => {
      for (const b of c.booted.images) {
        const image = await kubeImage(b.tag, b.id, b.size);
        if (!image || c.store.get(image.id)) continue;
        await c.store.add(image);
        c.store.setTag(tagKey(tagNameOnly(parseNormalizedNamed(b.tag))), image.id);
        c.store.addDigest(b.repoDigest, image.id);
      }
    })();
    stored.set(c, p);
  }
  return p;
}
