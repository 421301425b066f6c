import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import type { World } from '../../src/sim/index.ts';

async function sh(w: World, line: string) {
  return w.exec(line, { locale: 'en' });
}

// procps-ng@v4.0.4:src/vmstat.c new_header() and new_format()'s formats.
const HEAD =
  'procs -----------memory---------- ---swap-- -----io---- -system-- -------cpu-------\n r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st gu\n';

describe('vmstat (procps-ng 4.0.4) on node1 (#10)', { timeout: 120_000 }, () => {
  it('agrees with /proc/meminfo and free: free, buff and cache are MemFree, Buffers and Cached + SReclaimable', async () => {
    const w = createWorld();
    const meminfo = (await sh(w, 'cat /proc/meminfo')).stdout;
    const kb = (k: string) => Number(new RegExp(`^${k.replace(/[()]/g, '\\$&')}:\\s+(\\d+) kB$`, 'm').exec(meminfo)?.[1]);
    // linux@v6.8:fs/proc/meminfo.c: 55 fields on an x86_64 Ubuntu kernel, MemTotal first, DirectMap1G last.
    expect(meminfo.split('\n')[0]).toBe('MemTotal:       16377972 kB');
    expect(meminfo.split('\n')).toHaveLength(56);
    expect(meminfo).toContain('\nHardwareCorrupted:     0 kB\nAnonHugePages:         0 kB\n');
    expect(meminfo).toContain('\nHugePages_Total:       0\nHugePages_Free:        0\n');
    const v = (await sh(w, 'vmstat')).stdout;
    expect(v.startsWith(HEAD)).toBe(true);
    const cols = v.split('\n')[2]!.trim().split(/\s+/).map(Number);
    expect(cols[3]).toBe(kb('MemFree'));
    expect(cols[4]).toBe(kb('Buffers'));
    expect(cols[5]).toBe(kb('Cached') + kb('SReclaimable'));
    // free: used = MemTotal - MemAvailable (procps-ng@v4.0.4:library/meminfo.c).
    const mem = (await sh(w, 'free')).stdout.split('\n')[1]!.split(/\s+/).slice(1).map(Number);
    expect(mem).toEqual([
      kb('MemTotal'),
      kb('MemTotal') - kb('MemAvailable'),
      kb('MemFree'),
      kb('Shmem'),
      kb('Buffers') + kb('Cached') + kb('SReclaimable'),
      kb('MemAvailable'),
    ]);
  });

  it('prints the averages since boot, then DELAY-second rates in simulated time; a busy program shows in r and us', async () => {
    const w = createWorld();
    expect((await sh(w, 'vmstat')).stdout).toBe(`${HEAD} 1  0      0 12762888  58960 2889076    0    0    65    14  180    0  1  1 98  0  0  0\n`);
    const t0 = (await sh(w, 'date +%s')).stdout;
    const r = await sh(w, 'vmstat 1 3');
    expect(r.stdout.split('\n').slice(3, 5)).toEqual([
      ' 1  0      0 12762888  58960 2889076    0    0     1    11  180  320  1  1 98  0  0  0',
      ' 1  0      0 12762888  58960 2889076    0    0     2    11  180  320  2  1 97  0  0  0',
    ]);
    // Two seconds of the simulated clock passed, as over `sleep 2` (each typed line also takes its second).
    const t1 = (await sh(w, 'date +%s')).stdout;
    await sh(w, 'sleep 2');
    expect(Number((await sh(w, 'date +%s')).stdout) - Number(t1)).toBe(Number(t1) - Number(t0));
    await sh(w, 'yes > /dev/null &');
    const busy = (await sh(w, 'vmstat -n 2 2')).stdout.split('\n');
    // One of four CPUs busy: a quarter of the ticks are user time; two runnable tasks (yes and vmstat).
    expect(busy[3]).toMatch(/^ 2  0 +0 +\d+ +58960 +2889076 +0 +0 +\d +11 +430 +420 26  1 73  0  0  0$/);
  });

  it('-s, -f, -w, -a, -t and -S as vmstat.c prints them', async () => {
    const w = createWorld();
    const s = (await sh(w, 'vmstat -s')).stdout.split('\n');
    expect(s.slice(0, 2)).toEqual(['     16377972 K total memory', '      1079772 K used memory']);
    expect(s[7]).toBe('            0 K total swap');
    expect(s[10]).toMatch(/^ +\d+ non-nice user cpu ticks$/);
    expect(s[26]).toBe('   1726474351 boot time');
    expect(s[27]).toMatch(/^ +\d+ forks$/);
    expect((await sh(w, 'vmstat -S M -s')).stdout.split('\n')[0]).toBe('        15994 M total memory');
    expect((await sh(w, 'vmstat -f')).stdout).toMatch(/^ {9}\d{4} forks\n$/);
    expect((await sh(w, 'vmstat -w')).stdout.split('\n')[1]).toBe(
      '   r    b         swpd         free         buff        cache   si   so    bi    bo   in   cs  us  sy  id  wa  st  gu',
    );
    const at = (await sh(w, 'vmstat -a -t')).stdout.split('\n');
    expect(at[0]).toBe('procs -----------memory---------- ---swap-- -----io---- -system-- -------cpu------- -----timestamp-----');
    expect(at[1]).toBe(' r  b   swpd   free  inact active   si   so    bi    bo   in   cs us sy id wa st gu                 UTC');
    expect(at[2]).toMatch(/ 2024-09-16 11:45:\d\d$/);
    expect((await sh(w, 'vmstat -y 1 2')).stdout.split('\n')).toHaveLength(5);
  });

  it('bad input: procps-ng 4.0.4 wording and status 1', async () => {
    const w = createWorld();
    expect((await sh(w, 'vmstat 0')).stderr).toBe('vmstat: delay must be positive integer\n');
    expect((await sh(w, 'vmstat x')).stderr).toBe("vmstat: failed to parse argument: 'x'\n");
    expect((await sh(w, 'vmstat 1 x')).stderr).toBe("vmstat: failed to parse argument: 'x'\n");
    expect((await sh(w, 'vmstat -S g')).stderr).toBe('vmstat: -S requires k, K, m or M (default is KiB)\n');
    const bad = await sh(w, 'vmstat -z');
    expect(bad.stderr.startsWith("vmstat: invalid option -- 'z'\n\nUsage:\n vmstat [options] [delay [count]]\n")).toBe(true);
    expect(bad.exitCode).toBe(1);
    expect((await sh(w, 'vmstat 1 2 3')).stderr.startsWith('\nUsage:\n')).toBe(true);
    expect((await sh(w, 'vmstat --help')).stdout.endsWith('\nFor more details see vmstat(8).\n')).toBe(true);
    expect((await sh(w, 'vmstat -V')).stdout).toBe('vmstat from procps-ng 4.0.4\n');
    expect((await sh(w, 'which vmstat')).stdout).toBe('/usr/bin/vmstat\n');
  });

  it('vmstat DELAY without a count runs until Ctrl-C (in virtual mode, until the time bound)', async () => {
    const w = createWorld();
    const r = await sh(w, 'vmstat 5');
    expect(r.exitCode).toBe(130);
    // The header, the first line, 12 five-second lines in the 60 s bound, no repeated header before the 21st line.
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2 + 1 + 12);
    expect(r.notes?.length).toBeGreaterThan(0);
  });

  it('alpine has no vmstat applet', async () => {
    const w = createWorld();
    const r = await sh(w, 'docker run --rm alpine vmstat');
    expect(r.stderr).toContain('exec: "vmstat": executable file not found in $PATH');
  });
});
