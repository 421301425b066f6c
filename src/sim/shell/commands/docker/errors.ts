/**
 * The Docker CLI's argument-count errors (docker/cli@v27.3.1:cli/required.go), printed by
 * main with Fprintln and exit status 1:
 *   "docker stop" requires at least 1 argument.\nSee 'docker stop --help'.\n\nUsage:  …\n\nShort
 */
import type { ExecResult } from '../../../api.ts';
import type { Invocation } from './define.ts';

type Kind = 'at least' | 'at most' | 'exactly';

export function argsError(path: string, kind: Kind | 'none', n: number, usage: string, short: string): ExecResult {
  const head = kind === 'none' ? `"${path}" accepts no arguments.` : `"${path}" requires ${kind} ${n} ${n === 1 ? 'argument' : 'arguments'}.`;
  return { stdout: '', stderr: `${head}\nSee '${path} --help'.\n\nUsage:  ${path} ${usage}\n\n${short}\n`, exitCode: 1 };
}

/**
 * cobra's Args check for the path the learner typed (cmd.CommandPath(), cmd.UseLine(), cmd.Short):
 * NoArgs is (0, 0), ExactArgs(n) (n, n), RequiresMinArgs(n) (n, Infinity), RequiresMaxArgs(n)
 * (0, n), RequiresRangeArgs(a, b) (a, b). Undefined when `got` fits.
 */
export function arity(cmd: Invocation, got: number, min: number, max = min): ExecResult | undefined {
  if (got >= min && got <= max) return undefined;
  const word = (k: number) => (k === 1 ? 'argument' : 'arguments');
  const head =
    max === 0
      ? 'accepts no arguments'
      : min === max
        ? `requires exactly ${min} ${word(min)}`
        : max === Number.POSITIVE_INFINITY
          ? `requires at least ${min} ${word(min)}`
          : min === 0
            ? `requires at most ${max} ${word(max)}`
            : `requires at least ${min} and at most ${max} ${word(max)}`;
  return { stdout: '', stderr: `"${cmd.path}" ${head}.\nSee '${cmd.path} --help'.\n\nUsage:  ${cmd.useLine}\n\n${cmd.short}\n`, exitCode: 1 };
}

/** A daemon error as the CLI prints it: "Error response from daemon: …". */
export const daemonErr = (msg: string) => `Error response from daemon: ${msg}\n`;

/** cobra's flag error, wrapped by the CLI's FlagErrorFunc as StatusError 125. */
export const flagError = (path: string, e: string): ExecResult => ({ stdout: '', stderr: `${e}\nSee '${path} --help'.\n`, exitCode: 125 });

/** PromptForConfirmation (docker/cli@v27.3.1:cli/command/utils.go): only "y"/"Y" on the first line says yes. */
export const confirmed = (stdin: string) => (stdin.split('\n')[0] ?? '').trim().toLowerCase() === 'y';
