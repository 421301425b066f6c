/**
 * Every Linux command the simulator has beside just-bash's own, by name, with a `load` (the
 * shape of just-bash's own registry: node_modules/just-bash commands/registry.ts). The shell's
 * command list, /bin, `help`, `type`/`which`/`command -v` and Tab completion read the names
 * here; `--help` comes from usage.ts by the same name; the runtime calls `load` on a command's
 * first run. The commands are imported here, not with `import()` per row: measured, one chunk
 * per command made the terminal fetch more (35 files, 153.1 KB gzip at the first prompt against
 * 31 and 151.9 KB, the Picture tab 48.4 KB against 41.0 KB, 453 built scripts against 300),
 * and the first prompt loads no command either way. Making them lazy again is a change to this
 * file only. Adding a command: write commands/NAME.ts, which exports one
 * SimCommand, and add its import and its row here (tests/sim/command-registry.test.ts holds both to it).
 * Names starting `__cc_` are the runtime's internal names for bash builtins (help, jobs, wait,
 * fg, bg), never listed under /bin. Which roots have a command is their image's business
 * (rootfs.ts rootCommands): the host has them all.
 */
import type { SimCommand } from '../types.ts';
import { timedLoad } from '../limits.ts';
import { bgBuiltin } from './bg.ts';
import { capsh } from './capsh.ts';
import { chown } from './chown.ts';
import { chroot } from './chroot.ts';
import { cmp } from './cmp.ts';
import { containerd } from './containerd.ts';
import { crictl } from './crictl.ts';
import { ctr } from './ctr.ts';
import { curl } from './curl.ts';
import { date } from './date.ts';
import { dd } from './dd.ts';
import { df } from './df.ts';
import { diff } from './diff.ts';
import { dig } from './dig.ts';
import { dmesg } from './dmesg.ts';
import { docker } from './docker/index.ts';
import { envCommand } from './env.ts';
import { fgBuiltin } from './fg.ts';
import { file } from './file.ts';
import { findmnt } from './findmnt.ts';
import { free } from './free.ts';
import { getcap } from './getcap.ts';
import { getent } from './getent.ts';
import { getpcaps } from './getpcaps.ts';
import { go } from './go.ts';
import { groups } from './groups.ts';
import { head } from './head.ts';
import { help } from './help.ts';
import { history } from './history.ts';
import { host } from './host.ts';
import { id } from './id.ts';
import { hostname } from './hostname.ts';
import { hostnamectl } from './hostnamectl.ts';
import { ip } from './ip.ts';
import { jobsBuiltin } from './jobs.ts';
import { journalctl } from './journalctl.ts';
import { kill } from './kill.ts';
import { kubectl } from './kubectl.ts';
import { ldd } from './ldd.ts';
import { less } from './less.ts';
import { locale } from './locale.ts';
import { ls } from './ls.ts';
import { lsblk } from './lsblk.ts';
import { lscpu } from './lscpu.ts';
import { lsbRelease } from './lsb_release.ts';
import { lsmod } from './lsmod.ts';
import { lsns } from './lsns.ts';
import { lsof } from './lsof.ts';
import { memcached } from './memcached.ts';
import { mkdir } from './mkdir.ts';
import { more } from './more.ts';
import { mount } from './mount.ts';
import { modprobe } from './modprobe.ts';
import { nc } from './nc.ts';
import { nginx } from './nginx.ts';
import { nice } from './nice.ts';
import { node } from './node.ts';
import { npm } from './npm.ts';
import { nproc } from './nproc.ts';
import { nslookup } from './nslookup.ts';
import { nsenter } from './nsenter.ts';
import { od } from './od.ts';
import { paste } from './paste.ts';
import { pgrep } from './pgrep.ts';
import { killallCommand } from './killall.ts';
import { pidof } from './pidof.ts';
import { ping } from './ping.ts';
import { pkill } from './pkill.ts';
import { printenv } from './printenv.ts';
import { ps } from './ps.ts';
import { pstree } from './pstree.ts';
import { readlink } from './readlink.ts';
import { realpath } from './realpath.ts';
import { registry } from './distribution-registry.ts';
import { renice } from './renice.ts';
import { runc } from './runc.ts';
import { service } from './service.ts';
import { setcap } from './setcap.ts';
import { setpriv } from './setpriv.ts';
import { sleep } from './sleep.ts';
import { ss } from './ss.ts';
import { stat } from './stat.ts';
import { stress } from './stress.ts';
import { su } from './su.ts';
import { sudo } from './sudo.ts';
import { sysctl } from './sysctl.ts';
import { systemctl } from './systemctl.ts';
import { systemdCgls } from './systemd-cgls.ts';
import { tail } from './tail.ts';
import { timedatectl } from './timedatectl.ts';
import { timeout } from './timeout.ts';
import { top } from './top.ts';
import { touch } from './touch.ts';
import { tty } from './tty.ts';
import { ulimit } from './ulimit.ts';
import { umount } from './umount.ts';
import { uname } from './uname.ts';
import { unshare } from './unshare.ts';
import { uptime } from './uptime.ts';
import { vmstat } from './vmstat.ts';
import { w } from './w.ts';
import { waitBuiltin } from './wait.ts';
import { watch } from './watch.ts';
import { wget } from './wget.ts';
import { whereis } from './whereis.ts';
import { which } from './which.ts';
import { who } from './who.ts';
import { whoami } from './whoami.ts';
import { yarn } from './yarn.ts';
import { yes } from './yes.ts';

export interface CommandRow {
  readonly name: string;
  readonly load: () => Promise<SimCommand>;
}

