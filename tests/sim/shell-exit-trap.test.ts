import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';

async function shown(w: ReturnType<typeof createWorld>, line: string): Promise<string> {
  let out = '';
  await w.exec(line, { onOutput: (c) => (out += c.text) });
  return out;
}

// bash@bash-5.2:builtins/exit.def exit_builtin → exit_or_logout → jump_to_top_level (EXITPROG): the rest of the line is
// not run; a subshell's exit (execute_cmd.c execute_in_subshell) ends that child alone; exit_shell runs the EXIT trap.
describe('exit in the middle of a line', () => {
  it('at the login shell: what came before it printed, nothing after; the state as the exit began; $? as after a lone exit', async () => {
    const w = createWorld();
    expect(await shown(w, 'cd /tmp; x=7; echo a; exit; echo b')).toBe('a\n');
    expect(w.prompt()).toBe('root@node1:/tmp# ');
    expect(await shown(w, 'echo $x')).toBe('7\n');
    await shown(w, 'false; exit 3; echo c');
    expect(await shown(w, 'echo $?')).toBe('0\n');
  });

  it('runs the EXIT trap set on the same line, with $? the exit status (trap.c run_exit_trap)', async () => {
    const w = createWorld();
    expect(await shown(w, "trap 'echo bye $?' EXIT; echo in; exit 4")).toBe('in\nbye 4\n');
    expect(await shown(w, 'trap -p')).toBe('');
  });

  it("a subshell, a command substitution and a pipeline stage end only themselves; a function's exit ends the shell", async () => {
    const w = createWorld();
    expect(await shown(w, '( exit 5 ); echo sub $?')).toBe('sub 5\n');
    expect(await shown(w, 'echo $(exit 6) $?; exit | cat; echo piped')).toBe('6\npiped\n');
    expect(await shown(w, 'f() { echo f; exit 2; }; f; echo after')).toBe('f\n');
  });

  it('in a bash started at the prompt: "exit", then the shell below with the status', async () => {
    const w = createWorld();
    await shown(w, 'bash');
    expect(await shown(w, 'cd /etc; echo nested; exit 7; echo no')).toBe('nested\nexit\n');
    expect(w.prompt()).toBe('root@node1:~# ');
    expect(await shown(w, 'echo $?')).toBe('7\n');
  });
});

// bash@bash-5.2:trap.c run_pending_traps runs the action with parse_and_execute in the shell itself: its variables are the shell's.
describe('a trap action at the prompt', () => {
  it("sets and unsets the shell's variables", async () => {
    const w = createWorld();
    expect(await shown(w, "trap 'x=5' USR1; kill -USR1 $$; echo $x")).toBe('5\n');
    expect(await shown(w, 'y=1; trap \'unset y; z=$((x+1))\' USR2; kill -USR2 $$; echo "[$y] $z"')).toBe('[] 6\n');
    expect(await shown(w, 'echo $x $z')).toBe('5 6\n');
  });
});

// What an interactive bash does with a signal it sends itself without a trap (bash@bash-5.2:sig.c, jobs.c).
describe('kill $$ at the prompt without a trap', () => {
  it('SIGINT abandons the line: a newline, $? 130 (sig.c throw_to_top_level)', async () => {
    const w = createWorld();
    expect(await shown(w, 'echo a; kill -INT $$; echo after $?')).toBe('a\n\n');
    expect(await shown(w, 'echo $?')).toBe('130\n');
  });

  it('SIGTERM, SIGQUIT and the job-control stops are ignored (initialize_shell_signals, initialize_job_control)', async () => {
    const w = createWorld();
    expect(await shown(w, 'kill -TERM $$; kill -QUIT $$; kill -TSTP $$; echo still $?')).toBe('still 0\n');
  });

  it('SIGHUP kills a bash started at the prompt: the line ends there, its parent says "Hangup", $? 129 (jobs.c)', async () => {
    const w = createWorld();
    await shown(w, 'bash');
    expect(await shown(w, 'kill -HUP $$; echo no')).toBe('Hangup\n');
    expect(await shown(w, 'echo $?')).toBe('129\n');
  });
});

// bash@bash-5.2:builtins/enable.def: BUILTIN_ENABLED per builtin, the listing's filter; type.def then looks in PATH.
describe('enable -n', () => {
  it('turns a builtin off: enable -n lists it, enable -a marks it, type finds the program in PATH or says not found', async () => {
    const w = createWorld();
    expect(await shown(w, 'enable -n echo kill; type echo; enable -n')).toBe('echo is /usr/bin/echo\nenable -n echo\nenable -n kill\n');
    expect(await shown(w, 'enable -a | grep -e echo -e kill; enable | grep -c echo')).toBe('enable -n echo\nenable -n kill\n0\n');
    expect(await shown(w, 'enable -n cd; type cd; echo $?')).toBe('-bash: type: cd: not found\n1\n');
    expect(await shown(w, 'enable cd echo kill; enable -n; type echo')).toBe('echo is a shell builtin\n');
  });
});
