/**
 * kubectl set resources (-f FILENAME | TYPE NAME) [--limits=…] [--requests=…] [-c CONTAINER]
 * (kubernetes/kubectl@v0.30.5:pkg/cmd/set/set_resources.go), checked against a real kubectl v1.30.13 with `--local -f`:
 * - Complete reads the objects first (`--local` with arguments: `you must specify resources by --filename when --local
 *   is set.`, a missing object: the server's NotFound);
 * - Validate: --local with --dry-run=server, --all with -l, `you must specify an update to requests or limits (in the
 *   form of --requests/--limits)`, then pkg/generate/versioned/run.go HandleResourceRequirementsV1 (`Invalid argument
 *   syntax cpu, expected <resource>=<value>`, ParseQuantity's regular-expression error);
 * - Run: each selected container's limits and requests take the values (other keys stay); no container selected is
 *   `error: unable to find container named X`; a changed object prints `… resource requirements updated`.
 * The quantities are resource.Quantity's, printed in their canonical form (`0.5` → `500m`, `1024Mi` → `1Gi`).
 */
import type { ExecResult } from '../../../api.ts';
import { canonicalQuantity, parseQuantity } from '../../../../k8s/quantity.ts';
import type { FlagDef } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';
import { dryRunOf, out, parse, warnFirst } from './common.ts';
import type { Obj } from './obj.ts';
import { badFormat, parseFormat } from './output.ts';
import { CHANGE_CAUSE, changeCause, RECORD_DEPRECATED, RECORD_FLAG } from './record.ts';
import { runSet, SET_FLAGS, selectContainers, setTargets } from './set-podspec.ts';

const FLAGS: FlagDef[] = [
  ...SET_FLAGS,
  RECORD_FLAG,
  { long: 'containers', short: 'c', type: 'string' },
  { long: 'limits', type: 'string' },
  { long: 'requests', type: 'string' },
];

const fail = (msg: string): ExecResult => out('', `error: ${msg}\n`, 1);

/** populateResourceListV1: `NAME=QUANTITY,…` (an empty spec is no list). */
function resourceList(spec: string): Map<string, string> | { error: string } {
  const list = new Map<string, string>();
  if (!spec) return list;
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) return { error: `Invalid argument syntax ${statement}, expected <resource>=<value>` };
    // resource.ParseQuantity: ErrFormatWrong's text.
    if (!parseQuantity(parts[1]) || parts[1] !== parts[1]!.trim())
      return { error: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" };
    list.set(parts[0]!, canonicalQuantity(parts[1]!));
  }
  return list;
}

export async function setResources(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'set resources');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const head = f.record === true ? RECORD_DEPRECATED : '';
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const warning = head + dryRun.warning;
  const output = typeof f.output === 'string' ? f.output : '';
  const format = parseFormat(output || undefined);
  if (!format) return warnFirst(warning, out('', badFormat(output), 1));
  const found = await setTargets(env, f, p.rest, true);
  if ('error' in found) return warnFirst(warning, found.error);
  const local = f.local === true;
  if (local && dryRun.mode === 'server') return warnFirst(warning, fail('cannot specify --local and --dry-run=server - did you mean --dry-run=client?'));
  if (f.all === true && typeof f.selector === 'string' && f.selector) return warnFirst(warning, fail('cannot set --all and --selector at the same time'));
  const limitsSpec = typeof f.limits === 'string' ? f.limits : '';
  const requestsSpec = typeof f.requests === 'string' ? f.requests : '';
  if (!limitsSpec && !requestsSpec) return warnFirst(warning, fail('you must specify an update to requests or limits (in the form of --requests/--limits)'));
  const limits = resourceList(limitsSpec);
  if ('error' in limits) return warnFirst(warning, fail(limits.error));
  const requests = resourceList(requestsSpec);
  if ('error' in requests) return warnFirst(warning, fail(requests.error));
  const selector = typeof f.containers === 'string' ? f.containers : '*';
  const missing: string[] = [];
  const mutate = (o: { metadata: { annotations?: Record<string, string> } }, spec: Obj): string | undefined => {
    const containers = selectContainers(spec, selector);
    if (!containers.length) {
      missing.push(`error: unable to find container named ${selector}`);
      return undefined;
    }
    for (const c of containers) {
      const res = (typeof c.resources === 'object' && c.resources !== null ? c.resources : (c.resources = {})) as Obj;
      for (const [key, list] of [
        ['limits', limits],
        ['requests', requests],
      ] as const) {
        if (!list.size) continue;
        const cur = (typeof res[key] === 'object' && res[key] !== null ? res[key] : (res[key] = {})) as Obj;
        for (const [name, q] of list) cur[name] = q;
      }
    }
    // RecordFlags: --record writes the command line into the change-cause annotation of an object it changed.
    if (f.record === true) o.metadata.annotations = { ...o.metadata.annotations, [CHANGE_CAUSE]: changeCause('set resources', args, FLAGS) };
    return undefined;
  };
  const r = await runSet(
    env,
    found.targets,
    { what: 'resource requirements updated', failed: 'failed to patch resources update to pod template', format, mode: dryRun.mode, local },
    mutate,
  );
  // Run's allErrs: the containers not found come before the patches' errors.
  if (!missing.length) return warnFirst(warning, r);
  const errs = [...missing, ...(r.stderr ? [r.stderr.replace(/\n$/, '')] : [])];
  const stderr = errs.length === 1 ? `${errs[0]}\n` : errs.map((e) => `${e}\n`).join('');
  return warnFirst(warning, out(r.stdout, stderr, 1));
}
