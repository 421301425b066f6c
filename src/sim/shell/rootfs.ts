/**
 * The filesystem one root's shell sees: the image's (or the host's) files with the commands
 * it has under /bin, /etc/hostname, /etc/hosts and /etc/resolv.conf, the writes the container
 * made before its shell existed, and /proc, /sys/fs/cgroup, /sys/class/net, its volumes, bind
 * mounts and tmpfs mounted on top. Writes take the simulated clock's time and reach the
 * container's overlay upperdir; --read-only and `:ro` mounts refuse them.
 */
import { BUILDX_PATH, COMPOSE_PATH } from './commands/docker/buildx-path.ts';
import type * as JB from 'just-bash';
import type { Daemon } from '../docker/daemon.ts';
import { CgroupFs } from '../fs/cgroupfs.ts';
import { ProcFs } from '../fs/procfs.ts';
import { DevFs } from '../fs/devfs.ts';
import { containerDevices } from '../fs/devnodes.ts';
import { SysNetFs } from '../fs/sysnet.ts';
import { hostFileMeta, hostFiles } from '../fs/hostfiles.ts';
import { noteDenied } from './denied.ts';
import { hostsFile, resolvConf } from '../net/files.ts';
import type { Host } from '../host.ts';
import { bindsFile, dataVolumeFs } from './datavolumefs.ts';
import { emptyDirFs } from './emptydirfs.ts';
import { BindFs, fsForVolume } from './storagefs.ts';
import { setChowner, type SimFsHooks } from './simfs.ts';
import { hostTemplateKey, OWN_FILES, rootBase } from './rootbase.ts';
import { templateKey } from './roottemplate.ts';
import { hostOverlayMounts, mountTable, procMounts } from './mounttable.ts';
import { procMountinfo } from '../fs/procfiles.ts';
import { loadedModules, procModules } from '../kernel/modules.ts';
import { hasCap } from '../kernel/capabilities.ts';
import type { Flavor } from '../docker/images.ts';
import type { Session } from './types.ts';
import type { Proc } from '../kernel/types.ts';
import { BUSYBOX_SCRIPT } from './applet.ts';
import { SBIN } from './usrsbin.ts';
import { readWants } from './readsize.ts';
import { LIMITS } from './limits.ts';
import { attached } from '../attached.ts';
import { mountFs, type Refusal } from './mountfs.ts';

/** The runtime's own commands (runtime.ts, commands/help.ts). */
/**
 * Programs that a default Ubuntu 24.04 server does not have: just-bash's tree (its own package, not in
 * ubuntu-server or ubuntu-standard) and the images' own programs (nginx, node, npm, yarn, go, memcached, registry, stress:
 * commands/nginx.ts, node.ts, …): not on the host,
 * so bash says it is not found. net-tools (netstat, route) is not installed on Ubuntu 24.04 server: busybox's are alpine's. (nslookup is bind9-dnsutils' on the host, busybox's in alpine: commands/nslookup.ts.)
 */
export const HOST_ABSENT: ReadonlySet<string> = new Set(['tree', 'nginx', 'node', 'npm', 'yarn', 'go', 'memcached', 'registry', 'stress', 'netstat', 'route']);

const INTERNAL = [
  '__cc_status',
  '__cc_fndef',
  '__cc_keep',
  '__cc_declf',
  '__cc_globdir',
  '__cc_words',
  '__cc_applet',
  '__cc_help',
  '__cc_fork',
  '__cc_exec',
  '__cc_forkend',
  '__cc_notfound',
  '__cc_cdfail',
  '__cc_cdprint',
  '__cc_path',
  '__cc_pseen',
  '__cc_setlist',
  '__cc_seterr',
  '__cc_bi',
  '__cc_enable',
  '__cc_trap',
  '__cc_xt',
  '__cc_exiting',
  '__cc_xtm',
];

