/**
 * Simulated effects of the package managers and build tools the lessons use
 * in RUN: apt-get/apt, apk, go, npm, make, useradd/groupadd/adduser/addgroup.
 * Effects are file writes and deletes on the build's overlay; sizes come from
 * packages.ts, so layer sizes follow from what a step really leaves behind.
 */
import { fromUtf8, utf8 } from '../image/digest.ts';
import { parentOf } from '../image/tree.ts';
import { APK, APK_INDEX, APT, APT_LISTS, installedSize, type PackageDef } from './packages.ts';
import { put, say, spend, TOOLS, type ShellContext, type Tool } from './shell.ts';
import { humanSize } from '../image/units.ts';

const LISTS = '/var/lib/apt/lists';
const IN_RELEASE = `${LISTS}/deb.debian.org_debian_dists_bookworm_InRelease`;

function readText(ctx: ShellContext, path: string): string | undefined {
  const e = ctx.root.stat(path);
  if (!e || e.type !== 'file' || !e.data) return undefined;
  return fromUtf8(e.data);
}

function writeText(ctx: ShellContext, path: string, text: string, mode = 0o644): void {
  put(ctx, path, utf8(text), { mode });
}

function growBlob(ctx: ShellContext, path: string, delta: number): void {
  const e = ctx.root.stat(path);
  const size = e?.type === 'file' ? e.size : 0;
  put(ctx, path, { size: Math.max(0, size + delta) }, { mode: 0o644 });
}

function putFiles(ctx: ShellContext, def: PackageDef): void {
  for (const [path, size] of def.files) {
    if (path.endsWith('/')) ctx.root.mkdir(path, { recursive: true });
    else {
      ctx.root.mkdir(parentOf(path), { recursive: true });
      put(ctx, path, { size }, { mode: path.includes('/bin/') ? 0o755 : 0o644 });
    }
  }
}

function dropFiles(ctx: ShellContext, def: PackageDef): void {
  for (const [path] of def.files) {
    const p = path.replace(/\/$/, '');
    if (ctx.root.lstat(p)) ctx.root.remove(p, { recursive: true });
  }
}

/** Package names plus their dependencies, depth-first, each once. */
function closure(repo: Record<string, PackageDef>, names: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (n: string) => {
    if (out.includes(n)) return;
    for (const d of repo[n]?.deps ?? []) visit(d);
    out.push(n);
  };
  names.forEach(visit);
  return out;
}

// ---------------------------------------------------------------- apt-get

const aptInstalled = (ctx: ShellContext, p: string) => ctx.root.stat(`/var/lib/dpkg/info/${p}.list`) !== undefined;

function autoSet(ctx: ShellContext): Set<string> {
  const text = readText(ctx, '/var/lib/apt/extended_states') ?? '';
  return new Set([...text.matchAll(/Package: (\S+)\nArchitecture: \S+\nAuto-Installed: 1/g)].map((m) => m[1]!));
}

function writeAuto(ctx: ShellContext, auto: Set<string>): void {
  const text = [...auto].sort().map((p) => `Package: ${p}\nArchitecture: amd64\nAuto-Installed: 1\n`).join('\n');
  writeText(ctx, '/var/lib/apt/extended_states', text);
}

function debFile(name: string, version: string, def: PackageDef): string {
  return `${name}_${version.replace(/^\d+:/, '')}_${def.arch}.deb`;
}

function poolDir(name: string): string {
  const src = name === 'nginx-common' ? 'nginx' : name;
  return `${src.startsWith('lib') ? src.slice(0, 4) : src[0]}/${src}`;
}

function listsEpoch(ctx: ShellContext): number | undefined {
  const text = readText(ctx, IN_RELEASE);
  if (!text) return undefined;
  const date = /^Date: (.*)$/m.exec(text)?.[1];
  for (let e = 0; e <= ctx.mirror.epoch; e++) if (ctx.mirror.releaseDate(e) === date) return e;
  return 0;
}

