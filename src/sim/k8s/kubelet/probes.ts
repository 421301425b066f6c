/**
 * One probe run against a pod's container, on the simulated network and processes
 * (kubernetes@v1.30.0 pkg/kubelet/prober/prober.go runProbe; pkg/probe/http/http.go DoHTTPProbe and
 * request.go NewRequestForHTTPGetAction; pkg/probe/tcp/tcp.go DoTCPProbe; pkg/probe/exec/exec.go;
 * pkg/probe/util.go ResolveContainerPort). The kubelet dials from node1's network namespace: the pod's
 * IP answers when a process in the pod's network namespace listens on the port (runtime/programs.ts
 * `listens`). nginx serves files from its root as the container sees it now, and logs the probe's
 * request with the kubelet's User-Agent `kube-probe/1.30`, from cni0's address.
 */
import type { Host } from '../../host.ts';
import { accept, accessLine, errorLine, nginxGet } from '../../net/nginxlog.ts';
import type { Rng } from '../../rng.ts';
import type { CriContainer, CriSandbox } from '../../runtime/containerd.ts';
import { goDuration } from './backoff.ts';
import type { Obj } from './config.ts';

/** pkg/probe/probe.go Result. */
export type ProbeResult = 'success' | 'warning' | 'failure' | 'unknown';

export interface ProbeOutcome {
  result: ProbeResult;
  output: string;
  /** The prober's error (the result is then thrown away): `… probe errored and resulted in unknown state: …`. */
  error?: string;
}

export interface ProbeTarget {
  host: Host;
  sandbox: CriSandbox;
  /** The container's spec (its ports and env) and its running instance. */
  container: Obj;
  current: CriContainer;
  /** The kubelet's own random stream (exec ids), so probing does not move the ids Docker draws next. */
  rng: Rng;
  /** Appends a line to a container's log by container id (nginx's access log). */
  log: (containerId: string, stream: 'stdout' | 'stderr', text: string) => void;
}

/** The kubelet's address on cni0: where a probe's connection comes from (runtime/cni.ts). */
const KUBELET_SOURCE = '10.244.0.1';
/** pkg/probe/exec/exec.go maxReadLength; pkg/probe/http/http.go maxRespBodyLength is the same 10 KiB. */
const MAX_READ = 10 * 1024;
/** pkg/probe/http/request.go userAgent: "kube-probe/<major>.<minor>". */
const USER_AGENT = 'kube-probe/1.30';
/** Commands a busybox or coreutils shell runs without a file of their own (kubectl exec's list). */
const BUILTINS = ['echo', 'true', 'false', 'sh', 'test', 'printf', 'env', 'exit', 'cd', 'export'];

/** pkg/probe/util.go ResolveContainerPort and findPortByName. */
export function resolvePort(param: unknown, container: Obj): number | string {
  let port: number;
  if (typeof param === 'number') port = param;
  else if (typeof param === 'string') {
    const named = ((container.ports as Obj[] | undefined) ?? []).find((p) => p.name === param);
    if (named) port = Number(named.containerPort);
    else if (/^[+-]?\d+$/.test(param)) port = Number(param);
    // Go's strconv.Atoi error, the "last ditch effort" on a name no port has.
    else return `strconv.Atoi: parsing ${JSON.stringify(param)}: invalid syntax`;
  } else return `intOrString had no kind: ${JSON.stringify(param)}`;
  return port > 0 && port < 65536 ? port : `invalid port number: ${port}`;
}

/** The network namespace that owns an address (node1's for its own, the pod's for its IP), if any. */
function ownerNs(host: Host, ip: string): number | undefined {
  for (const ns of host.kernel.namespaces.values())
    if (ns.type === 'net' && ns.interfaces?.some((i) => i.addrs.some((a) => a.split('/')[0] === ip))) return ns.inode;
  return undefined;
}

/** The live process listening on `port` in network namespace `net`. */
function listener(host: Host, net: number, port: number) {
  return host.kernel.live().find((p) => p.ns.net === net && (host.runc.programOf(p.pid)?.listens ?? []).includes(port));
}

const joinHostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

const bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * What a server answers to GET `path` (`hostHeader`: Go's client sends the URL's host and port): nginx serves its
 * container's /usr/share/nginx/html and logs the request (net/nginxlog.ts), other programs answer 200.
 */