/** A root's command names (those listed under /bin and its image's) and the runtime's internal ones, per list. */
const namesFor = attached<string[], Map<Set<string> | undefined, { names: Set<string>; internal: string[] }>>('rootNames');
function namesOf(binNames: string[], avail: Set<string> | undefined): { names: Set<string>; internal: string[] } {
  let byAvail = namesFor.get(binNames);
  if (!byAvail) namesFor.set(binNames, (byAvail = new Map()));
  let made = byAvail.get(avail);
  if (!made) {
    const names = new Set<string>([...binNames, ...(avail ?? [])]);
    // The runtime's internal commands: the fixed ones and those commands that answer for a renamed builtin (__cc_jobs, …).
    const internal = [...new Set([...INTERNAL, ...[...names].filter((n) => n.startsWith('__cc_'))])];
    made = { names, internal };
    byAvail.set(avail, made);
  }
  return made;
}

/** A write the shell reports after the line (bash: `bash: PATH: Reason`). */
interface WriteError {
  path: string;
  reason: string;
}

/**
 * Builds the filesystem of `root` ('host', a docker container's id, or a root another engine
 * registered). `binNames` are the commands to list under /bin (those of `avail`, the commands
 * the image has, are added); `hostFs` is the host's filesystem, for bind mounts; write errors
 * go to the list `writeErrors` returns (the current line's).
 */
