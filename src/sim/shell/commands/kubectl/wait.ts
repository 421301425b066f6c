/**
 * kubectl wait --for=condition=C[=V]|delete TYPE/NAME … (kubernetes/kubectl@v0.30.5:pkg/cmd/wait/wait.go) on the simulated
 * clock:
 * - --timeout is a Go duration (pflag: `invalid argument "x" for "--timeout" flag: time: invalid duration "x"`), 30s by
 *   default, negative a week, 0 one look ("condition not met for pod/x");
 * - conditionFuncFor: `delete`, `condition=NAME[=VALUE]` (VALUE "true"; the type and status compared ignoring case, a
 *   condition older than the object's generation not yet met), else `unrecognized condition: "…"`;
 * - each object met prints through PrintFlags("condition met"): `pod/web condition met`; the deadline is one for all:
 *   `error: timed out waiting for the condition on pods/web` (wait.ErrWaitTimeout extended with resource/name);
 * - --for=delete skips what is not there (IgnoreErrors(IsNotFound)); otherwise no object is "no matching resources found".
 * - `--for=jsonpath='{…}'[=VALUE]` (wait-jsonpath.ts); TYPE with --all or -l waits for every object it finds (-A across
 *   namespaces), none being "no matching resources found".
 */
import type { ExecResult } from '../../../api.ts';
import type { ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import type { CmdEnv } from '../../types.ts';
import { parseDuration } from '../../kit/govalues.ts';
import { clusterFor } from './cluster.ts';
import { matchSelector, namespaceOf, objName, out, parse, resourcesOf, typeNameArgs } from './common.ts';
import { jsonPathWait } from './wait-jsonpath.ts';
import { NO_ARGS } from './delete.ts';

type Obj = Record<string, unknown>;

const FLAGS = [
  { long: 'for', type: 'string' as const },
  { long: 'timeout', type: 'string' as const },
  { long: 'all', type: 'bool' as const },
  { long: 'selector', short: 'l', type: 'string' as const },
  { long: 'all-namespaces', short: 'A', type: 'bool' as const },
  { long: 'output', short: 'o', type: 'string' as const },
  { long: 'local', type: 'bool' as const },
];

export async function waitCmd(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'wait');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  let timeoutMs = 30_000;
  if (f.timeout !== undefined) {
    const d = parseDuration(String(f.timeout));
    if (!d.ok) return out('', `error: invalid argument "${String(f.timeout)}" for "--timeout" flag: ${d.error}\n`, 1);
    timeoutMs = d.value < 0 ? 168 * 3600_000 : d.value / 1e6;
  }
  const cond = String(f.for ?? '');
  const isDelete = cond.toLowerCase() === 'delete';
  let want: { name: string; status: string } | undefined;
  if (cond.startsWith('condition=')) {
    const rest = cond.slice('condition='.length);
    const eq = rest.indexOf('=');
    want = eq < 0 ? { name: rest, status: 'true' } : { name: rest.slice(0, eq), status: rest.slice(eq + 1) };
  }
  const jp = cond.startsWith('jsonpath=') ? jsonPathWait(cond.slice('jsonpath='.length)) : undefined;
  if (jp && 'error' in jp) return out('', `error: ${jp.error}\n`, 1);
  if (!want && !jp && !isDelete) return out('', `error: unrecognized condition: ${JSON.stringify(cond)}\n`, 1);
  const words = p.rest;
  if (!words.length) return out('', NO_ARGS, 1);
  const sel = matchSelector(f.selector as string | undefined);
  if (typeof sel !== 'function') return out('', sel.error, 1);
  const items = typeNameArgs(words);
  // builder_flags.go ToBuilder: ResourceTypeOrNameArgs(--all, …) and LabelSelectorParam: a bare TYPE needs --all or -l.
  const everyOne = !items.length && (f.all === true || f.selector !== undefined);
  if (!items.length && !everyOne) return out('', 'error: resource(s) were provided, but no name was specified\n', 1);
  const cluster = clusterFor(env.host);
  await cluster.sync();
  const ns = namespaceOf(f, env);
  const targets: { r: ResourceInfo; ns: string; name: string; uid?: string }[] = [];
  if (everyOne) {
    const rs = resourcesOf(words[0]!);
    if ('error' in rs) return rs.error;
    for (const r of rs)
      for (const o of cluster.api.scan(r, f['all-namespaces'] ? undefined : ns))
        if (sel(o)) targets.push({ r, ns: o.metadata.namespace ?? '', name: o.metadata.name, uid: o.metadata.uid });
    // RunWait: visitCount 0 is errNoMatchingResources.
    if (!targets.length) return out('', 'error: no matching resources found\n', 1);
  }
  for (const it of items) {
    const rs = resourcesOf(it.type);
    if ('error' in rs) return rs.error;
    const r = rs[0]!;
    const o = cluster.api.get(r, ns, it.name);
    if (!o && !isDelete) return out('', `Error from server (NotFound): ${r.group ? `${r.resource}.${r.group}` : r.resource} "${it.name}" not found\n`, 1);
    if (o) targets.push({ r, ns, name: it.name, uid: o.metadata.uid });
  }
  let failure = '';
  const met = (t: (typeof targets)[number]): boolean => {
    const o = cluster.api.get(t.r, t.ns, t.name);
    if (isDelete) return !o || o.metadata.uid !== t.uid;
    if (jp) {
      const r = o ? jp.check(o) : false;
      if (typeof r === 'string') failure = r;
      return r === true;
    }
    const conds = (((o?.status ?? {}) as Obj).conditions as Obj[] | undefined) ?? [];
    const c = conds.find((x) => String(x.type).toLowerCase() === want!.name.toLowerCase());
    if (!c || typeof c.status !== 'string') return false;
    const gen = o?.metadata.generation;
    if (gen !== undefined && typeof c.observedGeneration === 'number' && c.observedGeneration < gen) return false;
    return c.status.toLowerCase() === want!.status.toLowerCase();
  };
  const deadline = env.host.clock.nowMs + timeoutMs;
  let stdout = '';
  for (const t of targets) {
    for (;;) {
      await cluster.sync();
      if (met(t)) break;
      if (failure) return out(stdout, `error: ${failure}\n`, 1);
      // getObjAndCheckCondition with Timeout 0: one look.
      if (timeoutMs === 0) return out(stdout, `error: condition not met for ${objName(t.r, t.name)}\n`, 1);
      // IsConditionMet: an object gone while waited for is its NotFound (the watch's precondition).
      if (!isDelete && !cluster.api.get(t.r, t.ns, t.name))
        return out(stdout, `Error from server (NotFound): ${t.r.group ? `${t.r.resource}.${t.r.group}` : t.r.resource} "${t.name}" not found\n`, 1);
      if (env.host.clock.nowMs >= deadline) return out(stdout, `error: timed out waiting for the condition on ${t.r.resource}/${t.name}\n`, 1);
      const o = await env.host.fastForward(Math.min(1000, deadline - env.host.clock.nowMs), env.signal, env.tick);
      if (o === 'aborted') return out(stdout, '', 130);
    }
    stdout += `${objName(t.r, t.name)} condition met\n`;
  }
  return out(stdout);
}
