/**
 * systemd-cgls (systemd 255, Ubuntu 24.04): the cgroup tree with each group's processes.
 * systemd@v255:src/cgls/cgls.c main: "Control group /:" then "-.slice" for the whole tree, "Control group PATH:"
 * for a path argument, "Unit NAME (PATH):" for -u; src/shared/cgroup-show.c show_cgroup_by_path: a group's own
 * processes (PIDs sorted, right-aligned to the widest, kernel threads left out unless -k) come before its
 * subgroups, which are listed in readdir order (cgroupfs is kernfs: ascending linux@v6.8:fs/kernfs/dir.c
 * kernfs_name_hash), empty ones skipped unless --all; a delegated group (Delegate=yes: docker.service and
 * containerd.service in their unit files, and runc's docker-<id>.scope) is followed by " …"; each level is
 * two columns narrower, and a command line longer than the room left is cut with "…" unless -l.
 * Printed as with --no-pager (the pager is not simulated): 80 columns on a pipe, the terminal's width on a tty.
 */
import { SYSTEMD_VERSION } from './timedatectl.ts';
import type { ExecResult } from '../../api.ts';
import type { Proc } from '../../kernel/types.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** linux@v6.8:fs/kernfs/dir.c kernfs_name_hash: include/linux/stringhash.h partial_name_hash, end_name_hash (hash_64 with GOLDEN_RATIO_64). */
export function kernfsHash(name: string): number {
  const M = (1n << 64n) - 1n;
  let h = 0n;
  for (const c of new TextEncoder().encode(name)) h = ((h + (BigInt(c) << 4n) + (BigInt(c) >> 4n)) * 11n) & M;
  let r = Number(((h * 0x61c8864680b583ebn) & M) >> 32n) & 0x7fffffff;
  if (r < 2) r += 2;
  if (r >= 0x7fffffff) r = 0x7fffffff - 1;
  return r;
}

const DELEGATED = /^(docker|containerd)\.service$|^docker-[0-9a-f]{64}\.scope$/;

interface Opts {
  all: boolean;
  kthreads: boolean;
  full: boolean;
}

/** The groups that exist: the kernel's, and every group a live process sits in, with their parents. */
function groups(env: CmdEnv): Set<string> {
  const k = env.host.kernel;
  const set = new Set<string>(['/']);
  const add = (path: string) => {
    for (let p = path; p && p !== '/'; p = p.slice(0, p.lastIndexOf('/')) || '/') set.add(p);
  };
  for (const path of k.cgroups.keys()) add(path);
  for (const p of k.live()) add(p.cgroup);
  return set;
}

/** pid_get_cmdline(PROCESS_CMDLINE_COMM_FALLBACK) cut to `cols` columns with an ellipsis. */
function cmdline(p: Proc, cols: number, full: boolean): string {
  const text = p.argv.length ? p.argv.join(' ') : `[${p.comm}]`;
  return full || [...text].length <= cols ? text : `${[...text].slice(0, Math.max(cols - 1, 0)).join('')}…`;
}

function show(env: CmdEnv, all: Set<string>, path: string, prefix: string, cols: number, o: Opts, out: string[]): void {
  const k = env.host.kernel;
  const pidOf = (p: Proc) => k.pidIn(p, env.self.ns.pid) ?? p.pid;
  const populated = (g: string) => k.cgroupProcs(g).some((p) => o.kthreads || !p.kthread);
  const kids = [...all]
    .filter((g) => g !== path && g.slice(0, g.lastIndexOf('/') || 1) === path)
    .filter((g) => o.all || populated(g))
    .map((g) => ({ g, name: g.slice(g.lastIndexOf('/') + 1) }))
    .sort((a, b) => kernfsHash(a.name) - kernfsHash(b.name) || (a.name < b.name ? -1 : 1));
  const procs = k
    .live()
    .filter((p) => p.cgroup === path && (o.kthreads || !p.kthread))
    .sort((a, b) => pidOf(a) - pidOf(b));
  if (procs.length) {
    const width = String(pidOf(procs[procs.length - 1] as Proc)).length;
    const room = cols > width + 3 ? cols - (width + 3) : 20;
    procs.forEach((p, i) => {
      const glyph = kids.length || i < procs.length - 1 ? '├─' : '└─';
      out.push(`${prefix}${glyph}${String(pidOf(p)).padStart(width)} ${cmdline(p, room, o.full)}`);
    });
  }
  kids.forEach(({ g, name }, i) => {
    const last = i === kids.length - 1;
    out.push(`${prefix}${last ? '└─' : '├─'}${name}${DELEGATED.test(name) ? ' …' : ''}`);
    show(env, all, g, `${prefix}${last ? '  ' : '│ '}`, cols - 2, o, out);
  });
}

