import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

// dd as coreutils 9.4 prints it on node1 (coreutils@v9.4:src/dd.c print_stats, print_xfer_stats with
// gnulib's human_readable; errors from scanargs and main) and as busybox 1.36.1 prints it in alpine
// (busybox@1_36_1:coreutils/dd.c dd_output_status, libbb/human_readable.c, libbb/xatonum_template.c).
// Times come from the simulator's model of the machine, so they are the same on every run.
describe('dd (#10)', () => {
  it('copies count= blocks of /dev/zero into a file, with the report in SI and IEC units', async () => {
    const w = createWorld();
    const r = await sh(w, 'dd if=/dev/zero of=/tmp/big bs=1M count=3');
    expect(r.stderr).toBe('3+0 records in\n3+0 records out\n3145728 bytes (3.1 MB, 3.0 MiB) copied, 0.00107959 s, 2.9 GB/s\n');
    expect(r.exitCode).toBe(0);
    expect((await sh(w, 'wc -c < /tmp/big')).stdout).toBe('3145728\n');
    // Under 1000 bytes there is no prefix: "N bytes copied" (abbreviation_lacks_prefix); one byte is singular.
    expect((await sh(w, 'dd if=/dev/zero of=/dev/null count=1')).stderr).toBe('1+0 records in\n1+0 records out\n512 bytes copied, 4.0515e-05 s, 12.6 MB/s\n');
    expect((await sh(w, 'dd if=/dev/zero of=/dev/null bs=1 count=1')).stderr).toBe('1+0 records in\n1+0 records out\n1 byte copied, 4.05e-05 s, 24.7 kB/s\n');
    // 1000 to 1023 bytes: an SI prefix but no IEC one.
    expect((await sh(w, 'dd if=/dev/zero of=/dev/null bs=1000 count=1')).stderr).toBe(
      '1+0 records in\n1+0 records out\n1000 bytes (1.0 kB) copied, 4.053e-05 s, 24.7 MB/s\n',
    );
  });

  it('reads standard input in partial records, gathers them into obs blocks, and converts', async () => {
    const w = createWorld();
    const r = await sh(w, 'echo hello | dd');
    expect(r.stdout).toBe('hello\n');
    expect(r.stderr).toBe('0+1 records in\n0+1 records out\n6 bytes copied, 4.0502e-05 s, 148 kB/s\n');
    expect((await sh(w, 'echo hello | dd conv=ucase status=none')).stdout).toBe('HELLO\n');
    expect((await sh(w, 'printf abcdefgh | dd ibs=3 obs=2 status=noxfer')).stderr).toBe('2+1 records in\n4+0 records out\n');
    expect((await sh(w, 'printf abcdefgh | dd bs=3 status=noxfer')).stderr).toBe('2+1 records in\n2+1 records out\n');
    expect((await sh(w, 'printf abc | dd bs=2 conv=sync status=none | wc -c')).stdout).toBe('4\n');
  });

  it('seeks, skips, keeps the rest with conv=notrunc, and sizes with suffixes and x', async () => {
    const w = createWorld();
    const r = await sh(
      w,
      'printf abc > f; dd if=f of=g status=none; dd if=f of=g seek=1 bs=1 status=none; cat g; echo; printf XY | dd of=g conv=notrunc status=none; cat g; echo; dd if=f skip=1 bs=1 status=none; echo',
    );
    expect(r.stdout).toBe('aabc\nXYbc\nbc\n');
    expect((await sh(w, 'dd if=/dev/zero bs=2x512 count=1 status=none | wc -c')).stdout).toBe('1024\n');
    expect((await sh(w, 'dd if=/dev/zero bs=1kB count=1 status=none | wc -c')).stdout).toBe('1000\n');
    expect((await sh(w, 'dd if=/dev/zero bs=1K count=2 status=none | wc -c')).stdout).toBe('2048\n');
    expect((await sh(w, 'dd if=/dev/zero bs=1M count=100B status=none | wc -c')).stdout).toBe('100\n');
    expect((await sh(w, 'dd if=f skip=5 bs=1')).stderr).toBe(
      'dd: f: cannot skip to specified offset\n0+0 records in\n0+0 records out\n0 bytes copied, 4e-05 s, 0.0 kB/s\n',
    );
  });

  it('errors as coreutils words them, with ‘’ quotes in the host UTF-8 locale and exit 1', async () => {
    const w = createWorld();
    const cases: [string, string][] = [
      ['dd if=nope', 'dd: failed to open ‘nope’: No such file or directory\n'],
      ['dd bs=1X', 'dd: invalid number: ‘1X’\n'],
      // Q (quetta) is a valid suffix in 9.4, and 1Q overflows intmax_t (EOVERFLOW).
      ['dd bs=1Q', 'dd: invalid number: ‘1Q’: Value too large for defined data type\n'],
      ['dd bs=0', 'dd: invalid number: ‘0’\n'],
      ['dd foo', "dd: unrecognized operand ‘foo’\nTry 'dd --help' for more information.\n"],
      ['dd foo=1', "dd: unrecognized operand ‘foo=1’\nTry 'dd --help' for more information.\n"],
      ['dd conv=bogus', "dd: invalid conversion: ‘bogus’\nTry 'dd --help' for more information.\n"],
      ['dd iflag=cio', "dd: invalid input flag: ‘cio’\nTry 'dd --help' for more information.\n"],
      ['dd status=loud', "dd: invalid status level: ‘loud’\nTry 'dd --help' for more information.\n"],
      ['dd conv=lcase,ucase', 'dd: cannot combine lcase and ucase\n'],
      ['dd of=/tmp', 'dd: failed to open ‘/tmp’: Is a directory\n'],
      ['dd of=/nope/x', 'dd: failed to open ‘/nope/x’: No such file or directory\n'],
      // O_BINARY is 0 on Linux, so parse_symbols does not match it.
      ['dd iflag=binary', "dd: invalid input flag: ‘binary’\nTry 'dd --help' for more information.\n"],
      // parse_gnu_standard_options_only: getopt's own wording, ASCII quotes.
      ['dd -x', "dd: invalid option -- 'x'\nTry 'dd --help' for more information.\n"],
      ['dd --foo', "dd: unrecognized option '--foo'\nTry 'dd --help' for more information.\n"],
    ];
    for (const [line, err] of cases) {
      const r = await sh(w, line);
      expect(r.stderr, line).toBe(err);
      expect(r.exitCode, line).toBe(1);
    }
  });

  it('--help and --version as coreutils 9.4 prints them', async () => {
    const w = createWorld();
    const help = await sh(w, 'dd --help');
    expect(help.stdout.startsWith('Usage: dd [OPERAND]...\n  or:  dd OPTION\nCopy a file, converting and formatting according to the operands.\n')).toBe(true);
    expect(help.stdout).toContain('\n  nofollow  do not follow symlinks\n\nSending a USR1 signal');
    expect(
      help.stdout.endsWith("Full documentation <https://www.gnu.org/software/coreutils/dd>\nor available locally via: info '(coreutils) dd invocation'\n"),
    ).toBe(true);
    expect((await sh(w, 'dd --version | head -1')).stdout).toBe('dd (GNU coreutils) 9.4\n');
  });

  it('fails on /dev/full after one record, as write_full returns ENOSPC', async () => {
    const w = createWorld();
    const r = await sh(w, 'dd if=/dev/zero of=/dev/full');
    expect(r.stderr).toBe('dd: error writing ‘/dev/full’: No space left on device\n1+0 records in\n0+0 records out\n0 bytes copied, 4.05e-05 s, 0.0 kB/s\n');
    expect(r.exitCode).toBe(1);
  });

  it('runs from an endless device until stopped, then reports what it copied (130); dies of SIGPIPE into head', async () => {
    const w = createWorld();
    const r = await sh(w, 'dd if=/dev/zero of=/dev/null');
    expect(r.stderr).toBe('116423393+0 records in\n116423393+0 records out\n59608777216 bytes (60 GB, 56 GiB) copied, 60 s, 994 MB/s\n');
    expect(r.exitCode).toBe(130);
    const p = await sh(w, 'dd if=/dev/zero | head -c 5 | wc -c; echo ${PIPESTATUS[@]}');
    expect(p.stdout).toBe('5\n141 0 0\n');
    // A copy too big for one line stops it with the simulator's note, never runs out of memory.
    const big = await w.exec('dd if=/dev/zero of=/tmp/huge bs=1M count=100');
    expect(big.exitCode).toBe(130);
    expect(big.stopped?.limit).toBe('work');
  });

  it('status=progress prints a line a second from \\r before the report', async () => {
    const w = createWorld();
    const r = await sh(w, 'dd if=/dev/urandom of=/dev/null bs=1M count=1024 status=progress');
    expect(r.stderr).toBe(
      '\r399917762 bytes (400 MB, 381 MiB) copied, 1 s, 400 MB/s\r799835525 bytes (800 MB, 763 MiB) copied, 2 s, 400 MB/s\n1024+0 records in\n1024+0 records out\n1073741824 bytes (1.1 GB, 1.0 GiB) copied, 2.68491 s, 400 MB/s\n',
    );
  });

  it('busybox dd in alpine: its report, its errors, its usage', async () => {
    const w = await world(['alpine']);
    const run = (cmd: string) => sh(w, `docker run --rm alpine ${cmd}`);
    expect((await run('dd if=/dev/zero of=/tmp/x bs=1M count=2')).stderr).toBe(
      '2+0 records in\n2+0 records out\n2097152 bytes (2.0MB) copied, 0.000733 seconds, 2.7GB/s\n',
    );
    expect((await run('sh -c "echo hi | dd"')).stdout).toBe('hi\n');
    expect((await run('sh -c "echo hi | dd"')).stderr).toBe('0+1 records in\n0+1 records out\n3 bytes (3B) copied, 0.000041 seconds, 71.5KB/s\n');
    const cases: [string, string][] = [
      ['dd if=/nope', "dd: can't open '/nope': No such file or directory\n"],
      ['dd bs=0', 'dd: number 0 is not in 1..9223372036854775807 range\n'],
      ['dd bs=1Q', "dd: invalid number '1Q'\n"],
      ['dd status=progress', "dd: invalid argument 'progress' to 'status'\n"],
      ['dd conv=ucase', "dd: invalid argument 'ucase' to 'conv'\n"],
      [
        'dd if=/dev/zero of=/dev/full count=1',
        "dd: error writing '/dev/full': No space left on device\n1+0 records in\n0+0 records out\n0 bytes (0B) copied, 0.000041 seconds, 0B/s\n",
      ],
    ];
    for (const [cmd, err] of cases) {
      const r = await run(cmd);
      expect(r.stderr, cmd).toBe(err);
      expect(r.exitCode, cmd).toBe(1);
    }
    const usage = await run('dd foo=1');
    expect(usage.stderr).toMatch(
      /^BusyBox v1\.36\.1 \(2024-06-10 07:11:47 UTC\) multi-call binary\.\n\nUsage: dd \[if=FILE\] \[of=FILE\] \[ibs=N obs=N\/bs=N\] \[count=N\] \[skip=N\] \[seek=N\]\n/,
    );
    expect(usage.stderr.endsWith('\nN may be suffixed by c (1), w (2), b (512), kB (1000), k (1024), MB, M, GB, G\n')).toBe(true);
  });
});

