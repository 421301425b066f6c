/**
 * kubectl diff -f FILE (kubernetes/kubectl@v0.30.5:pkg/cmd/diff/diff.go): for each object of the files, the live
 * object (absent: an empty file) and the server's dry run of its client-side apply ("MERGED"), both as YAML
 * (sigs.k8s.io/yaml) without managedFields, in /tmp/LIVE-N and /tmp/MERGED-N, one file per object named
 * GROUP.VERSION.KIND.NAMESPACE.NAME (InfoObject.Name); then `diff -u -N LIVE MERGED` (DiffProgram, with
 * KUBECTL_EXTERNAL_DIFF unset) prints GNU diffutils 3.10's unified diff of the two directories. Exit 1 when there are
 * differences (diff's status), 0 when none; kubectl's own errors go through cmdutil.CheckDiffErr, which adds 1 to
 * the code: exit 2 (checked against kubectl v1.30.13: `kubectl diff` without -f, an unknown flag and a missing file
 * all exit 2).
 *
 * Not written to node1's disk: diff.go's Differ.TearDown removes both directories before kubectl exits, so nothing
 * of them is left to see. --server-side, --prune, -l and -k are not simulated and say so.
 */
import { structuredPatch } from 'diff';
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { LAST_APPLIED } from '../../../k8s/apiserver/last-applied.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { errorText, mappedObject, namespaceOf, out, parse, readManifests } from './common.ts';
import { envVar } from './kubeconfig-io.ts';
import { isObj, type Obj } from './obj.ts';
import { toYaml } from './yaml-out.ts';

const FLAGS = [
  { long: 'filename', short: 'f', type: 'list' as const },
  { long: 'recursive', short: 'R', type: 'bool' as const },
  { long: 'kustomize', short: 'k', type: 'string' as const },
  { long: 'server-side', type: 'bool' as const },
  { long: 'force-conflicts', type: 'bool' as const },
  { long: 'field-manager', type: 'string' as const },
  { long: 'selector', short: 'l', type: 'string' as const },
  { long: 'prune', type: 'bool' as const },
  { long: 'prune-allowlist', type: 'list' as const },
  { long: 'show-managed-fields', type: 'bool' as const },
  { long: 'concurrency', type: 'string' as const },
];

/** cmdutil.CheckDiffErr: kubectl's error, its code + 1. */
const failed = (text: string) => out('', text, 2);

/** diff.go Masker.run: a Secret's data values, masked on both sides; a changed value reads `*** (before)` / `*** (after)`. */
function mask(from: Obj | undefined, to: Obj): void {
  const a = isObj(from?.data) ? from.data : undefined;
  const b = isObj(to.data) ? to.data : undefined;
  for (const k of Object.keys(a ?? {})) {
    if (b && Object.hasOwn(b, k)) {
      if (a![k] !== b[k]) {
        a![k] = '*** (before)';
        b[k] = '*** (after)';
        continue;
      }
      b[k] = '***';
    }
    a![k] = '***';
  }
  for (const k of Object.keys(b ?? {})) if (!a || !Object.hasOwn(a, k)) b![k] = '***';
}

/** GNU diffutils 3.10 context.c print_unidiff_number_range: `start` alone for one line, `before,0` for none. */
const range = (start: number, count: number) => (count === 0 ? `${start - 1},0` : count === 1 ? `${start}` : `${start},${count}`);

/** diffutils' unified header time, `%Y-%m-%d %H:%M:%S.%N %z` (node1's zone is UTC). */
function stamp(ms: number, ns: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  return `${date} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p((ms % 1000) * 1e6 + ns, 9)} +0000`;
}

interface Pair {
  name: string;
  live: string;
  merged: string;
  liveNs: number;
  mergedNs: number;
}

/** The MERGED side: diff.go InfoObject.Merged, without --server-side. */
function merged(env: CmdEnv, obj: Obj, ns: string, live: KObject | undefined): { obj: KObject; warnings: string[] } {
  const api = clusterFor(env.host).api;
  if (!live) {
    // helper.CreateWithOptions with dry run, of the object as read (no last-applied annotation). The dry-run storage
    // (k8s.io/apiserver@v0.30.5 pkg/registry/generic/registry/dryrun.go Create) answers the object as given: no resourceVersion.
    const res = api.create(obj, ns, { dryRun: true });
    const meta = res.obj.metadata as { resourceVersion?: string };
    if (!meta.resourceVersion) delete meta.resourceVersion;
    return res;
  }
  // apply.Patcher with dry run: the three-way patch of the live object from util.GetModifiedConfiguration(local,
  // annotate=false), so the live last-applied annotation is kept as it was; the server's dry-run update (update() with
  // dryRun) moves metadata.generation when the spec changes and keeps the resourceVersion.
  const res = api.apply(obj, ns, { dryRun: true });
  const m = res.obj;
  // Every kind node1 serves that has a status keeps it on an update of the main resource (the strategies'
  // PrepareForUpdate: `newX.Status = oldX.Status`, kubernetes@v1.30 pkg/registry/*/strategy.go).
  if (live.status !== undefined) m.status = live.status;
  const before = live.metadata.annotations?.[LAST_APPLIED];
  const notes = m.metadata.annotations ?? {};
  if (before === undefined) delete notes[LAST_APPLIED];
  else notes[LAST_APPLIED] = before;
  if (!Object.keys(notes).length && !live.metadata.annotations) delete m.metadata.annotations;
  return res;
}

