/**
 * /bin/sh on node1 and in Debian images is dash 0.5.12: its errors carry "$0: LINE: " (dash@v0.5.12:src/error.c
 * exvwarning2), "not found" for a missing command or path (exec.c), "can't cd to" (cd.c), and parser.c's
 * "Syntax error: …" with tokname_array's names. busybox sh and bash keep their own words.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { dashWording } from '../../src/sim/shell/dash-wording.ts';

describe('dash wording', () => {
  it.each([
    ['bash: nosuch: command not found\n', 'sh: 1: nosuch: not found\n'],
    // A bash script run inside the dash one keeps bash's words (its "line N"): notfound.ts words dash's own.
    ['bash: line 3: nosuch: command not found\n', 'bash: line 3: nosuch: command not found\n'],
    ['bash: cd: /nope: No such file or directory\n', "sh: 1: cd: can't cd to /nope\n"],
    ["bash: syntax error near unexpected token `fi'\n", 'sh: 1: Syntax error: "fi" unexpected\n'],
    ["bash: syntax error near unexpected token `newline'\n", 'sh: 1: Syntax error: newline unexpected\n'],
    ["bash: syntax error near unexpected token `x'\n", 'sh: 1: Syntax error: word unexpected\n'],
    ['bash: syntax error: Parse error at 1:20: Expected DONE, got EOF\n', 'sh: 1: Syntax error: end of file unexpected (expecting "done")\n'],
    ['bash: /etc/hosts: Permission denied\n', 'sh: 1: /etc/hosts: Permission denied\n'],
    ['plain text\n', 'plain text\n'],
  ])('%j', (bash, dash) => {
    expect(dashWording(bash, 'sh')).toBe(dash);
  });

  it('sh on the host and in debian is dash; in alpine busybox; bash stays bash', async () => {
    const w = createWorld();
    expect((await w.exec('sh -c nosuch')).stderr).toBe('sh: 1: nosuch: not found\n');
    expect((await w.exec('sh -c nosuch myname')).stderr).toBe('myname: 1: nosuch: not found\n');
    expect((await w.exec('docker run --rm debian sh -c nosuch 2>&1 | tail -1')).stdout).toBe('sh: 1: nosuch: not found\n');
    expect((await w.exec('docker run --rm alpine sh -c nosuch 2>&1 | tail -1')).stdout).toBe('sh: nosuch: not found\n');
    expect((await w.exec("sh -c 'echo ok' 2>&1 | cat")).stdout).toBe('ok\n');
  });
});

describe('$0', () => {
  it("is the shell's argv[0]: -bash for node1's login shell, sh or /bin/sh as a container's shell was started", async () => {
    const w = createWorld();
    expect((await w.exec('echo $0')).stdout).toBe('-bash\n');
    expect((await w.exec('env | grep -c "^0="')).stdout).toBe('0\n');
    await w.exec('docker run -it alpine sh');
    expect((await w.exec('echo $0')).stdout).toBe('sh\n');
    await w.exec('exit');
    await w.exec('docker run -it alpine /bin/sh');
    expect((await w.exec('echo $0')).stdout).toBe('/bin/sh\n');
    await w.exec('exit');
    expect((await w.exec("bash -c 'echo $0'")).stdout).toBe('bash\n');
  });
});
