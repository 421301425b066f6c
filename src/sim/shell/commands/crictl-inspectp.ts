/**
 * `crictl inspectp [-o json|yaml|table] [-q] POD-ID…` (kubernetes-sigs/cri-tools@v1.30.0:cmd/crictl/sandbox.go
 * PodSandboxStatus, marshalPodSandboxStatus; util.go outputStatusInfo): containerd's PodSandboxStatus
 * (containerd@v1.7.22:pkg/cri/sbserver/sandbox_status.go toCRISandboxStatus) as JSON: `status` in the CRI message's
 * field order (kubernetes/cri-api@v0.30.5:pkg/apis/runtime/v1/api.proto PodSandboxStatus) with createdAt as RFC 3339,
 * its nested objects with sorted keys (crictl decodes them into Go maps), then the verbose `info`.
 * Left out of `info`: containerd's SandboxInfo also carries `config` (the kubelet's whole PodSandboxConfig),
 * `runtimeSpec` (the pause container's OCI spec) and `cniResult`; node1 prints the fields before them only.
 */
import type { ExecResult } from '../../api.ts';
import { resourceOfKind } from '../../k8s/apiserver/resources.ts';
import type { CriSandbox, CriSandboxRecord } from '../../runtime/containerd.ts';
import type { CmdEnv } from '../types.ts';
import { clusterFor } from './kubectl/cluster.ts';
import { toYaml } from './kubectl/yaml-out.ts';

type Obj = Record<string, unknown>;
const PODS = resourceOfKind('v1', 'Pod')!;
const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** time.Time.Format(time.RFC3339Nano) in UTC: trailing zeros of the fraction dropped. */
const rfc3339Nano = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/\.000Z$/, 'Z')
    .replace(/(\.\d*?)0+Z$/, '$1Z');
/** Go's Time.String() ("2006-01-02 15:04:05.999999999 -0700 MST") on node1's UTC clock. */
const goTime = (ms: number) => `${rfc3339Nano(ms).replace('T', ' ').replace('Z', '')} +0000 UTC`;
const sorted = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
/** What encoding/json does with a decoded map: keys sorted at every level. */
const sortDeep = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortDeep)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v as Obj)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, x]) => [k, sortDeep(x)]),
        )
      : v;

/** The status and info of one sandbox, from containerd's record and the pod the kubelet made it for. */
function statusOf(env: CmdEnv, sb: CriSandboxRecord): { status: Obj; info: Obj } {
  const live = 'pause' in sb ? (sb as CriSandbox) : undefined;
  const pod = clusterFor(env.host).api.get(PODS, sb.namespace, sb.name);
  const mine = pod?.metadata.uid === sb.uid ? pod : undefined;
  const spec = (mine?.spec ?? {}) as Obj;
  const hostNet = live ? live.hostNetwork : spec.hostNetwork === true;
  const hostPid = live ? live.hostPid : spec.hostPID === true;
  const ready = sb.state === 'SANDBOX_READY';
  // getIPs: none on the node's network, nor once the network namespace is closed (a stopped sandbox).
  const ip = hostNet || !ready ? '' : (live?.net.ip ?? String(((mine?.status ?? {}) as Obj).podIP ?? ''));
  // kuberuntime_sandbox.go generatePodSandboxConfig: newPodLabels (the pod's labels and the three io.kubernetes.pod ones),
  // newPodAnnotations (the pod's, with the kubelet's config.seen/config.source: no source for the exact instant the
  // kubelet first saw the pod; node1 writes the sandbox's creation time).
  const labels = sorted({
    ...((mine?.metadata.labels ?? {}) as Record<string, string>),
    'io.kubernetes.pod.name': sb.name,
    'io.kubernetes.pod.namespace': sb.namespace,
    'io.kubernetes.pod.uid': sb.uid,
  });
  const annotations = sorted({
    ...((mine?.metadata.annotations ?? {}) as Record<string, string>),
    'kubernetes.io/config.seen': rfc3339Nano(sb.createdMs),
    'kubernetes.io/config.source': 'api',
  });
  // NamespaceMode: NODE for the host's; PID is CONTAINER unless the pod shares its process namespace (POD).
  const pidMode = hostPid ? 'NODE' : (live?.sharePid ?? spec.shareProcessNamespace === true) ? 'POD' : 'CONTAINER';
  const status: Obj = {
    id: sb.id,
    metadata: { attempt: sb.attempt, name: sb.name, namespace: sb.namespace, uid: sb.uid },
    state: sb.state,
    createdAt: rfc3339Nano(sb.createdMs),
    network: { additionalIps: [], ip },
    linux: {
      namespaces: {
        options: {
          ipc: spec.hostIPC === true ? 'NODE' : 'POD',
          network: hostNet ? 'NODE' : 'POD',
          pid: pidMode,
          targetId: '',
          usernsOptions: null,
        },
      },
    },
    labels,
    annotations,
    runtimeHandler: '',
  };
  // containerd@v1.7.22:pkg/cri/sbserver/podsandbox/sandbox_status.go SandboxInfo, its fields before `config`.
  const info: Obj = {
    // A stopped sandbox: handleSandboxExit zeroes its pid and deletes the task, which toCRISandboxInfo reports as "deleted"
    // ("If processStatus is empty, it means that the task is deleted"); its network namespace is removed (closed), and a
    // host-network sandbox has none (NetNS nil: false).
    pid: ready ? (live?.pause.pid ?? 0) : 0,
    processStatus: ready ? 'running' : 'deleted',
    netNamespaceClosed: !ready && !hostNet,
    image: 'registry.k8s.io/pause:3.9',
    snapshotKey: sb.id,
    snapshotter: 'overlayfs',
    runtimeHandler: '',
    runtimeType: 'io.containerd.runc.v2',
    runtimeOptions: { systemd_cgroup: true },
  };
  return { status, info };
}

