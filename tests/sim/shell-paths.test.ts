/**
 * node1's interactive bash 5.2 (#10): its own errors in their place at the prompt, and a command named by a path to
 * the learner's file run as execve and bash's shell_execve would (pathexec.ts).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

describe("the interactive bash's own errors, in their place", () => {
  // bash-5.2:execute_cmd.c execute_disk_command: internal_error ("%s: command not found"); error.c error_prolog prints no
  // line number when interactive_shell; the message is written when the command runs, between a and b.
  it('a command not found and a failed cd come between the output around them', async () => {
    const w = createWorld();
    expect((await sh(w, 'echo a; nosuch; echo b')).out).toBe('a\n-bash: nosuch: command not found\nb\n');
    // builtins/cd.def cd_builtin: builtin_error ("%s: %s", dirname, strerror (errno)), status 1; the shell stays where it was.
    const r = await sh(w, 'echo c; cd /nope; echo $?; pwd');
    expect(r.out).toBe('c\n-bash: cd: /nope: No such file or directory\n1\n/root\n');
    // A function of the line is no missing command.
    expect((await sh(w, 'f() { echo fn; }; f; echo $?')).out).toBe('fn\n0\n');
  });
});

describe('a path to a file of the learner: execve, then bash-5.2:execute_cmd.c shell_execve', () => {
  it('a directory, a file without x, a missing file', async () => {
    const w = createWorld();
    // `internal_error (_("%s: %s"), command, strerror (EISDIR))`, last_command_exit_value = EX_NOEXEC (126).
    expect((await sh(w, 'mkdir d; ./d; echo $?')).out).toBe('-bash: ./d: Is a directory\n126\n');
    // execve's EACCES: `file_error (command)`, 126.
    expect((await sh(w, 'echo hi > t; ./t; echo $?')).out).toBe('-bash: ./t: Permission denied\n126\n');
    // ENOENT: file_error, EX_NOTFOUND (127).
    expect((await sh(w, './nope; echo $?')).out).toBe('-bash: ./nope: No such file or directory\n127\n');
  });

  it('#! runs the interpreter on the file: dash for /bin/sh, bash for /bin/bash; a missing one is a bad interpreter', async () => {
    const w = createWorld();
    await sh(w, "printf '#!/bin/sh\\necho one\\nnosuch\\necho two\\n' > s.sh; chmod +x s.sh");
    // dash@v0.5.12:src/error.c "%s: %d: " with $0 = the path, src/exec.c "not found".
    expect((await sh(w, './s.sh; echo $?')).out).toBe('one\n./s.sh: 3: nosuch: not found\ntwo\n0\n');
    await sh(w, "printf '#!/bin/bash\\necho $0 $1\\nnosuch\\n' > /tmp/b.sh; chmod +x /tmp/b.sh");
    // error_prolog when not interactive: "%s: line %d: " with BASH_SOURCE[0], the path it was run by.
    expect((await sh(w, '/tmp/b.sh x; echo $?')).out).toBe('/tmp/b.sh x\n/tmp/b.sh: line 3: nosuch: command not found\n127\n');
    expect((await sh(w, 'cd /tmp; ./b.sh y')).out).toBe('./b.sh y\n./b.sh: line 3: nosuch: command not found\n');
    await sh(w, "printf '#!/nonexist\\necho hi\\n' > /root/n.sh; chmod +x /root/n.sh");
    // `sys_error (_("%s: %s: bad interpreter"), command, interp)`: strerror of execve's ENOENT after it; EX_NOEXEC.
    expect((await sh(w, 'cd; ./n.sh; echo $?')).out).toBe('-bash: ./n.sh: /nonexist: bad interpreter: No such file or directory\n126\n');
  });

  it('a text file without #! is run as a bash script naming itself (ENOEXEC: execute_shell_script)', async () => {
    const w = createWorld();
    await sh(w, "printf 'echo plain\\nnosuch\\n' > p; chmod +x p");
    expect((await sh(w, './p; echo $?')).out).toBe('plain\n./p: line 2: nosuch: command not found\n127\n');
  });

  it("the simulator's own programs by their path are not touched", async () => {
    const w = createWorld();
    expect((await sh(w, '/usr/bin/env echo hi; /bin/echo there')).out).toBe('hi\nthere\n');
  });
});
