/**
 * bash's `enable` builtin (just-bash has none: "command not found"), its listing forms and `enable NAME`.
 *
 * bash@bash-5.2.21:builtins/enable.def enable_builtin: options "adnpsf:"; with no name (or -p) list_some_builtins
 * prints "enable %s\n" for each enabled builtin (-a: also "enable -n %s\n" for a disabled one, -n: the disabled ones
 * only, -s: the POSIX special ones only), in the order of shell_builtins, which builtins/common.c
 * initialize_shell_builtins sorts by name (qsort, shell_builtin_compare: first byte, then strcmp). The table is
 * Ubuntu 24.04's bash: every builtins/*.def of builtins/Makefile.in DEFSRC with a function (not reserved.def's help
 * entries), job control, history, readline, aliases, pushd, programmable completion and the debugger's `caller` on.
 * `enable NAME` of a builtin turns it on, `enable -n NAME` off (enable_shell_command: BUILTIN_ENABLED; the shell's
 * state, shellstate.ts); of anything else: "enable: %s: not a shell builtin" (sh_notbuiltin), status 1. The listing's
 * filter (enable_builtin): -a both, -n the disabled ones ("enable -n %s\n"), else the enabled ones. `type NAME` of a
 * disabled builtin then finds it in PATH (builtin-order.ts). Not modelled: the command run by a disabled builtin's name
 * is still the builtin (its output the same for echo, printf, true, false, pwd, test); -f and -d succeed silently.
 */
import type * as JB from 'just-bash';
import { disabledBuiltins } from './shellstate.ts';

/** The builtins, sorted as bash sorts them (see the file's head). */
const BUILTINS = (
  '. : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare dirs disown echo enable ' +
  'eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf pushd pwd ' +
  'read readarray readonly return set shift shopt source suspend test times trap true type typeset ulimit umask unalias ' +
  'unset wait'
).split(' ');

/** The POSIX special builtins (builtins/mkbuiltins.c special_builtins). */
const SPECIAL = new Set([
  'break',
  ':',
  '.',
  'source',
  'continue',
  'eval',
  'exec',
  'exit',
  'export',
  'readonly',
  'return',
  'set',
  'shift',
  'times',
  'trap',
  'unset',
]);

/** The name the line's `enable` runs as (bashsem.ts renames it; line.ts traces it as typed). */
export const ENABLE = '__cc_enable';

/** `enable`; `done` hands its result to the runtime's trace. */
export function enableCommand(bash: JB.Bash, done: (r: JB.ExecResult) => JB.ExecResult): JB.Command {
  return {
    name: ENABLE,
    execute: async (args) => {
      const flags = new Set<string>();
      let i = 0;
      for (; i < args.length; i++) {
        const a = args[i] as string;
        if (a === '--') {
          i++;
          break;
        }
        if (!/^-./.test(a)) break;
        for (const c of a.slice(1)) {
          if (!'adnpsf'.includes(c)) {
            // builtin_usage: "%s: usage: " then the short doc (bash-5.2:builtins/bashgetopt.c sh_invalidopt, common.c builtin_usage).
            const usage = 'enable: usage: enable [-a] [-dnps] [-f filename] [name ...]\n';
            return done({ stdout: '', stderr: `bash: enable: -${c}: invalid option\n${usage}`, exitCode: 2 });
          }
          flags.add(c);
        }
        if (a.includes('f')) i++;
      }
      const names = args.slice(i);
      const disabled = disabledBuiltins(bash);
      if (!names.length || flags.has('p')) {
        const [on, off] = [flags.has('a') || !flags.has('n'), flags.has('a') || flags.has('n')];
        const listed = BUILTINS.filter((b) => !flags.has('s') || SPECIAL.has(b)).flatMap((b) =>
          disabled.has(b) ? (off ? [`enable -n ${b}\n`] : []) : on ? [`enable ${b}\n`] : [],
        );
        return done({ stdout: listed.join(''), stderr: '', exitCode: 0 });
      }
      if (flags.has('f') || flags.has('d')) return done({ stdout: '', stderr: '', exitCode: 0 });
      for (const n of names.filter((x) => BUILTINS.includes(x))) {
        if (flags.has('n')) disabled.add(n);
        else disabled.delete(n);
      }
      const bad = names.filter((n) => !BUILTINS.includes(n));
      const stderr = bad.map((n) => `bash: enable: ${n}: not a shell builtin\n`).join('');
      return done({ stdout: '', stderr, exitCode: bad.length ? 1 : 0 });
    },
  };
}
