/**
 * What the storage commands share (kit: no subcommand here): diff.ts, commit.ts,
 * volume-create.ts, volume-ls.ts, volume-inspect.ts, volume-rm.ts, volume-prune.ts and
 * system-prune.ts.
 */
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';
import { FilterArgs } from './filters.ts';
import { GO_BOOL } from '../../args.ts';

export const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

export const users = (env: CmdEnv) => (name: string) => env.daemon.lib?.usersOf(name, env.daemon.containers.values()) ?? [];

/**
 * moby@v27.3.1:volume/service/service.go Prune: unused local volumes whose labels match `label`
 * and not `label!`; without all=true, withPrune (convert.go) adds the anonymous volumes' label.
 */
export async function pruneVolumes(env: CmdEnv, given: FilterArgs): Promise<ExecResult> {
  const daemonErr = (e: string) => R('', `Error response from daemon: ${e}\n`, 1);
  const filters = new FilterArgs();
  for (const [k, vs] of given.fields) for (const v of vs) filters.add(k, v);
  const all = filters.get('all');
  if (all.length > 1) return daemonErr(`invalid filter 'all=[${all.join(' ')}]': only one value is expected`);
  const allOn = all.length === 1 ? GO_BOOL[all[0] as string] : false;
  if (allOn === undefined) return daemonErr(`invalid filter 'all': strconv.ParseBool: parsing ${JSON.stringify(all[0])}: invalid syntax`);
  if (!allOn) filters.add('label', 'com.docker.volume.anonymous');
  const bad = filters.validate(['label', 'label!', 'all']);
  if (bad) return daemonErr(bad);
  const lib = await env.daemon.imageLib();
  const r = lib.volumes.prune({ all: true, users: users(env), match: (v) => filters.matchLabels(v.labels) });
  return R(r.stdout, r.stderr, r.exitCode);
}

/** docker/cli@v27.3.1:cli/command/system/prune.go confirmationTemplate, the filters as confirmationMessage lists them. */
export function systemPrunePrompt(flags: Record<string, unknown>, filters: FilterArgs): string {
  const items = [
    'all stopped containers',
    'all networks not used by at least one container',
    ...(flags.volumes ? ['all anonymous volumes not used by at least one container'] : []),
    flags.all ? 'all images without at least one container associated to them' : 'all dangling images',
    flags.all ? 'all build cache' : 'unused build cache',
  ];
  // Sorted with sortorder.NaturalLess; the values here compare the same as plain strings but for digit runs.
  const listed = ['label', 'label!', 'until'].flatMap((n) => filters.get(n).map((v) => `${n}=${v}`)).sort(naturalLess);
  const filterText = listed.length ? `\n  Items to be pruned will be filtered with:${listed.map((f) => `\n  - ${f}`).join('')}\n` : '';
  return `WARNING! This will remove:${items.map((i) => `\n  - ${i}`).join('')}\n${filterText}\nAre you sure you want to continue?`;
}

/** github.com/fvbommel/sortorder NaturalLess: digit runs compare by value. */
function naturalLess(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant', caseFirst: 'upper' });
}
