/**
 * kubectl debug node/NAME (kubernetes/kubectl@v0.30.5:pkg/cmd/debug/debug.go visitNode, generateNodeDebugPod;
 * profiles.go legacyProfile for a node: mountRootPartition, useHostNamespaces) and crictl inspectp
 * (kubernetes-sigs/cri-tools@v1.30.0:cmd/crictl/sandbox.go PodSandboxStatus; containerd@v1.7.22:
 * pkg/cri/sbserver/sandbox_status.go toCRISandboxStatus).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import type { SimWorld } from '../../../src/sim/world.ts';

type W = ReturnType<typeof createWorld>;
const run = async (w: W, line: string) => {
  let shown = '';
  const r = await w.exec(line, { onOutput: (c) => void (shown += c.text) });
  return { ...r, shown: shown || r.stdout + r.stderr };
};
const world = () => createWorld(undefined, { clock: 'virtual' });
/** debug.go generateNodeDebugPod: "Creating debugging pod %s with container %s on node %s.\n" (utilrand's 5-letter suffix). */
const CREATING = /^Creating debugging pod (node-debugger-node1-[bcdfghjklmnpqrstvwxz2456789]{5}) with container debugger on node node1\.\n$/;
/** kubernetes/kubectl@v0.30.5:pkg/cmd/attach/attach.go Run: the prompt hint on stderr. */
const HINT = "If you don't see a command prompt, try pressing enter.\n";

describe('kubectl debug node/NAME', () => {
  it('answers the API NotFound for a node that does not exist', async () => {
    const w = world();
    // The builder's GET of the node: StatusError NotFound, as kubectl prints it (cmdutil.CheckErr).
    expect(await w.exec('kubectl debug node/nope --image=busybox')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): nodes "nope" not found\n',
      exitCode: 1,
    });
  });

  it('-it: creates the node debugging pod and attaches its shell, with the host PID namespace, network and root at /host', async () => {
    const w = world();
    const r = await w.exec('kubectl debug node/node1 -it --image=busybox');
    const pod = CREATING.exec(r.stdout)?.[1] ?? '';
    expect(pod).not.toBe('');
    expect(r).toEqual({ stdout: `Creating debugging pod ${pod} with container debugger on node node1.\n`, stderr: HINT, exitCode: 0 });
    // hostNetwork: the node's UTS namespace and hostname.
    expect((await run(w, 'hostname')).shown).toBe('node1\n');
    // hostPID: busybox ps lists the host's processes, systemd as PID 1 (busybox@1_36_1:procps/ps.c, "%5u %-8.8s %s").
    expect((await run(w, 'ps | head -2')).shown).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 /sbin/init\n');
    // The host's root (hostPath /) at /host; chroot there runs the node's programs.
    expect((await run(w, 'cat /host/etc/hostname')).shown).toBe('node1\n');
    expect((await run(w, 'chroot /host cat /etc/os-release | head -1')).shown).toBe('PRETTY_NAME="Ubuntu 24.04.1 LTS"\n');
    // No command: busybox runs get_shell_name() -i; SHELL is not set in the container, so it is root's shell in the node's
    // /etc/passwd (read after the chroot): bash, whose prompt follows.
    expect((await run(w, 'echo "[$SHELL]"; grep ^root: /host/etc/passwd')).shown).toBe('[]\nroot:x:0:0:root:/root:/bin/bash\n');
    expect((await run(w, 'chroot /host')).shown).toBe('');
    const host = (w as unknown as SimWorld).host;
    expect([...host.kernel.procs.values()].some((p) => p.comm === 'bash' && p.argv.join(' ') === 'bash -i' && p.root === 'host')).toBe(true);
    expect((await run(w, 'head -1 /etc/os-release')).shown).toBe('PRETTY_NAME="Ubuntu 24.04.1 LTS"\n');
    expect((await run(w, 'exit')).exitCode).toBe(0);
    // With SHELL set, that is what runs.
    expect((await run(w, 'SHELL=/bin/bash chroot /host')).shown).toBe('');
    expect((await run(w, 'ls /etc/kubernetes/manifests 2>/dev/null | head -1; id -un')).shown).toMatch(/root\n$/);
    expect((await run(w, 'exit')).exitCode).toBe(0);
    // restartPolicy Never: attach.go prints no reattach note, and the pod stays, Completed.
    expect((await run(w, 'exit')).shown).toBe('');
    expect((await w.exec(`kubectl get pod ${pod} --no-headers`)).stdout).toMatch(new RegExp(`^${pod} +0/1 +Completed +0 +\\d+s\n$`));
  });

  it('without -it prints the Creating line only; the pod has the legacy profile changes for a node', async () => {
    const w = world();
    const r = await w.exec('kubectl debug node/node1 --image=busybox');
    const pod = CREATING.exec(r.stdout)?.[1] ?? '';
    expect(r).toEqual({ stdout: `Creating debugging pod ${pod} with container debugger on node node1.\n`, stderr: '', exitCode: 0 });
    const jp = (p: string) => w.exec(`kubectl get pod ${pod} -o jsonpath='${p}'`).then((x) => x.stdout);
    expect(await jp('{.spec.hostPID} {.spec.hostNetwork} {.spec.hostIPC} {.spec.nodeName} {.spec.restartPolicy}')).toBe('true true true node1 Never');
    expect(await jp('{.spec.volumes[0]}')).toBe('{"hostPath":{"path":"/","type":""},"name":"host-root"}');
    expect(await jp('{.spec.containers[0].name} {.spec.containers[0].image} {.spec.containers[0].volumeMounts[0]}')).toBe(
      'debugger busybox {"mountPath":"/host","name":"host-root"}',
    );
    expect(await jp('{.spec.tolerations[0]}')).toBe('{"operator":"Exists"}');
  });

  it('-q keeps quiet, -c names the container, -n picks the namespace', async () => {
    const w = world();
    expect(await w.exec('kubectl debug node/node1 -q -c dbg -n kube-system --image=busybox')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await w.exec("kubectl get pods -n kube-system -o jsonpath='{.items[?(@.spec.hostPID==true)].spec.containers[0].name}'")).stdout).toContain('dbg');
  });
});

