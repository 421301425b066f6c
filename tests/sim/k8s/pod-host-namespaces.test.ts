/**
 * spec.hostPID and spec.hostIPC on node1's kubelet and containerd 1.7: the kubelet asks for NamespaceMode NODE
 * (kubernetes@v1.30.5 pkg/kubelet/kuberuntime/kuberuntime_sandbox.go generatePodSandboxLinuxConfig: the sandbox's
 * NamespaceOptions), and containerd leaves the pause process in the host's PID and IPC namespaces
 * (containerd@v1.7.22:pkg/cri/server/sandbox_run_linux.go: WithoutNamespace(PIDNamespace), WithoutNamespace(IPCNamespace));
 * the containers join the sandbox's, so they see and are seen as host processes.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../src/sim/index.ts';
import { write } from './helpers.ts';

const pod = (name: string, extra: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${extra}  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
`;

/** The inode of each of the login shell's namespaces (the host's), as readlink prints it. */
async function hostNs(w: World): Promise<Record<'pid' | 'ipc' | 'net' | 'uts', string>> {
  const out: Record<string, string> = {};
  for (const t of ['pid', 'ipc', 'net', 'uts']) out[t] = (await w.exec(`readlink /proc/self/ns/${t}`)).stdout.replace(/^\w+:\[(\d+)\]\n$/, '$1');
  return out as Record<'pid' | 'ipc' | 'net' | 'uts', string>;
}

describe('host namespaces', () => {
  it("hostPID and hostIPC: the container's pid and ipc namespaces are the host's; its PID is the host PID", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await write(w, 'h.yaml', pod('h', '  hostPID: true\n  hostIPC: true\n'));
    expect((await w.exec('kubectl apply -f h.yaml')).stdout).toBe('pod/h created\n');
    await w.exec('sleep 20');
    expect((await w.exec('kubectl get pod h -o jsonpath={.status.phase}')).stdout).toBe('Running');
    const host = await hostNs(w);
    expect((await w.exec('kubectl exec h -- readlink /proc/self/ns/pid')).stdout).toBe(`pid:[${host.pid}]\n`);
    expect((await w.exec('kubectl exec h -- readlink /proc/self/ns/ipc')).stdout).toBe(`ipc:[${host.ipc}]\n`);
    // The host's init is PID 1 in the container too.
    expect((await w.exec('kubectl exec h -- cat /proc/1/comm')).stdout).toBe('systemd\n');
    const id = (await w.exec('crictl ps --name app -q')).stdout.trim();
    const pid = JSON.parse((await w.exec(`crictl inspect ${id}`)).stdout).info.pid as number;
    expect((await w.exec(`grep NSpid /proc/${pid}/status`)).stdout).toBe(`NSpid:\t${pid}\n`);
    // Without them, its own.
    await write(w, 'p.yaml', pod('p', ''));
    await w.exec('kubectl apply -f p.yaml');
    await w.exec('sleep 20');
    expect((await w.exec('kubectl exec p -- readlink /proc/self/ns/pid')).stdout).not.toBe(`pid:[${host.pid}]\n`);
    expect((await w.exec('kubectl exec p -- readlink /proc/self/ns/ipc')).stdout).not.toBe(`ipc:[${host.ipc}]\n`);
    expect((await w.exec('kubectl exec p -- printenv HOSTNAME')).stdout).toBe('p\n');
  }, 60_000);

  it("hostNetwork: no CNI, the node's network and UTS namespaces, its address as the pod IP, its /etc/hosts and resolv.conf", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const links = (await w.exec('ip -o link')).stdout;
    await write(w, 'n.yaml', pod('n', '  hostNetwork: true\n'));
    expect((await w.exec('kubectl apply -f n.yaml')).stdout).toBe('pod/n created\n');
    await w.exec('sleep 20');
    const host = await hostNs(w);
    expect((await w.exec('kubectl exec n -- readlink /proc/self/ns/net')).stdout).toBe(`net:[${host.net}]\n`);
    expect((await w.exec('kubectl exec n -- readlink /proc/self/ns/uts')).stdout).toBe(`uts:[${host.uts}]\n`);
    expect((await w.exec('kubectl exec n -- hostname')).stdout).toBe('node1\n');
    // The kubelet sets no sandbox hostname for a host-network pod (kuberuntime_sandbox.go generatePodSandboxConfig), so
    // containerd's HOSTNAME is the node's (containerd@v1.7.22:pkg/cri/server/container_create_linux.go containerSpec).
    expect((await w.exec('kubectl exec n -- printenv HOSTNAME')).stdout).toBe('node1\n');
    expect((await w.exec('kubectl exec n -- cat /etc/hostname')).stdout).toBe('node1\n');
    expect((await w.exec('kubectl get pod n -o jsonpath={.status.podIP}')).stdout).toBe('10.0.0.11');
    // No veth for it on the host.
    expect((await w.exec('ip -o link')).stdout).toBe(links);
    // kubernetes@v1.30.5 pkg/kubelet/kubelet_pods.go managedHostsHeaderWithHostNetwork, then the node's /etc/hosts.
    expect((await w.exec('kubectl exec n -- cat /etc/hosts')).stdout).toBe(
      `# Kubernetes-managed hosts file (host network).\n${(await w.exec('cat /etc/hosts')).stdout}`,
    );
    // dns.go getPodDNSType: ClusterFirst on the host network falls back to Default, the node's uplink resolv.conf
    // (parseResolvConf drops "search ."), written by containerd's parseDNSOptions.
    expect((await w.exec('kubectl exec n -- cat /etc/resolv.conf')).stdout).toBe('nameserver 10.0.0.1\n');
    // Deleting it leaves the host's network as it was.
    await w.exec('kubectl delete pod n --grace-period=0 --force');
    await w.exec('sleep 5');
    expect((await w.exec('ip -o link')).stdout).toBe(links);
  }, 60_000);
});
