import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// procps-ng@v4.0.4:src/top/top.c (summary_show, do_memory, frame_make, at_eoj) and top_nls.c's formats;
// busybox@1_36_1:procps/top.c (display_header, display_cpus, display_process_list) in alpine.
describe('top (procps-ng 4.0.4, busybox 1.36.1, #10)', { timeout: 60_000 }, () => {
  it('batch mode: the five summary lines, the message row, the header and the tasks, then a last newline', async () => {
    const w = createWorld();
    const r = await sh(w, 'top -b -n 1 -p 1,812');
    expect(r.stdout).toBe(
      [
        'top - 11:45:01 up  3:32,  1 user,  load average: 0.08, 0.03, 0.01',
        'Tasks: 142 total,   1 running, 141 sleeping,   0 stopped,   0 zombie',
        '%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st ',
        'MiB Mem :  15994.1 total,  12463.8 free,   1054.5 used,   2878.9 buff/cache     ',
        'MiB Swap:      0.0 total,      0.0 free,      0.0 used.  14939.6 avail Mem ',
        '',
        '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND',
        '      1 root      20   0   22532  12928   8616 S   0.0   0.1   0:00.00 systemd',
        '    812 root      20   0 2389364  84224  56148 S   0.0   0.5   0:00.00 dockerd',
        '',
      ].join('\n'),
    );
    // The same figures as free and uptime print.
    expect((await sh(w, 'free -m')).stdout).toContain('Mem:           15994');
  });

  it('options: -o, -c, -u, -O, -V, and parse_args errors through error_exit (status 1)', async () => {
    const w = createWorld();
    expect((await sh(w, 'top -bn1 -c -o RES -w 100 | sed -n 8p')).stdout).toBe(
      '    846 root      20   0 2184600  98304  65536 S   0.0   0.6   0:00.00 /usr/bin/kubelet --bootstrap-\n',
    );
    expect((await sh(w, 'top -bn1 -u ubuntu | tail -2')).stdout).toBe('\n    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n');
    expect((await sh(w, 'top -O | head -3')).stdout).toBe('PID\nPPID\nUID\n');
    expect((await sh(w, 'top -V')).stdout).toBe('top from procps-ng 4.0.4\n');
    expect(await sh(w, 'top -bn1 -o foo')).toMatchObject({ stderr: "top: unrecognized field name 'foo'\n", exitCode: 1 });
    expect(await sh(w, 'top -bn1 -u nosuch')).toMatchObject({ stderr: 'top: Invalid user\n', exitCode: 1 });
    expect(await sh(w, 'top -bn x')).toMatchObject({ stderr: "top: bad iterations argument 'x'\n", exitCode: 1 });
    expect(await sh(w, 'top -p 1 -u root')).toMatchObject({ stderr: 'top: conflicting process selections (U/p/u)\n', exitCode: 1 });
    expect(await sh(w, 'top -x')).toMatchObject({ stderr: "top: invalid option -- 'x'\n", exitCode: 1 });
    expect((await sh(w, 'top -h')).stdout.startsWith('\nUsage:\n top [options]\n\nOptions:\n -b, --batch-mode ')).toBe(true);
  });

  it('at the terminal: frames from the home position until Ctrl-C, status 0, the cursor shown again', async () => {
    const w = createWorld(undefined, { clock: 'realtime' });
    await sh(w, 'true');
    const ac = new AbortController();
    let out = '';
    const r = await w.exec('top -p 1', {
      signal: ac.signal,
      onOutput: (c) => {
        out += c.text;
        if (out.split('\x1b[H\x1b[2J').length === 3) ac.abort();
      },
    });
    expect(out.startsWith('\x1b[?25l\x1b[H\x1b[2Jtop - ')).toBe(true);
    expect(out.endsWith('0:00.00 systemd\x1b[25;1H\x1b[?12l\x1b[?25h')).toBe(true);
    expect(r.exitCode).toBe(0);
    expect((await sh(w, 'echo $?')).stdout).toBe('0\n');
  });

  it('in containers: busybox top in alpine, none in nginx (Debian has no procps)', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name al alpine sleep 1000 >/dev/null 2>&1; docker run -d --name web nginx >/dev/null 2>&1');
    expect((await sh(w, 'docker exec al top -b -n1')).stdout).toBe(
      'Mem: 3649984K used, 12727988K free, 4096K shrd, 58960K buff, 2682712K cached\nCPU:   2% usr   0% sys   0% nic  97% idle   0% io   0% irq   0% sirq\nLoad average: 0.08 0.03 0.01 1/150 7\n  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n    7     0 root     R     4200   0%   3   0% top -b -n1\n    1     0 root     S     1612   0%   1   0% sleep 1000\n\n',
    );
    expect(await sh(w, 'docker exec web top -bn1')).toMatchObject({
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "top": executable file not found in $PATH: unknown\n',
      exitCode: 126,
    });
  });
});