describe('crictl inspectp', () => {
  it('prints the sandbox status of the node debugging pod: the node namespaces, no IP', async () => {
    const w = world();
    // A command that keeps running: without one, busybox sh has no stdin and ends, and the kubelet stops the finished pod's sandbox.
    const pod = CREATING.exec((await w.exec('kubectl debug node/node1 --image=busybox -- sleep 3600')).stdout)?.[1] ?? '';
    const id = (await w.exec(`crictl pods -q --name ${pod}`)).stdout.trim();
    const uid = (await w.exec(`kubectl get pod ${pod} -o jsonpath='{.metadata.uid}'`)).stdout;
    const r = await w.exec(`crictl inspectp -q ${id}`);
    // marshalPodSandboxStatus: the CRI fields in order, createdAt as RFC 3339, nested maps with sorted keys; -q: no info.
    expect(r.stdout).toMatch(
      new RegExp(
        `^\\{
  "status": \\{
    "id": "${id}",
    "metadata": \\{
      "attempt": 0,
      "name": "${pod}",
      "namespace": "default",
      "uid": "${uid}"
    \\},
    "state": "SANDBOX_READY",
    "createdAt": "2024-09-16T11:45:[0-9.]+Z",
    "network": \\{
      "additionalIps": \\[\\],
      "ip": ""
    \\},
    "linux": \\{
      "namespaces": \\{
        "options": \\{
          "ipc": "NODE",
          "network": "NODE",
          "pid": "NODE",
          "targetId": "",
          "usernsOptions": null
        \\}
      \\}
    \\},
    "labels": \\{
      "io.kubernetes.pod.name": "${pod}",
      "io.kubernetes.pod.namespace": "default",
      "io.kubernetes.pod.uid": "${uid}"
    \\},
    "annotations": \\{
      "kubernetes.io/config.seen": "2024-09-16T11:45:[0-9.]+Z",
      "kubernetes.io/config.source": "api"
    \\},
    "runtimeHandler": ""
  \\}
\\}
$`,
      ),
    );
    // Without -q the verbose info follows (its fields before containerd's `config`).
    expect((await w.exec(`crictl inspectp ${id.slice(0, 13)}`)).stdout).toMatch(/\n {2}"info": \{\n {4}"pid": \d+,\n {4}"processStatus": "running",\n/);
  });

  it('without a command the debugging pod completes and its sandbox is stopped: NotReady, no pause process', async () => {
    const w = world();
    const pod = CREATING.exec((await w.exec('kubectl debug node/node1 --image=busybox')).stdout)?.[1] ?? '';
    await w.exec('sleep 2');
    expect((await w.exec(`kubectl get pod ${pod} --no-headers`)).stdout).toMatch(new RegExp(`^${pod} +0/1 +Completed +0 +\\d+s\n$`));
    expect((await w.exec(`crictl pods --name ${pod}`)).stdout).toMatch(/ NotReady +node-debugger-node1-/);
    const id = (await w.exec(`crictl pods -q --name ${pod}`)).stdout.trim();
    const r = (await w.exec(`crictl inspectp ${id}`)).stdout;
    expect(r).toMatch(/\n {4}"state": "SANDBOX_NOTREADY",\n/);
    expect(r).toMatch(/\n {2}"info": \{\n {4}"pid": 0,\n {4}"processStatus": "deleted",\n {4}"netNamespaceClosed": false,\n/);
  });

  it('-o table, a pod network sandbox, and the errors', async () => {
    const w = world();
    await w.exec('kubectl run web --image nginx:1.25');
    const id = (await w.exec('crictl pods -q --name web')).stdout.trim();
    const ip = (await w.exec("kubectl get pod web -o jsonpath='{.status.podIP}'")).stdout;
    const t = (await w.exec(`crictl inspectp -q -o table ${id}`)).stdout;
    // sandbox.go PodSandboxStatus's table: Printf lines, the labels sorted, tab-indented "k -> v".
    expect(t).toMatch(
      new RegExp(
        `^ID: ${id}\nName: web\nUID: [0-9a-f-]{36}\nNamespace: default\nAttempt: 0\nStatus: SANDBOX_READY\nCreated: 2024-09-16 11:45:[0-9.]+ \\+0000 UTC\nIP Addresses: ${ip.replace(/\./g, '\\.')}\nLabels:\n\tio\\.kubernetes\\.pod\\.name -> web\n\tio\\.kubernetes\\.pod\\.namespace -> default\n\tio\\.kubernetes\\.pod\\.uid -> [0-9a-f-]{36}\n\trun -> web\nAnnotations:\n\tkubernetes\\.io/config\\.seen -> [0-9TZ:.-]+\n\tkubernetes\\.io/config\\.source -> api\n$`,
      ),
    );
    expect((await w.exec(`crictl inspectp ${id}`)).stdout).toContain('"pid": "CONTAINER",');
    // containerd's sandbox store: NotFound; crictl wraps it ("getting the pod sandbox status for %q: %w") and logrus.Fatal prints it.
    expect(await w.exec('crictl inspectp nope')).toEqual({
      stdout: '',
      stderr: 'FATA[0000] getting the pod sandbox status for "nope": rpc error: code = NotFound desc = an error occurred when try to find sandbox: not found\n',
      exitCode: 1,
    });
    expect((await w.exec(`crictl inspectp -o xml ${id}`)).stderr).toBe(`FATA[0000] getting the pod sandbox status for "${id}": output option cannot be xml\n`);
  });
});