export function inspectp(env: CmdEnv, sandboxes: CriSandboxRecord[], ids: string[], values: Map<string, string>, quiet: boolean): ExecResult {
  // Not crictl's words: with no POD-ID it shows the command's help (cli.ShowSubcommandHelp), which node1 does not have.
  if (!ids.length) return R('', 'crictl inspectp: POD-ID is required (the command help is not simulated on node1)\n', 1);
  const output = values.get('output') || 'json';
  let stdout = '';
  for (const id of ids) {
    // logrus on a terminal: `FATA[0000] msg` (main.go, the Action's wrapped error).
    const fail = (why: string) => R(stdout, `FATA[0000] getting the pod sandbox status for "${id}": ${why}\n`, 1);
    // containerd's sandbox store takes a unique prefix of the id (truncindex).
    const hits = sandboxes.filter((s) => s.id.startsWith(id));
    if (hits.length !== 1) return fail('rpc error: code = NotFound desc = an error occurred when try to find sandbox: not found');
    const sb = hits[0] as CriSandboxRecord;
    const { status, info } = statusOf(env, sb);
    if (output === 'json' || output === 'yaml') {
      const doc: Obj = quiet ? { status } : { status, info };
      if (output === 'json') stdout += `${JSON.stringify(doc, null, 2)}\n`;
      // yaml.JSONToYAML: keys sorted at every level; fmt.Println adds a newline after the document's own.
      else stdout += `${toYaml(sortDeep(doc))}\n`;
      continue;
    }
    if (output === 'go-template') return R(stdout, 'crictl inspectp: -o go-template is not simulated on node1 (json, yaml and table are)\n', 1);
    if (output !== 'table') return fail(`output option cannot be ${output}`);
    const meta = status.metadata as Obj;
    stdout += `ID: ${sb.id}\nName: ${meta.name}\nUID: ${meta.uid}\nNamespace: ${meta.namespace}\nAttempt: ${meta.attempt}\n`;
    stdout += `Status: ${sb.state}\nCreated: ${goTime(sb.createdMs)}\nIP Addresses: ${(status.network as Obj).ip}\n`;
    stdout += `Labels:\n${Object.entries(status.labels as Obj)
      .map(([k, v]) => `\t${k} -> ${v}\n`)
      .join('')}`;
    stdout += `Annotations:\n${Object.entries(status.annotations as Obj)
      .map(([k, v]) => `\t${k} -> ${v}\n`)
      .join('')}`;
    // fmt's %v of the info map: map[info:<containerd's compact JSON>].
    if (!quiet) stdout += `Info: map[info:${JSON.stringify(info)}]\n`;
  }
  return R(stdout);
}
