import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';

// util-linux@v2.39.3:login-utils/su-common.c: "user %s does not exist or the user entry does not contain all
// the required fields", PAM's "Authentication failure" after "Password: ", the login environment
// (modify_environment), usage_su(); bash prints "logout" when a login shell exits.
describe('su (util-linux 2.39.3) on node1 (#10)', { timeout: 60_000 }, () => {
  it('su - ubuntu from root: no password, a login shell in the home directory with a fresh environment', async () => {
    const w = createWorld();
    expect(await w.exec('su - ubuntu')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(w.prompt()).toBe('ubuntu@node1:~$ ');
    expect((await w.exec('id -un; pwd; env | sort')).stdout).toBe(
      'ubuntu\n/home/ubuntu\nHOME=/home/ubuntu\nLOGNAME=ubuntu\nPATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games\nPWD=/home/ubuntu\nSHELL=/bin/bash\nTERM=xterm-256color\nUSER=ubuntu\n',
    );
    expect(await w.exec('su')).toMatchObject({ stderr: 'Password: \nsu: Authentication failure\n', exitCode: 1 });
    expect((await w.exec('exit')).stderr).toBe('logout\n');
    expect(w.prompt()).toBe('root@node1:~# ');
  });

  it('su -c runs one command as the user; unknown users; su without - keeps the directory', async () => {
    const w = createWorld();
    expect((await w.exec("su -c 'id -un; echo $HOME' ubuntu")).stdout).toBe('ubuntu\n/home/ubuntu\n');
    expect(await w.exec('su nosuch')).toMatchObject({
      stderr: 'su: user nosuch does not exist or the user entry does not contain all the required fields\n',
      exitCode: 1,
    });
    await w.exec('su ubuntu');
    expect(w.prompt()).toBe('ubuntu@node1:/root$ ');
    expect((await w.exec('exit')).stderr).toBe('exit\n');
    expect((await w.exec('su --help')).stdout).toMatch(/^\nUsage:\n su \[options\] \[-\] \[<user> \[<argument>\.\.\.\]\]\n/);
  });
});
