import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// util-linux@v2.39.3:sys-utils/lscpu.c print_summary (a tree with two-space branches), -e, -p; the CPU is
// /proc/cpuinfo's (kernel/machine.ts) and the count nproc's.
describe('lscpu (util-linux 2.39.3, #10)', { timeout: 60_000 }, () => {
  it('the summary, piped (no wrapping), agrees with /proc/cpuinfo and nproc', async () => {
    const w = createWorld();
    const out = (await sh(w, 'lscpu | cat')).stdout;
    expect(out.split('\n').slice(0, 9)).toEqual([
      'Architecture:             x86_64',
      '  CPU op-mode(s):         32-bit, 64-bit',
      '  Address sizes:          40 bits physical, 48 bits virtual',
      '  Byte Order:             Little Endian',
      'CPU(s):                   4',
      '  On-line CPU(s) list:    0-3',
      'Vendor ID:                GenuineIntel',
      '  BIOS Vendor ID:         QEMU',
      '  Model name:             Intel Xeon Processor (Icelake)',
    ]);
    expect(out).toContain(
      '\n  Spectre v2:             Mitigation; Enhanced / Automatic IBRS; IBPB conditional; RSB filling; PBRSB-eIBRS SW sequence; BHI SW loop, KVM SW loop\n',
    );
    expect(out).toContain('\n  L2:                     16 MiB (4 instances)\n');
    expect((await sh(w, 'grep -c processor /proc/cpuinfo; nproc')).stdout).toBe('4\n4\n');
    expect((await sh(w, 'grep -m1 "model name" /proc/cpuinfo')).stdout).toBe('model name\t: Intel Xeon Processor (Icelake)\n');
  });

  it('-e, -p, -J and a bad option', async () => {
    const w = createWorld();
    expect((await sh(w, 'lscpu -e')).stdout.split('\n').slice(0, 2)).toEqual([
      'CPU NODE SOCKET CORE L1d:L1i:L2:L3 ONLINE',
      '  0    0      0    0 0:0:0:0          yes',
    ]);
    expect((await sh(w, 'lscpu -p | tail -1')).stdout).toBe('3,3,3,0,,3,3,3,3\n');
    expect((await sh(w, 'lscpu -J | head -5')).stdout).toBe('{\n   "lscpu": [\n      {\n         "field": "Architecture:",\n         "data": "x86_64",\n');
    expect(await sh(w, 'lscpu -q')).toMatchObject({ stderr: "lscpu: invalid option -- 'q'\nTry 'lscpu --help' for more information.\n", exitCode: 1 });
  });
});
