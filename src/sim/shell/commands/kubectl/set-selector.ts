/**
 * kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS (kubernetes/kubectl@v0.30.5:pkg/cmd/set/set_selector.go),
 * checked against a real kubectl v1.30.13 with `--local -f`:
 * - getResourcesAndSelector: the last word is the selector (apimachinery metav1.ParseToLabelSelector: `=` and `==` are
 *   matchLabels, in, notin, exists and `!` matchExpressions, `"!=" is not a valid label selector operator`);
 *   none is `one selector is required`;
 * - RunSelector visits the objects in order and stops at the first error: a Service's spec.selector becomes the
 *   labels (`match expression [{x In [a b]} {y Exists []}] not supported on this object` for expressions), any other
 *   kind is `setting a selector is only supported for Services`; every Service is patched and printed, changed or not
 *   (`service/web selector updated`). ResourceBuilderFlags here have --all and --local but no -l.
 * --resource-version is taken and not checked (no conflict is simulated).
 */
import type { ExecResult } from '../../../api.ts';
import type { FlagDef } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { dryRunOf, objName, out, parse, selectorRequirements, warnFirst } from './common.ts';
import { isObj } from './obj.ts';
import { badFormat, parseFormat, printObjects } from './output.ts';
import { CHANGE_CAUSE, changeCause, RECORD_DEPRECATED, RECORD_FLAG } from './record.ts';
import { SET_FLAGS, setTargets } from './set-podspec.ts';

const FLAGS: FlagDef[] = [...SET_FLAGS.filter((d) => d.long !== 'selector'), RECORD_FLAG, { long: 'resource-version', type: 'string' }];

/** ParseToLabelSelector: matchLabels, or the %v of the matchExpressions ([]LabelSelectorRequirement, values sorted). */
function labelSelector(text: string): { labels: Record<string, string>; expressions: string[] } | { error: string } {
  const reqs = selectorRequirements(text);
  if ('error' in reqs) return { error: `couldn't parse the selector string "${text}": ${reqs.error.replace(/^error: /, '').replace(/\n$/, '')}` };
  const labels: Record<string, string> = {};
  const expressions: string[] = [];
  const OPS = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' } as const;
  for (const r of reqs) {
    if (r.op === '=' || r.op === '==') labels[r.key] = r.values[0] ?? '';
    else if (r.op === '!=') return { error: '"!=" is not a valid label selector operator' };
    else expressions.push(`{${r.key} ${OPS[r.op]} [${[...r.values].sort().join(' ')}]}`);
  }
  return { labels, expressions };
}

export async function setSelector(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'set selector');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const warning = (f.record === true ? RECORD_DEPRECATED : '') + dryRun.warning;
  const fail = (msg: string) => warnFirst(warning, out('', `error: ${msg}\n`, 1));
  const sel = p.rest.length ? labelSelector(p.rest[p.rest.length - 1]!) : undefined;
  if (sel && 'error' in sel) return fail(sel.error);
  const output = typeof f.output === 'string' ? f.output : '';
  const format = parseFormat(output || undefined);
  if (!format) return warnFirst(warning, out('', badFormat(output), 1));
  if (!sel) return fail('one selector is required');
  const local = f.local === true;
  const found = await setTargets(env, f, local ? [] : p.rest.slice(0, -1), false);
  if ('error' in found) return warnFirst(warning, found.error);
  const cluster = clusterFor(env.host);
  const suffix = dryRun.mode === 'client' ? ' (dry run)' : dryRun.mode === 'server' ? ' (server dry run)' : '';
  let stdout = '';
  for (const t of found.targets) {
    const next = structuredClone(t.obj!);
    if (next.kind !== 'Service') return warnFirst(warning, out(stdout, 'error: setting a selector is only supported for Services\n', 1));
    if (sel.expressions.length)
      return warnFirst(warning, out(stdout, `error: match expression [${sel.expressions.join(' ')}] not supported on this object\n`, 1));
    const spec = isObj(next.spec) ? next.spec : (next.spec = {});
    // An empty map is omitempty's: no selector at all.
    if (Object.keys(sel.labels).length) spec.selector = { ...sel.labels };
    else delete spec.selector;
    if (f.record === true) next.metadata.annotations = { ...next.metadata.annotations, [CHANGE_CAUSE]: changeCause('set selector', args, FLAGS) };
    let shown = next;
    if (!local && dryRun.mode === 'none') {
      try {
        shown = cluster.api.update(t.r, next);
      } catch (e) {
        return warnFirst(warning, out(stdout, `Error from server: ${e instanceof Error ? e.message : String(e)}\n`, 1));
      }
      await cluster.sync();
    }
    stdout +=
      format.kind === 'table' ? `${objName(t.r, next.metadata.name)} selector updated${suffix}\n` : printObjects(format, [{ r: t.r, o: shown }], true).stdout;
  }
  return warnFirst(warning, out(stdout));
}
