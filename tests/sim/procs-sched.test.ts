/**
 * Scheduling and memory columns agree across ps, top and /proc (#10): procps-ng@v4.0.4:src/ps/output.c (pr_sz
 * VM_SIZE/4, pr_rss, pr_nice, pr_opri 60+priority, pr_pri 39-priority, pr_flag (flags>>6)&7), sortformat.c
 * generate_sysv_list (-l, -ly, -F), linux@v6.8:fs/proc/array.c do_task_stat (priority, nice, processor),
 * coreutils@v9.4:src/nice.c, util-linux@v2.39.3:sys-utils/renice.c and setpriv.c.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

describe('ps long formats and the scheduling model (#10)', () => {
  it('SZ is VSZ in pages, RSS the same in ps aux, ps -F, top and /proc/PID/status', async () => {
    const w = createWorld();
    const aux = (await sh(w, "ps aux | awk '$2 == 845 {print $5, $6}'")).out.trim().split(' ').map(Number);
    const f = (await sh(w, "ps -eF | awk '$2 == 845 {print $5, $6, $7}'")).out.trim().split(' ').map(Number);
    expect(f[0]! * 4).toBe(aux[0]);
    expect(f[1]).toBe(aux[1]);
    expect(f[2]).toBe(845 % 4);
    expect((await sh(w, "grep VmRSS /proc/845/status | awk '{print $2}'")).out.trim()).toBe(String(aux[1]));
    expect((await sh(w, "top -bn1 -p 845 | awk '$1 == 845 {print $5, $6}'")).out.trim()).toBe(`${aux[0]} ${aux[1]}`);
    expect((await sh(w, "cut -d' ' -f39 /proc/845/stat")).out.trim()).toBe(String(845 % 4));
  });

  it('-l: F 4 for root daemons, 1 for kernel threads; PRI/NI of rescuers, migration and idle_inject', async () => {
    const w = createWorld();
    expect((await sh(w, 'ps -l')).out).toBe(
      'F S   UID     PID    PPID  C PRI  NI ADDR SZ WCHAN  TTY          TIME CMD\n' +
        '4 S     0    2045    1987  0  80   0 -  2199 do_wai pts/0    00:00:00 bash\n' +
        '4 R     0    2046    2045  0  80   0 -  2000 -      pts/0    00:00:00 ps\n',
    );
    expect((await sh(w, 'ps -o pid,f,ni,opri,pri,priority,rtprio,cls,stat -p 4,15,16,40,41')).out).toBe(
      '    PID F  NI PRI PRI PRI RTPRIO CLS STAT\n' +
        '      4 1 -20  60  39   0      -  TS I<\n' +
        // -100 overflows its 3 cells into the separator; RTPRIO keeps its own padding (show_one_proc's correct/actual).
        '     15 1   - -40 139 -100    99  FF S\n' +
        '     16 1   -   9  90 -51     50  FF S\n' +
        '     40 1   5  85  14  25      -  TS SN\n' +
        '     41 1  19  99   0  39      -  TS SN\n',
    );
    expect((await sh(w, "cut -d' ' -f18,19,40,41 /proc/15/stat")).out).toBe('-100 0 99 1\n');
    expect((await sh(w, "top -bn1 -p 4,15 | tail -2 | awk '{print $3, $4}'")).out).toBe('0 -20\nrt 0\n');
  });

  it('nice and renice change NI, PRI, STAT and stat fields 18-19; lowering needs CAP_SYS_NICE', async () => {
    const w = createWorld();
    await sh(w, 'nice -n 10 sleep 300 &');
    expect((await sh(w, 'ps -o ni=,stat=,wchan= -p 2046')).out).toBe(' 10 SN   hrtimer_nanosleep\n');
    expect((await sh(w, 'renice -n -3 -p 2046')).out).toBe('2046 (process ID) old priority 10, new priority -3\n');
    expect((await sh(w, "cut -d' ' -f18,19 /proc/2046/stat")).out).toBe('17 -3\n');
    const r = await sh(w, "su ubuntu -c 'renice -n 0 $$; nice -n -5 nice'");
    expect(r.out).toContain('renice: failed to set priority for');
    expect(r.out).toContain('nice: cannot set niceness: Permission denied\n');
  });

  it('setpriv runs the command with its credentials, caps and no_new_privs', async () => {
    const w = createWorld();
    expect((await sh(w, 'setpriv --reuid=1000 --regid=1000 --clear-groups --nnp sh -c "id; grep -E \'CapEff|NoNewPrivs\' /proc/self/status"')).out).toBe(
      'uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu)\nCapEff:\t0000000000000000\nNoNewPrivs:\t1\n',
    );
    // Only capabilities both permitted and inheritable are raised into the ambient set (prctl PR_CAP_AMBIENT_RAISE).
    expect((await sh(w, 'setpriv --reuid=1000 --regid=1000 --init-groups --ambient-caps=+net_raw grep CapAmb /proc/self/status')).out).toBe(
      'CapAmb:\t0000000000000000\n',
    );
    expect(await sh(w, "su ubuntu -c 'setpriv --clear-groups true'")).toMatchObject({
      out: 'setpriv: setgroups failed: Operation not permitted\n',
      exitCode: 127,
    });
  });
});
