import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import type { World } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';
import { drive } from './pager-helpers.ts';

const FRAME = '\x1b[H\x1b[2J';

/**
 * Runs top at the terminal (24 x 80); after each frame (or prompt, or help screen) drawn, the next key of `keys` is
 * pressed. A frame ends with its last task row (or the header); a prompt with el after Caps_off; the help with its last line.
 */
async function top(w: World, line: string, keys: string[]) {
  const r = await drive(w, line, keys, 24, 80, /(\x1b\[\?12;25h\x1b\(B\x1b\[m\x1b\[K|continue \x1b\[J|'Current' \x1b\[J|\d:\d\d\.\d\d [^\n]*| COMMAND)$/);
  return { ...r, frames: r.out.split(FRAME).slice(1) };
}

const PMT = (text: string) => `\x1b[6;1H\x1b[1m${text} \x1b[?12;25h\x1b(B\x1b[m\x1b[K`;
const MSG = (text: string) => `\x1b[6;1H\x1b[7m ${text} \x1b[?25l\x1b(B\x1b[m\x1b[K`;

// procps-ng@v4.0.4:src/top/top.c keys_global (help_view, 'd'/'s' get_float, 'k'), keys_summary ('1', 'l'),
// keys_task ('i', 'u'/'U' user_certify), show_pmt, ioline, show_msg, show_special; top_nls.c's texts.
describe("top's other keys (#10)", { timeout: 60_000 }, () => {
  it('h: the help screen with its bold marks and the delay; h again the windows help; q goes back to the frames', async () => {
    const w = createWorld();
    await sh(w, 'true');
    const r = await top(w, 'top -p 1', ['h', 'h', 'q', 'q']);
    expect(r.out).toContain(`\x1b[?12;25h${FRAME}\x1b[1mHelp for Interactive Commands\x1b(B\x1b[m\x1b(B\x1b[m - procps-ng 4.0.4\x1b(B\x1b[m\x1b[K\n`);
    // "~1Delay ~33.0 secs~2;": the piece before ~3 in capclr_sum (none without colours), the next in bold.
    expect(r.out).toContain('\x1b(B\x1b[mDelay \x1b(B\x1b[m\x1b[1m3.0 secs\x1b(B\x1b[m\x1b(B\x1b[m; ');
    expect(r.out).toContain("Type 'q' or <Esc> to continue \x1b[J");
    expect(r.out).toContain(`${FRAME}\x1b[1mHelp for Windows / Field Groups\x1b(B\x1b[m`);
    expect(r.frames.at(-1)).toMatch(/^top - /);
    expect(r.exitCode).toBe(0);
  });

  it('d: "Change delay from 3.0 to", the new delay; a bad one is "Unacceptable floating point"', async () => {
    const w = createWorld();
    await sh(w, 'true');
    const r = await top(w, 'top -p 1', ['d', '-1\r', 's', '0.5\r', 'h', 'q', 'q']);
    expect(r.out).toContain(`${PMT('Change delay from 3.0 to')}-1${MSG('Unacceptable floating point')}`);
    expect(r.out).toContain(`${PMT('Change delay from 3.0 to')}0.5`);
    expect(r.out).toContain('Delay \x1b(B\x1b[m\x1b[1m0.5 secs');
  });

  it('k: the PID (default the first task shown), then the signal (default SIGTERM): the process ends', async () => {
    const w = createWorld();
    await sh(w, 'sleep 1000 &');
    const pid = (await sh(w, 'pgrep sleep')).stdout.trim();
    const r = await top(w, `top -p 1,${pid}`, ['k', `${pid}\r`, '\r', 'k', 'x\r', 'k', '\r', 'NOPE\r', 'q']);
    expect(r.out).toContain(`${PMT('PID to signal/kill [default pid = 1]')}${pid}${PMT(`Send pid ${pid} signal [15/sigterm]`)}`);
    expect(r.out).toContain(`x${MSG('Unacceptable integer')}`);
    expect(r.out).toContain(`${PMT('Send pid 1 signal [15/sigterm]')}NOPE${MSG('Invalid signal')}`);
    expect((await sh(w, `kill -0 ${pid}`)).stderr).toContain(`bash: kill: (${pid}) - No such process\n`);
  });

  it("k on a PID that is gone: \"Failed signal pid 'N' with '15': No such process\"", async () => {
    const w = createWorld();
    await sh(w, 'true');
    const r = await top(w, 'top -p 1', ['k', '4242\r', '\r', 'q']);
    expect(r.out).toContain(MSG("Failed signal pid '4242' with '15': No such process"));
  });

  it('u: "Which user (blank for all)", an unknown name is "Invalid user"; l drops the load line, 1 shows each CPU, i hides idle tasks', async () => {
    const w = createWorld();
    await sh(w, 'true');
    const r = await top(w, 'top', ['u', 'nobody1\r', 'u', 'ubuntu\r', 'u', '\r', 'l', '1', 'i', 'q']);
    expect(r.out).toContain(`${PMT('Which user (blank for all)')}nobody1${MSG('Invalid user')}`);
    const rows = (f = '') => f.split('\n').filter((l) => /^\s+\d+ /.test(l));
    expect(rows(r.frames[2]).length).toBe(0); // ubuntu has no process
    expect(rows(r.frames[3]).length).toBeGreaterThan(0);
    expect(r.frames[4]).toMatch(/^Tasks: /);
    expect(r.frames[5]).toMatch(/^Tasks: [^\n]*\n%Cpu0  :[^\n]*\n%Cpu1  :/);
    expect(rows(r.frames[6]).length).toBeLessThan(rows(r.frames[5]).length);
  });

  it('t and m: the figures, then bars, then blocks (reverse video), then off; on again', async () => {
    const w = createWorld();
    await sh(w, 'true');
    const r = await top(w, 'top -p 1', ['t', 't', 't', 't', 'm', 'm', 'm', 'm', 'q']);
    const line = (f: string | undefined, re: RegExp) => (f ?? '').split('\n').find((l) => re.test(l)) ?? '';
    expect(line(r.frames[0], /^%Cpu/)).toMatch(/^%Cpu\(s\): +[\d.]+ us, /);
    // sum_tics: "%s ~3%#5.1f~2/%-#5.1f~3 %3.0f" then sum_rx's "[…] " 53 cells wide on 80 columns (adj_geometry).
    expect(line(r.frames[1], /^%Cpu/)).toMatch(/^%Cpu\(s\): +\d+\.\d\/\d+\.\d +\d+\[\|*\s*\] $/);
    expect(line(r.frames[1], /^%Cpu/)).toHaveLength(80);
    expect(line(r.frames[2], /^%Cpu/)).toMatch(/^%Cpu\(s\): +\d+\.\d\/\d+\.\d +\d+\[/);
    expect(r.frames[3]).not.toMatch(/^(Tasks|%Cpu)/m);
    expect(r.frames[4]).toMatch(/^Tasks: /m);
    // do_memory: "%s %s:~3%#5.1f~2/%-9.9s~3%s", used and then the rest of what is not available, in MiB.
    expect(line(r.frames[5], /^MiB Mem/)).toMatch(/^MiB Mem : +\d+\.\d\/\d+\.\d +\[\|+ *\] $/);
    expect(line(r.frames[5], /^MiB Swap/)).toBe(`MiB Swap:  0.0/0.0      [${' '.repeat(53)}] `);
    expect(line(r.frames[6], /^MiB Mem/)).toMatch(/^MiB Mem : +\d+\.\d\/\d+\.\d +\[\x1b\[7m +\x1b\(B\x1b\[m/);
    expect(r.frames[7]).not.toMatch(/^MiB/m);
    expect(r.frames[8]).toMatch(/^MiB Mem : +\d+\.\d total,/m);
  });

  it('W: writes ~/.config/procps/toprc as write_rcfile does, with what was changed', async () => {
    const w = createWorld();
    await sh(w, 'true');
    const r = await top(w, 'top -p 1', ['M', 'i', 't', 'W', 'q']);
    expect(r.out).toContain(MSG("Wrote configuration to '/root/.config/procps/toprc'"));
    const rc = (await sh(w, 'cat /root/.config/procps/toprc')).stdout;
    expect(rc.split('\n').slice(0, 3)).toEqual([
      "top's Config File (Linux processes with windows)",
      'Id:k, Mode_altscr=0, Mode_irixps=1, Delay_time=3.0, Curwin=0',
      'Def\tfieldscur=  75   81  103  105  119  123  129  137  111  117  115  139   76   78   82   84   86   88   90   92 ',
    ]);
    // ORIG_TOPDEFS' DEF_WINFLGS 193844 less Show_IDLEPS ('i'), graph_cpus 1 ('t'), %MEM's sort index 21 ('M').
    expect(rc).toContain('\twinflags=193812, sortindx=21, maxtasks=0, graph_cpus=1, graph_mems=0, double_up=0, combine_cpus=0, core_types=0\n');
    expect(rc).toContain('Usr\tfieldscur=  75   77   79   81   85   97  115  111  117  137  139   82   86   88   90   92   94   98  100  102 \n');
    expect(rc.endsWith('\tsummclr=3, msgsclr=3, headclr=2, taskclr=3\nFixed_widest=0, Summ_mscale=1, Task_mscale=0, Zero_suppress=0, Tics_scaled=0\n')).toBe(
      true,
    );
    expect((await sh(w, 'stat -c %a /root/.config/procps')).stdout).toBe('700\n');
  });
});
