/**
 * A redirection on a compound command, and `$?` in subshells. Each expected text was checked against bash 5.2.15 on
 * the course's machine (`bash -c '…'`; the node1 prompt's own errors with `exec -a -bash bash -ic '…'`), which agrees
 * with 5.2.21 here, and busybox 1.36.1's ash where a container runs it.
 *
 * - bash dup2s a compound command's fd 2 onto fd 1 before its body runs (bash@bash-5.2.21:execute_cmd.c
 *   execute_command_internal, `do_redirections (command->redirects, …)` before the group, loop, `if` or `case`;
 *   execute_in_subshell for `( … )`; execute_function with the definition's redirections; redir.c
 *   do_redirection_internal, r_duplicating_output), so each command of the body writes its errors into stdout as it
 *   runs: `{ ls nope; echo $?; } 2>&1` shows the error, then 2. busybox ash the same (busybox@1_36_1:shell/ash.c
 *   evaltree, case NREDIR: redirectsafe(…, REDIR_PUSH) before evaltree of the body).
 * - A subshell and a command substitution are forked copies of the shell: their body starts with the parent's `$?`
 *   and `$_` (bash@bash-5.2.21:execute_cmd.c execute_in_subshell, subst.c command_substitute).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

const LS = "ls: cannot access 'nope': No such file or directory\n";

describe('a compound command with 2>&1: each command writes its errors into stdout as it runs (execute_cmd.c)', () => {
  it.each([
    ['{ ls nope; echo $?; } 2>&1', `${LS}2\n`],
    ['for i in 1; do ls nope; echo x; done 2>&1', `${LS}x\n`],
    ['while true; do ls nope; echo x; break; done 2>&1', `${LS}x\n`],
    ['until false; do ls nope; echo x; break; done 2>&1', `${LS}x\n`],
    ['if ls nope; then :; else echo e; fi 2>&1', `${LS}e\n`],
    ['case a in a) ls nope; echo x;; esac 2>&1', `${LS}x\n`],
    ['( ls nope; echo x ) 2>&1', `${LS}x\n`],
    ['f() { ls nope; echo x; }; f 2>&1', `${LS}x\n`],
    ['f() { ls nope; echo x; } 2>&1; f | cat', `${LS}x\n`],
    ['{ ls nope; echo x; } 2>&1 | cat', `${LS}x\n`],
    ['{ echo a; ls nope; echo b; } |& cat', `a\n${LS}b\n`],
    ['{ ls nope; echo x; } >/tmp/f 2>&1; cat /tmp/f', `${LS}x\n`],
    ['{ echo a; ls nope; echo b; } &>/tmp/g; cat /tmp/g', `a\n${LS}b\n`],
    // Where the order comes from the redirections, not from the merge.
    ['{ ls nope; echo x; } 2>&1 >/dev/null', LS],
    ['{ { ls nope; echo a; } 2>/dev/null; ls nope2; echo b; } 2>&1 | cat', "a\nls: cannot access 'nope2': No such file or directory\nb\n"],
    [
      'for i in 1 2; do echo o$i; ls n$i; done 2>&1 | cat',
      "o1\nls: cannot access 'n1': No such file or directory\no2\nls: cannot access 'n2': No such file or directory\n",
    ],
  ])('%s', async (line, want) => {
    const w = createWorld();
    expect((await sh(w, line)).out).toBe(want);
  });

  it("the shell's own errors too, in the login shell's words (-bash: error.c error_prolog names $0)", async () => {
    const w = createWorld();
    const r = await sh(w, '{ nope; cd /nope; type nope; ./nope; echo x; } 2>&1 | cat');
    expect(r.out).toBe(
      [
        '-bash: nope: command not found',
        '-bash: cd: /nope: No such file or directory',
        '-bash: type: nope: not found',
        '-bash: ./nope: No such file or directory',
        'x',
        '',
      ].join('\n'),
    );
  });

  it("a script of the learner's, run by its path: its output in the order written (execve runs its #! interpreter)", async () => {
    const w = createWorld();
    await w.exec("printf '#!/bin/bash\\necho o\\nls nope\\necho o2\\n' > /tmp/s.sh; printf 'echo t\\nls nope\\n' > /tmp/t; chmod +x /tmp/s.sh /tmp/t");
    expect((await sh(w, '/tmp/s.sh 2>&1 | cat')).out).toBe(`o\n${LS}o2\n`);
    expect((await sh(w, '{ /tmp/s.sh; echo x; } 2>&1 | cat')).out).toBe(`o\n${LS}o2\nx\n`);
    // A text file without #!: bash runs it as a script of its own (execute_cmd.c execute_shell_script).
    expect((await sh(w, 'for i in 1; do /tmp/t; done 2>&1 | cat')).out).toBe(`t\n${LS}`);
  });

  it('a function the session defined on an earlier line: its body where it is called', async () => {
    const w = createWorld();
    await w.exec('g() { ls nope; echo y; }');
    expect((await sh(w, 'g 2>&1 | cat')).out).toBe(`${LS}y\n`);
    await w.exec('h() { ls nope; echo z; } 2>&1');
    expect((await sh(w, 'h | cat')).out).toBe(`${LS}z\n`);
  });

  it("bash -c and sh -c: the script's own 2>&1 (dash's ls is GNU's: status 2)", async () => {
    const w = createWorld();
    expect((await sh(w, "bash -c '{ ls nope; echo $?; } 2>&1 | cat'")).out).toBe(`${LS}2\n`);
    expect((await sh(w, "sh -c 'for i in 1; do ls nope; echo $?; done 2>&1' | cat")).out).toBe(`${LS}2\n`);
  });
});

describe('in an alpine container (busybox 1.36.1 ash: shell/ash.c evaltree NREDIR)', () => {
  let w: World;
  beforeAll(async () => {
    w = await world(['alpine']);
  });
  const BB = 'ls: nope: No such file or directory\n';
  it.each([
    // busybox ls fails with EXIT_FAILURE (busybox@1_36_1:coreutils/ls.c my_stat).
    ["docker run --rm alpine sh -c '{ ls nope; echo $?; } 2>&1'", `${BB}1\n`],
    ["docker run --rm alpine sh -c 'for i in 1; do ls nope; echo x; done 2>&1 | cat'", `${BB}x\n`],
    ["docker run --rm alpine sh -c '( ls nope; echo $? ) 2>&1 | cat'", `${BB}1\n`],
    ["docker run --rm alpine sh -c 'f() { ls nope; echo x; }; f 2>&1'", `${BB}x\n`],
    // ash.c shellexec: "sh: %s: not found".
    ["docker run --rm alpine sh -c '{ nope; echo x; } 2>&1'", 'sh: nope: not found\nx\n'],
    ["docker run --rm alpine sh -c 'echo $( (exit 3); echo $?)'", '3\n'],
  ])('%s', async (line, want) => {
    expect((await sh(w, line)).out).toBe(want);
  });
});

describe('$? and $_ in a subshell and a command substitution: the parent’s (execute_in_subshell, command_substitute)', () => {
  it.each([
    ['( ls nope; echo $? ) 2>&1 | cat', `${LS}2\n`],
    ['echo $( (exit 3); echo $?)', '3\n'],
    ['echo $(false; echo $?)', '1\n'],
    ['(false; echo $?)', '1\n'],
    ['false; (echo $?)', '1\n'],
    ['false; echo $(echo $?)', '1\n'],
    ['sleep 0 | (false; echo $?)', '1\n'],
    ['(echo hi; echo $_)', 'hi\nhi\n'],
    ['echo a; (echo $_)', 'a\na\n'],
    ['echo $(echo hi; echo $_)', 'hi hi\n'],
    ['(exit 3); echo $?', '3\n'],
    // A bare exit or return reads `$?` too (exit.def: the last command's status).
    ['(false; exit); echo $?', '1\n'],
    ['f() { false; return; }; (f); echo $?', '1\n'],
    ['false; echo $( (echo $?) )', '1\n'],
    // A failed status handed on is not a failed command: set -e does not end the subshell (bash's errexit ignores
    // all but a list's last command: execute_cmd.c execute_connection, CMD_IGNORE_RETURN).
    ['set -e; (false && true; echo in $?); echo out $?', 'in 1\nout 0\n'],
  ])('%s', async (line, want) => {
    const w = createWorld();
    expect((await sh(w, line)).out).toBe(want);
  });

  it('set -x does not show the marks', async () => {
    const w = createWorld();
    expect((await sh(w, 'set -x; (false; echo $?)')).out).toBe('+ false\n+ echo 1\n1\n');
  });
});

/**
 * A trap action's `exit` and `cd` are the shell's: bash runs the action in the shell itself, not interactive
 * (bash@bash-5.2.21:trap.c run_pending_traps → parse_and_execute with SEVAL_NONINT, so builtins/exit.def
 * exit_or_logout prints no "exit"); busybox ash the same (shell/ash.c dotrap → evalstring). Checked with bash 5.2.15
 * (`bash -c`, and an interactive `bash -i` reading the line from a pipe).
 */