function aptUpdate(ctx: ShellContext): number {
  say(ctx, 'Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\nGet:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]\nGet:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]\nGet:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8788 kB]\nGet:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.8 kB]\nGet:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [169 kB]');
  spend(ctx, 2600);
  say(ctx, 'Fetched 9225 kB in 2s (4612 kB/s)\nReading package lists...');
  ctx.root.mkdir(`${LISTS}/partial`, { recursive: true });
  writeText(ctx, IN_RELEASE, `Origin: Debian\nLabel: Debian\nSuite: stable\nVersion: 12.6\nCodename: bookworm\nDate: ${ctx.mirror.releaseDate(ctx.mirror.epoch)}\nArchitectures: all amd64 arm64 armel armhf i386 mips64el mipsel ppc64el s390x\nComponents: main contrib non-free-firmware non-free\n`);
  for (const [name, size] of APT_LISTS) put(ctx, `${LISTS}/${name}`, { size }, { mode: 0o644 });
  put(ctx, `${LISTS}/lock`, new Uint8Array(), { mode: 0o640 });
  spend(ctx, 200);
  return 0;
}

function aptInstall(ctx: ShellContext, names: string[], yes: boolean): number {
  say(ctx, 'Reading package lists...');
  spend(ctx, 400);
  say(ctx, 'Building dependency tree...\nReading state information...');
  const epoch = listsEpoch(ctx);
  const unknown = names.filter((n) => epoch === undefined || !APT[n.split('=')[0]!]);
  if (unknown.length) {
    for (const n of unknown) say(ctx, `E: Unable to locate package ${n}`);
    return 100;
  }
  const wanted = names.map((n) => n.split('=')[0]!);
  const all = closure(APT, wanted).filter((p) => !aptInstalled(ctx, p));
  if (all.length === 0) {
    for (const n of wanted) say(ctx, `${n} is already the newest version (${ctx.mirror.versionAt(APT[n]!, epoch!)}).`);
    say(ctx, '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.');
    return 0;
  }
  const extra = all.filter((p) => !wanted.includes(p));
  if (extra.length) say(ctx, `The following additional packages will be installed:\n  ${extra.join(' ')}`);
  say(ctx, `The following NEW packages will be installed:\n  ${[...all].sort().join(' ')}`);
  const size = installedSize(all.map((p) => APT[p]!));
  say(ctx, `0 upgraded, ${all.length} newly installed, 0 to remove and 0 not upgraded.\nNeed to get ${humanSize(size / 3).replace(/([a-zA-Z]+)$/, ' $1')} of archives.\nAfter this operation, ${humanSize(size).replace(/([a-zA-Z]+)$/, ' $1')} of additional disk space will be used.`);
  if (!yes) {
    say(ctx, 'Do you want to continue? [Y/n] Abort.');
    return 1;
  }
  const stale = all.filter((p) => ctx.mirror.versionAt(APT[p]!, epoch!) !== ctx.mirror.versionAt(APT[p]!, ctx.mirror.epoch));
  spend(ctx, 300);
  if (stale.length) {
    for (const p of stale) {
      const def = APT[p]!;
      say(ctx, `E: Failed to fetch http://deb.debian.org/debian/pool/main/${poolDir(p)}/${debFile(p, ctx.mirror.versionAt(def, epoch!), def)}  404  Not Found [IP: 151.101.2.132 80]`);
    }
    say(ctx, 'E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?');
    return 100;
  }
  all.forEach((p, i) => say(ctx, `Get:${i + 1} http://deb.debian.org/debian bookworm/main amd64 ${p} amd64 ${ctx.mirror.versionAt(APT[p]!, epoch!)}`));
  spend(ctx, 1200 + Math.round(size / 1_000_000) * 15);
  const auto = autoSet(ctx);
  for (const p of all) {
    const def = APT[p]!;
    putFiles(ctx, def);
    writeText(ctx, `/var/lib/dpkg/info/${p}.list`, def.files.map(([f]) => f.replace(/\/$/, '')).join('\n') + '\n');
    say(ctx, `Setting up ${p} (${ctx.mirror.versionAt(def, epoch!)}) ...`);
    if (!wanted.includes(p)) auto.add(p);
  }
  writeAuto(ctx, auto);
  growBlob(ctx, '/var/lib/dpkg/status', 1200 * all.length);
  growBlob(ctx, '/var/log/dpkg.log', 310 * all.length);
  growBlob(ctx, '/var/log/apt/history.log', 240);
  return 0;
}