describe('head -c N of an endless device (#10)', () => {
  it("gets N bytes, with the tools' suffixes, within a string of the line", async () => {
    const w = createWorld();
    expect((await sh(w, 'head -c 1234567 /dev/zero | wc -c')).stdout).toBe('1234567\n');
    expect((await sh(w, 'head -c 1234567 /dev/urandom | wc -c')).stdout).toBe('1234567\n');
    expect((await sh(w, 'head -c 70000 /dev/zero > f; wc -c < f')).stdout).toBe('70000\n');
    expect((await sh(w, 'head -c 2M /dev/zero | wc -c')).stdout).toBe('2097152\n');
    expect((await sh(w, 'head -c 1kB /dev/zero | wc -c')).stdout).toBe('1000\n');
    expect((await sh(w, 'head -c 5X /dev/zero')).stderr).toBe('head: invalid number of bytes: ‘5X’\n');
    // Past uintmax_t: gnulib's xnumtoumax adds EOVERFLOW's text.
    expect((await sh(w, 'head -c 10Q /dev/zero')).stderr).toBe('head: invalid number of bytes: ‘10Q’: Value too large for defined data type\n');
    // od -N asks the device for its bytes too (od.c's -N limits the read).
    expect((await sh(w, 'od -N 100000 /dev/zero | tail -2')).stdout).toBe('*\n0303240\n');
    // Through a pipe: cat keeps writing while head reads.
    expect((await sh(w, 'cat /dev/urandom | head -c 100000 | wc -c')).stdout).toBe('100000\n');
    const big = await w.exec('head -c 50M /dev/urandom > f');
    expect(big.exitCode).toBe(130);
    expect(big.stopped?.limit).toBe('work');
    // More than 1 MiB at the terminal: the output limit, as before.
    expect((await w.exec('head -c 1234567 /dev/zero')).stopped?.limit).toBe('output');
  });

  it('busybox head takes b, k, m and says invalid number', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'docker run --rm alpine sh -c "head -c 2m /dev/zero | wc -c"')).stdout).toBe('2097152\n');
    expect((await sh(w, 'docker run --rm alpine head -c 2M /dev/zero')).stderr).toBe("head: invalid number '2M'\n");
  });
});
