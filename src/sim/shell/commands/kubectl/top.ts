/**
 * `kubectl top node|pod` (kubernetes/kubectl@v0.30.5:pkg/cmd/top/top.go, top_node.go, top_pod.go). node1's kubeadm
 * cluster runs no metrics-server, so the server's API groups have no metrics.k8s.io: after Complete (at most one NAME,
 * else cmdutil.UsageErrorf with the command's Use) and Validate (--sort-by is cpu or memory; a NAME and a selector not
 * both), RunTopNode/RunTopPod parse the selectors (labels.Parse), find no supported Metrics API version
 * (SupportedMetricsAPIVersionAvailable) and return "Metrics API not available"; cmdutil.CheckErr prints it with
 * "error: ", exit 1. `top` itself is a parent (cmdutil.DefaultSubCommandRun: an argument is "unknown command", none
 * prints its help, exit 1).
 */
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';
import { matchSelector, out, parentCommand, parse } from './common.ts';
import { helpPage } from './help.ts';

const SELECTOR = { long: 'selector', short: 'l', type: 'string' as const };
const SHARED = [
  SELECTOR,
  { long: 'sort-by', type: 'string' as const },
  { long: 'no-headers', type: 'bool' as const },
  { long: 'use-protocol-buffers', type: 'bool' as const },
];
/** top_node.go NewCmdTopNode's flags; top_pod.go NewCmdTopPod's. */
const NODE_FLAGS = [...SHARED, { long: 'show-capacity', type: 'bool' as const }];
const POD_FLAGS = [
  ...SHARED,
  { long: 'field-selector', type: 'string' as const },
  { long: 'containers', type: 'bool' as const },
  { long: 'all-namespaces', short: 'A', type: 'bool' as const },
  { long: 'sum', type: 'bool' as const },
];

const SUBCOMMANDS: Record<string, 'node' | 'pod'> = { node: 'node', nodes: 'node', no: 'node', pod: 'pod', pods: 'pod', po: 'pod' };

/** Flags that take the next word as their value (cobra's stripFlags skips it when it looks for the subcommand). */
const VALUED = new Set(['-n', '--namespace', '-l', '--selector', '--sort-by', '--field-selector', '--context', '--kubeconfig', '--request-timeout', '-v']);

function subcommandAt(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (VALUED.has(a)) i++;
    else if (!a.startsWith('-')) return i;
  }
  return -1;
}

export async function top(args: string[], env: CmdEnv): Promise<ExecResult> {
  const at = subcommandAt(args);
  const kind = at >= 0 ? SUBCOMMANDS[args[at] as string] : undefined;
  if (!kind) {
    // A bare `kubectl top` prints its page on stderr, exit 1 (kubernetes/kubectl@v0.30.5:pkg/cmd/top/top.go: Run is
    // cmdutil.DefaultSubCommandRun(streams.ErrOut)).
    return parentCommand('top', at >= 0 ? args.slice(at) : [], (await helpPage('top', env))!);
  }
  const p = parse(
    args.filter((_, i) => i !== at),
    kind === 'node' ? NODE_FLAGS : POD_FLAGS,
    `top ${kind}`,
  );
  if (!p.ok) return p.usage!;
  const f = p.flags;
  if (p.rest.length > 1) return out('', `error: ${kind} [NAME | -l label]\nSee 'kubectl top ${kind} -h' for help and examples\n`, 1);
  const sortBy = (f['sort-by'] as string | undefined) ?? '';
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') return out('', 'error: --sort-by accepts only cpu or memory\n', 1);
  const selector = f.selector as string | undefined;
  const fieldSelector = kind === 'pod' ? (f['field-selector'] as string | undefined) : undefined;
  if (p.rest.length === 1 && (selector || fieldSelector))
    return out('', `error: only one of NAME or ${kind === 'node' ? '--selector' : 'selector'} can be provided\n`, 1);
  if (selector) {
    const m = matchSelector(selector);
    if ('error' in m) return out('', m.error, 1);
  }
  return out('', 'error: Metrics API not available\n', 1);
}
