/**
 * Every Linux command the simulator has beside just-bash's own, by name, each loaded on its
 * first run (the way just-bash registers its own: node_modules/just-bash commands/registry.ts,
 * a name and a `load`). The shell's command list, /bin, `help`, `type`/`which`/`command -v`
 * and Tab completion read the names here without loading any command; `--help` comes from
 * usage.ts by the same name. Adding a command: write commands/NAME.ts, which exports one
 * SimCommand, and add its row here (tests/sim/command-registry.test.ts holds both to it).
 * Names starting `__cc_` are the runtime's internal names for bash builtins (help, jobs, wait,
 * fg, bg), never listed under /bin. Which roots have a command is their image's business
 * (rootfs.ts rootCommands): the host has them all.
 */
import type { SimCommand } from '../types.ts';

export interface CommandRow {
  readonly name: string;
  readonly load: () => Promise<SimCommand>;
}

export const COMMANDS: readonly CommandRow[] = [
  { name: 'capsh', load: async () => (await import('./capsh.ts')).capsh },
  { name: 'chown', load: async () => (await import('./chown.ts')).chown },
  { name: 'containerd', load: async () => (await import('./containerd.ts')).containerd },
  { name: 'crictl', load: async () => (await import('./crictl.ts')).crictl },
  { name: 'ctr', load: async () => (await import('./ctr.ts')).ctr },
  { name: 'curl', load: async () => (await import('./curl.ts')).curl },
  { name: 'date', load: async () => (await import('./date.ts')).date },
  { name: 'dd', load: async () => (await import('./dd.ts')).dd },
  { name: 'df', load: async () => (await import('./df.ts')).df },
  { name: 'dmesg', load: async () => (await import('./dmesg.ts')).dmesg },
  { name: 'docker', load: async () => (await import('./docker/index.ts')).docker },
  { name: 'env', load: async () => (await import('./envcmd.ts')).envCommand },
  { name: 'free', load: async () => (await import('./free.ts')).free },
  { name: 'getent', load: async () => (await import('./getent.ts')).getent },
  { name: 'getpcaps', load: async () => (await import('./getpcaps.ts')).getpcaps },
  { name: 'groups', load: async () => (await import('./groups.ts')).groups },
  { name: 'head', load: async () => (await import('./head.ts')).head },
  { name: 'history', load: async () => (await import('./history.ts')).history },
  { name: 'hostname', load: async () => (await import('./hostname.ts')).hostname },
  { name: 'id', load: async () => (await import('./sysinfo.ts')).id },
  { name: 'ip', load: async () => (await import('./ip.ts')).ip },
  { name: 'kill', load: async () => (await import('./kill.ts')).kill },
  { name: 'kubectl', load: async () => (await import('./kubectl.ts')).kubectl },
  { name: 'ls', load: async () => (await import('./ls.ts')).ls },
  { name: 'lsb_release', load: async () => (await import('./lsb_release.ts')).lsbRelease },
  { name: 'lsns', load: async () => (await import('./lsns.ts')).lsns },
  { name: 'mkdir', load: async () => (await import('./mkdir.ts')).mkdir },
  { name: 'mount', load: async () => (await import('./mount.ts')).mount },
  { name: 'nc', load: async () => (await import('./nc.ts')).nc },
  { name: 'nproc', load: async () => (await import('./nproc.ts')).nproc },
  { name: 'nsenter', load: async () => (await import('./nsenter.ts')).nsenter },
  { name: 'od', load: async () => (await import('./od.ts')).od },
  { name: 'paste', load: async () => (await import('./paste.ts')).paste },
  { name: 'pgrep', load: async () => (await import('./pgrep.ts')).pgrep },
  { name: 'ping', load: async () => (await import('./ping.ts')).ping },
  { name: 'pkill', load: async () => (await import('./pkill.ts')).pkill },
  { name: 'printenv', load: async () => (await import('./envcmd.ts')).printenv },
  { name: 'ps', load: async () => (await import('./ps.ts')).ps },
  { name: 'pstree', load: async () => (await import('./pstree.ts')).pstree },
  { name: 'readlink', load: async () => (await import('./readlink.ts')).readlink },
  { name: 'realpath', load: async () => (await import('./realpath.ts')).realpath },
  { name: 'runc', load: async () => (await import('./runc.ts')).runc },
  { name: 'service', load: async () => (await import('./service.ts')).service },
  { name: 'sleep', load: async () => (await import('./sleep.ts')).sleep },
  { name: 'ss', load: async () => (await import('./ss.ts')).ss },
  { name: 'stat', load: async () => (await import('./stat.ts')).stat },
  { name: 'sudo', load: async () => (await import('./sudo.ts')).sudo },
  { name: 'sysctl', load: async () => (await import('./sysctl.ts')).sysctl },
  { name: 'systemctl', load: async () => (await import('./systemctl.ts')).systemctl },
  { name: 'tail', load: async () => (await import('./tail.ts')).tail },
  { name: 'touch', load: async () => (await import('./touch.ts')).touch },
  { name: 'tty', load: async () => (await import('./tty.ts')).tty },
  { name: 'uname', load: async () => (await import('./uname.ts')).uname },
  { name: 'unshare', load: async () => (await import('./unshare.ts')).unshare },
  { name: 'uptime', load: async () => (await import('./uptime.ts')).uptime },
  { name: 'w', load: async () => (await import('./w.ts')).w },
  { name: 'wget', load: async () => (await import('./wget.ts')).wget },
  { name: 'who', load: async () => (await import('./who.ts')).who },
  { name: 'whoami', load: async () => (await import('./whoami.ts')).whoami },
  { name: 'yes', load: async () => (await import('./yes.ts')).yes },
  { name: '__cc_bg', load: async () => (await import('./bg.ts')).bgBuiltin },
  { name: '__cc_fg', load: async () => (await import('./fg.ts')).fgBuiltin },
  { name: '__cc_help', load: async () => (await import('./help.ts')).help },
  { name: '__cc_jobs', load: async () => (await import('./jobs.ts')).jobsBuiltin },
  { name: '__cc_wait', load: async () => (await import('./wait.ts')).waitBuiltin },
];

const loaded = new Map<string, Promise<SimCommand>>();

/**
 * The command of a row, loaded once: a second `import()` of a module is cheap in a browser but
 * costs a loader round trip in Node (and a failed load is tried again next time).
 */
export function loadCommand(row: CommandRow): Promise<SimCommand> {
  let p = loaded.get(row.name);
  if (!p) {
    p = row.load();
    loaded.set(row.name, p);
    p.catch(() => loaded.delete(row.name));
  }
  return p;
}
