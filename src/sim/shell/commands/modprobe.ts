/**
 * modprobe: kmod 31 on the host (kmod@v31:tools/modprobe.c; messages through tools/log.c as
 * "modprobe: FATAL: …" for LOG and "modprobe: ERROR: …" for ERR) and busybox 1.36.1 in alpine
 * (busybox@1_36_1:modutils/modprobe.c modprobe_main: xchdir("/lib/modules") first, which a
 * container does not have). A module already loaded is quiet; one in /lib/modules/RELEASE is
 * loaded with its dependencies (kernel/modules.ts), which init_module(2) allows only with
 * CAP_SYS_MODULE ("could not insert 'x': Operation not permitted"); any other name is not found.
 * -r refuses a module in use ("Module x is in use."), as rmmod_do_module does.
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { isLoaded, loadModule, moduleExists, unloadModule } from '../../kernel/modules.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import type { SimCommand } from '../types.ts';
import { modulesNow } from './lsmod.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** modprobe.c help(), with program_invocation_short_name. */
const HELP =
  "Usage:\n\tmodprobe [options] [-i] [-b] modulename\n\tmodprobe [options] -a [-i] [-b] modulename [modulename...]\n\tmodprobe [options] -r [-i] modulename\n\tmodprobe [options] -r -a [-i] modulename [modulename...]\n\tmodprobe [options] -c\n\tmodprobe [options] --dump-modversions filename\nManagement Options:\n\t-a, --all                   Consider every non-argument to\n\t                            be a module name to be inserted\n\t                            or removed (-r)\n\t-r, --remove                Remove modules instead of inserting\n\t    --remove-dependencies   Deprecated: use --remove-holders\n\t    --remove-holders        Also remove module holders (use together with -r)\n\t-w, --wait <MSEC>           When removing a module, wait up to MSEC for\n\t                            module's refcount to become 0 so it can be\n\t                            removed (use together with -r)\n\t    --first-time            Fail if module already inserted or removed\n\t-i, --ignore-install        Ignore install commands\n\t-i, --ignore-remove         Ignore remove commands\n\t-b, --use-blacklist         Apply blacklist to resolved alias.\n\t-f, --force                 Force module insertion or removal.\n\t                            implies --force-modversions and\n\t                            --force-vermagic\n\t    --force-modversion      Ignore module's version\n\t    --force-vermagic        Ignore module's version magic\n\nQuery Options:\n\t-R, --resolve-alias         Only lookup and print alias and exit\n\t-D, --show-depends          Only print module dependencies and exit\n\t-c, --showconfig            Print out known configuration and exit\n\t-c, --show-config           Same as --showconfig\n\t    --show-modversions      Dump module symbol version and exit\n\t    --dump-modversions      Same as --show-modversions\n\t    --show-exports          Only print module exported symbol versions and exit\n\nGeneral Options:\n\t-n, --dry-run               Do not execute operations, just print out\n\t-n, --show                  Same as --dry-run\n\t-C, --config=FILE           Use FILE instead of default search paths\n\t-d, --dirname=DIR           Use DIR as filesystem root for /lib/modules\n\t-S, --set-version=VERSION   Use VERSION instead of `uname -r`\n\t-s, --syslog                print to syslog, not stderr\n\t-q, --quiet                 disable messages\n\t-v, --verbose               enables more messages\n\t-V, --version               show version\n\t-h, --help                  show this help\n";

/** puts(PACKAGE " version " VERSION) and KMOD_FEATURES as Ubuntu 24.04 builds kmod 31. */
const VERSION = 'kmod version 31\n+ZSTD +XZ -ZLIB +LIBCRYPTO -EXPERIMENTAL\n';

const LONGS: LongOpt[] = [
  ['all', 'a'],
  ['remove', 'r'],
  ['first-time', 'first-time'],
  ['ignore-install', 'i'],
  ['ignore-remove', 'i'],
  ['use-blacklist', 'b'],
  ['force', 'f'],
  ['dry-run', 'n'],
  ['show', 'n'],
  ['quiet', 'q'],
  ['verbose', 'v'],
  ['version', 'V'],
  ['help', 'h'],
].map(([name, key]) => ({ name: name as string, key: key as string, arg: 'none' as const }));

export const modprobe: SimCommand = {
  name: 'modprobe',
  async run(args, env) {
    if (env.flavor === 'busybox') {
      if (args[0] === '--help')
        return R(
          '',
          'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: modprobe [-alrqvsD] MODULE [SYMBOL=VALUE]...\n\n\t-a\tLoad multiple MODULEs\n\t-l\tList (MODULE is a pattern)\n\t-r\tRemove MODULE (stacks) or do autoclean\n\t-q\tQuiet\n\t-v\tVerbose\n\t-s\tLog to syslog\n\t-D\tShow dependencies\n',
        );
      // xchdir(CONFIG_DEFAULT_MODULES_DIR): bb_perror_msg_and_die("can't change directory to '%s'").
      return R('', "modprobe: can't change directory to '/lib/modules': No such file or directory\n", 1);
    }
    const p = getopt(args, 'arw:ibfnqvVhC:d:S:sRDc', LONGS);
    if (!p.ok) return R('', `modprobe: ${p.error}\n`, 1);
    const keys = new Set(p.opts.map(([k]) => k));
    if (keys.has('h')) return R(HELP);
    if (keys.has('V')) return R(VERSION);
    const quiet = keys.has('q');
    const names = keys.has('a') ? p.operands : p.operands.slice(0, 1);
    if (!names.length) return R('', 'modprobe: ERROR: missing parameters. See -h.\n', 1);
    const release = env.host.fixture.kernel.release;
    const k = env.host.kernel;
    // Inside a container /lib/modules is not there: every name is "not found" in the kernel's directory.
    const inContainer = env.self.root !== 'host';
    for (const raw of names) {
      const name = raw.replace(/-/g, '_');
      if (keys.has('r')) {
        const m = modulesNow(env).find((x) => x.name === name);
        if (!m) continue;
        if (m.refcnt > 0) return R('', quiet ? '' : `modprobe: FATAL: Module ${name} is in use.\n`, 1);
        if (!hasCap(env.self.caps, 'sys_module'))
          // libkmod-module.c kmod_module_remove_module: ERR "could not remove '%s': %m" through modprobe's log function.
          return R('', `modprobe: ERROR: could not remove '${name}': Operation not permitted\n`, 1);
        unloadModule(k, name);
        continue;
      }
      const known = !inContainer && moduleExists(name);
      if (!known) return R('', quiet ? '' : `modprobe: FATAL: Module ${raw} not found in directory /lib/modules/${release}\n`, 1);
      if (isLoaded(k, name)) continue;
      if (!hasCap(env.self.caps, 'sys_module')) return R('', `modprobe: ERROR: could not insert '${name}': Operation not permitted\n`, 1);
      if (!keys.has('n')) loadModule(k, name);
    }
    return R('');
  },
};
