/**
 * killall: psmisc 23.7 on node1 (psmisc src/killall.c, src/signals.c at the 23.7 snapshot), busybox 1.36.1's applet
 * in alpine (busybox@1_36_1:procps/kill.c, libbb/find_pid_by_name.c). And ps's process-group columns with it
 * (procps-ng@v4.0.4:src/ps/output.c pr_pgid, pr_sess, pr_tpgid, pr_stat's '+').
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

describe('killall (psmisc 23.7)', () => {
  it('kills every process of a name, -v reports each as "Killed %s(%s%d) with signal %d", exit 0', async () => {
    const w = createWorld();
    await sh(w, 'sleep 1000 & sleep 2000 &');
    const r = await sh(w, 'killall -v sleep');
    // bash's job notices follow on the next prompt's stderr.
    expect(r.stderr.startsWith('Killed sleep(2046) with signal 15\nKilled sleep(2047) with signal 15\n')).toBe(true);
    expect(r.exitCode).toBe(0);
    expect((await sh(w, 'pgrep -c sleep')).stdout).toBe('0\n');
  });

  it('a name that killed nothing: "%s: no process found" (not with -q), exit 1; every name must kill something', async () => {
    const w = createWorld();
    expect(await sh(w, 'killall nosuch')).toMatchObject({ stderr: 'nosuch: no process found\n', exitCode: 1 });
    expect(await sh(w, 'killall -q nosuch')).toMatchObject({ stderr: '', exitCode: 1 });
    await sh(w, 'sleep 1000 &');
    const two = await sh(w, 'killall sleep nosuch');
    expect(two.stderr.startsWith('nosuch: no process found\n')).toBe(true);
    expect(two.exitCode).toBe(1);
  });

  it("signals: -l wraps glibc's numeric names at 80 columns (POLL, not IO); -NAME, -NUM, -s; unknown names exit 1", async () => {
    const w = createWorld();
    expect((await sh(w, 'killall -l')).stdout).toBe(
      'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\nCHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n',
    );
    expect(await sh(w, 'killall -IO cron')).toMatchObject({ stderr: 'IO: unknown signal; killall -l lists signals.\n', exitCode: 1 });
    expect(await sh(w, 'killall -s SIGFOO cron')).toMatchObject({ stderr: 'FOO: unknown signal; killall -l lists signals.\n', exitCode: 1 });
    expect((await sh(w, 'killall -v -0 cron')).stderr).toBe('Killed cron(598) with signal 0\n');
    expect((await sh(w, 'killall -v -WINCH cron')).stderr).toBe('Killed cron(598) with signal 28\n');
    // -I… and -V… longer than the option are signal names (ILL, VTALRM), main's 'I' and 'V' cases.
    await sh(w, 'sleep 1000 & sleep 2000 &');
    expect((await sh(w, 'killall -v -VTALRM -n 2045 sleep')).stderr).toMatch(/^Killed sleep\((\d+)\) with signal 26\nKilled sleep\(\d+\) with signal 26\n/);
    await sh(w, 'sleep 3000 &');
    expect((await sh(w, 'killall -v -ILL sleep')).stderr).toMatch(/^Killed sleep\(\d+\) with signal 4\n/);
  });

  it('a 15-character comm is matched through the command line: systemd-journald, not systemd-journal', async () => {
    const w = createWorld();
    expect(await sh(w, 'killall -0 systemd-journal')).toMatchObject({ stderr: 'systemd-journal: no process found\n', exitCode: 1 });
    expect(await sh(w, 'killall -v -0 systemd-journald')).toMatchObject({ stderr: 'Killed systemd-journald(312) with signal 0\n', exitCode: 0 });
    expect((await sh(w, 'killall -v -0 -r "^systemd-(network|resolve)d$"')).stderr).toBe(
      'Killed systemd-networkd(512) with signal 0\nKilled systemd-resolved(530) with signal 0\n',
    );
  });

  it('usage, version and option errors as main prints them', async () => {
    const w = createWorld();
    const usage = await sh(w, 'killall');
    expect(usage.stderr.startsWith('Usage: killall [OPTION]... [--] NAME...\n       killall -l, --list\n')).toBe(true);
    expect(usage.exitCode).toBe(1);
    expect((await sh(w, 'killall -x')).stderr).toBe(usage.stderr);
    expect(await sh(w, 'killall -V')).toMatchObject({ stdout: '', exitCode: 0 });
    expect((await sh(w, 'killall -V')).stderr.split('\n')[0]).toBe('killall (PSmisc) 23.7');
    expect((await sh(w, 'killall -y 0s cron')).stderr.startsWith('Invalid time format\nUsage: killall')).toBe(true);
    expect(await sh(w, 'killall -u nobodyx cron')).toMatchObject({ stderr: 'Cannot find user nobodyx\n', exitCode: 1 });
    expect(await sh(w, 'killall /usr/bin/nope')).toMatchObject({ stderr: '/usr/bin/nope: No such file or directory\n', exitCode: 1 });
  });

  it('-i asks on stdout and reads rpmatch answers; an empty line or the end of input is no', async () => {
    const w = createWorld();
    expect(await sh(w, 'killall -i -0 cron < /dev/null')).toMatchObject({
      stdout: 'Signal cron(598) ? (y/N) ',
      stderr: 'cron: no process found\n',
      exitCode: 1,
    });
    expect(await sh(w, "printf 'maybe\\ny\\n' | killall -i -0 cron")).toMatchObject({
      stdout: 'Signal cron(598) ? (y/N) Signal cron(598) ? (y/N) ',
      exitCode: 0,
    });
  });

  it("from the host it kills a container's processes, its init with SIGKILL; as another user it is refused", async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name al alpine sleep 1000');
    expect((await sh(w, 'killall -s KILL sleep')).exitCode).toBe(0);
    expect((await sh(w, "docker ps -a --format '{{.Status}}'")).stdout).toMatch(/^Exited \(137\)/);
    expect(await sh(w, 'setpriv --reuid 1000 --regid 1000 --clear-groups killall -0 cron')).toMatchObject({
      stderr: 'cron(598): Operation not permitted\ncron: no process found\n',
      exitCode: 1,
    });
  });
});

describe('killall (busybox 1.36.1 in alpine)', () => {
  it('errors through bb_error_msg, the exit status counts them', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name al alpine sleep 1000');
    expect(await sh(w, 'docker exec al killall')).toMatchObject({ stderr: 'killall: you need to specify whom to kill\n', exitCode: 1 });
    expect(await sh(w, 'docker exec al killall a b')).toMatchObject({ stderr: 'killall: a: no process killed\nkillall: b: no process killed\n', exitCode: 2 });
    expect(await sh(w, 'docker exec al killall -lq')).toMatchObject({ stderr: "killall: bad signal name 'lq'\n", exitCode: 1 });
    expect((await sh(w, 'docker exec al killall -l')).stdout.split('\n').slice(0, 2)).toEqual([' 1) HUP', ' 2) INT']);
    expect(await sh(w, 'docker exec al killall -l 137 TERM')).toMatchObject({ stdout: 'KILL\n15\n', exitCode: 0 });
    expect(await sh(w, "docker exec al sh -c 'sleep 300 & killall sleep; echo $?'")).toMatchObject({ stdout: '0\n' });
    // PID 1 ignores a signal it has no handler for, from inside its namespace: the container runs on.
    expect((await sh(w, "docker ps --format '{{.Status}}'")).stdout).toMatch(/^Up /);
  });

  it('is not in Debian images (no psmisc in nginx)', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name web nginx');
    expect(await sh(w, 'docker exec web killall nginx')).toMatchObject({
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "killall": executable file not found in $PATH: unknown\n',
      exitCode: 126,
    });
  });
});

describe('ps: process groups and sessions', () => {
  it("systemd's services lead their sessions (Ss), agetty is its tty's foreground group (Ss+), -o pgid,sid,tpgid", async () => {
    const w = createWorld();
    expect((await sh(w, 'ps -o pid,pgid,sid,tpgid,stat,comm -p 1,601,830,2045')).stdout).toBe(
      [
        '    PID    PGID     SID   TPGID STAT COMMAND',
        '      1       1       1      -1 Ss   systemd',
        '    601     601     601      -1 Ss   dbus-daemon',
        '    830     830     830     830 Ss+  agetty',
        '   2045    2045    2045    2046 Ss   bash',
        '',
      ].join('\n'),
    );
    expect((await sh(w, 'ps -o pgrp,sess,session -p 598')).stdout).toBe('   PGRP    SESS    SESS\n    598     598     598\n');
  });
});
