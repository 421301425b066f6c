/**
 * ps's TIME, ELAPSED and %CPU from the simulated CPU time, and /proc/PID/stat (#10).
 * Formats: procps-ng@v4.0.4:src/ps/output.c (pr_time `[dd-]hh:mm:ss`, pr_etime `[[dd-]hh:]mm:ss`, pr_bsdtime
 * `%3u:%02u`, pr_pcpu, pr_c, format_array's widths); the stat line: linux@v6.8:fs/proc/array.c do_task_stat.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

describe('ps CPU time (#10)', () => {
  it('a busy job accumulates TIME; an idle one stays at 00:00:00', async () => {
    const w = createWorld();
    await sh(w, 'sleep 30 &');
    await sh(w, 'yes > /dev/null &');
    await sh(w, 'sleep 20');
    expect((await sh(w, 'ps')).out).toBe(
      '    PID TTY          TIME CMD\n   2045 pts/0    00:00:00 bash\n   2046 pts/0    00:00:00 sleep\n   2047 pts/0    00:00:22 yes\n   2049 pts/0    00:00:00 ps\n',
    );
    expect((await sh(w, 'ps -o pid,time,etime,times,etimes,%cpu,c,cmd')).out).toBe(
      '    PID     TIME     ELAPSED     TIME ELAPSED %CPU  C CMD\n' +
        '   2045 00:00:00       01:25        0      85  0.0  0 -bash\n' +
        '   2046 00:00:00       00:24        0      24  0.0  0 sleep 30\n' +
        '   2047 00:00:23       00:23       23      23  100 99 yes\n' +
        // On the terminal the line stops at its 80 columns (procps-ng@v4.0.4:src/ps/global.c screen_cols, output.c max_rightward).
        '   2050 00:00:00       00:00        0       0  0.0  0 ps -o pid,time,etime,times\n',
    );
    expect((await sh(w, 'ps -ef | grep -w yes')).out).toBe(
      'root        2047    2045 99 11:45 pts/0    00:00:24 yes\nroot        2052    2045  0 11:45 pts/0    00:00:00 grep --color=auto -w yes\n',
    );
    expect((await sh(w, "ps aux | awk '$2 == 2047'")).out).toBe('root        2047  100  0.0   8000   977 pts/0    R    11:45   0:25 yes\n');
  });

  it('etime grows to hh:mm:ss and dd-hh:mm:ss; time shows days', async () => {
    const w = createWorld();
    await sh(w, 'yes > /dev/null &');
    await sh(w, 'sleep 90000');
    expect((await sh(w, 'ps -o etime=,time= -p 2046')).out).toBe(' 1-01:00:02 1-01:00:02\n');
    expect((await sh(w, 'ps -o etime=,time= -p 2045')).out).toBe(' 1-01:01:04 00:00:00\n');
  });

  it('a container hog: busybox ps, docker top and the stat line agree', async () => {
    const w = await world(['alpine']);
    await sh(w, "docker run -d --name hog alpine sh -c 'while :; do :; done'");
    await sh(w, 'sleep 5');
    expect((await sh(w, 'docker exec hog ps -o pid,time,args')).out).toBe(
      '  PID  TIME COMMAND\n    1  0:07 sh -c while :; do :; done\n    7  0:00 ps -o pid,time,args\n',
    );
    const top = (await sh(w, 'docker top hog')).out.split('\n')[1]!.split(/\s{2,}/);
    expect(top.slice(3, 4).concat(top.slice(6, 7))).toEqual(['99', '00:00:08']);
  });
});

describe('/proc/PID/stat (#10)', () => {
  it('has the 52 fields of do_task_stat, for cat itself, the shell, a job and a kernel thread', async () => {
    const w = createWorld();
    const self = (await sh(w, 'cat /proc/self/stat')).out;
    expect(self.trimEnd().split(' ')).toHaveLength(52);
    // pid (comm) state ppid pgrp session tty_nr(pts/0 = 136:0) tpgid flags(PF_RANDOMIZE)
    expect(self.startsWith('2046 (cat) R 2045 2046 2045 34816 2046 4194304 ')).toBe(true);
    expect((await sh(w, 'cat /proc/$$/stat')).out.startsWith('2045 (bash) S 1987 2045 2045 34816 2047 4194560 ')).toBe(true);
    expect((await sh(w, 'cat /proc/2/stat')).out).toBe(
      '2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 0 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 1 0 0 17 2 0 0 0 0 0 0 0 0 0 0 0 0 0\n',
    );
    await sh(w, 'yes > /dev/null &');
    await sh(w, 'sleep 10');
    const job = (await sh(w, 'cat /proc/$!/stat')).out.split(' ');
    // A job has a process group of its own; utime and stime are in USER_HZ ticks, 99 % user as cpu.stat.
    expect(job.slice(0, 8)).toEqual(['2049', '(yes)', 'R', '2045', '2049', '2045', '34816', '2051']);
    expect(job.slice(13, 15)).toEqual(['1188', '12']);
    // starttime: ticks since boot.
    expect((await sh(w, "awk '{print $14+$15, $22}' /proc/2049/stat")).out).toBe('1300 1275300\n');
  });

  it('in a container: PIDs of its namespace, the hidden parent as 0, runc setsid() for init and exec', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name cc alpine sleep 300');
    expect((await sh(w, 'docker exec cc cat /proc/1/stat')).out.split(' ').slice(0, 9).join(' ')).toBe('1 (sleep) S 0 1 1 0 -1 4194560'); // PF_SUPERPRIV: runc's init used capabilities before it exec'd sleep (kernel/sched.ts flagsOf)
    expect((await sh(w, 'docker exec cc cat /proc/self/stat')).out.split(' ').slice(0, 9).join(' ')).toBe('8 (cat) R 0 8 8 0 -1 4194560'); // runc init's capabilities, kept across exec
    expect((await sh(w, 'docker exec cc ls /proc/1')).out).toContain('stat\n');
  });
});

describe('ps -C (procps-ng 4.0.4 select by command name)', () => {
  it('selects by comm, with a list; none found is status 1 with the header', async () => {
    const w = createWorld();
    expect((await sh(w, 'ps -C bash')).out).toBe('    PID TTY          TIME CMD\n   2045 pts/0    00:00:00 bash\n');
    const none = await sh(w, 'ps -C nosuch');
    expect([none.out, none.exitCode]).toEqual(['    PID TTY          TIME CMD\n', 1]);
    expect((await sh(w, 'ps -C sshd,cron -o pid,comm')).out).toBe('    PID COMMAND\n    598 cron\n    845 sshd\n   1987 sshd\n');
  });
});
