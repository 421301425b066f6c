import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

// Shell and process semantics on node1: bash 5.2 as the login shell, dash as /bin/sh (Ubuntu 24.04),
// busybox ash in alpine. Expected texts quote the sources named beside each block.
describe('the environment a child gets', () => {
  it('exports a NAME=VALUE word before a command to that command (bash: tempenv, execute_cmd.c)', async () => {
    const w = createWorld();
    expect((await sh(w, 'FOO=1 sh -c env | grep FOO')).out).toBe('FOO=1\n');
    // SHLVL: the login bash exports it (bash@bash-5.2.21:variables.c adjust_shell_level, set_auto_export); dash keeps it.
    expect((await sh(w, 'FOO=1 sh -c env')).out.split('\n').sort().join(' ')).toBe(
      ' FOO=1 HOME=/root LOGNAME=root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PWD=/root SHELL=/bin/bash SHLVL=1 TERM=xterm-256color USER=root',
    );
    expect(await sh(w, "FOO=1 bash -c 'echo $FOO'")).toMatchObject({ out: '1\n', exitCode: 0 });
    expect(await sh(w, 'FOO=1 env | grep FOO')).toMatchObject({ out: 'FOO=1\n', exitCode: 0 });
    expect(await sh(w, 'FOO=9 printenv FOO')).toMatchObject({ out: '9\n', exitCode: 0 });
    // The word lasts for that command only.
    expect(await sh(w, 'printenv FOO')).toMatchObject({ out: '', exitCode: 1 });
  });

  it("passes exported variables only, and a child's export stays in the child", async () => {
    const w = createWorld();
    expect((await sh(w, "BAR=2; sh -c 'echo x$BAR'")).out).toBe('x\n');
    expect((await sh(w, "export BAR; sh -c 'echo x$BAR'")).out).toBe('x2\n');
    expect(await sh(w, "sh -c 'export Q=1'; Q=2; env | grep Q")).toMatchObject({ out: '', exitCode: 1 });
    expect(await sh(w, 'env | grep ^Q')).toMatchObject({ out: '', exitCode: 1 });
  });

  it('keeps export, export -n, declare -x and unset from one line to the next', async () => {
    const w = createWorld();
    expect((await sh(w, 'export Z=1; export -n Z; env | grep ^Z')).exitCode).toBe(1);
    expect((await sh(w, 'env | grep ^Z')).exitCode).toBe(1);
    expect((await sh(w, "X=5; declare -x X; env | grep '^X='")).out).toBe('X=5\n');
    expect((await sh(w, "env | grep '^X='")).out).toBe('X=5\n');
    expect((await sh(w, "unset X; X=1; env | grep '^X='")).exitCode).toBe(1);
  });

  it('sh -c takes $0 and the positional parameters, and a script from stdin', async () => {
    const w = createWorld();
    expect((await sh(w, "sh -c 'echo $0 $1 $#' a b c")).out).toBe('a b 2\n');
    expect((await sh(w, "echo 'echo from stdin $0' | sh")).out).toBe('from stdin sh\n');
    expect((await sh(w, 'echo hi | sh -c cat')).out).toBe('hi\n');
  });
});

describe("a shell's own PATH when the environment has none", () => {
  it("dash's, bash's (Debian's build) and busybox ash's defaults, not exported", async () => {
    const w = await world(['alpine']);
    // dash@v0.5.12:src/var.c defpathvar; Debian's bash config-top.h DEFAULT_PATH_VALUE.
    expect((await sh(w, "env -i sh -c 'echo $PATH'")).out).toBe('/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n');
    expect((await sh(w, "env -i bash -c 'echo $PATH'")).out).toBe('/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n');
    // The shell sets and exports PWD (dash@v0.5.12:src/cd.c setpwd); PATH stays a shell variable.
    expect((await sh(w, 'cd /tmp; env -i sh -c env')).out).toBe('PWD=/tmp\n');
    // busybox@1_36_1:shell/ash.c defpathvar.
    expect((await sh(w, `docker run --rm alpine sh -c 'env -i sh -c "echo \\$PATH"'`)).out).toBe('/sbin:/usr/sbin:/bin:/usr/bin\n');
  });
});

