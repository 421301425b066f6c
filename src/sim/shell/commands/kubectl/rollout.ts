/**
 * kubectl rollout status|history|restart|undo for Deployments (kubernetes/kubectl@v0.30.5:pkg/cmd/rollout/*.go and
 * pkg/polymorphichelpers):
 * - status: DeploymentStatusViewer.Status's lines, each printed when it changes, until "successfully rolled out"; the
 *   watch (-w, default true) follows the simulated clock a second at a time, --timeout ends it ("timed out waiting for
 *   the condition"), Ctrl-C too; -w=false prints the line once;
 * - history: ViewHistory's tabbed REVISION/CHANGE-CAUSE table through a name printer whose "operation" is that table
 *   (`deployment.apps/web ` then the table and a blank line; "No rollout history found." when no ReplicaSet has a
 *   revision); --revision N: `with revision #N` and printTemplate's DescribePodTemplate page, tabs untabbed;
 * - pause / resume: spec.paused set or cleared (`deployment.apps/web paused`; "is already paused", "is not paused");
 * - restart: objectrestarter.go sets spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"] to the
 *   time (RFC 3339); `deployment.apps/web restarted`; a second restart in the same second makes no patch
 *   ("failed to create patch for web: if restart has already been triggered within the past second, please wait
 *   before attempting to trigger another");
 * - undo [--to-revision=N]: DeploymentRollbacker.Rollback (the previous revision by default; "no rollout history found
 *   for deployment", "unable to find specified revision N in history", "skipped rollback (current template already
 *   matches revision N)"); `deployment.apps/web rolled back`. The Deployment controller makes the restored ReplicaSet
 *   the newest revision (controllers/deployment.ts). --dry-run=client prints the revision's printTemplate page and
 *   " (dry run)"; a paused Deployment cannot be rolled back.
 * Other kinds (DaemonSets, StatefulSets) are not on node1's API server.
 */
import type { ExecResult } from '../../../api.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { DRY_RUN_FLAG, dryRunOf, namespaceOf, out, parse, resourcesOf, typeNameArgs } from './common.ts';
import type { FlagDef } from '../../args.ts';
import { describeTemplate } from './describe.ts';
import { helpPage } from './help.ts';

type Obj = Record<string, unknown>;
const DEPLOY = resourceOfKind('apps/v1', 'Deployment')!;
const RS = resourceOfKind('apps/v1', 'ReplicaSet')!;
const REVISION = 'deployment.kubernetes.io/revision';
const RESTARTED = 'kubectl.kubernetes.io/restartedAt';
const SUBS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

/**
 * Each subcommand's own flags (pkg/cmd/rollout/rollout_*.go NewCmdRollout*): status's -w is a bool and --revision an
 * Int64; history's --revision an Int64 and -o; restart has no --dry-run at v0.30.5; undo's --to-revision an Int64 and
 * --dry-run. All take -l (AddLabelSelectorFlagVar).
 */
const SELECTOR = { long: 'selector', short: 'l', type: 'string' as const };
const OUTPUT = { long: 'output', short: 'o', type: 'string' as const };
const FLAGS: Record<string, FlagDef[]> = {
  status: [{ long: 'watch', short: 'w', type: 'bool' }, { long: 'revision', type: 'int64' }, { long: 'timeout', type: 'string' }, SELECTOR],
  history: [{ long: 'revision', type: 'int64' }, OUTPUT, SELECTOR],
  restart: [OUTPUT, SELECTOR, { long: 'field-manager', type: 'string' }],
  pause: [OUTPUT, SELECTOR, { long: 'field-manager', type: 'string' }],
  resume: [OUTPUT, SELECTOR, { long: 'field-manager', type: 'string' }],
  undo: [{ long: 'to-revision', type: 'int64' }, OUTPUT, SELECTOR, DRY_RUN_FLAG],
};

/** polymorphichelpers/history.go printTemplate: a ReplicaSet's template (its pod-template-hash label kept), annotations made non-nil. */
function printTemplate(rs: KObject, history = false): string {
  const tpl = structuredClone((rs.spec as Obj).template ?? {}) as Obj;
  // ViewHistory copies the ReplicaSet's change-cause into the template's annotations.
  const cause = rs.metadata.annotations?.['kubernetes.io/change-cause'];
  if (history && cause) {
    const meta = (tpl.metadata ?? (tpl.metadata = {})) as Obj;
    meta.annotations = { ...(meta.annotations as Obj | undefined), 'kubernetes.io/change-cause': cause };
  }
  return describeTemplate(tpl);
}

