/**
 * Every Linux command the simulator has beside just-bash's own, by name, with a `load` (the
 * shape of just-bash's own registry: node_modules/just-bash commands/registry.ts). The shell's
 * command list, /bin, `help`, `type`/`which`/`command -v` and Tab completion read the names
 * here; `--help` comes from usage.ts by the same name; the runtime calls `load` on a command's
 * first run. Each row imports its command with `import()`, so the registry is names only: the
 * shell knows every command at once (`type`, `command -v`, `compgen`, completion, `which`, the
 * not-found path) and compiles a command's code on its first run (issue #14: the terminal's
 * first command compiled all of them, a 529 KB chunk, before it could answer `uname -r`;
 * src/sim/warm.ts then loads the lessons' commands one at a time after the first prompt).
 * Node (Vitest, the CLI) takes the same rows: a first `import()` there reads the file.
 * Adding a command: write commands/NAME.ts, which exports one SimCommand, and add its row
 * here (tests/sim/command-registry.test.ts holds both to it).
 * Names starting `__cc_` are the runtime's internal names for bash builtins (help, jobs, wait,
 * fg, bg), never listed under /bin. Which roots have a command is their image's business
 * (rootfs.ts rootCommands): the host has them all.
 */
import type { SimCommand } from '../types.ts';
import { timedLoad } from '../limits.ts';

export interface CommandRow {
  readonly name: string;
  readonly load: () => Promise<SimCommand>;
}