export async function diffCmd(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'diff');
  // diff.go NewCmdDiff SetFlagErrorFunc: CheckDiffErr(UsageErrorf(cmd, err)).
  if (!p.ok) return failed(`error: ${p.error}\nSee 'kubectl diff -h' for help and examples\n`);
  const f = p.flags;
  if (p.rest.length) return failed(`error: Unexpected args: [${p.rest.join(' ')}]\nSee 'kubectl diff -h' for help and examples\n`);
  const files = (f.filename as string[] | undefined) ?? [];
  if (!files.length && !f.kustomize) return failed('error: must specify one of -f and -k\n');
  if (f['force-conflicts'] && !f['server-side']) return failed('error: --force-conflicts only works with --server-side\n');
  // Not kubectl's words: what this diff does not build.
  const unbuilt = (['server-side', 'prune', 'selector', 'kustomize'] as const).find((k) => f[k]);
  if (unbuilt) return out('', `kubectl diff --${unbuilt}: not simulated on node1 (kubectl diff -f FILE is)\n`, 1);
  if (envVar(env, 'KUBECTL_EXTERNAL_DIFF')) return out('', 'kubectl diff: KUBECTL_EXTERNAL_DIFF is not simulated on node1 (diff -u -N is)\n', 1);
  const read = await readManifests(env, files);
  if ('error' in read) return failed(read.error);
  // os.MkdirTemp("", "LIVE-") and ("", "MERGED-"): Go's nextRandom, a uint32 in decimal; here from the world's seeded rng.
  const rng = env.host.rng;
  const liveDir = `/tmp/LIVE-${rng.int(2 ** 32)}`;
  const mergedDir = `/tmp/MERGED-${rng.int(2 ** 32)}`;
  const api = clusterFor(env.host).api;
  const pairs = new Map<string, Pair>();
  let stderr = '';
  let ns0 = 0;
  for (const d of read.docs) {
    const mapped = mappedObject(d, f.namespace as string | undefined);
    if ('error' in mapped) return failed(`${stderr}error: ${mapped.error}\n`);
    const { r, meta, objNs } = mapped;
    const name = String(meta.name ?? '');
    const ns = r.namespaced ? (objNs ?? namespaceOf(f, env)) : '';
    if (!name) return failed(`${stderr}error: resource name may not be empty\n`);
    const obj = { ...d.obj, metadata: { ...meta, ...(r.namespaced ? { namespace: ns } : {}) } };
    const live = api.get(r, ns, name);
    let to: { obj: KObject; warnings: string[] };
    try {
      to = merged(env, obj, ns, live);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return failed(stderr + errorText(e));
    }
    for (const w of to.warnings) stderr += `Warning: ${w}\n`;
    const from = live as unknown as Obj | undefined;
    const next = to.obj as unknown as Obj;
    if (!f['show-managed-fields']) for (const o of [from, next]) if (o && isObj(o.metadata)) delete o.metadata.managedFields;
    if (next.apiVersion === 'v1' && next.kind === 'Secret') mask(from, next);
    // apply.WarnIfDeleting (apply.go warningChangesOnDeletingResource).
    if (live?.metadata.deletionTimestamp) stderr += `Warning: Detected changes to resource ${name} which is currently being deleted.\n`;
    const [group, version] = String(d.obj.apiVersion).includes('/') ? String(d.obj.apiVersion).split('/') : ['', String(d.obj.apiVersion)];
    const file = `${group ? `${group}.` : ''}${version}.${d.obj.kind}.${ns}.${name}`;
    // The files' nanoseconds are the machine's; here the clock's millisecond and a seeded rest, each file after the last.
    const liveNs = (ns0 += 20_000 + rng.int(100_000));
    const mergedNs = (ns0 += 20_000 + rng.int(100_000));
    pairs.set(file, { name: file, live: from ? toYaml(from) : '', merged: toYaml(next), liveNs, mergedNs });
  }
  await clusterFor(env.host).sync();
  // diffutils dir.c compares the two directories' names in sorted order (byte order under node1's C.UTF-8 collation).
  const ms = env.host.clock.nowMs;
  let stdout = '';
  for (const x of [...pairs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (x.live === x.merged) continue;
    const a = `${liveDir}/${x.name}`;
    const b = `${mergedDir}/${x.name}`;
    stdout += `diff -u -N ${a} ${b}\n--- ${a}\t${stamp(ms, x.liveNs)}\n+++ ${b}\t${stamp(ms, x.mergedNs)}\n`;
    for (const h of structuredPatch(a, b, x.live, x.merged, '', '', { context: 3 }).hunks)
      stdout += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n${h.lines.join('\n')}\n`;
  }
  return out(stdout, stderr, stdout ? 1 : 0);
}