function aptRemove(ctx: ShellContext, names: string[], autoremove: boolean): number {
  say(ctx, 'Reading package lists...\nBuilding dependency tree...\nReading state information...');
  const auto = autoSet(ctx);
  const installed = Object.keys(APT).filter((p) => aptInstalled(ctx, p));
  const remove = new Set(names.map((n) => n.split('=')[0]!).filter((n) => installed.includes(n)));
  if (autoremove) {
    const keep = installed.filter((p) => !remove.has(p) && !auto.has(p));
    const needed = new Set(closure(APT, keep));
    for (const p of installed) if (auto.has(p) && !needed.has(p)) remove.add(p);
  }
  if (remove.size === 0) {
    say(ctx, '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.');
    return 0;
  }
  say(ctx, `The following packages will be REMOVED:\n  ${[...remove].sort().join('* ')}*`);
  for (const p of remove) {
    dropFiles(ctx, APT[p]!);
    ctx.root.remove(`/var/lib/dpkg/info/${p}.list`);
    auto.delete(p);
    say(ctx, `Removing ${p} (${APT[p]!.versions[0]}) ...`);
  }
  writeAuto(ctx, auto);
  growBlob(ctx, '/var/lib/dpkg/status', -1200 * remove.size);
  growBlob(ctx, '/var/log/dpkg.log', 120 * remove.size);
  spend(ctx, 600);
  return 0;
}

const aptGet: Tool = (args, ctx) => {
  const sub = args.find((a) => !a.startsWith('-'));
  const rest = args.slice(args.indexOf(sub!) + 1).filter((a) => !a.startsWith('-'));
  const yes = args.some((a) => a === '-y' || a === '--yes' || a === '--assume-yes' || /^-[a-z]*y/.test(a) || a === '-qq');
  switch (sub) {
    case 'update':
      return aptUpdate(ctx);
    case 'install':
      return aptInstall(ctx, rest, yes);
    case 'remove':
    case 'purge':
      return yes ? aptRemove(ctx, rest, args.includes('--auto-remove')) : (say(ctx, 'Do you want to continue? [Y/n] Abort.'), 1);
    case 'autoremove':
      return aptRemove(ctx, rest, true);
    case 'clean':
    case 'autoclean':
      return 0;
    case 'upgrade':
    case 'dist-upgrade':
      say(ctx, 'Reading package lists...\nBuilding dependency tree...\nReading state information...\nCalculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.');
      return 0;
    default:
      say(ctx, `E: Invalid operation ${sub ?? ''}`.trimEnd());
      return 100;
  }
};

TOOLS['apt-get'] = aptGet;
TOOLS['apt'] = (args, ctx, env) => {
  say(ctx, '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n');
  return aptGet(args, ctx, env);
};

// ---------------------------------------------------------------- apk