/** Go's time.ParseDuration for the plain forms kubectl's --timeout takes (`30s`, `2m`, `1m30s`, `0`). */
function duration(s: string): number | undefined {
  if (s === '0') return 0;
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== s) return undefined;
  return parts.reduce((t, p) => t + Number(p[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[p[2] as 'ms'], 0);
}

export async function rollout(args: string[], env: CmdEnv): Promise<ExecResult> {
  const [sub, ...rest] = args;
  // rollout.go: a parent command (cmdutil.DefaultSubCommandRun → RequireNoArguments: `unknown command "x"`).
  if (sub && !sub.startsWith('-') && !SUBS.includes(sub))
    return out('', `error: unknown command "${sub}"\nSee 'kubectl rollout -h' for help and examples\n`, 1);
  if (!sub || sub.startsWith('-'))
    // rollout.go: DefaultSubCommandRun(streams.Out): the page on stdout, exit 1.
    return out((await helpPage('rollout', env))!, '', 1);
  const p = parse(rest, FLAGS[sub]!, `rollout ${sub}`);
  if (!p.ok) return p.usage!;
  const dryRun = dryRunOf(env, p.flags);
  if ('error' in dryRun) return dryRun.error;
  // PrintFlagsWithDryRunStrategy: the operation's words get ` (server dry run)`.
  const dryTail = dryRun.mode === 'server' ? ' (server dry run)' : '';
  const words = p.rest;
  if (!words.length) return out('', 'error: required resource not specified\n', 1);
  const items = typeNameArgs(words);
  const cluster = clusterFor(env.host);
  const ns = namespaceOf(p.flags, env);
  let stdout = '';
  let stderr = dryRun.warning;
  let code = 0;
  for (const it of items) {
    const rs = resourcesOf(it.type);
    if ('error' in rs) return rs.error;
    if (rs[0]?.resource !== 'deployments')
      return out(stdout, `${stderr}kubectl rollout ${sub}: ${it.type} is not simulated on node1 (this kubectl rolls out deployments)\n`, 1);
    await cluster.sync();
    const d = cluster.api.get(DEPLOY, ns, it.name);
    if (!d) {
      stderr += `Error from server (NotFound): deployments.apps "${it.name}" not found\n`;
      code = 1;
      continue;
    }
    const owned = () => cluster.api.list(RS, ns).filter((r) => r.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && o.uid === d.metadata.uid));
    const rev = (r: KObject) => Number(r.metadata.annotations?.[REVISION] ?? Number.NaN);
    if (sub === 'history') {
      const want = (p.flags.revision as number | undefined) ?? 0;
      const byRev = owned()
        .filter((r) => Number.isFinite(rev(r)))
        .sort((a, b) => rev(a) - rev(b));
      if (!byRev.length) stdout += `deployment.apps/${it.name} No rollout history found.\n`;
      else if (want > 0) {
        // ViewHistory: printTemplate (DescribePodTemplate into a plain buffer: its tabs stay tabs) of that revision.
        const r = byRev.find((x) => rev(x) === want);
        if (!r) return out(stdout, `${stderr}error: unable to find the specified revision\n`, 1);
        stdout += `deployment.apps/${it.name} with revision #${want}\n${printTemplate(r, true)}\n`;
      } else {
        const rows = byRev.map((r) => [String(rev(r)), r.metadata.annotations?.['kubernetes.io/change-cause'] || '<none>']);
        const w = Math.max(8, ...rows.map((r) => r[0]!.length));
        stdout += `deployment.apps/${it.name} \n${'REVISION'.padEnd(w)}  CHANGE-CAUSE\n${rows.map((r) => `${r[0]!.padEnd(w)}  ${r[1]}`).join('\n')}\n\n`;
      }
    } else if (sub === 'restart') {
      const at = new Date(env.host.clock.nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const spec = d.spec as Obj;
      const tpl = structuredClone(spec.template ?? {}) as Obj;
      const meta = (tpl.metadata ?? (tpl.metadata = {})) as Obj;
      if ((meta.annotations as Record<string, string> | undefined)?.[RESTARTED] === at) {
        stderr += `error: failed to create patch for ${it.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another\n`;
        code = 1;
        continue;
      }
      meta.annotations = { ...(meta.annotations as Obj | undefined), [RESTARTED]: at };
      cluster.api.update(DEPLOY, { ...d, spec: { ...spec, template: tpl } } as KObject);
      await cluster.sync();
      stdout += `deployment.apps/${it.name} restarted\n`;
    } else if (sub === 'pause' || sub === 'resume') {
      // rollout_pause.go / rollout_resume.go with objectpauser.go / objectresumer.go: spec.paused flipped by a patch.
      const pausing = sub === 'pause';
      if (((d.spec as Obj).paused === true) === pausing) {
        stderr += `error: deployments.apps "${it.name}" ${pausing ? 'is already paused' : 'is not paused'}\n`;
        code = 1;
        continue;
      }
      // DeploymentSpec.Paused is omitempty: resumed, the field is gone.
      const { paused: _, ...spec } = d.spec as Obj;
      cluster.api.update(DEPLOY, { ...d, spec: pausing ? { ...spec, paused: true } : spec } as KObject);
      await cluster.sync();
      stdout += `deployment.apps/${it.name} ${pausing ? 'paused' : 'resumed'}\n`;
    } else if (sub === 'undo') {
      const to = (p.flags['to-revision'] as number | undefined) ?? 0;
      if (to < 0) return out(stdout, `${stderr}error: unable to find specified revision ${to} in history\n`, 1);
      const list = owned().filter((r) => Number.isFinite(rev(r)));
      const sorted = [...list].sort((a, b) => rev(b) - rev(a));
      const target = to > 0 ? list.find((r) => rev(r) === to) : sorted[1];
      if (!target)
        return out(
          stdout,
          `${stderr}error: ${to > 0 ? `unable to find specified revision ${to} in history` : `no rollout history found for deployment "${it.name}"`}\n`,
          1,
        );
      // rollback.go: with --dry-run=client the result is printTemplate of the revision, the operation the name printer
      // prints (PrintFlagsWithDryRunStrategy appends " (dry run)"); a paused Deployment is refused after that.
      if (dryRun.mode === 'client') {
        stdout += `deployment.apps/${it.name} ${printTemplate(target)} (dry run)\n`;
        continue;
      }
      if ((d.spec as Obj).paused === true)
        return out(stdout, `${stderr}error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n`, 1);
      const tpl = structuredClone((target.spec as Obj).template) as Obj;
      const labels = (tpl.metadata as Obj | undefined)?.labels as Record<string, string> | undefined;
      if (labels) delete labels['pod-template-hash'];
      if (JSON.stringify(tpl) === JSON.stringify((d.spec as Obj).template)) {
        // rollback.go formats the --to-revision asked for (0 when none was), not the revision found.
        stdout += `deployment.apps/${it.name} skipped rollback (current template already matches revision ${to})${dryTail}\n`;
        continue;
      }
      if (dryTail) {
        stdout += `deployment.apps/${it.name} rolled back${dryTail}\n`;
        continue;
      }
      cluster.api.update(DEPLOY, { ...d, spec: { ...(d.spec as Obj), template: tpl } } as KObject);
      await cluster.sync();
      stdout += `deployment.apps/${it.name} rolled back\n`;
    } else {
      const r = await status(env, cluster, ns, it.name, p.flags, (t) => (stdout += t));
      if (r.stdout !== undefined) stdout = r.stdout;
      if (r.error) return out(stdout, `${stderr}${r.error}`, r.code);
      if (r.code) code = r.code;
    }
  }
  return out(stdout, stderr, code);
}

/** rollout_status.go RunStatus with DeploymentStatusViewer, on the simulated clock. */
async function status(
  env: CmdEnv,
  cluster: ReturnType<typeof clusterFor>,
  ns: string,
  name: string,
  flags: Record<string, unknown>,
  append: (t: string) => void,
): Promise<{ stdout?: string; error?: string; code: number }> {
  const watch = flags.watch !== false;
  const timeout = flags.timeout === undefined ? 0 : duration(String(flags.timeout));
  if (timeout === undefined)
    return { error: `error: invalid argument "${flags.timeout}" for "--timeout" flag: time: invalid duration "${flags.timeout}"\n`, code: 1 };
  const line = (): { text: string; done: boolean } => {
    const d = cluster.api.get(DEPLOY, ns, name)!;
    const st = (d.status ?? {}) as Obj;
    const n = (k: string) => Number(st[k] ?? 0);
    const want = Number((d.spec as Obj).replicas ?? 1);
    if ((d.metadata.generation ?? 1) > n('observedGeneration')) return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
    if (n('updatedReplicas') < want)
      return {
        text: `Waiting for deployment "${name}" rollout to finish: ${n('updatedReplicas')} out of ${want} new replicas have been updated...\n`,
        done: false,
      };
    if (n('replicas') > n('updatedReplicas'))
      return {
        text: `Waiting for deployment "${name}" rollout to finish: ${n('replicas') - n('updatedReplicas')} old replicas are pending termination...\n`,
        done: false,
      };
    if (n('availableReplicas') < n('updatedReplicas'))
      return {
        text: `Waiting for deployment "${name}" rollout to finish: ${n('availableReplicas')} of ${n('updatedReplicas')} updated replicas are available...\n`,
        done: false,
      };
    return { text: `deployment "${name}" successfully rolled out\n`, done: true };
  };
  let last = '';
  const start = env.host.clock.nowMs;
  for (;;) {
    await cluster.sync();
    const s = line();
    if (s.text !== last) {
      if (env.stream) env.stream({ stream: 'stdout', text: s.text });
      else append(s.text);
      last = s.text;
    }
    if (s.done) return { code: 0 };
    if (!watch) return { code: 0 };
    if (timeout && env.host.clock.nowMs - start >= timeout) return { error: 'error: timed out waiting for the condition\n', code: 1 };
    const o = await env.host.fastForward(1000, env.signal, env.tick);
    if (o === 'aborted') return { code: 130 };
  }
}
