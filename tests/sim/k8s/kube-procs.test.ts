/**
 * kube-system's processes in node1's process table (src/sim/runtime/kube-procs.ts), in a world that asks for them
 * (WorldOptions.kubeProcesses; off by default because the lesson transcripts' lsns and ps would change). Command lines:
 * kubeadm's manifests (fixture-system.ts) and the kubelet drop-in's ExecStart (fs/kubefiles.ts); the shim's arguments
 * containerd@v1.7.22:runtime/v2/shim.go; systemctl status: systemd@v255.4:src/systemctl/systemctl-show.c print_status_info.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

describe('kube-system processes on node1', () => {
  it('the kubelet, then per pod a shim under PID 1 with pause and the container, in their cgroups, agreeing with crictl', async () => {
    const w = createWorld(undefined, { clock: 'virtual', kubeProcesses: true });
    const ps = (await w.exec('ps -eo pid,ppid,user,stime,comm')).stdout;
    expect(ps).toContain('    846       1 root     08:12 kubelet\n');
    expect(ps).toMatch(/\n {4}898 {7}1 root {5}08:12 containerd-shim\n {4}907 {5}898 65535 {4}08:12 pause\n {4}934 {5}898 root {5}08:12 etcd\n/);
    expect(ps.match(/ pause\n/g)).toHaveLength(7);
    expect(ps.match(/ containerd-shim\n/g)).toHaveLength(7);
    expect(ps).toMatch(/\n {3}1022 {5}986 root {5}08:12 kube-apiserver\n/);
    expect(ps).toMatch(/ 1286 +1250 root +08:13 kube-proxy\n/);
    // Static pods are Burstable, kube-proxy BestEffort (the pods' qosClass).
    expect((await w.exec('cat /proc/934/cgroup')).stdout).toMatch(
      /^0::\/kubepods\.slice\/kubepods-burstable\.slice\/kubepods-burstable-pod[0-9a-f_]{36}\.slice\/cri-containerd-[0-9a-f]{64}\.scope\n$/,
    );
    expect((await w.exec('cat /proc/1286/cgroup')).stdout).toMatch(/^0::\/kubepods\.slice\/kubepods-besteffort\.slice\/kubepods-besteffort-pod/);
    expect((await w.exec('cat /proc/898/cgroup')).stdout).toBe('0::/system.slice/containerd.service\n');
    expect((await w.exec('grep NSpid /proc/907/status')).stdout).toBe('NSpid:\t907\t1\n');
    // crictl inspect's info.pid is the container's host PID.
    const etcd = JSON.parse((await w.exec('crictl inspect $(crictl ps -q --name etcd)')).stdout) as { info: { pid: number } };
    expect(etcd.info.pid).toBe(934);
    const status = (await w.exec('systemctl status kubelet')).stdout;
    expect(status).toContain(`● kubelet.service - kubelet: The Kubernetes Node Agent
     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: enabled)
    Drop-In: /usr/lib/systemd/system/kubelet.service.d
             └─10-kubeadm.conf
     Active: active (running) since Mon 2024-09-16 08:12:40 UTC; 3h 32min ago
       Docs: https://kubernetes.io/docs/
   Main PID: 846 (kubelet)
`);
    expect(status).toContain('     CGroup: /system.slice/kubelet.service\n             └─846 /usr/bin/kubelet --bootstrap-kubeconfig=');
    expect((await w.exec('systemctl status containerd')).stdout).toContain('             ├─898 /usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id ');
    // The learner's namespaces keep their inodes (kube-system's are below firstNewNamespaceInode).
    await w.exec('unshare --uts true');
    expect((await w.exec('unshare --uts readlink /proc/self/ns/uts')).stdout).toBe('uts:[4026532178]\n');
  });

  it("without the option the kubelet runs and the pods do not: lesson 2's NPROCS 142 holds, systemctl status finds the kubelet", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const ps = (await w.exec('ps -e -o pid,comm')).stdout;
    expect(ps).toContain('    846 kubelet\n');
    expect(ps).not.toMatch(/pause|containerd-shim|etcd|kube-apiserver/);
    expect((await w.exec('lsns -t pid')).stdout).toContain('4026531836 pid     142   1 root /sbin/init\n');
    const st = await w.exec('systemctl status kubelet');
    expect(st.exitCode).toBe(0);
    expect(st.stdout).toContain('   Main PID: 846 (kubelet)\n');
    expect(st.stdout).toContain('             └─846 /usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf ');
    expect((await w.exec('systemctl is-active kubelet; pgrep -x kubelet')).stdout).toBe('active\n846\n');
  });
});
