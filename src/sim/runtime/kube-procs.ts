/**
 * kube-system's processes on node1 since this morning's boot (issue #11), for a world that asks for them
 * (WorldOptions.kubeProcesses; off by default: they change the lesson transcripts' lsns and ps, see the h/k8s report).
 * Boot order (fixture-reboot.ts, fixture.ts AFTER_BOOT): systemd starts containerd.service (PID 640), then kubelet.service
 * (9 s after the boot), which makes each pod's new sandbox (a containerd-shim-runc-v2 that daemonizes to PID 1, and the
 * pause process under it) and then the pod's container under the same shim.
 * - kubelet: /usr/bin/kubelet with the drop-in's ExecStart expanded (fs/kubefiles.ts), cgroup /system.slice/kubelet.service.
 * - shims: containerd@v1.7.22 runtime/v2/shim.go: `containerd-shim-runc-v2 -namespace k8s.io -id SANDBOX -address
 *   /run/containerd/containerd.sock`; they stay in containerd.service's cgroup.
 * - pause: /pause as the pause image's user 65535 (registry.k8s.io/pause:3.9 USER 65535:65535), in its own pid, ipc and
 *   mnt namespaces, and uts and net too when not hostNetwork (containerd@v1.7.22:pkg/cri/sbserver/podsandbox/
 *   sandbox_run_linux.go); each container its own mnt and pid namespaces (PodSandboxConfig pid mode CONTAINER), the
 *   sandbox's ipc, uts and net, and a cgroup namespace unless privileged (container_create_linux.go).
 * - cgroups: the kubelet's systemd driver, kubepods.slice/kubepods-<qos>.slice/kubepods-<qos>-pod<uid with _>.slice/
 *   cri-containerd-<id>.scope (pkg/kubelet/cm/cgroup_manager_linux.go, containerd's systemd cgroup path).
 * PIDs between 846 and 1986 (free in node1's fixture: sshd is 845, the login's sshd 1987); the gaps between a pod's
 * processes stand for the short-lived runc processes each start forks (no source for their count: fixture values).
 * Namespace inodes are taken below the fixture's firstNewNamespaceInode, so the learner's namespaces keep their numbers.
 */
import { bootProc, type Host } from '../host.ts';
import { systemObjects, systemRuns } from '../k8s/apiserver/fixture-system.ts';
import { nodeFactsOf } from '../k8s/apiserver/fixture.ts';
import { KUBELET_ARGV } from '../fs/kubefiles.ts';
import type { NamespaceType } from '../api.ts';
import type { Proc } from '../kernel/types.ts';

type Obj = Record<string, unknown>;

/** One kube-system pod's processes: the shim, pause and the container (host PIDs). */
export interface KubePodProcs {
  pod: string;
  shim: number;
  pause: number;
  container: number;
}

export const KUBELET_PID = 846;
/** The first namespace inode kube-system's pods take (fixture values, below firstNewNamespaceInode 4026532177). */
const FIRST_INODE = 4026532100;

/** The host PIDs of kube-system's pods, in the order the kubelet made their sandboxes. */
export function kubePids(host: Host): KubePodProcs[] {
  const runs = [...systemRuns(nodeFactsOf(host.fixture))].sort((a, b) => a.since.sandboxCreatedMs - b.since.sandboxCreatedMs);
  let pid = KUBELET_PID + 40;
  return runs.map((r) => {
    const shim = (pid += 12);
    const pause = (pid += 9);
    const container = (pid += 27);
    pid += 40;
    return { pod: r.name, shim, pause, container };
  });
}

const scope = (pod: Obj, id: string) => {
  const qos = String((pod.status as Obj).qosClass).toLowerCase();
  const uid = String((pod.metadata as Obj).uid).replace(/-/g, '_');
  return `/kubepods.slice/kubepods-${qos}.slice/kubepods-${qos}-pod${uid}.slice/cri-containerd-${id}.scope`;
};

/**
 * The kubelet: always in node1's process table (a kubeadm node's kubelet.service is active, so `ps`, `pgrep kubelet` and
 * `systemctl status kubelet` find it). Its place is the fixture's 89th unbound kworker's (kworker/u8:27, PID 261, dropped
 * from content/world/node1.json): lesson 2's `lsns` shows NPROCS 142 for the host's namespaces, and how many idle
 * kworkers a host has at a given moment is not a fixed number (fixture value, no source).
 */
