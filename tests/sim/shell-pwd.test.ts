/**
 * The shell's working directory from one line to the next (#10): PWD as the shell spelled it (a link's name, not its
 * target), OLDPWD kept and exported, `cd -` and its failures in each shell's words, and PWD in a container process's
 * environment only where a shell set it. Each expected text was checked against bash 5.2.15 and dash 0.5.12 on the
 * lead's machine (the same words as bash 5.2.21's and busybox 1.36.1 ash's sources cited below).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

describe('the working directory across lines', () => {
  it('keeps the directory as spelled: `cd /var/run`, then `pwd` and `cd ..` on later lines (bash-5.2.21 builtins/cd.def: logical by default)', async () => {
    const w = createWorld();
    await sh(w, 'cd /var/run');
    expect((await sh(w, 'pwd')).out).toBe('/var/run\n');
    expect((await sh(w, 'echo $PWD')).out).toBe('/var/run\n');
    expect((await sh(w, 'pwd -P')).out).toBe('/run\n');
    await sh(w, 'cd ..');
    expect((await sh(w, 'pwd')).out).toBe('/var\n');
    // /bin is a link to usr/bin on node1 (usrmerge).
    await sh(w, 'cd /bin');
    expect((await sh(w, 'pwd; pwd -P')).out).toBe('/bin\n/usr/bin\n');
  });

  it('keeps OLDPWD, exported, for `cd -` on a later line', async () => {
    const w = createWorld();
    await sh(w, 'cd /tmp');
    expect((await sh(w, 'echo "[$OLDPWD]"; declare -p OLDPWD')).out).toBe('[/root]\ndeclare -x OLDPWD="/root"\n');
    // Sorted: bash lists its environment in its variables' hash order, which the simulator does not follow.
    expect((await sh(w, 'env | grep PWD | sort')).out).toBe('OLDPWD=/root\nPWD=/tmp\n');
    // cd.def: `cd -` prints the directory it went to.
    expect(await sh(w, 'cd -')).toMatchObject({ out: '/root\n', exitCode: 0 });
    expect((await sh(w, 'pwd')).out).toBe('/root\n');
  });

  it('`cd -` before any cd: "OLDPWD not set" in bash (cd.def cd_builtin), "." in dash and ash', async () => {
    const w = createWorld();
    expect(await sh(w, 'cd -')).toMatchObject({ out: '-bash: cd: OLDPWD not set\n', exitCode: 1 });
    // Not interactive: builtin_error's "line N" (bash-5.2.21 error.c builtin_error_prolog).
    expect(await sh(w, "bash -c 'cd -'")).toMatchObject({ out: 'bash: line 1: cd: OLDPWD not set\n', exitCode: 1 });
    // dash@v0.5.12:src/cd.c cdcmd and busybox@1_36_1:shell/ash.c cdcmd: OLDPWD unset → "" → "."; printed (CD_PRINT).
    expect(await sh(w, "sh -c 'cd -; echo rc=$?'")).toMatchObject({ out: '/root\nrc=0\n', exitCode: 0 });
    await sh(w, 'OLDPWD=/nonexist');
    expect(await sh(w, 'cd -')).toMatchObject({ out: '-bash: cd: /nonexist: No such file or directory\n', exitCode: 1 });
  });

  it('a child shell exports OLDPWD once it has changed directory (variables.c; dash and ash setpwd with VEXPORT)', async () => {
    const w = createWorld();
    expect((await sh(w, "sh -c 'cd /tmp; env | grep PWD | sort'")).out).toBe('OLDPWD=/root\nPWD=/tmp\n');
    expect((await sh(w, "bash -c 'cd /tmp; env | grep PWD | sort'")).out).toBe('OLDPWD=/root\nPWD=/tmp\n');
  });
});

describe("PWD in a container process's environment", () => {
  it('none for a process runc started (runc@v1.1.14 passes the spec env); a shell sets and exports it', async () => {
    const w = await world(['alpine', 'nginx']);
    await sh(w, 'docker run -d --name web nginx');
    expect((await sh(w, 'docker exec web env')).out).not.toContain('PWD=');
    expect((await sh(w, 'docker run --rm alpine env')).out).not.toContain('PWD=');
    expect((await sh(w, 'docker exec web sh -c env')).out).toContain('PWD=/\n');
    const r = await sh(w, "docker run --rm alpine sh -c 'cd /tmp; env | grep PWD | sort; cd -; echo rc=$?'");
    expect(r.out).toBe('OLDPWD=/\nPWD=/tmp\n/\nrc=0\n');
  });
});
