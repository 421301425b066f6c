import { describe, expect, it } from 'vitest';
import { HUMAN, bbHumanReadable, humanReadable } from '../../src/sim/shell/kit/human.ts';
import { sh, world } from './helpers.ts';

// df and stat -f read the same mount table as `mount` and /proc/mounts (src/sim/shell/fsstat.ts).
// Formats: coreutils@v9.4:src/df.c (get_header, print_table: widths from field_data, one space
// between columns, Use% rounded up), busybox@1_36_1:coreutils/df.c ("%-20s" source, " %9s" numbers,
// Use% rounded to nearest, no de-duplication), coreutils@v9.4:src/stat.c and
// busybox@1_36_1:coreutils/stat.c default file-system formats.

describe('human-readable sizes', () => {
  it('gnulib human_readable as df -h calls it (autoscale, SI letters, base 1024, rounding up)', () => {
    const h = HUMAN.autoscale | HUMAN.SI | HUMAN.base1024;
    expect(humanReadable(7574544, h, 4096, 1)).toBe('29G');
    expect(humanReadable(271, h, 4096, 1)).toBe('1.1M');
    expect(humanReadable(409448, h, 4096, 1)).toBe('1.6G');
    expect(humanReadable(16384, h, 4096, 1)).toBe('64M');
    expect(humanReadable(0, h, 4096, 1)).toBe('0');
    expect(humanReadable(1023, h, 1, 1)).toBe('1023');
    expect(humanReadable(1024 * 1024 - 1, h, 1, 1)).toBe('1.0M');
    expect(humanReadable(7574544, HUMAN.autoscale | HUMAN.SI, 4096, 1)).toBe('32G');
    expect(humanReadable(1500, HUMAN.autoscale | HUMAN.SI, 1, 1)).toBe('1.5k');
    expect(humanReadable(7574544, 0, 4096, 1024)).toBe('30298176');
    expect(humanReadable(271, 0, 4096, 1048576)).toBe('2');
  });

  it('busybox make_human_readable_str: one decimal once scaled', () => {
    expect(bbHumanReadable(7574544, 4096, 0)).toBe('28.9G');
    expect(bbHumanReadable(16384, 4096, 0)).toBe('64.0M');
    expect(bbHumanReadable(0, 4096, 0)).toBe('0');
    expect(bbHumanReadable(7574544, 4096, 1024)).toBe('30298176');
  });
});