export function addKubelet(host: Host): void {
  const k = host.kernel;
  const fx = host.fixture;
  const p = bootProc(fx, KUBELET_PID, 1, KUBELET_ARGV, {
    cgroup: '/system.slice/kubelet.service',
    startMs: Date.parse(fx.bootTime) + 9000,
    threads: 17,
    rssBytes: 98_304 * 1024,
    vszKb: 2_184_600,
    setsid: true,
  });
  k.cgroup(p.cgroup);
  k.procs.set(p.pid, p);
}

/** Adds kube-system's pods to the host's process table (the kubelet is always there: addKubelet), as the boot left them. */
export function addKubeProcesses(host: Host): void {
  const k = host.kernel;
  const fx = host.fixture;
  const node = nodeFactsOf(fx);
  const pods = new Map(
    systemObjects(node, '')
      .filter((o) => o.kind === 'Pod')
      .map((o) => [o.metadata.name, o as unknown as Obj]),
  );
  const runs = new Map(systemRuns(node).map((r) => [r.name, r]));
  const savedInode = k.nextInode;
  let inode = FIRST_INODE;
  const ns = (type: NamespaceType, from: number, patch = {}) => k.newNamespace(type, from, { ...patch, inode: inode++ }).inode;
  const add = (p: Proc) => {
    k.cgroup(p.cgroup);
    k.procs.set(p.pid, p);
  };
  for (const p of kubePids(host)) {
    const run = runs.get(p.pod)!;
    const pod = pods.get(p.pod)!;
    const spec = pod.spec as Obj;
    const c = (spec.containers as Obj[])[0]!;
    const hostNet = spec.hostNetwork === true;
    const privileged = (c.securityContext as Obj | undefined)?.privileged === true;
    const sb = run.since;
    add(
      bootProc(
        fx,
        p.shim,
        1,
        ['/usr/bin/containerd-shim-runc-v2', '-namespace', 'k8s.io', '-id', sb.sandboxId, '-address', '/run/containerd/containerd.sock'],
        {
          comm: 'containerd-shim',
          cgroup: '/system.slice/containerd.service',
          startMs: sb.sandboxCreatedMs,
          threads: 12,
          rssBytes: 12_800 * 1024,
          vszKb: 1_238_000,
        },
      ),
    );
    const host0 = fx.namespaces;
    const sandboxNs = { ...host0, pid: ns('pid', host0.pid, { nextPid: 2 }), ipc: ns('ipc', host0.ipc), mnt: ns('mnt', host0.mnt) };
    if (!hostNet) Object.assign(sandboxNs, { uts: ns('uts', host0.uts, { hostname: p.pod }), net: ns('net', host0.net) });
    add(
      bootProc(fx, p.pause, p.shim, ['/pause'], {
        nspid: [p.pause, 1],
        uid: 65535,
        gid: 65535,
        euid: 65535,
        egid: 65535,
        caps: { inh: 0n, prm: 0n, eff: 0n, bnd: 0xa80425fbn, amb: 0n },
        ns: sandboxNs,
        cgroup: scope(pod, sb.sandboxId),
        startMs: sb.sandboxCreatedMs + 300,
        rssBytes: 512 * 1024,
        vszKb: 1020,
        reaps: true,
      }),
    );
    const argv = [...((c.command as string[] | undefined) ?? ['/coredns']), ...((c.args as string[] | undefined) ?? [])].map((a) =>
      a.replace('$(NODE_NAME)', node.hostname),
    );
    const cns = {
      ...sandboxNs,
      pid: ns('pid', host0.pid),
      mnt: ns('mnt', host0.mnt),
      ...(privileged ? {} : { cgroup: ns('cgroup', host0.cgroup, { cgroupRoot: scope(pod, sb.containerId) }) }),
    };
    add(
      bootProc(fx, p.container, p.shim, argv, {
        nspid: [p.container, 1],
        ns: cns,
        cgroup: scope(pod, sb.containerId),
        startMs: sb.startedMs,
        threads: 10,
        rssBytes: 40_960 * 1024,
        vszKb: 1_300_000,
      }),
    );
  }
  if (inode > fx.firstNewNamespaceInode) throw new Error('kube-procs: namespace inodes overrun the fixture');
  k.nextInode = savedInode;
}
