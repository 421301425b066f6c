/**
 * nice's command line (coreutils@v9.4:src/nice.c main's argument loop and usage), shared by the command
 * (commands/nice.ts) and the shell's background jobs (background.ts: `nice -n 19 sleep 60 &`).
 */
import { coreutilsVersion } from './gnuversion.ts';
import type { ExecResult } from '../api.ts';
import { tryHelp } from './getopt.ts';

export const fail = (stderr: string, exitCode = 125): ExecResult => ({ stdout: '', stderr, exitCode });

/** coreutils@v9.4:src/nice.c usage (with emit_mandatory_arg_note, HELP/VERSION_OPTION_DESCRIPTION, USAGE_BUILTIN_WARNING, emit_exec_status, emit_ancillary_info). */
const HELP = `Usage: nice [OPTION] [COMMAND [ARG]...]
Run COMMAND with an adjusted niceness, which affects process scheduling.
With no COMMAND, print the current niceness.  Niceness values range from
-20 (most favorable to the process) to 19 (least favorable to the process).

Mandatory arguments to long options are mandatory for short options too.
  -n, --adjustment=N   add integer N to the niceness (default 10)
      --help        display this help and exit
      --version     output version information and exit

NOTE: your shell may have its own version of nice, which usually supersedes
the version described here.  Please refer to your shell's documentation
for details about the options it supports.

Exit status:
  125  if the nice command itself fails
  126  if COMMAND is found but cannot be invoked
  127  if COMMAND cannot be found
  -    the exit status of COMMAND otherwise

GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Full documentation <https://www.gnu.org/software/coreutils/nice>
or available locally via: info '(coreutils) nice invocation'
`;

/** What nice's arguments ask: the adjustment (-20..19 after clamping by the caller), the command, or the error to print and its status. */
export type NiceArgs = { adj: number; given: boolean; rest: string[] } | { out: ExecResult };

/** nice.c's argument loop: `-5`/`--5`/`-+5` (the old form), then getopt_long("+n:") one option at a time, up to the command. */
export function parseNice(args: string[]): NiceArgs {
  let adjustment: string | undefined;
  let i = 0;
  // `-5`, `--5`, `-+5`: the old form, a number right after the dash; else getopt "+n:" up to the command.
  for (; i < args.length; ) {
    const a = args[i] as string;
    if (/^-[-+]?\d/.test(a)) {
      adjustment = a.slice(1);
      i++;
      continue;
    }
    if (a === '--help') return { out: { stdout: HELP, stderr: '', exitCode: 0 } };
    if (a === '--version')
      return {
        out: {
          stdout: coreutilsVersion('nice', ['--version']) ?? '',
          stderr: '',
          exitCode: 0,
        },
      };
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--') {
      i++;
      break;
    }
    // One option at a time, as nice.c calls getopt_long("+n:") on the rest of the line.
    const long = /^--([^=]*)(=(.*))?$/.exec(a);
    if (long) {
      const name = long[1] as string;
      if (!'adjustment'.startsWith(name) || name === '') return bad(tryHelp('nice', `unrecognized option '${a}'`));
      if (long[2] === undefined && i + 1 >= args.length) return bad(tryHelp('nice', "option '--adjustment' requires an argument"));
      adjustment = long[2] !== undefined ? long[3] : args[i + 1];
      i += long[2] !== undefined ? 1 : 2;
      continue;
    }
    if (a[1] !== 'n') return bad(tryHelp('nice', `invalid option -- '${a[1]}'`));
    if (a.length === 2 && i + 1 >= args.length) return bad(tryHelp('nice', "option requires an argument -- 'n'"));
    adjustment = a.length > 2 ? a.slice(2) : args[i + 1];
    i += a.length > 2 ? 1 : 2;
  }
  let adj = 10;
  if (adjustment !== undefined) {
    // xstrtol base 10: a sign, digits, nothing after; the value is brought within -39..39.
    if (!/^\s*[-+]?\d+$/.test(adjustment)) return bad(`nice: invalid adjustment '${adjustment}'\n`);
    adj = Math.max(-39, Math.min(39, Number(adjustment)));
  }
  return { adj, given: adjustment !== undefined, rest: args.slice(i) };
}
const bad = (stderr: string): NiceArgs => ({ out: fail(stderr) });