export const COMMANDS: readonly CommandRow[] = [
  { name: 'capsh', load: async () => capsh },
  { name: 'chown', load: async () => chown },
  { name: 'chroot', load: async () => chroot },
  { name: 'cmp', load: async () => cmp },
  { name: 'containerd', load: async () => containerd },
  { name: 'crictl', load: async () => crictl },
  { name: 'ctr', load: async () => ctr },
  { name: 'curl', load: async () => curl },
  { name: 'date', load: async () => date },
  { name: 'dd', load: async () => dd },
  { name: 'df', load: async () => df },
  { name: 'diff', load: async () => diff },
  { name: 'dig', load: async () => dig },
  { name: 'dmesg', load: async () => dmesg },
  { name: 'docker', load: async () => docker },
  { name: 'env', load: async () => envCommand },
  { name: 'file', load: async () => file },
  { name: 'findmnt', load: async () => findmnt },
  { name: 'free', load: async () => free },
  { name: 'getcap', load: async () => getcap },
  { name: 'getent', load: async () => getent },
  { name: 'getpcaps', load: async () => getpcaps },
  { name: 'go', load: async () => go },
  { name: 'groups', load: async () => groups },
  { name: 'head', load: async () => head },
  { name: 'history', load: async () => history },
  { name: 'host', load: async () => host },
  { name: 'hostname', load: async () => hostname },
  { name: 'hostnamectl', load: async () => hostnamectl },
  { name: 'id', load: async () => id },
  { name: 'ip', load: async () => ip },
  { name: 'journalctl', load: async () => journalctl },
  { name: 'kill', load: async () => kill },
  { name: 'kubectl', load: async () => kubectl },
  { name: 'ldd', load: async () => ldd },
  { name: 'less', load: async () => less },
  { name: 'locale', load: async () => locale },
  { name: 'ls', load: async () => ls },
  { name: 'lsblk', load: async () => lsblk },
  { name: 'lscpu', load: async () => lscpu },
  { name: 'lsb_release', load: async () => lsbRelease },
  { name: 'lsmod', load: async () => lsmod },
  { name: 'lsns', load: async () => lsns },
  { name: 'lsof', load: async () => lsof },
  { name: 'memcached', load: async () => memcached },
  { name: 'mkdir', load: async () => mkdir },
  { name: 'modprobe', load: async () => modprobe },
  { name: 'more', load: async () => more },
  { name: 'mount', load: async () => mount },
  { name: 'nc', load: async () => nc },
  { name: 'nice', load: async () => nice },
  { name: 'node', load: async () => node },
  { name: 'npm', load: async () => npm },
  { name: 'nginx', load: async () => nginx },
  { name: 'nproc', load: async () => nproc },
  { name: 'nslookup', load: async () => nslookup },
  { name: 'nsenter', load: async () => nsenter },
  { name: 'od', load: async () => od },
  { name: 'paste', load: async () => paste },
  { name: 'pgrep', load: async () => pgrep },
  { name: 'killall', load: async () => killallCommand },
  { name: 'pidof', load: async () => pidof },
  { name: 'ping', load: async () => ping },
  { name: 'pkill', load: async () => pkill },
  { name: 'printenv', load: async () => printenv },
  { name: 'ps', load: async () => ps },
  { name: 'pstree', load: async () => pstree },
  { name: 'readlink', load: async () => readlink },
  { name: 'realpath', load: async () => realpath },
  { name: 'registry', load: async () => registry },
  { name: 'renice', load: async () => renice },
  { name: 'runc', load: async () => runc },
  { name: 'service', load: async () => service },
  { name: 'setcap', load: async () => setcap },
  { name: 'setpriv', load: async () => setpriv },
  { name: 'sleep', load: async () => sleep },
  { name: 'ss', load: async () => ss },
  { name: 'stat', load: async () => stat },
  { name: 'stress', load: async () => stress },
  { name: 'su', load: async () => su },
  { name: 'sudo', load: async () => sudo },
  { name: 'sysctl', load: async () => sysctl },
  { name: 'systemctl', load: async () => systemctl },
  { name: 'systemd-cgls', load: async () => systemdCgls },
  { name: 'tail', load: async () => tail },
  { name: 'timedatectl', load: async () => timedatectl },
  { name: 'timeout', load: async () => timeout },
  { name: 'top', load: async () => top },
  { name: 'touch', load: async () => touch },
  { name: 'tty', load: async () => tty },
  { name: 'umount', load: async () => umount },
  { name: 'uname', load: async () => uname },
  { name: 'unshare', load: async () => unshare },
  { name: 'uptime', load: async () => uptime },
  { name: 'vmstat', load: async () => vmstat },
  { name: 'w', load: async () => w },
  { name: 'watch', load: async () => watch },
  { name: 'wget', load: async () => wget },
  { name: 'whereis', load: async () => whereis },
  { name: 'which', load: async () => which },
  { name: 'who', load: async () => who },
  { name: 'whoami', load: async () => whoami },
  { name: 'yarn', load: async () => yarn },
  { name: 'yes', load: async () => yes },
  { name: '__cc_bg', load: async () => bgBuiltin },
  { name: '__cc_fg', load: async () => fgBuiltin },
  { name: '__cc_help', load: async () => help },
  { name: '__cc_jobs', load: async () => jobsBuiltin },
  { name: '__cc_ulimit', load: async () => ulimit },
  { name: '__cc_wait', load: async () => waitBuiltin },
];

const loaded = new Map<string, Promise<SimCommand>>();

/**
 * The command of a row, loaded once: a second `import()` of a module is cheap in a browser but
 * costs a loader round trip in Node (and a failed load is tried again next time).
 */
export function loadCommand(row: CommandRow): Promise<SimCommand> {
  let p = loaded.get(row.name);
  if (!p) {
    p = timedLoad(row.load);
    loaded.set(row.name, p);
    p.catch(() => loaded.delete(row.name));
  }
  return p;
}
