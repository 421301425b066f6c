/**
 * Session 23: a trailing slash on a link in lookups (src/sim/shell/mountfs.ts, fs/namei.ts slashMatters;
 * commands/readlink.ts), and `exit` in an EXIT trap's action (shell/traprun.ts exitTrap, childshell.ts exitTrap).
 *
 * A name that goes on with '/' is looked up with LOOKUP_FOLLOW | LOOKUP_DIRECTORY (linux v6.8 fs/namei.c
 * lookup_last): `link/` is the directory the link names, `file/` is ENOTDIR. Every expected text below was also
 * checked on a Debian 12 machine (bash 5.2.15, coreutils 9.1), which agrees with the sources cited.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

async function links() {
  const w = createWorld();
  await sh(w, 'mkdir /tmp/s && cd /tmp/s && mkdir d && touch f && ln -s d dl && ln -s f fl && ln -s nope dang && ln -s f/ fs');
  return w;
}

describe('a trailing slash follows the last link and asks for a directory', () => {
  it('test -L/-h, [ ], [[ ]] and the other file tests (bash-5.2.21 test.c: lstat/stat of the name as spelled)', async () => {
    const w = await links();
    const r = await sh(
      w,
      'cd /tmp/s; for t in "-L dl/" "-h dl/" "-L dl" "-L fl/" "-d dl/" "-f fl/" "-e fl/" "-e dang/" "-e f/"; do test $t; echo "$t $?"; done',
    );
    expect(r.out).toBe('-L dl/ 1\n-h dl/ 1\n-L dl 0\n-L fl/ 1\n-d dl/ 0\n-f fl/ 1\n-e fl/ 1\n-e dang/ 1\n-e f/ 1\n');
    expect((await sh(w, 'cd /tmp/s; [ -h dl/ ]; echo $?; [[ -L dl/ ]]; echo $?; [[ -h fl/ ]]; echo $?; [[ -d dl/ ]]; echo $?')).out).toBe('1\n1\n1\n0\n');
  });

  it('readlink: EINVAL on the directory, ENOTDIR on the file (coreutils@v9.4:src/readlink.c, -v prints errno)', async () => {
    const w = await links();
    const r = await sh(w, 'cd /tmp/s; readlink dl/; echo $?; readlink fl/; echo $?; readlink dl; readlink -v dl/ fl/ dang/; echo $?');
    expect(r.out).toBe('1\n1\nd\nreadlink: dl/: Invalid argument\nreadlink: fl/: Not a directory\nreadlink: dang/: No such file or directory\n1\n');
  });

  it('readlink -f/-e/-m and realpath: gnulib canonicalize.c suffix_requires_dir_check, dir_check, CAN_MISSING', async () => {
    const w = await links();
    const r = await sh(
      w,
      'cd /tmp/s; readlink -f dl/; readlink -f fl/; echo $?; readlink -e fl/; echo $?; readlink -m fl/; readlink -m f/x; readlink -f f/x; echo $?; readlink -f missing/; readlink -f fs; echo $?; realpath fl/',
    );
    expect(r.out).toBe('/tmp/s/d\n1\n1\n/tmp/s/f\n/tmp/s/f/x\n1\n/tmp/s/missing\n1\nrealpath: fl/: Not a directory\n');
  });

  it('stat, ls -ld and rm see the directory (coreutils 9.4 stat.c, ls.c, remove.c "Is a directory")', async () => {
    const w = await links();
    const r = await sh(w, "cd /tmp/s; stat -c '%F %N' dl/; ls -ld fl/; rm dl/; echo $?; test -L dl && echo kept");
    expect(r.out).toBe("directory 'dl/'\nls: cannot access 'fl/': Not a directory\nrm: cannot remove 'dl/': Is a directory\n1\nkept\n");
  });

  // busybox@1_36_1:libbb/xreadlink.c: xmalloc_readlink_or_warn's "cannot read link: not a symlink"; -f's
  // xmalloc_realpath_coreutils fails without a word.
  it('alpine: ash test and busybox readlink -v and -fv', async () => {
    const w = createWorld();
    const r = await sh(
      w,
      "docker run --rm alpine sh -c 'cd /tmp; mkdir d; touch f; ln -s d dl; ln -s f fl; test -L dl/; echo $?; [ -h fl/ ]; echo $?; readlink dl/; echo $?; readlink -v dl/; readlink -v fl/; readlink -f dl/; readlink -fv /nope/x; echo $?' 2>&1 | grep -v -e Pull -e latest -e Digest -e Status",
    );
    expect(r.out).toBe('1\n1\n1\nreadlink: dl/: cannot read link: not a symlink\nreadlink: fl/: cannot read link: Not a directory\n/tmp/d\n1\n');
  });
});

describe('exit in an EXIT trap sets the status the shell leaves with (bash@bash-5.2.21:trap.c run_exit_trap)', () => {
  it('bash -c: EXITPROG → last_command_exit_value; without exit, the status before the trap', async () => {
    const w = createWorld();
    const r = await sh(
      w,
      `bash -c 'trap "echo bye; exit 3" EXIT; echo hi'; echo rc=$?; bash -c 'trap "exit 3" EXIT; exit 1'; echo rc=$?; bash -c 'trap false EXIT; true'; echo rc=$?; bash -c 'trap "(exit 9)" EXIT; exit 2'; echo rc=$?`,
    );
    expect(r.out).toBe('hi\nbye\nrc=3\nrc=3\nrc=0\nrc=2\n');
  });

  it('an interactive bash: `exit` typed, or in the middle of a line (exit.def exit_or_logout prints "exit")', async () => {
    const w = createWorld();
    await sh(w, 'bash');
    await sh(w, `trap 'echo bye; exit 3' EXIT`);
    expect((await sh(w, 'exit')).out).toBe('exit\nbye\n');
    expect((await sh(w, 'echo $?')).out).toBe('3\n');
    await sh(w, 'bash');
    await sh(w, `trap 'echo in=$?; exit 5' EXIT`);
    expect((await sh(w, 'echo a; exit 2; echo b')).out).toBe('a\nexit\nin=2\n');
    expect((await sh(w, 'echo $?')).out).toBe('5\n');
  });
});
