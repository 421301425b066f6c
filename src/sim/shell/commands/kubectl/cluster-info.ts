/**
 * `kubectl cluster-info` (kubernetes/kubectl@v0.30.5:pkg/cmd/clusterinfo/clusterinfo.go): the control plane's address
 * (admin.conf's server, https://<node ip>:6443: fs/kubeadm-files.ts) and each kube-system Service labelled
 * kubernetes.io/cluster-service=true (kubeadm's kube-dns, named CoreDNS by its kubernetes.io/name label), with the
 * colours printService writes through github.com/daviddahl/go-colortext: ct.ChangeColor(ct.Green) is `ESC[32m`,
 * ct.Yellow `ESC[33m`, ct.ResetColor `ESC[0m`, written to stdout whether or not it is a terminal (no check in
 * clusterinfo.go: `kubectl cluster-info | cat` shows them too).
 */
import type { ExecResult } from '../../../api.ts';
import { nodeFactsOf } from '../../../k8s/apiserver/fixture.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { matchSelector, out, parse } from './common.ts';

const GREEN = '\x1b[32m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

/** clusterinfo.go printService. */
const printService = (name: string, link: string) => `${GREEN}${name}${RESET} is running at ${YELLOW}${link}${RESET}\n`;

interface Port {
  name?: string;
  port: number;
}

export async function clusterInfo(args: string[], env: CmdEnv): Promise<ExecResult> {
  const at = args.findIndex((a) => !a.startsWith('-'));
  if (at >= 0 && args[at] === 'dump') {
    // Not kubectl's words: clusterinfo_dump.go writes every namespace's objects and every pod's logs; node1 does not.
    return out('', 'kubectl cluster-info dump: not simulated on node1 (use: kubectl get, describe and logs)\n', 1);
  }
  const p = parse(args, [], 'cluster-info');
  if (!p.ok) return p.usage!;
  const cluster = clusterFor(env.host);
  const host = `https://${nodeFactsOf(env.host.fixture).ip}:6443`;
  // Complete: the namespace flag, else kube-system; Run: the Services with the label, in the builder's (name) order.
  const ns = typeof p.flags.namespace === 'string' && p.flags.namespace ? p.flags.namespace : 'kube-system';
  const match = matchSelector('kubernetes.io/cluster-service=true') as (o: KObject) => boolean;
  const services = cluster.api
    .list(resourceOfKind('v1', 'Service')!, ns)
    .filter(match)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  let text = printService('Kubernetes control plane', host);
  for (const s of services) {
    const spec = s.spec as { ports?: Port[] };
    const ingress = (s.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } | undefined)?.loadBalancer?.ingress?.[0];
    let link = '';
    if (ingress) {
      const ip = ingress.ip || ingress.hostname || '';
      for (const port of spec.ports ?? []) link += `http://${ip}:${port.port} `;
    } else {
      let name = s.metadata.name;
      const port = spec.ports?.[0];
      if (port) {
        // "guess if the scheme is https"; utilnet.JoinSchemeNamePort: scheme:name:port, empty parts left out at the ends.
        const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
        name = scheme ? `${scheme}:${name}:${port.name ?? ''}` : port.name ? `${name}:${port.name}` : name;
      }
      link = `${host}/api/v1/namespaces/${s.metadata.namespace}/services/${name}/proxy`;
    }
    text += printService(s.metadata.labels?.['kubernetes.io/name'] || s.metadata.name, link);
  }
  return out(`${text}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
}
