/**
 * Where a kubectl verb's requests go: the kubeconfig (kubeconfig-io.ts) and the global flags --kubeconfig, --context,
 * --cluster, --user and -n pick a server, a user and a default namespace (k8s.io/client-go@v0.30.5:tools/clientcmd
 * client_config.go). node1's API server answers https://<node1's address>:6443 for a user holding admin.conf's client
 * certificate; the verbs then run with the context's namespace as their default (common.ts namespaceOf).
 * Any other server is unreachable from node1, with what a real kubectl v1.30.13 prints (checked against the binary):
 * nothing listens on node1's or the loopback's other ports (connection refused), a name other than localhost and
 * node1's own does not resolve (systemd-resolved's stub, 127.0.0.53), no config at all means http://localhost:8080.
 */
import type { ExecResult } from '../../../api.ts';
import { nodeFactsOf } from '../../../k8s/apiserver/fixture.ts';
import { resolveTarget } from '../../../../k8s/kubeconfig.ts';
import { kubeadmFiles } from '../../../fs/kubeadm-files.ts';
import type { CmdEnv } from '../../types.ts';
import { type KubeEnv, klogLine, out } from './common.ts';
import { loadKubeconfig, missingExplicit } from './kubeconfig-io.ts';

/** Memcache's discovery errors each verb logs before giving up on an unreachable server (counted with kubectl v1.30.13). */
const DISCOVERY_TRIES: Record<string, number> = {
  get: 5,
  describe: 5,
  delete: 5,
  label: 5,
  scale: 5,
  expose: 5,
  logs: 4,
  exec: 4,
  wait: 4,
  rollout: 4,
  explain: 2,
  run: 1,
  top: 0,
  events: 0,
};

/** The global flags' values wherever they are on the line (`--context x`, `--context=x`, `-n x`, `-nx`). */
function globals(args: string[]): Record<string, string> {
  const g: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    const m = /^--(kubeconfig|context|cluster|user|namespace)(?:=(.*))?$/.exec(a) ?? /^-(n)(?:=?(.+))?$/.exec(a);
    if (!m) continue;
    const name = m[1] === 'n' ? 'namespace' : m[1]!;
    g[name] = m[2] ?? args[++i] ?? '';
  }
  return g;
}

/** The admin's client certificates (admin.conf, super-admin.conf): the credentials node1's API server accepts here. */
function knownCertificates(env: CmdEnv): string[] {
  const files = kubeadmFiles(env.host);
  return ['/etc/kubernetes/admin.conf', '/etc/kubernetes/super-admin.conf'].map((p) => /client-certificate-data: (\S+)/.exec(files.text(p))?.[1] ?? '');
}

/**
 * The env the verb runs with (its default namespace from the kubeconfig), or what kubectl prints instead: a
 * configuration error, or an unreachable server's errors.
 */
export async function connect(verb: string, args: string[], env: CmdEnv): Promise<{ env: KubeEnv } | { result: ExecResult }> {
  const g = globals(args);
  const missing = await missingExplicit(env, g.kubeconfig);
  if (missing) return { result: out('', missing, 1) };
  const loaded = await loadKubeconfig(env, g.kubeconfig);
  if ('error' in loaded) return { result: out('', loaded.error, 1) };
  const t = resolveTarget(loaded.config, g);
  if (!t.ok) return { result: out('', t.error, 1) };
  const node = nodeFactsOf(env.host.fixture);
  const m = /^(https?):\/\/(\[[^\]]*\]|[^:/]+)(?::(\d+))?/.exec(t.server);
  const scheme = m?.[1] ?? 'https';
  const host = m?.[2] ?? t.server;
  const port = m?.[3] ?? (scheme === 'https' ? '443' : '80');
  const ip = host === 'localhost' ? '127.0.0.1' : host === node.hostname ? node.ip : host;
  const api = scheme === 'https' && ip === node.ip && port === '6443';
  const cert = String(t.user?.['client-certificate-data'] ?? '');
  if (api && cert && knownCertificates(env).includes(cert)) return { env: { ...env, kubeNamespace: t.namespace } };
  // Not kubectl's words: what a real kubectl would meet there (other credentials, other servers) is not simulated.
  const note = (what: string) => ({
    result: out('', `kubectl ${verb}: ${what} is not simulated on node1 (its API server is https://${node.ip}:6443, for admin.conf's user)\n`, 1),
  });
  if (api) return note(t.userName ? `the user "${t.userName}"` : 'a context without a user');
  let dial: string;
  let last: string;
  if (ip === node.ip || /^127\./.test(ip)) {
    dial = `dial tcp ${ip}:${port}: connect: connection refused`;
    // kubernetes/kubectl@v0.30.5:pkg/cmd/util/helpers.go standardErrorMessage: a refused connection names the URL's host.
    last = `The connection to the server ${host}:${port} was refused - did you specify the right host or port?`;
    if (!m?.[3]) last = `The connection to the server ${host} was refused - did you specify the right host or port?`;
  } else if (!/^[\d.]+$/.test(ip) && !ip.startsWith('[')) {
    dial = `dial tcp: lookup ${host} on 127.0.0.53:53: no such host`;
    last = `Unable to connect to the server: ${dial}`;
  } else return note(`the server ${t.server}`);
  if (verb === 'version') {
    const { version } = await import('./version.ts');
    const client = await version(['--client'], env);
    return { result: out(client.stdout, `${last}\n`, 1) };
  }
  const tries = Object.hasOwn(DISCOVERY_TRIES, verb) ? DISCOVERY_TRIES[verb]! : undefined;
  if (tries === undefined) return note(`the server ${t.server}`);
  const line = tries ? klogLine(env, 'E', 'memcache.go:265', `couldn't get current server API group list: Get "${t.server}/api?timeout=32s": ${dial}`) : '';
  return { result: out('', `${line.repeat(tries)}${last}\n`, 1) };
}