TOOLS['apk'] = (args, ctx) => {
  const sub = args.find((a) => !a.startsWith('-'));
  const rest = args.slice(args.indexOf(sub!) + 1).filter((a) => !a.startsWith('-'));
  const noCache = args.includes('--no-cache');
  const minor = /VERSION_ID=(\d+\.\d+)/.exec(readText(ctx, '/etc/os-release') ?? '')?.[1] ?? '3.20';
  const fetch = () => {
    say(ctx, `fetch https://dl-cdn.alpinelinux.org/alpine/v${minor}/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v${minor}/community/x86_64/APKINDEX.tar.gz`);
    spend(ctx, 700);
    if (!noCache) for (const [p, s] of APK_INDEX) put(ctx, p, { size: s }, { mode: 0o644 });
  };
  const world = (readText(ctx, '/etc/apk/world') ?? '').split('\n').filter(Boolean);
  if (sub === 'update') {
    fetch();
    say(ctx, `v${minor}.3-0-g0e7a3e5d0e [https://dl-cdn.alpinelinux.org/alpine/v${minor}/main]\nOK: 24166 distinct packages available`);
    return 0;
  }
  if (sub === 'add') {
    fetch();
    const unknown = rest.filter((n) => !APK[n]);
    if (unknown.length) {
      say(ctx, `ERROR: unable to select packages:\n${unknown.map((n) => `  ${n} (no such package):\n    required by: world[${n}]`).join('\n')}`);
      return unknown.length;
    }
    const all = closure(APK, rest).filter((p) => !world.includes(p) && !ctx.root.stat(APK[p]!.files[0]![0]));
    all.forEach((p, i) => {
      putFiles(ctx, APK[p]!);
      say(ctx, `(${i + 1}/${all.length}) Installing ${p} (${APK[p]!.versions[0]})`);
    });
    spend(ctx, 300 + Math.round(installedSize(all.map((p) => APK[p]!)) / 1_000_000) * 10);
    writeText(ctx, '/etc/apk/world', [...new Set([...world, ...rest])].sort().join('\n') + '\n');
    growBlob(ctx, '/lib/apk/db/installed', 2_048 * all.length);
    say(ctx, `OK: ${Math.round(installedSize(all.map((p) => APK[p]!)) / 1_048_576) + 7} MiB in ${15 + all.length} packages`);
    return 0;
  }
  if (sub === 'del') {
    const keep = new Set(closure(APK, world.filter((w) => !rest.includes(w))));
    const drop = closure(APK, rest).filter((p) => !keep.has(p) && APK[p]);
    drop.forEach((p, i) => {
      dropFiles(ctx, APK[p]!);
      say(ctx, `(${i + 1}/${drop.length}) Purging ${p} (${APK[p]!.versions[0]})`);
    });
    writeText(ctx, '/etc/apk/world', world.filter((w) => !rest.includes(w)).join('\n') + '\n');
    growBlob(ctx, '/lib/apk/db/installed', -2_048 * drop.length);
    return 0;
  }
  say(ctx, `apk-tools 2.14.4, compiled for x86_64.\n\nERROR: unknown command '${sub ?? ''}'`);
  return 1;
};

// ---------------------------------------------------------------- users

const idsOf = (text: string) => new Set(text.split('\n').map((l) => Number(l.split(':')[2])));

/**
 * A system id: shadow's useradd/groupadd -r count down from SYS_UID_MAX/SYS_GID_MAX (999, Debian's login.defs);
 * busybox's adduser -S and addgroup -S count up from CONFIG_FIRST_SYSTEM_ID (100) (busybox@1_36_1:loginutils/adduser.c
 * passwd_study, addgroup.c xgroup_study), skipping an id a user or group has.
 */
function freeId(ctx: ShellContext, system: boolean, taken: (id: number) => boolean): number {
  const up = ctx.flavor === 'busybox' || !system;
  let id = system ? (up ? 100 : 999) : 1000;
  while (taken(id)) id += up ? 1 : -1;
  return id;
}

function addUser(
  ctx: ShellContext,
  name: string,
  opts: { uid?: number; gid?: number; system: boolean; home?: string; shell: string; makeHome: boolean; gecos?: string },
): number {
  const passwd = readText(ctx, '/etc/passwd') ?? '';
  if (new RegExp(`^${name}:`, 'm').test(passwd)) {
    say(ctx, `useradd: user '${name}' already exists`);
    return 9;
  }
  const used = idsOf(passwd);
  const group = readText(ctx, '/etc/group') ?? '';
  // busybox: without -G the user gets a group of its own with the same id, so that id must be free in both files.
  const groups = opts.gid === undefined && ctx.flavor === 'busybox' ? idsOf(group) : new Set<number>();
  const uid = opts.uid ?? freeId(ctx, opts.system, (id) => used.has(id) || groups.has(id));
  const gid = opts.gid ?? uid;
  const home = opts.home ?? (opts.system ? '/nonexistent' : `/home/${name}`);
  writeText(ctx, '/etc/passwd', `${passwd}${name}:x:${uid}:${gid}:${opts.gecos ?? ''}:${home}:${opts.shell}\n`);
  if (!new RegExp(`^${name}:`, 'm').test(group) && opts.gid === undefined) writeText(ctx, '/etc/group', `${group}${name}:x:${gid}:\n`);
  if (opts.makeHome) ctx.root.mkdir(home, { recursive: true });
  return 0;
}