describe('id USER (coreutils 9.4 on node1, busybox 1.36.1 in alpine)', () => {
  it("looks users up in the root's /etc/passwd and /etc/group", async () => {
    const w = await world(['alpine', 'nginx']);
    // cloud-init's default user: in adm, cdrom, sudo, dip and lxd (fs/hostusers.ts).
    expect(await sh(w, 'id ubuntu')).toMatchObject({
      out: 'uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),24(cdrom),27(sudo),30(dip),106(lxd)\n',
      exitCode: 0,
    });
    expect(await sh(w, 'id root')).toMatchObject({ out: 'uid=0(root) gid=0(root) groups=0(root)\n', exitCode: 0 });
    expect(await sh(w, 'id 1000')).toMatchObject({
      out: 'uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),24(cdrom),27(sudo),30(dip),106(lxd)\n',
      exitCode: 0,
    });
    expect((await sh(w, 'id -u ubuntu; id -gn ubuntu; id -G ubuntu; id -un')).out).toBe('1000\nubuntu\n1000 4 24 27 30 106\nroot\n');
    // A group that lists the user as a member joins its groups (getgrouplist): docker-ce's group, as usermod -aG makes it.
    await sh(w, "sed -i 's/^docker:x:988:$/docker:x:988:ubuntu/' /etc/group");
    expect((await sh(w, 'id ubuntu')).out).toBe(
      'uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),24(cdrom),27(sudo),30(dip),106(lxd),988(docker)\n',
    );
    expect((await sh(w, 'id -Gn ubuntu')).out).toBe('ubuntu adm cdrom sudo dip lxd docker\n');
    expect((await sh(w, 'docker run --rm alpine id root')).out).toBe(
      'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n',
    );
    expect((await sh(w, 'docker run --rm nginx id nginx')).out).toBe('uid=101(nginx) gid=101(nginx) groups=101(nginx)\n');
  });

  it('errors in the words of each id', async () => {
    const w = await world(['alpine']);
    // coreutils@v9.4:src/id.c: error (0, errno, _("%s: no such user"), quote (spec)); the others continue.
    expect(await sh(w, 'id nosuch')).toMatchObject({ out: "id: 'nosuch': no such user\n", exitCode: 1 });
    expect(await sh(w, 'id ubuntu nosuch root')).toMatchObject({
      out: "uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),24(cdrom),27(sudo),30(dip),106(lxd)\nid: 'nosuch': no such user\nuid=0(root) gid=0(root) groups=0(root)\n",
      exitCode: 1,
    });
    expect(await sh(w, 'id -n')).toMatchObject({ out: 'id: cannot print only names or real IDs in default format\n', exitCode: 1 });
    expect(await sh(w, 'id -ug')).toMatchObject({ out: 'id: cannot print "only" of more than one choice\n', exitCode: 1 });
    expect(await sh(w, 'id -x')).toMatchObject({ out: "id: invalid option -- 'x'\nTry 'id --help' for more information.\n", exitCode: 1 });
    // busybox@1_36_1:libbb/bb_pwd.c xuname2uid: bb_error_msg_and_die("unknown user %s").
    expect(await sh(w, 'docker run --rm alpine id nosuch')).toMatchObject({ out: 'id: unknown user nosuch\n', exitCode: 1 });
  });
});

// bash@bash-5.2:execute_cmd.c execute_in_subshell, builtins/evalstring.c should_suppress_fork: a subshell,
// $( … ) and <( … ) fork; the body's last simple command runs in that process. node1's login bash is 2045.
describe('subshells and command substitutions take a PID on the host', () => {
  it('$BASHPID is the subshell, $$ stays the parent', async () => {
    const w = createWorld();
    expect((await sh(w, 'echo $$ $BASHPID; (echo $$ $BASHPID)')).out).toBe('2045 2045\n2045 2046\n');
    expect((await sh(w, 'echo $(echo $BASHPID) $(echo $BASHPID)')).out).toBe('2047 2048\n');
    expect((await sh(w, 'env | grep -c BASHPID')).out).toBe('0\n');
  });

  it("the body's last command runs as the subshell; PIDs after such lines grow as bash forks", async () => {
    const w = createWorld();
    expect((await sh(w, '(ps -o pid,ppid,comm)')).out).toBe('    PID    PPID COMMAND\n   2045    1987 bash\n   2046    2045 ps\n');
    expect((await sh(w, 'x=$(ps -o pid= -p $BASHPID); echo $x')).out).toBe('2047\n');
    // The subshell 2048 runs cd, then ls as itself; sleep is 2049.
    expect((await sh(w, '(cd /tmp; ls -d .); sleep 1 & echo $!')).out).toBe('.\n[1] 2049\n2049\n');
    // A fresh shell: the substitution is 2046, ps 2047, tail 2048 (ps shows its pipeline peer).
    const v = createWorld();
    expect((await sh(v, 'x=$(echo hi); ps -o pid=,comm= | tail -1')).out).toBe('   2048 tail\n');
    expect((await sh(v, 'ps -o pid=,comm= | tail -1')).out).toBe('   2050 tail\n');
  });

  it('keeps the status of the body, and $(<file) reads the file', async () => {
    const w = createWorld();
    expect((await sh(w, 'x=$(false); echo $?; (exit 3); echo $?; (true; false); echo $?')).out).toBe('1\n3\n1\n');
    expect((await sh(w, "printf '# one\\n# two\\n' > f; echo $(<f)")).out).toBe('# one # two\n');
  });
});
