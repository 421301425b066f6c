import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/sim/shell/commands/registry.ts';
import { HOST_ABSENT } from '../../src/sim/shell/rootfs.ts';
import { sh, world } from './helpers.ts';

describe('every simulated command answers --help', () => {
  it('on the host (coreutils/util-linux/iproute2 wording)', async () => {
    const w = await world([]);
    // psmisc's pstree and killall have no --help: getopt rejects it and usage() exits 1 (psmisc@v23.7:src/pstree.c,
    // src/killall.c main's '?' case: "--help" is neither a signal name nor a number; killall.test.ts). Nor have
    // libcap's getcap (getopt "rvhnl": invalid option -- '-') and setcap ("--help" is read as capability text), both
    // usage(1) on stderr (libcap-2.66 progs/getcap.c, progs/setcap.c). kmod's lsmod takes no argument at all:
    // "Usage: lsmod" on stderr, exit 1 (kmod@v31:tools/lsmod.c do_lsmod).
    // bash's builtins (ulimit, history, help and the job builtins) print their help and return EX_USAGE, $? 2
    // (bash-5.2 builtins/common.h CASE_HELPOPT): below and in builtin-help.test.ts.
    // nginx is the nginx image's, not the host's (shell/rootfs.ts HOST_ABSENT): nginx.test.ts.
    // lsof reads `--help` as the option character '-' (lsof-org/lsof@4.95.0:main.c GetOpt, then usage(1)); debianutils'
    // which gives it to dash's getopts ("Illegal option --", usage, exit 2): below.
    // bind9's dig, host and nslookup have no --help either (dig.c dash_option: "Invalid option: --help" and usage, exit 1;
    // host: lib/isc/commandline.c "illegal option -- -" and usage, exit 1; nslookup.c setoption "*** Invalid option: -help"): dig.test.ts.
    const builtin = (n: string) => n.startsWith('__cc_') || n === 'history' || HOST_ABSENT.has(n);
    // iproute2's bridge reads --help as -help: usage() on stderr, exit(-1) (iproute2@v6.1.0:bridge/bridge.c main): bridge.test.ts.
    // So does ip (iproute2@v6.1.0:ip/ip.c main, usage()): ip-details.test.ts.
    // iptables-save has no --help: getopt_long's "unrecognized option" and "Look at manual page", exit 1
    // (iptables@v1.8.10:iptables/xtables-save.c): iptables.test.ts.
    // psmisc's fuser has no --help either: its long-option table lacks it, "%s: Invalid option %s" and usage(1) (src/fuser.c main).
    const own = ['fuser', 'pstree', 'killall', 'getcap', 'setcap', 'lsmod', 'lsof', 'which', 'dig', 'host', 'nslookup', 'bridge', 'ip', 'iptables-save'];
    for (const c of COMMANDS.filter((x) => !own.includes(x.name) && !builtin(x.name))) {
      const r = await sh(w, `${c.name} --help`);
      expect(r.exitCode, c.name).toBe(0);
      expect(r.out.length, c.name).toBeGreaterThan(10);
    }
  });
  it('the ulimit builtin prints its help and returns EX_USAGE (bash-5.2 builtins/common.h CASE_HELPOPT)', async () => {
    const w = await world([]);
    const r = await sh(w, 'ulimit --help');
    expect(r.exitCode).toBe(2);
    expect(r.out.startsWith('ulimit: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]\n    Modify shell resource limits.\n')).toBe(true);
  });
  it("libcap's getcap and setcap answer --help with their usage on stderr, status 1", async () => {
    const w = await world([]);
    expect(await sh(w, 'getcap --help')).toMatchObject({ exitCode: 1 });
    expect((await sh(w, 'getcap --help')).out).toBe(
      "getcap: invalid option -- '-'\nusage: getcap [-h] [-l] [-n] [-r] [-v] <filename> [<filename> ...]\n\n\tdisplays the capabilities on the queried file(s).\n",
    );
    expect((await sh(w, 'setcap --help')).out.startsWith('fatal error: Invalid argument\nusage: setcap ')).toBe(true);
  });
  it("psmisc's fuser has no --help: Invalid option and its usage, status 1", async () => {
    const w = await world([]);
    const r = await sh(w, 'fuser --help');
    expect(r.exitCode).toBe(1);
    expect(r.stderr.startsWith('fuser: Invalid option --help\nUsage: fuser [-fIMuvw] [-a|-s] [-4|-6] [-c|-m|-n SPACE]\n')).toBe(true);
  });
  it('lsof and which have no --help: their usage and a failure status', async () => {
    const w = await world([]);
    expect(await sh(w, 'lsof --help')).toMatchObject({ exitCode: 1 });
    expect((await sh(w, 'lsof --help')).stderr.startsWith('lsof: illegal option character: -\nlsof 4.95.0\n')).toBe(true);
    expect(await sh(w, 'which --help')).toMatchObject({ stdout: 'Usage: /usr/bin/which [-as] args\n', exitCode: 2 });
  });
  it('in alpine with busybox wording', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'docker run --rm alpine uname --help')).out).toMatch(/^BusyBox v1\.36\.1 .*\n\nUsage: uname \[-amnrspvio\]/);
    expect((await sh(w, 'docker run --rm alpine uname -z')).out).toMatch(/^uname: unrecognized option: z\n/);
    expect((await sh(w, 'uname -z')).out).toBe("uname: invalid option -- 'z'\nTry 'uname --help' for more information.\n");
  });
});

describe('docker subcommands answer --help', () => {
  it('prints the usage line of each subcommand', async () => {
    const w = await world([]);
    for (const sub of ['ps', 'stop', 'kill', 'start', 'restart', 'rm', 'logs', 'top', 'stats', 'exec', 'inspect', 'create', 'info', 'version']) {
      const r = await sh(w, `docker ${sub} --help`);
      expect(r.out, sub).toMatch(new RegExp(`^\\nUsage:  docker ${sub} `));
      expect(r.exitCode).toBe(0);
    }
  });
});