function flagValue(args: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    for (const n of names) {
      if (a === n) return args[i + 1];
      if (n.length > 2 && a.startsWith(`${n}=`)) return a.slice(n.length + 1);
    }
  }
  return undefined;
}

TOOLS['useradd'] = (args, ctx) => {
  const name = args[args.length - 1]!;
  const uid = flagValue(args, '-u', '--uid');
  const gidText = flagValue(args, '-g', '--gid');
  const gid = gidText === undefined ? undefined : /^\d+$/.test(gidText) ? Number(gidText) : Number(/^[^:]+:x:(\d+):/m.exec((readText(ctx, '/etc/group') ?? '').split('\n').find((l) => l.startsWith(`${gidText}:`)) ?? '')?.[1] ?? 0);
  return addUser(ctx, name, { ...(uid ? { uid: Number(uid) } : {}), ...(gid !== undefined ? { gid } : {}), system: args.includes('-r') || args.includes('--system'), shell: flagValue(args, '-s', '--shell') ?? '/bin/sh', makeHome: args.includes('-m') || args.includes('--create-home'), ...(flagValue(args, '-d', '--home-dir', '--home') ? { home: flagValue(args, '-d', '--home-dir', '--home')! } : {}) });
};
TOOLS['adduser'] = (args, ctx) => {
  const values = new Set(['-u', '-G', '-s', '-h', '-g', '-k'].map((f) => args.indexOf(f) + 1).filter((i) => i > 0));
  const name = args.filter((a, i) => !a.startsWith('-') && !values.has(i))[0] ?? args[args.length - 1]!;
  const uid = flagValue(args, '-u', '--uid');
  const system = args.includes('-S') || args.includes('--system');
  const bb = ctx.flavor === 'busybox';
  // busybox adduser -G GROUP: the user's group is GROUP's id, and the user joins its members (addgroup USER GROUP);
  // a system account (-S) without -G joins "nogroup", with /bin/false as its shell unless -s (adduser.c main).
  const groupName = flagValue(args, '-G', '--ingroup') ?? (bb && system ? 'nogroup' : undefined);
  let gid: number | undefined;
  if (groupName !== undefined) {
    const group = readText(ctx, '/etc/group') ?? '';
    const line = group.split('\n').find((l) => l.startsWith(`${groupName}:`));
    if (!line) {
      say(ctx, `adduser: unknown group ${groupName}`);
      return 1;
    }
    gid = Number(line.split(':')[2]);
    const members = line.split(':')[3] ?? '';
    writeText(ctx, '/etc/group', group.replace(line, `${line.split(':').slice(0, 3).join(':')}:${members ? `${members},` : ''}${name}`));
  }
  // busybox: gecos "Linux User,,," unless -g, home /home/NAME unless -h, for system accounts too.
  const bbOpts = bb ? { gecos: flagValue(args, '-g') ?? 'Linux User,,,', home: flagValue(args, '-h') ?? `/home/${name}` } : {};
  const shell = flagValue(args, '-s') ?? (bb && system ? '/bin/false' : '/bin/sh');
  return addUser(ctx, name, { ...(uid ? { uid: Number(uid) } : {}), ...(gid === undefined ? {} : { gid }), system, shell, makeHome: !args.includes('-H'), ...bbOpts });
};
const addGroup: Tool = (args, ctx) => {
  const name = args[args.length - 1]!;
  const group = readText(ctx, '/etc/group') ?? '';
  const gidText = flagValue(args, '-g', '--gid');
  const used = idsOf(group);
  const gid = gidText ? Number(gidText) : freeId(ctx, args.includes('-r') || args.includes('-S') || args.includes('--system'), (id) => used.has(id));
  writeText(ctx, '/etc/group', `${group}${name}:x:${gid}:\n`);
  return 0;
};
TOOLS['groupadd'] = addGroup;
TOOLS['addgroup'] = addGroup;

export { readText, writeText, flagValue };