export function rootFs(
  jb: typeof JB,
  host: Host,
  daemon: Daemon,
  root: string,
  avail: Set<string> | undefined,
  binNames: string[],
  hostFs: () => JB.IFileSystem,
  writeErrors: () => WriteError[],
  onEndless: (path: string) => void = () => {},
): { fs: JB.MountableFs; readOnly: (path: string) => boolean } {
  const c = root === 'host' ? undefined : daemon.containers.get(root);
  // A container another engine (the kubelet, through containerd) created: its ContainerRoot.
  const other = root === 'host' || c ? undefined : host.runc.roots.get(root);
  // An image with busybox's applet links gets its own PATH directories (the links, /bin/busybox, its other programs);
  // elsewhere the commands are listed under /bin.
  const links = (c?.image.flavor ?? other?.flavor) === 'busybox' ? (c?.image.links ?? other?.links) : undefined;
  const { names, internal } = namesOf(binNames, avail);
  // node1 is Ubuntu 24.04 with merged /usr: /bin, /sbin, /lib and /lib64 are symbolic links into /usr
  // (usrmerge), so its programs live in /usr/bin; elsewhere the commands are listed under /bin.
  const merged = root === 'host';
  const hidden = merged ? [...internal, ...jb.getCommandNames().filter((n) => !names.has(n) && !HOST_ABSENT.has(n))] : internal;
  const hosts = c ? hostsFile(daemon.net, c) : undefined;
  const resolv = c ? resolvConf(daemon.net, c, host.fixture.network.eth0.gateway) : undefined;
  const mtime = new Date(root === 'host' ? Date.parse(host.fixture.bootTime) : (c?.createdMs ?? other?.createdMs ?? host.clock.nowMs));
  // An image's entries carry its layers' times (the build steps'); what Docker's init layer holds (image/container-fs.ts
  // initLayerTree: /etc, /dev, /proc, /sys, /.dockerenv, /etc/hostname…) and the files it writes at create keep the container's.
  const times = c?.image.times ?? other?.times ?? {};
  const init0 = c
    ? /^\/(etc(\/(hostname|hosts|resolv\.conf|mtab))?|dev(\/(pts|shm|console))?|proc|sys|\.dockerenv)$/
    : /^\/etc\/(hostname|hosts|resolv\.conf)$/;
  const at = (p: string) => (times[p] !== undefined && !init0.test(p) ? new Date(times[p]) : mtime);
  const hostMeta = merged ? hostFileMeta(host) : undefined;
  // The files of the root, worked out only when its template is built (a container of an image seen before needs none).
  const initOf = () => {
    const files: Record<string, string> = root === 'host' ? hostFiles(host) : { ...(c?.image.files ?? other?.files ?? {}), ...(other?.etc ?? {}) };
    const init: Record<string, { content: string; mtime: Date; mode?: number }> = {};
    const binDir = merged ? '/usr/bin' : '/bin';
    if (!links) {
      for (const n of names)
        if ((avail ? avail.has(n) : !HOST_ABSENT.has(n)) && !n.startsWith('__')) files[`${merged && SBIN[n] === 'sbin' ? '/usr/sbin' : binDir}/${n}`] ??= '';
      // With /usr/bin present the shell no longer falls back to its registry: the internal commands, and the
      // shell's own (echo, cp, …) not listed above, sit unlisted in /usr/bin.
      if (merged) for (const n of hidden) files[`/usr/bin/${n}`] = '';
    } else for (const n of internal) files[`/bin/${n}`] = ''; // with its own /usr/bin the shell no longer falls back to its registry: its internal commands sit, unlisted, in /bin
    if (c) files['/etc/hostname'] = `${c.config.Hostname}\n`;
    if (hosts !== undefined) files['/etc/hosts'] = hosts;
    // --network host: Docker gives the container a copy of the host's /etc/hosts (moby@v27.3.1:libnetwork/sandbox_dns_unix.go: in the default sandbox, the host network, it copies originHostsPath, /etc/hosts).
    else if (c?.hostConfig.NetworkMode === 'host') files['/etc/hosts'] = hostFiles(host)['/etc/hosts'] ?? '';
    if (resolv !== undefined) files['/etc/resolv.conf'] = resolv;
    for (const [path, content] of Object.entries(files)) init[path] = { content, mtime: at(path) };
    // Docker's init layer's /.dockerenv, empty and 0755 (image/container-fs.ts initLayerTree; moby@v27.3.1:daemon/initlayer/setup_unix.go Setup).
    if (c) init['/.dockerenv'] = { content: '', mtime, mode: 0o755 };
    if (merged)
      for (const n of [...names, ...hidden])
        if (init[`/usr/bin/${n}`]) init[`/usr/bin/${n}`] = { content: SBIN[n] === 'both' ? BUSYBOX_SCRIPT : '', mtime, mode: 0o755 };
    // just-bash runs a registered command only from /bin/NAME or /usr/bin/NAME; from /usr/sbin it runs the file as a
    // script, so /usr/sbin's programs (and the /usr/bin files their links lead to) hand "$0" to __cc_applet (applet.ts).
    if (merged) for (const n of Object.keys(SBIN)) if (init[`/usr/sbin/${n}`]) init[`/usr/sbin/${n}`] = { content: BUSYBOX_SCRIPT, mtime, mode: 0o755 };
    // The docker-buildx-plugin package's one file: the CLI plugin the docker CLI finds there (commands/docker/buildx.ts).
    if (merged) init[BUILDX_PATH] = { content: '', mtime, mode: 0o755 };
    // And docker-compose-plugin's (commands/docker/compose.ts).
    if (merged) init[COMPOSE_PATH] = { content: '', mtime, mode: 0o755 };
    if (links)
      for (const p of c?.image.executables ?? other?.executables ?? [])
        if (/^\/(usr\/(local\/)?)?s?bin\/[^/]+$/.test(p))
          init[p] = { content: p === '/bin/busybox' ? BUSYBOX_SCRIPT : (files[p] ?? ''), mtime: at(p), mode: 0o755 };
    return init;
  };
  // Writes take the simulated clock's time, so `ls -l` is the same on every replay. With
  // --read-only, writes outside the --tmpfs mounts fail (reported like the other write errors).
  const tmpfs = other ? other.writable : Object.keys(c?.hostConfig.Tmpfs ?? {});
  // Volumes and bind mounts: writable ones escape --read-only, `:ro` ones refuse writes.
  const mountList = c ? (daemon.lib?.mounts.get(c.id) ?? []) : [];
  const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
  const rwMounts = [...tmpfs, ...mountList.filter((m) => !m.readOnly).map((m) => m.destination)];
  const roMounts = mountList.filter((m) => m.readOnly).map((m) => m.destination);
  const readOnly = (path: string) =>
    roMounts.some((d) => under(path, d)) || (Boolean(c?.hostConfig.ReadonlyRootfs ?? other?.readOnlyRoot) && !rwMounts.some((t) => under(path, t)));
  const report = (path: string) => {
    if (!writeErrors().some((e) => e.path === path)) writeErrors().push({ path, reason: 'Read-only file system' });
  };
  // A container's writes also go to its overlay upperdir (docker diff / commit read it).
  const overlay = () => (c ? daemon.lib?.rootfs.get(c.id)?.root : undefined);
  const hiddenNames = new Set(links || merged ? hidden : []);
  const hooks: SimFsHooks = {
    readOnly,
    report,
    now: () => host.clock.nowMs,
    overlay,
    hides: (n) => hiddenNames.has(n),
    creds: () => ({
      uid: host.current?.euid ?? 0,
      gid: host.current?.egid ?? 0,
      groups: host.current?.groups,
      umask: host.current?.umask,
      readsAll: !host.current || hasCap(host.current.caps, 'dac_override') || hasCap(host.current.caps, 'dac_read_search'),
    }),
    denied: (path, reason) => noteDenied(host, path, reason),
  };
  // A docker container's own files (Docker writes them at create); a kubelet's root has them among its files.
  const etcFiles = c
    ? {
        '/etc/hostname': `${c.config.Hostname}\n`,
        '/etc/hosts': hosts ?? (c.hostConfig.NetworkMode === 'host' ? (hostFiles(host)['/etc/hosts'] ?? '') : undefined),
        '/etc/resolv.conf': resolv,
      }
    : { ...other?.files, ...other?.etc };
  const own = root === 'host' ? {} : Object.fromEntries(OWN_FILES.flatMap((p) => (etcFiles[p] === undefined ? [] : [[p, etcFiles[p]]])));
  const hostLinks = (hostMeta?.links ?? []).map(([path, target]) => [path, target, hostMeta?.meta[target]?.mtimeMs] as const);
  const base = rootBase(jb, hooks, {
    init: initOf,
    // A docker container's template: its image's (the image store shares one set of objects per image: image/adapter.ts).
    key: c
      ? templateKey(
          `docker:${c.image.flavor}`,
          c.image.id,
          [c.image.files, c.image.dirs, c.image.links, c.image.fileLinks, c.image.meta, c.image.times, c.image.executables, c.image.commands],
          binNames,
          Object.keys(own),
        )
      : merged
        ? hostTemplateKey(host.fixture, [host.fixture.hostname, host.fixture.os, host.fixture.network.eth0.gateway], [...names], hostLinks)
        : undefined,
    mtime,
    at,
    merged,
    names,
    dirs: c?.image.dirs ?? other?.dirs ?? [],
    // Docker's init layer's /etc/mtab -> /proc/mounts (image/container-fs.ts initLayerTree; moby@v27.3.1:daemon/initlayer/setup_unix.go).
    links: () => ({ ...links, ...(c?.image.fileLinks ?? other?.fileLinks), ...(c ? { '/etc/mtab': '/proc/mounts' } : {}) }),
    meta: c?.image.meta ?? other?.meta ?? {},
    hostLinks,
    own,
    upper: c ? daemon.lib?.rootfs.get(c.id)?.root.upper : undefined,
  });
  // kubeadm's files with their modes and times; their texts are made on the first read of one (fs/kubeadm-files.ts).
  for (const [path, m] of Object.entries(hostMeta?.meta ?? {}))
    base.writeFileLazy(path, () => hostMeta?.text(path) ?? '', { mode: m.mode, mtime: new Date(m.mtimeMs) });
  base.live = true;
  const readOnlyCg = root !== 'host' && !(c?.hostConfig.Privileged ?? other?.privileged);
  const procfs = new ProcFs(host);
  procfs.readOnlySys = readOnlyCg;
  // Each bound first, then assigned (tests/architecture-gc.test.ts: a function literal assigned to a property is pretenured).
  const procMountsOf: ProcFs['mounts'] = (p) => procMounts(mountTable(daemon, p.containerId ? daemon.containers.get(p.containerId) : undefined));
  const mountinfo: ProcFs['mountinfo'] = (p) =>
    procMountinfo(mountTable(daemon, p.containerId ? daemon.containers.get(p.containerId) : undefined), Boolean(p.containerId));
  const modules: ProcFs['modules'] = (p) => procModules(loadedModules(host.kernel, hostOverlayMounts(daemon)), hasCap(p.caps, 'syslog'));
  procfs.mounts = procMountsOf;
  procfs.mountinfo = mountinfo;
  procfs.modules = modules;
  const cgfs = new CgroupFs(host, readOnlyCg);
  const onWriteError = (path: string, reason: string) => {
    if (!writeErrors().some((e) => e.path === path && e.reason === reason)) writeErrors().push({ path, reason });
  };
  procfs.onWriteError = onWriteError;
  cgfs.onWriteError = onWriteError;
  const lib = daemon.lib;
  const volumeMounts = (c && lib ? (lib.mounts.get(c.id) ?? []) : []).flatMap((m) => {
    const v = m.type === 'volume' ? lib?.volumes.get(m.source) : undefined;
    if (m.type === 'tmpfs') return [{ mountPoint: m.destination, filesystem: new jb.InMemoryFs() as JB.IFileSystem }];
    if (m.type === 'bind')
      return [{ mountPoint: m.destination, filesystem: new BindFs(hostFs(), m.source, m.readOnly, report, m.destination) as JB.IFileSystem }];
    if (!v) return [];
    const vfs = fsForVolume(jb, v, () => host.clock.nowMs);
    return [{ mountPoint: m.destination, filesystem: m.readOnly ? (new BindFs(vfs, '', true, report, m.destination) as JB.IFileSystem) : vfs }];
  });
  // A pod's hostPath volumes (the kubelet's binds): the host's directory at the mount point.
  for (const b of other?.binds ?? [])
    volumeMounts.push({
      mountPoint: b.destination,
      filesystem: new BindFs(hostFs(), b.source === '/' ? '' : b.source, b.readOnly, report, b.destination) as JB.IFileSystem,
    });
  // A pod's ConfigMap and Secret volumes, as the kubelet wrote them.
  for (const dv of other?.dataVolumes ?? []) {
    // runc's createIfNotExists: a file bound onto a path the image lacks gets an empty file (0755) as its mount point.
    if (bindsFile(dv) && !(base as unknown as { data: Map<string, unknown> }).data.has(dv.destination))
      base.writeFileSync(dv.destination, '', undefined, { mode: 0o755, mtime });
    volumeMounts.push({ mountPoint: dv.destination, filesystem: dataVolumeFs(jb, dv, report) });
  }
  // Its emptyDir volumes: one directory per pod volume, shared by its containers (emptydirfs.ts).
  for (const m of other?.emptyDirs ?? []) volumeMounts.push({ mountPoint: m.destination, filesystem: emptyDirFs(jb, m, hooks, report) });
  // --tmpfs PATH (and a pod's other writable volumes): an empty tmpfs at PATH (created if the image lacks it), gone with the container.
  for (const t of tmpfs)
    if (!volumeMounts.some((m) => m.mountPoint === t)) volumeMounts.push({ mountPoint: t, filesystem: new jb.InMemoryFs() as JB.IFileSystem });
  const devfs = new DevFs(host, () => mtime.getTime(), {
    host: root === 'host',
    tty: Boolean(c?.config.Tty),
    containerId: c?.id ?? (root === 'host' ? undefined : root),
    // --device and --privileged; a privileged pod's container gets every host device too (containerd@v1.7.22
    // pkg/cri/server/container_create_linux.go: oci.WithHostDevices when the security context is privileged).
    ...(c && (c.hostConfig.Privileged || c.hostConfig.Devices?.length) ? { extra: containerDevices(c.hostConfig.Devices ?? [], c.hostConfig.Privileged) } : {}),
    ...(other?.privileged ? { extra: containerDevices([], true) } : {}),
  });
  devfs.onEndless = onEndless;
  // `head -c N /dev/zero` gets N bytes when they fit a string of the line (a larger N: commands/head.ts stops the line).
  const wants = () => {
    const n = readWants.get(host.current);
    return n !== undefined && n <= LIMITS.stringBytes ? n : undefined;
  };
  devfs.wants = wants;
  devfs.onWriteError = procfs.onWriteError;
  // Each mount point is a directory of the root below it, as mount(2) needs (and as runc and Docker make them):
  // its parent's link count counts it, and /sys no longer takes the real clock.
  const mounts = ['/dev', '/proc', '/sys/fs/cgroup', '/sys/class/net', ...volumeMounts.map((m) => m.mountPoint)];
  for (const d of mounts)
    try {
      base.mkdirSync(d, { recursive: true });
    } catch {
      /* a file bind-mounted on a file */
    }
  // The directories just-bash made for the root's files (/etc, /var/lib, /etc/kubernetes/pki …) and these mount
  // points carry the real clock: they take the root's time instead, so `ls -l` is the same on every run (one pass
  // over the entries, where a stat per path was walked before).
  base.settle(mtime, host.clock.nowMs);
  const fs = mountFs(
    jb,
    {
      base,
      mounts: [
        { mountPoint: '/dev', filesystem: devfs },
        { mountPoint: '/proc', filesystem: procfs },
        { mountPoint: '/sys/fs/cgroup', filesystem: cgfs },
        { mountPoint: '/sys/class/net', filesystem: new SysNetFs(host) },
        ...volumeMounts,
      ],
    },
    refusedOf(host, (c?.image.flavor ?? other?.flavor) === 'busybox', onWriteError),
  );
  // chown(1) reaches the filesystem that holds a path: the root's own (volumes, bind mounts and tmpfs keep root:root).
  setChowner(host, root, async (path, uid, gid) => {
    const abs = fs.resolvePath('/', path);
    if (!fs.getMounts().some((m) => abs === m.mountPoint || abs.startsWith(`${m.mountPoint}/`))) await base.chown(abs, uid, gid);
    else await fs.stat(abs);
  });
  return { fs, readOnly };
}

