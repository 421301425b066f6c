/**
 * `kubectl events` (kubernetes/kubectl@v0.30.5:pkg/cmd/events/events.go, event_printer.go): the namespace's core/v1
 * Events (or every namespace's with -A), --for TYPE/NAME and --types filters, sorted by eventTime (Series, else
 * lastTimestamp, else eventTime), under LAST SEEN, TYPE, REASON, OBJECT, MESSAGE through the tabwriter.
 */
import type { ExecResult } from '../../../api.ts';
import { resourceFor, resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import { tabwriter } from '../../kit/tabwriter.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { namespaceOf, out, parse } from './common.ts';
import { since } from './duration.ts';

/** EventsFlags.AddFlags, and the printer's -o. */
const FLAGS = [
  { long: 'watch', short: 'w', type: 'bool' as const },
  { long: 'all-namespaces', short: 'A', type: 'bool' as const },
  { long: 'for', type: 'string' as const },
  { long: 'types', type: 'list' as const },
  { long: 'no-headers', type: 'bool' as const },
  { long: 'chunk-size', type: 'string' as const },
  { long: 'output', short: 'o', type: 'string' as const },
];

interface Ev extends KObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  involvedObject?: { kind?: string; name?: string; apiVersion?: string };
}

export async function events(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'events');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const ns = namespaceOf(f, env);
  // ToOptions: --for is decodeResourceTypeName's TYPE/NAME, the type through the RESTMapper.
  let forObj: { kind: string; apiVersion: string; name: string } | undefined;
  const forArg = f.for as string | undefined;
  if (forArg) {
    if (!forArg.includes('/')) return out('', 'error: --for must be in resource/name form\n', 1);
    const seg = forArg.split('/');
    if (seg.length !== 2) return out('', 'error: arguments in resource/name form may not have more than one slash\n', 1);
    const r = resourceFor(seg[0]!);
    // meta.NoResourceMatchError: `no matches for kind…`; node1's kubectl knows its own kinds (resources.ts).
    if (!r) return out('', `error: the server doesn't have a resource type "${seg[0]}"\n`, 1);
    forObj = { kind: r.kind, apiVersion: r.apiVersion, name: seg[1]! };
  }
  const output = f.output as string | undefined;
  if (output || f.watch) {
    // Not kubectl's words: -o's printers and --watch's stream are not built for events on node1.
    return out('', `kubectl events ${output ? '-o' : '--watch'}: not simulated on node1 (this kubectl prints the events' table)\n`, 1);
  }
  // Complete: sets.NewString(types...).List(); Validate: each Normal or Warning, any case.
  const types = (Array.isArray(f.types) ? (f.types as string[]) : []).flatMap((t) => t.split(',')).filter(Boolean);
  if (types.some((t) => !/^(normal|warning)$/i.test(t))) return out('', 'error: valid --types are Normal or Warning\n', 1);
  const cluster = clusterFor(env.host);
  const all = f['all-namespaces'] === true;
  const list = (cluster.api.list(resourceOfKind('v1', 'Event')!, all ? undefined : ns) as Ev[]).filter(
    (e) =>
      (!types.length || types.some((t) => t.toLowerCase() === String(e.type ?? '').toLowerCase())) &&
      (!forObj || (e.involvedObject?.kind === forObj.kind && e.involvedObject?.apiVersion === forObj.apiVersion && e.involvedObject?.name === forObj.name)),
  );
  if (!list.length) return out('', all ? 'No events found.\n' : `No events found in ${ns} namespace.\n`);
  const at = (e: Ev) => Date.parse(e.lastTimestamp ?? '') || 0;
  list.sort((a, b) => at(a) - at(b));
  const now = env.host.clock.nowMs;
  const lines: string[] = [];
  if (!f['no-headers']) lines.push(`${all ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE`);
  for (const e of list) {
    // getInterval: "<last> (xN over <first>)" once an event repeats.
    const first = since(e.firstTimestamp, now);
    const interval = (e.count ?? 1) > 1 ? `${since(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const row = [interval, e.type ?? '', e.reason ?? '', `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`, String(e.message ?? '').trim()];
    lines.push(`${all ? `${e.metadata.namespace ?? ''}\t` : ''}${row.join('\t')}`);
  }
  return out(tabwriter(`${lines.join('\n')}\n`, 6, 3));
}