async function serve(host: Host, pid: number, path: string, hostHeader: string, t: ProbeTarget): Promise<number> {
  const p = host.kernel.procs.get(pid);
  const prog = host.runc.programOf(pid);
  const isNginx = p?.comm === 'nginx' || (prog?.title ?? []).some((w) => w.startsWith('nginx'));
  if (!p || !isNginx) return 200;
  const version = p.env.NGINX_VERSION ?? '1.25.5';
  const dirs = new Set(host.runc.roots.get(p.root)?.dirs ?? []);
  const reply = await nginxGet(
    path,
    version,
    (file) => host.runc.readFile(p.root, file),
    async (file) => dirs.has(file.replace(/\/$/, '')),
  );
  const containerId = p.containerId ?? t.current.id;
  // The server's master: the listener itself, or its parent when a worker holds the socket.
  const master =
    host.kernel.procs.get(p.ppid)?.containerId === p.containerId && host.kernel.procs.get(p.ppid)?.comm === 'nginx' ? host.kernel.procs.get(p.ppid)! : p;
  const request = `GET ${path} HTTP/1.1`;
  const { conn, worker } = accept(host.kernel, master);
  if (reply.error) t.log(containerId, 'stderr', errorLine(host.clock.nowMs, worker, conn, reply.error, { client: KUBELET_SOURCE, request, host: hostHeader }));
  t.log(containerId, 'stdout', accessLine(KUBELET_SOURCE, host.clock.nowMs, request, reply.status, bytes(reply.body), USER_AGENT));
  return reply.status;
}

async function httpProbe(get: Obj, t: ProbeTarget): Promise<ProbeOutcome> {
  const port = resolvePort(get.port, t.container);
  if (typeof port === 'string') return { result: 'unknown', output: '', error: port };
  const scheme = String(get.scheme ?? 'HTTP').toLowerCase();
  const host = typeof get.host === 'string' && get.host ? get.host : t.sandbox.net.ip;
  const rawPath = typeof get.path === 'string' ? get.path : '';
  // request.go formatURL: url.Parse(path), then scheme and host set; a path without a leading slash gains one.
  const path = rawPath && !rawPath.startsWith('/') ? `/${rawPath}` : rawPath;
  const url = `${scheme}://${joinHostPort(host, port)}${path}`;
  // Go's url.Error: `Get "<url>": <cause>`.
  const fail = (cause: string): ProbeOutcome => ({ result: 'failure', output: `Get ${JSON.stringify(url)}: ${cause}` });
  const net = ownerNs(t.host, host);
  if (net === undefined) return fail('context deadline exceeded (Client.Timeout exceeded while awaiting headers)');
  const proc = listener(t.host, net, port);
  if (!proc) return fail(`dial tcp ${joinHostPort(host, port)}: connect: connection refused`);
  // net/http's client on a plain-HTTP server (the simulated programs serve no TLS).
  if (scheme === 'https') return fail('http: server gave HTTP response to HTTPS client');
  const status = await serve(t.host, proc.pid, path || '/', joinHostPort(host, port), t);
  if (status >= 200 && status < 400) return { result: 'success', output: '' };
  // http.go: "Note: Until https://issue.k8s.io/99425 is addressed, this user-facing failure message must not contain the response body."
  return { result: 'failure', output: `HTTP probe failed with statuscode: ${status}` };
}

function tcpProbe(sock: Obj, t: ProbeTarget): ProbeOutcome {
  const port = resolvePort(sock.port, t.container);
  if (typeof port === 'string') return { result: 'unknown', output: '', error: port };
  const host = typeof sock.host === 'string' && sock.host ? sock.host : t.sandbox.net.ip;
  const addr = joinHostPort(host, port);
  const net = ownerNs(t.host, host);
  // tcp.go: the dialer's error is the output (net.OpError).
  if (net === undefined) return { result: 'failure', output: `dial tcp ${addr}: i/o timeout` };
  if (!listener(t.host, net, port)) return { result: 'failure', output: `dial tcp ${addr}: connect: connection refused` };
  return { result: 'success', output: '' };
}