describe('trap actions that exit or cd (trap.c run_pending_traps)', () => {
  it.each([
    ['bash -c \'trap "exit 4" TERM; kill -TERM $$; echo after\'; echo $?', '4\n'],
    ['bash -c \'echo a; trap "echo bye; exit 4" TERM; kill -TERM $$; echo after\'; echo $?', 'a\nbye\n4\n'],
    ['bash -c \'trap "echo in EXIT" EXIT; trap "exit 5" USR1; kill -USR1 $$; echo after\'; echo $?', 'in EXIT\n5\n'],
    ['sh -c \'trap "exit 4" TERM; kill -TERM $$; echo after\'; echo $?', '4\n'],
    ['bash -c \'echo a; trap "exit 4" TERM; kill -TERM $$; echo after\' | cat; echo ${PIPESTATUS[0]}', 'a\n4\n'],
    ['x=$(bash -c \'echo a; trap "exit 4" TERM; kill -TERM $$; echo after\'); echo $? $x', '4 a\n'],
    // A trap that does not exit: the script goes on, `$?` the kill's (run_pending_traps restores it).
    ['bash -c \'trap "echo got" TERM; kill -TERM $$; echo after $?\'', 'got\nafter 0\n'],
  ])('%s', async (line, want) => {
    const w = createWorld();
    expect((await sh(w, line)).out).toBe(want);
  });

  it('at the prompt: the shell leaves with the status, without "exit"; the login shell stays', async () => {
    const w = createWorld();
    expect(await sh(w, "echo a; trap 'echo bye; exit 4' TERM; kill -TERM $$; echo after")).toMatchObject({ out: 'a\nbye\n', exitCode: 4 });
    await w.exec('bash');
    expect(await sh(w, "trap 'echo in EXIT' EXIT; trap 'exit 5' USR1; kill -USR1 $$; echo after")).toMatchObject({ out: 'in EXIT\n', exitCode: 5 });
    expect((await sh(w, 'echo $?')).out).toBe('5\n');
  });

  it("a cd in the action moves the prompt's shell", async () => {
    const w = createWorld();
    await w.exec("trap 'echo caught; cd /tmp' USR1");
    expect((await sh(w, 'kill -USR1 $$')).out).toBe('caught\n');
    expect((await sh(w, 'pwd')).out).toBe('/tmp\n');
  });

  it('in an alpine container (ash.c dotrap → evalstring → exitshell)', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'docker run --rm alpine sh -c \'echo a; trap "echo bye; exit 4" TERM; kill -TERM $$; echo after\'; echo $?')).out).toBe('a\nbye\n4\n');
  });
});
