import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import type { World } from '../../src/sim/index.ts';
import { sizeToHuman } from '../../src/sim/shell/commands/lsblk.ts';

const sh = (w: World, line: string) => w.exec(line, { locale: 'en' });

describe('lsblk (util-linux 2.39.3) on node1 (#10)', { timeout: 120_000 }, () => {
  it('size_to_human_string rounds to one decimal as util-linux@v2.39.3:lib/strutils.c does', () => {
    expect(sizeToHuman(32_212_254_720)).toBe('30G');
    expect(sizeToHuman(31_025_332_224)).toBe('28.9G');
    expect(sizeToHuman(4_194_304)).toBe('4M');
    expect(sizeToHuman(111_149_056)).toBe('106M');
    expect(sizeToHuman(1023)).toBe('1023B');
    expect(sizeToHuman(1_048_064)).toBe('1023.5K');
    expect(sizeToHuman(1_073_741_823)).toBe('1024M'); // rounding overflows into dec, not into the next unit
    expect(sizeToHuman(1_073_689_395)).toBe('1023.9M'); // three digits are cut (949), then rounded 4/5
  });

  it('the default tree: libsmartcols widths, right-aligned RM/SIZE/RO, the last column unpadded, the root on sda1 as mount shows it', async () => {
    const w = createWorld();
    const r = await sh(w, 'lsblk');
    expect(r.stdout).toBe(
      'NAME    MAJ:MIN RM  SIZE RO TYPE MOUNTPOINTS\n' +
        'sda       8:0    0   30G  0 disk \n' +
        '├─sda1    8:1    0 28.9G  0 part /\n' +
        '├─sda14   8:14   0    4M  0 part \n' +
        '├─sda15   8:15   0  106M  0 part \n' +
        '└─sda16 259:0    0  913M  0 part \n',
    );
    expect((await sh(w, 'mount | grep sda1')).stdout).toBe('/dev/sda1 on / type ext4 (rw,relatime,discard,errors=remount-ro)\n');
    expect((await sh(w, 'lsblk -i -n -d')).stdout).toBe('sda    8:0    0  30G  0 disk \n');
    expect((await sh(w, 'lsblk -l -p -b -o NAME,SIZE')).stdout).toBe(
      'NAME              SIZE\n/dev/sda   32212254720\n/dev/sda1  31025332224\n/dev/sda14     4194304\n/dev/sda15   111149056\n/dev/sda16   957349888\n',
    );
  });

  it('-f: FSAVAIL and FSUSE% from the same statfs as df', async () => {
    const w = createWorld();
    const f = (await sh(w, 'lsblk -f')).stdout.split('\n');
    expect(f[0]).toBe('NAME    FSTYPE FSVER LABEL           UUID                                 FSAVAIL FSUSE% MOUNTPOINTS');
    const avail = Number((await sh(w, 'df -B1 --output=avail /')).stdout.split('\n')[1]);
    const size = Number((await sh(w, 'df -B1 --output=size /')).stdout.split('\n')[1]);
    expect(f[2]).toBe(`├─sda1  ext4   1.0   cloudimg-rootfs 8d3c2a5d-9b1e-4f6a-a2c1-5e0f7b3d9c41 ${sizeToHuman(avail).padStart(7)} ${'16%'.padStart(6)} /`);
    expect((await sh(w, 'lsblk -b -o FSAVAIL,FSSIZE /dev/sda1')).stdout).toBe(
      `    FSAVAIL      FSSIZE\n${String(avail).padStart(11)} ${String(size).padStart(11)}\n`,
    );
  });

  it('device arguments, bad input and status codes as lsblk.c sets them', async () => {
    const w = createWorld();
    expect((await sh(w, 'lsblk /dev/sda1')).stdout).toBe('NAME MAJ:MIN RM  SIZE RO TYPE MOUNTPOINTS\nsda1   8:1    0 28.9G  0 part /\n');
    const some = await sh(w, 'lsblk /dev/sda1 /dev/sdb');
    expect(some.stderr).toBe('lsblk: /dev/sdb: not a block device\n');
    expect(some.exitCode).toBe(64); // LSBLK_EXIT_SOMEOK
    const none = await sh(w, 'lsblk sda');
    expect([none.stdout, none.stderr, none.exitCode]).toEqual(['', 'lsblk: sda: not a block device\n', 32]); // LSBLK_EXIT_ALLFAILED
    expect(await sh(w, 'lsblk -o NAME,BOGUS')).toMatchObject({ stderr: 'lsblk: unknown column: BOGUS\n', exitCode: 1 });
    expect(await sh(w, 'lsblk -q')).toMatchObject({ stderr: "lsblk: invalid option -- 'q'\nTry 'lsblk --help' for more information.\n", exitCode: 1 });
    expect((await sh(w, 'lsblk -V')).stdout).toBe('lsblk from util-linux 2.39.3\n');
    const help = (await sh(w, 'lsblk --help')).stdout;
    expect(help).toContain(
      '\n -h, --help           display this help\n -V, --version        display version\n\nAvailable output columns:\n    ALIGNMENT  alignment offset\n',
    );
    expect(help.endsWith('  MOUNTPOINTS  all locations where device is mounted\n\nFor more details see lsblk(8).\n')).toBe(false);
    expect(help.endsWith('    ZONE-AMAX  maximum number of active zones\n\nFor more details see lsblk(8).\n')).toBe(true);
  });
});
