/**
 * kubectl set serviceaccount|sa (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT
 * (kubernetes/kubectl@v0.30.5:pkg/cmd/set/set_serviceaccount.go), checked against a real kubectl v1.30.13 with
 * `--local -f`: Complete refuses --local with --dry-run=server, then `serviceaccount is required` without arguments;
 * the last word is the account, the others the objects (ignored with --local). Run sets the pod spec's
 * serviceAccountName and, unlike set env and resources, patches and prints every object, changed or not
 * (`deployment.apps/web serviceaccount updated`); an object without a pod spec is `error: service/s the object is not
 * a pod or does not have a pod template: *v1.Service`. There is no -l.
 */
import type { ExecResult } from '../../../api.ts';
import type { FlagDef } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';
import { dryRunOf, out, parse, warnFirst } from './common.ts';
import type { Obj } from './obj.ts';
import { badFormat, parseFormat } from './output.ts';
import { CHANGE_CAUSE, changeCause, RECORD_DEPRECATED, RECORD_FLAG } from './record.ts';
import { runSet, SET_FLAGS, setTargets } from './set-podspec.ts';

const FLAGS: FlagDef[] = [...SET_FLAGS.filter((d) => d.long !== 'selector'), RECORD_FLAG];

export async function setServiceAccount(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'set serviceaccount');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const warning = (f.record === true ? RECORD_DEPRECATED : '') + dryRun.warning;
  const local = f.local === true;
  if (local && dryRun.mode === 'server')
    return warnFirst(warning, out('', 'error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n', 1));
  const output = typeof f.output === 'string' ? f.output : '';
  const format = parseFormat(output || undefined);
  if (!format) return warnFirst(warning, out('', badFormat(output), 1));
  if (!p.rest.length) return warnFirst(warning, out('', 'error: serviceaccount is required\n', 1));
  const account = p.rest[p.rest.length - 1]!;
  const found = await setTargets(env, f, local ? [] : p.rest.slice(0, -1), false);
  if ('error' in found) return warnFirst(warning, found.error);
  const mutate = (o: { metadata: { annotations?: Record<string, string> } }, spec: Obj): undefined => {
    spec.serviceAccountName = account;
    if (f.record === true) o.metadata.annotations = { ...o.metadata.annotations, [CHANGE_CAUSE]: changeCause('set serviceaccount', args, FLAGS) };
    return undefined;
  };
  return warnFirst(
    warning,
    await runSet(
      env,
      found.targets,
      { what: 'serviceaccount updated', failed: 'failed to patch ServiceAccountName', format, mode: dryRun.mode, local, keepUnchanged: true },
      mutate,
    ),
  );
}
