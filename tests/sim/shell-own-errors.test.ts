/**
 * A shell's own errors (not found, cd) in their place among the output and in the words of the shell that
 * runs the script (#10): dash 0.5.12 as /bin/sh, bash 5.2 not interactive, busybox 1.36.1 ash (notfound.ts).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

describe("a script's not found, in its place and in its shell's words", () => {
  it('sh -c (dash): "$0: LINE: NAME: not found" between the commands around it', async () => {
    const w = createWorld();
    expect((await sh(w, "sh -c 'echo a; nosuch; echo b'")).out).toBe('a\nsh: 1: nosuch: not found\nb\n');
    expect((await sh(w, "sh -c 'echo a\nnosuch x\necho b' myname")).out).toBe('a\nmyname: 2: nosuch: not found\nb\n');
    // (Two errors of the same text, one of them redirected away, could not be told apart by the trace: ordered.ts.)
    const r = await sh(w, "sh -c 'gone 2>/dev/null; echo $?; nosuch | cat; echo b'");
    expect(r.out).toBe('127\nsh: 1: nosuch: not found\nb\n');
    // A function of the script is no missing command; nor is a file put on PATH by the script itself.
    expect((await sh(w, "sh -c 'f() { echo f; }; f'")).out).toBe('f\n');
    expect((await sh(w, 'sh -c \'printf "#!/bin/sh\\necho made\\n" > /usr/local/bin/made; chmod +x /usr/local/bin/made; made\'')).out).toBe('made\n');
  });

  it('bash -c and bash FILE: "NAME: line N: …: command not found" (error_prolog when not interactive)', async () => {
    const w = createWorld();
    expect((await sh(w, "bash -c 'echo a; nosuch; echo b'")).out).toBe('a\nbash: line 1: nosuch: command not found\nb\n');
    expect((await sh(w, "bash -c 'echo a\nnosuch' me")).out).toBe('a\nme: line 2: nosuch: command not found\n');
    await sh(w, "printf '#!/bin/bash\\necho a\\nnosuch\\necho b\\n' > /tmp/s.sh");
    expect((await sh(w, 'bash /tmp/s.sh')).out).toBe('a\n/tmp/s.sh: line 3: nosuch: command not found\nb\n');
    expect((await sh(w, 'sh /tmp/s.sh')).out).toBe('a\n/tmp/s.sh: 3: nosuch: not found\nb\n');
    // At the prompt bash is interactive: no line number.
    expect((await sh(w, 'nosuch')).stderr).toBe('-bash: nosuch: command not found\n');
    expect((await sh(w, 'bash -c nosuch; echo $?')).out).toBe('bash: line 1: nosuch: command not found\n127\n');
  });

  it('in containers: debian sh and bash, alpine ash, a bash inside a dash', async () => {
    const w = await world(['alpine', 'debian']);
    expect((await sh(w, 'docker run --rm debian sh -c "echo a; nosuch; echo b"')).out).toBe('a\nsh: 1: nosuch: not found\nb\n');
    expect((await sh(w, 'docker run --rm debian bash -c "echo a; nosuch; echo b"')).out).toBe('a\nbash: line 1: nosuch: command not found\nb\n');
    expect((await sh(w, 'docker run --rm alpine sh -c "echo a; nosuch; echo b"')).out).toBe('a\nsh: nosuch: not found\nb\n');
    expect((await sh(w, `docker run --rm debian sh -c "bash -c 'echo a; nosuch; echo b'"`)).out).toBe('a\nbash: line 1: nosuch: command not found\nb\n');
  });
});

describe('a failed cd in a script', () => {
  // dash@v0.5.12:src/error.c sh_error sets exitstatus = 2; src/eval.c evalcommand does not raise EXERROR out of a
  // regular builtin: the script goes on, with status 2.
  it('dash: "can\'t cd to", status 2, and the script goes on', async () => {
    const w = createWorld();
    expect((await sh(w, 'sh -c "cd /nope"; echo $?')).out).toBe("sh: 1: cd: can't cd to /nope\n2\n");
    expect((await sh(w, 'sh -c "cd /nope; echo after \\$?"; echo $?')).out).toBe("sh: 1: cd: can't cd to /nope\nafter 2\n0\n");
    expect((await sh(w, 'sh -c "cd /nope 2>/dev/null || echo failed \\$?"')).out).toBe('failed 2\n');
    expect((await sh(w, 'sh -c "cd /tmp && pwd"')).out).toBe('/tmp\n');
  });

  it('bash: "line N: cd: DIR: strerror", status 1; ash: "sh: cd: line N: can\'t cd to DIR: strerror", 2', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'bash -c "echo a; cd /etc/hosts; echo \\$?"')).out).toBe('a\nbash: line 1: cd: /etc/hosts: Not a directory\n1\n');
    expect((await sh(w, 'docker run --rm alpine sh -c "echo a; cd /x; echo \\$?"')).out).toBe(
      "a\nsh: cd: line 1: can't cd to /x: No such file or directory\n2\n",
    );
  });
});