describe('df and stat -f on node1 and in containers (#10)', { timeout: 120_000 }, () => {
  it('node1: coreutils df, -h, -T, -a, a file, errors', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'df')).stdout).toBe(
      'Filesystem     1K-blocks    Used Available Use% Mounted on\n' +
        '/dev/sda1       30298176 4858060  23925208  17% /\n' +
        'tmpfs            1637792    1084   1636708   1% /run\n',
    );
    expect((await sh(w, 'df -hT')).stdout).toBe(
      'Filesystem     Type   Size  Used Avail Use% Mounted on\n' +
        '/dev/sda1      ext4    29G  4.7G   23G  17% /\n' +
        'tmpfs          tmpfs  1.6G  1.1M  1.6G   1% /run\n',
    );
    // -a adds the 0-block pseudo file systems, Use% "-" (df.c PCENT_FIELD with nothing known).
    expect((await sh(w, 'df -a')).stdout.split('\n')[2]).toBe('proc                   0       0         0    - /proc');
    expect((await sh(w, 'df /etc')).stdout).toBe(
      'Filesystem     1K-blocks    Used Available Use% Mounted on\n/dev/sda1       30298176 4858060  23925208  17% /\n',
    );
    const missing = await sh(w, 'df /nope');
    expect([missing.stdout, missing.stderr, missing.exitCode]).toEqual(['', 'df: /nope: No such file or directory\n', 1]);
    // getopt_long's wording, then df's usage hint (coreutils@v9.4:src/df.c usage (EXIT_FAILURE)).
    expect((await sh(w, 'df -z')).stderr).toBe("df: invalid option -- 'z'\nTry 'df --help' for more information.\n");
    expect((await sh(w, 'df -x tmpfs -x ext4')).stderr).toBe('df: no file systems processed\n');
  });

  it('a running container adds its overlay at the merged dir on the host, with the disk it lives on', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name al alpine sleep 1000');
    const lines = (await sh(w, 'df')).stdout.split('\n');
    expect(lines[3]).toMatch(/^overlay         30298176 4858060  23925208  17% \/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/merged$/);
    const merged = (await sh(w, "docker inspect -f '{{.GraphDriver.Data.MergedDir}}' al")).stdout.trim();
    expect(lines[3]?.endsWith(merged)).toBe(true);
  });

  it('alpine: busybox df lists every mount of /proc/mounts with blocks, -h with one decimal', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name al alpine sleep 1000');
    expect((await sh(w, 'docker exec al df')).stdout).toBe(
      'Filesystem           1K-blocks      Used Available Use% Mounted on\n' +
        'overlay               30298176   4858060  23925208  17% /\n' +
        'tmpfs                    65536         0     65536   0% /dev\n' +
        'shm                      65536         0     65536   0% /dev/shm\n' +
        '/dev/sda1             30298176   4858060  23925208  17% /etc/resolv.conf\n' +
        '/dev/sda1             30298176   4858060  23925208  17% /etc/hostname\n' +
        '/dev/sda1             30298176   4858060  23925208  17% /etc/hosts\n',
    );
    expect((await sh(w, 'docker exec al df -hT /dev/shm')).stdout).toBe(
      'Filesystem           Type            Size      Used Available Use% Mounted on\n' +
        'shm                  tmpfs          64.0M         0     64.0M   0% /dev/shm\n',
    );
    const bad = await sh(w, 'docker exec al df /nope');
    expect([bad.stderr, bad.exitCode]).toEqual(["df: /nope: can't find mount point\n", 1]);
    // busybox stat -f: no "Fundamental block size", and no name for overlayfs's magic.
    expect((await sh(w, 'docker exec al stat -f /dev/shm')).stdout).toBe(
      '  File: "/dev/shm"\n    ID: 0        Namelen: 255     Type: tmpfs\nBlock size: 4096      \n' +
        'Blocks: Total: 16384      Free: 16384      Available: 16384\nInodes: Total: 2047246    Free: 2047245\n',
    );
    expect((await sh(w, 'docker exec al stat -f -c %T /')).stdout).toBe('UNKNOWN\n');
  });

  it('debian: coreutils df keeps one /dev/sda1 bind mount, the one nearest the root (filter_mount_list)', async () => {
    const w = await world(['debian']);
    await sh(w, 'docker run -d --name deb debian sleep 1000');
    expect((await sh(w, 'docker exec deb df -h')).stdout).toBe(
      'Filesystem      Size  Used Avail Use% Mounted on\n' +
        'overlay          29G  4.8G   23G  18% /\n' +
        'tmpfs            64M     0   64M   0% /dev\n' +
        'shm              64M     0   64M   0% /dev/shm\n' +
        '/dev/sda1        29G  4.8G   23G  18% /etc/hosts\n',
    );
    expect((await sh(w, 'docker exec deb stat -f -c "%n %T %l" / /etc/hosts /proc /sys/fs/cgroup')).stdout).toBe(
      '/ overlayfs 255\n/etc/hosts ext2/ext3 255\n/proc proc 255\n/sys/fs/cgroup cgroup2fs 255\n',
    );
    const bad = await sh(w, 'docker exec deb stat -f /nope');
    expect([bad.stderr, bad.exitCode]).toEqual(["stat: cannot read file system information for '/nope': No such file or directory\n", 1]);
  });

  it('node1: stat -f in coreutils format, terse and custom', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'stat -f /')).stdout).toBe(
      '  File: "/"\n    ID: 8d3c2a5d9b1e04f6 Namelen: 255     Type: ext2/ext3\n' +
        'Block size: 4096       Fundamental block size: 4096\n' +
        'Blocks: Total: 7574544    Free: 6360029    Available: 5981302\n' +
        'Inodes: Total: 1896960    Free: 1725178\n',
    );
    expect((await sh(w, 'stat -f -t /run')).stdout).toBe('/run 0 255 1021994 4096 4096 409448 409177 409177 2047246 2046434\n');
    expect((await sh(w, 'stat -f /nope')).stderr).toBe('stat: cannot read file system information for ‘/nope’: No such file or directory\n');
  });
});

describe('df block sizes (#10)', { timeout: 120_000 }, () => {
  it('-B and --block-size as gnulib humblock reads them, busybox -B with kmg_i_suffixes', async () => {
    const w = await world(['alpine']);
    // get_header picks the base that states the size exactly; values carry the unit letter.
    expect((await sh(w, 'df -BM /')).stdout).toBe(
      'Filesystem     1M-blocks  Used Available Use% Mounted on\n/dev/sda1         29589M 4745M    23365M  17% /\n',
    );
    expect((await sh(w, 'df -BMB /')).stdout).toBe(
      'Filesystem     1MB-blocks   Used Available Use% Mounted on\n/dev/sda1         31026MB 4975MB   24500MB  17% /\n',
    );
    expect((await sh(w, 'df -B 1000 /')).stdout.split('\n')[0]).toBe('Filesystem     1kB-blocks    Used Available Use% Mounted on');
    expect((await sh(w, 'df -kP /')).stdout.split('\n')[0]).toBe('Filesystem     1024-blocks    Used Available Capacity Mounted on');
    expect((await sh(w, 'df -Bx')).stderr).toBe("df: invalid --block-size argument 'x'\n");
    expect((await sh(w, 'docker run --rm alpine df -B 1M /')).stdout).toBe(
      'Filesystem           1M-blocks      Used Available Use% Mounted on\noverlay                  29588      4744     23364  17% /\n',
    );
    expect((await sh(w, 'docker run --rm alpine df -B 1Q /')).stderr).toBe("df: invalid number '1Q'\n");
    expect((await sh(w, 'df --help')).stdout.split('\n')[0]).toBe('Usage: df [OPTION]... [FILE]...');
  });
});
