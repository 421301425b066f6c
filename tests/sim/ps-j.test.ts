import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// procps-ng 4.0.4's job formats and forest (src/sim/shell/psforest.ts, pscolumns.ts sysvFormat).
describe('ps j, ps -j and the forest', () => {
  it('BSD j is the OL_j format: ppid,pid,pgid,sid,tname,tpgid,stat,uid,bsdtime,args (output.c macro_array)', async () => {
    const w = createWorld();
    const { out } = await sh(w, 'ps j');
    const [head, bash, ps] = out.split('\n');
    expect(head).toBe('   PPID     PID    PGID     SID TTY        TPGID STAT   UID   TIME COMMAND');
    // The shell leads its session; ps is the terminal's foreground group (TPGID, STAT +).
    expect(bash).toMatch(/^ +\d+ +(\d+) +\1 +\1 pts\/0 +(\d+) Ss +0 +0:00 -bash$/);
    const psPid = /^ +\d+ +(\d+)/.exec(ps ?? '')?.[1];
    expect(ps).toMatch(new RegExp(`^ +\\d+ +${psPid} +${psPid} +\\d+ pts/0 +${psPid} R\\+ +0 +0:00 ps j$`));
  });

  it('-j adds PGID and SID after PID (and PPID), before C (sortformat.c generate_sysv_list, FM_j)', async () => {
    const w = createWorld();
    expect((await sh(w, 'ps -j')).out.split('\n')[0]).toBe('    PID    PGID     SID TTY          TIME CMD');
    expect((await sh(w, 'ps -fj')).out.split('\n')[0]).toBe('UID          PID    PPID    PGID     SID  C STIME TTY          TIME CMD');
    expect((await sh(w, 'ps -lj')).out.split('\n')[0]).toBe('F S   UID     PID    PPID    PGID     SID  C PRI  NI ADDR SZ WCHAN  TTY          TIME CMD');
  });

  it('f draws the tree in the command column: " \\_ " for a process, "    " or " |  " for the levels above (output.c forest_helper)', async () => {
    const w = createWorld();
    await sh(w, 'sleep 100 &');
    const lines = (await sh(w, 'ps f')).out.split('\n');
    expect(lines[0]).toBe('    PID TTY      STAT   TIME COMMAND');
    expect(lines[1]).toMatch(/ Ss +0:00 -bash$/);
    expect(lines[2]).toMatch(/ S +0:00 {2}\\_ sleep 100$/);
    expect(lines[3]).toMatch(/ R\+ +0:00 {2}\\_ ps f$/);
    // ww: the whole command lines, which the terminal's 80 columns would cut (procps-ng@v4.0.4:src/ps/parser.c w_count).
    const tree = (await sh(w, 'ps axjfww')).out;
    expect(tree).toMatch(/ sshd: \/usr\/sbin\/sshd -D \[listener\] 0 of 10-100 startups\n.* {2}\\_ sshd: root@pts\/0\n.* {6}\\_ -bash\n/);
    // PID 1's children at its own level (display.c show_tree: `self_pid==1 && ADOPTED`).
    expect(tree).toMatch(/\n +1 +\d+ +\d+ +\d+ \? +-1 Ss +0 +0:00 \/usr\/lib\/systemd\/systemd-journald\n/);
    expect(tree).toMatch(/\n +0 +2 +0 +0 \? +-1 S +0 +0:00 \[kthreadd\]\n +2 +3 +0 +0 \? +-1 S +0 +0:00 {2}\\_ \[/);
  });
});
