/**
 * The Docker CLI's argument-count errors (docker/cli@v27.3.1:cli/required.go), printed by
 * main with Fprintln and exit status 1:
 *   "docker stop" requires at least 1 argument.\nSee 'docker stop --help'.\n\nUsage:  …\n\nShort
 */
import type { ExecResult } from '../../../api.ts';

type Kind = 'at least' | 'at most' | 'exactly';

export function argsError(path: string, kind: Kind | 'none', n: number, usage: string, short: string): ExecResult {
  const head = kind === 'none' ? `"${path}" accepts no arguments.` : `"${path}" requires ${kind} ${n} ${n === 1 ? 'argument' : 'arguments'}.`;
  return { stdout: '', stderr: `${head}\nSee '${path} --help'.\n\nUsage:  ${path} ${usage}\n\n${short}\n`, exitCode: 1 };
}

/** A daemon error as the CLI prints it: "Error response from daemon: …". */
export const daemonErr = (msg: string) => `Error response from daemon: ${msg}\n`;

/** cobra's flag error, wrapped by the CLI's FlagErrorFunc as StatusError 125. */
export const flagError = (path: string, e: string): ExecResult => ({ stdout: '', stderr: `${e}\nSee '${path} --help'.\n`, exitCode: 125 });

/** PromptForConfirmation (docker/cli@v27.3.1:cli/command/utils.go): only "y"/"Y" on the first line says yes. */
export const confirmed = (stdin: string) => (stdin.split('\n')[0] ?? '').trim().toLowerCase() === 'y';
