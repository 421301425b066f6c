import { describe, expect, it } from 'vitest';
import { lbufPrint, listing } from '../../src/sim/shell/commands/sudo-text.ts';
import { shellEscape, sudoEnv } from '../../src/sim/shell/commands/sudo-run.ts';
import { world } from './helpers.ts';

const root = { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash' };
const opts = (flags: string[] = [], keep: string[] = []) => ({ target: root, argv: [], flags: new Set(flags), keep, setVars: [], me: root });

// sudo-project/sudo@SUDO_1_9_15p5: src/parse_args.c, plugins/sudoers/env.c, display.c, lib/util/lbuf.c (#10).
describe('sudo 1.9.15p5 (Ubuntu 24.04) options', { timeout: 120_000 }, () => {
  it('lbuf folds at the last blank that fits and indents the rest; a pipe (cols 0) is not folded', () => {
    expect(lbufPrint('    aaa bbb ccc\n', 4, 30)).toBe('    aaa bbb ccc\n');
    expect(lbufPrint(`    ${'x'.repeat(20)} ${'y'.repeat(20)}\n`, 4, 30)).toBe(`    ${'x'.repeat(20)}\n    ${'y'.repeat(20)}\n`);
    expect(listing('root', ['root'], 'node1', false, 0)).toContain('    env_reset, mail_badpass, secure_path=/usr/local/sbin\\:/usr/local/bin');
    expect(listing('ubuntu', ['ubuntu', 'sudo'], 'node1', false, 80)).toMatch(/User ubuntu may run the following commands on node1:\n {4}\(ALL : ALL\) ALL\n$/);
    expect(listing('ubuntu', ['ubuntu'], 'node1', false, 80)).toBe('User ubuntu is not allowed to run sudo on node1.\n');
  });

  it('rebuild_env: env_reset keeps TERM and the like, sets secure_path, the target user and SUDO_*; -E keeps all but the unsafe', () => {
    const old = { HOME: '/home/x', TERM: 'xterm', FOO: '1', LD_PRELOAD: '/x.so', LANG: 'C.UTF-8', PATH: '/bin' };
    const e = sudoEnv(old, opts(), '/usr/bin/id');
    expect(Object.keys(e).filter((k) => !k.startsWith('__CC'))).toEqual([
      'PATH',
      'TERM',
      'LANG',
      'MAIL',
      'LOGNAME',
      'USER',
      'HOME',
      'SHELL',
      'SUDO_COMMAND',
      'SUDO_USER',
      'SUDO_UID',
      'SUDO_GID',
    ]);
    expect(e.PATH).toBe('/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin');
    const p = sudoEnv(old, opts(['E']), '/usr/bin/id');
    expect(p).toMatchObject({ HOME: '/home/x', FOO: '1' });
    expect(p.LD_PRELOAD).toBeUndefined();
    expect(sudoEnv(old, opts([], ['FOO']), '/usr/bin/id').FOO).toBe('1');
    expect(shellEscape(['echo', 'a b', '$HOME;x'])).toBe('echo a\\ b $HOME\\;x');
  });

  it('options a learner types: -i, -s, -l, -V, usage errors, a user not in sudoers', async () => {
    const w = await world([]);
    expect((await w.exec('sudo -i pwd')).stdout).toBe('/root\n');
    expect((await w.exec('sudo -s printenv SHELL SUDO_COMMAND')).stdout).toBe('/bin/bash\n/bin/bash -c printenv SHELL SUDO_COMMAND\n');
    expect((await w.exec('sudo -V')).stdout).toMatch(/^Sudo version 1\.9\.15p5\nSudoers policy plugin version 1\.9\.15p5\n/);
    const bad = await w.exec('sudo -z');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^sudo: invalid option -- 'z'\nusage: sudo -h \| -K \| -k \| -V\n/);
    expect(await w.exec('sudo -u nobody sh -c "sudo id"')).toMatchObject({ stderr: 'sudo: a password is required\n', exitCode: 1 });
    expect(await w.exec('sudo -u nobody unshare -p -f --mount-proc ps')).toMatchObject({
      stderr: 'unshare: unshare failed: Operation not permitted\n',
      exitCode: 1,
    });
  });

  it('exec: unshare -f, nsenter -p and chroot leave one process for the command; $$ of a shell is its PID in its namespace', async () => {
    const w = await world([]);
    expect((await w.exec('sudo unshare -p -f --mount-proc ps')).stdout).toBe('    PID TTY          TIME CMD\n      1 pts/0    00:00:00 ps\n');
    expect((await w.exec(`sudo unshare -p -f --mount-proc bash -c 'ps -o pid,comm; echo $$'`)).stdout).toBe('    PID COMMAND\n      1 bash\n      2 ps\n1\n');
    const names = async (line: string) =>
      (await w.exec(line)).stdout
        .split('\n')
        .slice(1, -1)
        .map((l) => l.trim().split(/\s+/).pop());
    expect(await names('chroot / ps')).toEqual(['bash', 'ps']);
    expect(await names('env ps')).toEqual(['bash', 'ps']);
    expect(await names('unshare -u ps')).toEqual(['bash', 'ps']);
    expect(await names('nsenter -t 1 -a ps')).toEqual(['bash', 'nsenter', 'ps']);
  });
});
