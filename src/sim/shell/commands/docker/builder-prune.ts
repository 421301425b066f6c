/**
 * `docker builder prune [-a] [-f]`: node1's BuildKit keeps no cache records between builds
 * in the simulation, so there is nothing to delete: "Total reclaimed space: 0B".
 * docker/cli@v27.3.1:cli/command/builder/prune.go (normalWarning, allCacheWarning; a "no" is
 * errdefs.Cancelled, exit 0).
 */
import type { ExecResult } from '../../../api.ts';
import { parseFlags } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';
import { argsError, confirmed, flagError } from './errors.ts';

export async function builderPrune(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parseFlags(args, [{ long: 'all', short: 'a', type: 'bool' }, { long: 'force', short: 'f', type: 'bool' }, { long: 'filter', type: 'list' }, { long: 'keep-storage', type: 'string' }], true);
  if (!p.ok) return flagError('docker builder prune', p.error);
  if (p.rest.length) return argsError('docker builder prune', 'none', 0, '', 'Remove build cache');
  const warning = p.flags.all ? 'WARNING! This will remove all build cache. Are you sure you want to continue? [y/N] ' : 'WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] ';
  if (!p.flags.force && !confirmed(env.stdin)) return { stdout: warning, stderr: '', exitCode: 0 };
  return { stdout: `${p.flags.force ? '' : warning}Total reclaimed space: 0B\n`, stderr: '', exitCode: 0 };
}