/**
 * systemd-cgls --help: src/cgls/cgls.c help() of the systemd 24x–25x series (read through the code index from a copy
 * with --xattr/--cgroup-id and terminal_urlify_man; the stored copy is not tagged v255), the man page's name as
 * terminal_urlify_man writes it off a terminal.
 */
const HELP = `systemd-cgls [OPTIONS...] [CGROUP...]

Recursively show control group contents.

  -h --help           Show this help
     --version        Show package version
     --no-pager       Do not pipe output into a pager
  -a --all            Show all groups, including empty
  -u --unit           Show the subtrees of specified system units
     --user-unit      Show the subtrees of specified user units
  -x --xattr=BOOL     Show cgroup extended attributes
  -c --cgroup-id=BOOL Show cgroup ID
  -l --full           Do not ellipsize output
  -k                  Include kernel threads in output
  -M --machine=NAME   Show container NAME

See the systemd-cgls(1) man page for details.
`;

export const systemdCgls: SimCommand = {
  name: 'systemd-cgls',
  async run(args, env) {
    const o: Opts = { all: false, kthreads: false, full: false };
    const names: string[] = [];
    let unit = false;
    for (const a of args) {
      if (a === '-h' || a === '--help') return R(HELP);
      if (a === '--version') return R(SYSTEMD_VERSION);
      if (a === '--no-pager') continue;
      else if (a === '-a' || a === '--all') o.all = true;
      else if (a === '-k') o.kthreads = true;
      else if (a === '-l' || a === '--full') o.full = true;
      else if (a === '-u' || a === '--unit') unit = true;
      else if (a.startsWith('--')) return R('', `systemd-cgls: unrecognized option '${a}'\n`, 1);
      else if (a.startsWith('-') && a.length > 1) {
        const bad = [...a.slice(1)].find((c) => !'aklu'.includes(c));
        if (bad) return R('', `systemd-cgls: invalid option -- '${bad}'\n`, 1);
        for (const c of a.slice(1)) {
          if (c === 'a') o.all = true;
          else if (c === 'k') o.kthreads = true;
          else if (c === 'l') o.full = true;
          else unit = true;
        }
      } else names.push(a);
    }
    const all = groups(env);
    const cols = env.tty ? env.columns : 80;
    const out: string[] = [];
    let err = '';
    if (!names.length) {
      out.push('Control group /:', '-.slice');
      show(env, all, '/', '', cols, o, out);
    }
    for (const n of names) {
      if (unit) {
        const name = n.includes('.') ? n : `${n}.service`;
        const path = [...all].find((g) => g.endsWith(`/${name}`));
        if (!path) {
          err += `Unit ${name} not found.\n`;
          continue;
        }
        out.push(`Unit ${name} (${path}):`);
        show(env, all, path, '', cols, o, out);
        continue;
      }
      const path = `/${n.replace(/^\/sys\/fs\/cgroup/, '').replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '/');
      out.push(n.startsWith('/sys/fs/cgroup') ? `Directory ${n}:` : `Control group ${path}:`);
      if (!all.has(path)) {
        err += 'Failed to list cgroup tree: No such file or directory\n';
        continue;
      }
      show(env, all, path, '', cols, o, out);
    }
    return R(out.map((l) => `${l}\n`).join(''), err, err ? 1 : 0);
  },
};