export const COMMANDS: readonly CommandRow[] = [
  { name: 'bridge', load: () => import('./bridge.ts').then((m) => m.bridge) },
  { name: 'capsh', load: () => import('./capsh.ts').then((m) => m.capsh) },
  { name: 'chown', load: () => import('./chown.ts').then((m) => m.chown) },
  { name: 'chroot', load: () => import('./chroot.ts').then((m) => m.chroot) },
  { name: 'cmp', load: () => import('./cmp.ts').then((m) => m.cmp) },
  { name: 'containerd', load: () => import('./containerd.ts').then((m) => m.containerd) },
  { name: 'crictl', load: () => import('./crictl.ts').then((m) => m.crictl) },
  { name: 'ctr', load: () => import('./ctr.ts').then((m) => m.ctr) },
  { name: 'curl', load: () => import('./curl.ts').then((m) => m.curl) },
  { name: 'date', load: () => import('./date.ts').then((m) => m.date) },
  { name: 'dd', load: () => import('./dd.ts').then((m) => m.dd) },
  { name: 'df', load: () => import('./df.ts').then((m) => m.df) },
  { name: 'diff', load: () => import('./diff.ts').then((m) => m.diff) },
  { name: 'dig', load: () => import('./dig.ts').then((m) => m.dig) },
  { name: 'dmesg', load: () => import('./dmesg.ts').then((m) => m.dmesg) },
  { name: 'docker', load: () => import('./docker/index.ts').then((m) => m.docker) },
  { name: 'env', load: () => import('./env.ts').then((m) => m.envCommand) },
  { name: 'file', load: () => import('./file.ts').then((m) => m.file) },
  { name: 'findmnt', load: () => import('./findmnt.ts').then((m) => m.findmnt) },
  { name: 'free', load: () => import('./free.ts').then((m) => m.free) },
  { name: 'fuser', load: () => import('./fuser.ts').then((m) => m.fuser) },
  { name: 'getcap', load: () => import('./getcap.ts').then((m) => m.getcap) },
  { name: 'getent', load: () => import('./getent.ts').then((m) => m.getent) },
  { name: 'getpcaps', load: () => import('./getpcaps.ts').then((m) => m.getpcaps) },
  { name: 'go', load: () => import('./go.ts').then((m) => m.go) },
  { name: 'groups', load: () => import('./groups.ts').then((m) => m.groups) },
  { name: 'head', load: () => import('./head.ts').then((m) => m.head) },
  { name: 'history', load: () => import('./history.ts').then((m) => m.history) },
  { name: '__cc_umask', load: () => import('./umask.ts').then((m) => m.umask) },
  { name: 'host', load: () => import('./host.ts').then((m) => m.host) },
  { name: 'hostname', load: () => import('./hostname.ts').then((m) => m.hostname) },
  { name: 'hostnamectl', load: () => import('./hostnamectl.ts').then((m) => m.hostnamectl) },
  { name: 'id', load: () => import('./id.ts').then((m) => m.id) },
  { name: 'ip', load: () => import('./ip.ts').then((m) => m.ip) },
  { name: 'iptables', load: () => import('./iptables.ts').then((m) => m.iptables) },
  { name: 'iptables-save', load: () => import('./iptables-save.ts').then((m) => m.iptablesSave) },
  { name: 'journalctl', load: () => import('./journalctl.ts').then((m) => m.journalctl) },
  { name: 'kill', load: () => import('./kill.ts').then((m) => m.kill) },
  { name: 'kubectl', load: () => import('./kubectl.ts').then((m) => m.kubectl) },
  { name: 'ldd', load: () => import('./ldd.ts').then((m) => m.ldd) },
  { name: 'less', load: () => import('./less.ts').then((m) => m.less) },
  { name: 'locale', load: () => import('./locale.ts').then((m) => m.locale) },
  { name: 'ls', load: () => import('./ls.ts').then((m) => m.ls) },
  { name: 'lsblk', load: () => import('./lsblk.ts').then((m) => m.lsblk) },
  { name: 'lscpu', load: () => import('./lscpu.ts').then((m) => m.lscpu) },
  { name: 'lsb_release', load: () => import('./lsb_release.ts').then((m) => m.lsbRelease) },
  { name: 'lsmod', load: () => import('./lsmod.ts').then((m) => m.lsmod) },
  { name: 'lsns', load: () => import('./lsns.ts').then((m) => m.lsns) },
  { name: 'lsof', load: () => import('./lsof.ts').then((m) => m.lsof) },
  { name: 'memcached', load: () => import('./memcached.ts').then((m) => m.memcached) },
  { name: 'mkdir', load: () => import('./mkdir.ts').then((m) => m.mkdir) },
  { name: 'modprobe', load: () => import('./modprobe.ts').then((m) => m.modprobe) },
  { name: 'more', load: () => import('./more.ts').then((m) => m.more) },
  { name: 'mount', load: () => import('./mount.ts').then((m) => m.mount) },
  { name: 'nc', load: () => import('./nc.ts').then((m) => m.nc) },
  { name: 'netstat', load: () => import('./netstat.ts').then((m) => m.netstat) },
  { name: 'nft', load: () => import('./nft.ts').then((m) => m.nft) },
  { name: 'nice', load: () => import('./nice.ts').then((m) => m.nice) },
  { name: 'node', load: () => import('./node.ts').then((m) => m.node) },
  { name: 'npm', load: () => import('./npm.ts').then((m) => m.npm) },
  { name: 'nginx', load: () => import('./nginx.ts').then((m) => m.nginx) },
  { name: 'nproc', load: () => import('./nproc.ts').then((m) => m.nproc) },
  { name: 'nslookup', load: () => import('./nslookup.ts').then((m) => m.nslookup) },
  { name: 'nsenter', load: () => import('./nsenter.ts').then((m) => m.nsenter) },
  { name: 'od', load: () => import('./od.ts').then((m) => m.od) },
  { name: 'paste', load: () => import('./paste.ts').then((m) => m.paste) },
  { name: 'pgrep', load: () => import('./pgrep.ts').then((m) => m.pgrep) },
  { name: 'killall', load: () => import('./killall.ts').then((m) => m.killallCommand) },
  { name: 'pidof', load: () => import('./pidof.ts').then((m) => m.pidof) },
  { name: 'ping', load: () => import('./ping.ts').then((m) => m.ping) },
  { name: 'pkill', load: () => import('./pkill.ts').then((m) => m.pkill) },
  { name: 'printenv', load: () => import('./printenv.ts').then((m) => m.printenv) },
  { name: 'ps', load: () => import('./ps.ts').then((m) => m.ps) },
  { name: 'pstree', load: () => import('./pstree.ts').then((m) => m.pstree) },
  { name: 'readlink', load: () => import('./readlink.ts').then((m) => m.readlink) },
  { name: 'realpath', load: () => import('./realpath.ts').then((m) => m.realpath) },
  { name: 'registry', load: () => import('./distribution-registry.ts').then((m) => m.registry) },
  { name: 'renice', load: () => import('./renice.ts').then((m) => m.renice) },
  { name: 'route', load: () => import('./route.ts').then((m) => m.route) },
  { name: 'runc', load: () => import('./runc.ts').then((m) => m.runc) },
  { name: 'service', load: () => import('./service.ts').then((m) => m.service) },
  { name: 'setcap', load: () => import('./setcap.ts').then((m) => m.setcap) },
  { name: 'setpriv', load: () => import('./setpriv.ts').then((m) => m.setpriv) },
  { name: 'sleep', load: () => import('./sleep.ts').then((m) => m.sleep) },
  { name: 'ss', load: () => import('./ss.ts').then((m) => m.ss) },
  { name: 'stat', load: () => import('./stat.ts').then((m) => m.stat) },
  { name: 'stress', load: () => import('./stress.ts').then((m) => m.stress) },
  { name: 'su', load: () => import('./su.ts').then((m) => m.su) },
  { name: 'sudo', load: () => import('./sudo.ts').then((m) => m.sudo) },
  { name: 'sysctl', load: () => import('./sysctl.ts').then((m) => m.sysctl) },
  { name: 'systemctl', load: () => import('./systemctl.ts').then((m) => m.systemctl) },
  { name: 'systemd-cgls', load: () => import('./systemd-cgls.ts').then((m) => m.systemdCgls) },
  { name: 'tail', load: () => import('./tail.ts').then((m) => m.tail) },
  { name: 'timedatectl', load: () => import('./timedatectl.ts').then((m) => m.timedatectl) },
  { name: 'timeout', load: () => import('./timeout.ts').then((m) => m.timeout) },
  { name: 'top', load: () => import('./top.ts').then((m) => m.top) },
  { name: 'touch', load: () => import('./touch.ts').then((m) => m.touch) },
  { name: 'tty', load: () => import('./tty.ts').then((m) => m.tty) },
  { name: 'umount', load: () => import('./umount.ts').then((m) => m.umount) },
  { name: 'uname', load: () => import('./uname.ts').then((m) => m.uname) },
  { name: 'unshare', load: () => import('./unshare.ts').then((m) => m.unshare) },
  { name: 'uptime', load: () => import('./uptime.ts').then((m) => m.uptime) },
  { name: 'vmstat', load: () => import('./vmstat.ts').then((m) => m.vmstat) },
  { name: 'w', load: () => import('./w.ts').then((m) => m.w) },
  { name: 'watch', load: () => import('./watch.ts').then((m) => m.watch) },
  { name: 'wget', load: () => import('./wget.ts').then((m) => m.wget) },
  { name: 'whereis', load: () => import('./whereis.ts').then((m) => m.whereis) },
  { name: 'which', load: () => import('./which.ts').then((m) => m.which) },
  { name: 'who', load: () => import('./who.ts').then((m) => m.who) },
  { name: 'whoami', load: () => import('./whoami.ts').then((m) => m.whoami) },
  { name: 'yarn', load: () => import('./yarn.ts').then((m) => m.yarn) },
  { name: 'yes', load: () => import('./yes.ts').then((m) => m.yes) },
  { name: '__cc_bg', load: () => import('./bg.ts').then((m) => m.bgBuiltin) },
  { name: '__cc_fg', load: () => import('./fg.ts').then((m) => m.fgBuiltin) },
  { name: '__cc_help', load: () => import('./help.ts').then((m) => m.help) },
  { name: '__cc_jobs', load: () => import('./jobs.ts').then((m) => m.jobsBuiltin) },
  { name: '__cc_ulimit', load: () => import('./ulimit.ts').then((m) => m.ulimit) },
  { name: '__cc_ulimit-ash', load: () => import('./ulimit-ash.ts').then((m) => m.ulimitAsh) },
  { name: '__cc_ulimit-dash', load: () => import('./ulimit-dash.ts').then((m) => m.ulimitDash) },
  { name: '__cc_wait', load: () => import('./wait.ts').then((m) => m.waitBuiltin) },
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