/**
 * A lookup the walk refused (shell/mountfs.ts): strerror's text for the path, glibc's (glibc-2.39
 * sysdeps/gnu/errlist.h) or in a busybox image musl's (musl v1.2.4 src/errno/__strerror.h `E(ELOOP, "Symbolic link
 * loop")`; ENOTDIR and EISDIR read the same in both: "Not a directory", "Is a directory"). A write's EISDIR is the
 * shell's to report after the line (`bash: PATH: Is a directory`, ash's `sh: can't create PATH: Is a directory`).
 */
function refusedOf(host: Host, musl: boolean, onWriteError: (path: string, reason: string) => void): (path: string, code: Refusal, write?: boolean) => void {
  const loop = musl ? 'Symbolic link loop' : 'Too many levels of symbolic links';
  const onRefused = (path: string, code: Refusal, write?: boolean) =>
    write ? onWriteError(path, 'Is a directory') : noteDenied(host, path, code === 'ELOOP' ? loop : code === 'ENOTDIR' ? 'Not a directory' : 'Is a directory');
  return onRefused;
}

/** The session of a command run once in a container root (its main command, docker exec, a kubelet or kubectl exec command). */
export function scriptSession(p: Proc, root: string, flavor: Flavor, hostname: string, env: Record<string, string>, cwd: string): Session {
  return { proc: p, root, flavor, shell: flavor === 'busybox' ? 'sh' : 'bash', hostname, env, cwd, status: 0, onExit: () => '', script: true };
}

