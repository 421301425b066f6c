import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

// bash-5.2:builtins/help.def builtin_help: "%s: %s\n" (name, $SHORT_DOC), then show_longdoc prints each line of
// the long doc after BASE_INDENT (4) spaces; CHECK_HELPOPT / CASE_HELPOPT (builtins/common.h) then return EX_USAGE,
// which execute_cmd.c turns into EX_BADUSAGE, 2. The texts are builtins/fg_bg.def's.
const BG =
  'bg: bg [job_spec ...]\n    Move jobs to the background.\n    \n' +
  '    Place the jobs identified by each JOB_SPEC in the background, as if they\n' +
  "    had been started with `&'.  If JOB_SPEC is not present, the shell's notion\n" +
  '    of the current job is used.\n    \n    Exit Status:\n' +
  '    Returns success unless job control is not enabled or an error occurs.\n';

describe('bash builtins answer --help as bash 5.2 does', () => {
  it('bg, fg, jobs, wait, history and help --help print the builtin help and return 2', async () => {
    const w = await world([]);
    expect(await sh(w, 'bg --help')).toMatchObject({ out: BG, exitCode: 2 });
    for (const [name, first] of [
      ['fg', 'fg: fg [job_spec]\n    Move job to the foreground.\n'],
      ['jobs', 'jobs: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n    Display status of jobs.\n'],
      ['wait', 'wait: wait [-fn] [-p var] [id ...]\n    Wait for job completion and return exit status.\n'],
      ['history', 'history: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n'],
    ] as const) {
      const r = await sh(w, `${name} --help`);
      expect(r.exitCode, name).toBe(2);
      expect(r.out.startsWith(first), name).toBe(true);
    }
  });
  it('help NAME prints the same text as NAME --help, status 0 (bash-5.2:builtins/help.def help_builtin)', async () => {
    const w = await world([]);
    expect(await sh(w, 'help bg')).toMatchObject({ out: BG, exitCode: 0 });
    // bash-5.2:builtins/ulimit.def: bash's own text, not just-bash's unindented one.
    const u = await sh(w, 'help ulimit');
    expect(u.exitCode).toBe(0);
    expect(u.out.startsWith('ulimit: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]\n    Modify shell resource limits.\n    \n    Provides control')).toBe(true);
    expect(u.out).toBe((await sh(w, 'ulimit --help')).out);
  });
});
