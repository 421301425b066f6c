/**
 * How every `docker … prune` begins (docker/cli@v27.3.1:cli/command/{builder,container,image,network,volume,system}/prune.go):
 * cli.NoArgs, the --filter values (opts.FilterOpt), what the command adds to them or refuses (prepare), then unless --force the
 * warning, which command.PromptForConfirmation (cli/command/utils.go) prints with " [y/N] " before reading the answer.
 * A "no" is errdefs.Cancelled: main exits 0 and prints nothing more.
 */
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';
import type { Invocation } from './define.ts';
import { arity, confirmed, flagError } from './errors.ts';
import { parseFilters, type FilterArgs } from './filters.ts';

interface PruneFlags {
  filter?: string[];
  force?: boolean;
}

/** The filters and the prompt already printed, or the result to return now (bad arguments, a refused filter, a "no"). */
export function startPrune(
  env: CmdEnv,
  cmd: Invocation,
  rest: string[],
  flags: PruneFlags,
  warning: string | ((filters: FilterArgs) => string),
  prepare?: (filters: FilterArgs) => string | undefined,
): { filters: FilterArgs; prompt: string } | { done: ExecResult } {
  const argErr = arity(cmd, rest.length, 0);
  if (argErr) return { done: argErr };
  const { filters, error } = parseFilters(flags.filter);
  if (error) return { done: flagError(cmd.path, error) };
  const refused = prepare?.(filters);
  if (refused) return { done: { stdout: '', stderr: `${refused}\n`, exitCode: 1 } };
  if (flags.force) return { filters, prompt: '' };
  const prompt = `${typeof warning === 'string' ? warning : warning(filters)} [y/N] `;
  if (!confirmed(env.stdin)) return { done: { stdout: prompt, stderr: '', exitCode: 0 } };
  return { filters, prompt };
}