/** pkg/kubelet/container/helpers.go ExpandContainerCommandOnlyStatic: $(VAR) from the container's literal env, $$ for $. */
function expand(argv: string[], container: Obj): string[] {
  const vars = new Map<string, string>();
  for (const e of (container.env as Obj[] | undefined) ?? []) if (typeof e.name === 'string' && typeof e.value === 'string') vars.set(e.name, e.value);
  return argv.map((a) =>
    a.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name?: string) => (m === '$$' ? '$' : vars.has(name!) ? vars.get(name!)! : m)),
  );
}

async function execProbe(cmd: Obj, t: ProbeTarget, timeoutS: number): Promise<ProbeOutcome> {
  const argv = expand(((cmd.command as unknown[] | undefined) ?? []).map(String), t.container);
  const root = t.host.runc.roots.get(t.current.id);
  const argv0 = argv[0] ?? '';
  const base = argv0.split('/').pop() ?? '';
  const known = root && (root.commands.includes(base) || argv0 in root.files || (root.commands.includes('sh') && BUILTINS.includes(base)));
  if (!known) {
    // containerd@v1.7 ExecSync on a program runc cannot start: the CRI error the kubelet gets back (pkg/probe/exec/exec.go: not an ExitError, so Unknown with the error).
    const why = argv0.includes('/') ? `stat ${argv0}: no such file or directory` : 'executable file not found in $PATH';
    return {
      result: 'unknown',
      output: '',
      error: `rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${t.rng.hex(64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv0}": ${why}: unknown`,
    };
  }
  // CRI ExecSync with the probe's timeout: the command runs on the simulated clock (a `sleep` in it moves time at once,
  // not in real time) and is stopped when timeoutSeconds have passed; the kubelet then reports remote_runtime.go's
  // TimeoutError (ExecProbeTimeout is on), `command "<argv joined>" timed out`.
  const host = t.host;
  const ctl = new AbortController();
  const deadline = host.clock.nowMs + timeoutS * 1000;
  const hook = async () => {
    if (host.clock.nowMs >= deadline) ctl.abort();
  };
  host.onStep.push(hook);
  const mode = host.clock.mode;
  host.clock.mode = 'virtual';
  let r: Awaited<ReturnType<typeof host.runc.exec>>;
  try {
    r = await host.runc.exec(t.current.pid, argv, { signal: ctl.signal });
  } finally {
    host.onStep.splice(host.onStep.indexOf(hook), 1);
    host.clock.mode = mode;
  }
  if (ctl.signal.aborted) return { result: 'failure', output: `command ${JSON.stringify(argv.join(' '))} timed out` };
  if (!r)
    return { result: 'unknown', output: '', error: `rpc error: code = NotFound desc = failed to exec in container: container is in CONTAINER_EXITED state` };
  // kuberuntime RunInContainer: stdout then stderr, read up to maxReadLength.
  const output = new TextDecoder().decode(new TextEncoder().encode(r.stdout + r.stderr).slice(0, MAX_READ));
  return { result: r.exitCode === 0 ? 'success' : 'failure', output };
}

/**
 * pkg/probe/grpc/grpc.go: grpc.DialContext with WithBlock waits for a ready HTTP/2 connection until the timeout. No
 * simulated program serves gRPC, so a refused port and a plain-HTTP server both end at the deadline.
 */
function grpcProbe(g: Obj, t: ProbeTarget, timeoutS: number): ProbeOutcome {
  const addr = joinHostPort(t.sandbox.net.ip, Number(g.port));
  return {
    result: 'failure',
    output: `timeout: failed to connect service ${JSON.stringify(addr)} within ${goDuration(timeoutS * 1000)}: context deadline exceeded`,
  };
}

/** prober.go runProbe: the handler the probe names. */
export async function runProbe(spec: Obj, t: ProbeTarget, podFullName: string, containerName: string): Promise<ProbeOutcome> {
  const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObj(spec.exec)) return execProbe(spec.exec, t, Number(spec.timeoutSeconds ?? 1));
  if (isObj(spec.httpGet)) return httpProbe(spec.httpGet, t);
  if (isObj(spec.tcpSocket)) return tcpProbe(spec.tcpSocket, t);
  if (isObj(spec.grpc)) return grpcProbe(spec.grpc, t, Number(spec.timeoutSeconds ?? 1));
  return { result: 'unknown', output: '', error: `missing probe handler for ${podFullName}:${containerName}` };
}