/** The command flavour of a root (the host's coreutils, or its image's). */
export function rootFlavor(host: Host, daemon: Daemon, root: string): Flavor {
  return root === 'host' ? 'coreutils' : (daemon.containers.get(root)?.image.flavor ?? host.runc.roots.get(root)?.flavor ?? 'coreutils');
}

/** The commands a root's image has (undefined on the host: all of them). */
export function rootCommands(host: Host, daemon: Daemon, root: string): Set<string> | undefined {
  if (root === 'host') return undefined;
  const c = daemon.containers.get(root);
  return new Set(c?.image.commands ?? host.runc.roots.get(root)?.commands ?? []);
}

/** Path candidates for `word` in the session's filesystem (directories end in `/`). */
export async function completePath(fs: JB.IFileSystem, host: Host, session: Session, word: string): Promise<string[]> {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const dir = fs.resolvePath(session.cwd, dirPart || '.');
  const prev = host.current;
  host.current = session.proc;
  try {
    const names = await fs.readdir(dir);
    const out: string[] = [];
    for (const n of names) {
      const st = await fs.stat(fs.resolvePath(dir, n)).catch(() => undefined);
      out.push(`${dirPart}${n}${st?.isDirectory ? '/' : ''}`);
    }
    return out;
  } catch {
    return [];
  } finally {
    host.current = prev;
  }
}
