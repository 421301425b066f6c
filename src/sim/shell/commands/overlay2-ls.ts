/**
 * `ls [-l] /var/lib/docker/overlay2/<id>/diff/…` on the host: a container's
 * upperdir as the kernel stores it, whiteouts as character devices 0, 0
 * (CURRICULUM L7). Only root may look (the directory is mode 710).
 */
import type { ExecResult } from '../../api.ts';
import { OVERLAY2 } from '../../image/container-fs.ts';
import type { CmdEnv } from '../types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function perms(mode: number): string {
  const bits = 'rwxrwxrwx';
  let out = '';
  for (let i = 0; i < 9; i++) out += mode & (1 << (8 - i)) ? bits[i] : '-';
  return out;
}

/** The listing, or undefined when `abs` is not inside a container's upperdir (ls then does its usual work). */
export function overlay2Ls(env: CmdEnv, abs: string, opts: { long: boolean; dirOnly: boolean }): ExecResult | undefined {
  const m = new RegExp(`^${OVERLAY2}/([0-9a-f]{64})/diff(/.*)?$`).exec(abs.replace(/\/+$/, ''));
  const lib = env.daemon.lib;
  if (!m || !lib || env.session.root !== 'host') return undefined;
  const upperDir = `${OVERLAY2}/${m[1]}/diff`;
  const rootfs = [...lib.rootfs.values()].find((r) => r.graphDriver.UpperDir === upperDir);
  if (!rootfs) return undefined;
  if (env.self.euid !== 0) return { stdout: '', stderr: `ls: cannot open directory '${abs}': Permission denied\n`, exitCode: 2 };
  const sub = m[2] ?? '/';
  const entry = sub === '/' ? { type: 'dir' as const } : rootfs.root.upper.get(sub);
  if (!entry) return { stdout: '', stderr: `ls: cannot access '${abs}': No such file or directory\n`, exitCode: 2 };
  const d = new Date(env.host.clock.nowMs);
  const when = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  const rows = entry.type === 'dir' && !opts.dirOnly ? rootfs.root.upperListing(sub) : [];
  if (!opts.long) return { stdout: rows.map((r) => `${r.name}\n`).join(''), stderr: '', exitCode: 0 };
  const sizes = rows.map((r) => (r.kind === 'chardev' ? `${r.major}, ${r.minor}` : String(r.size)));
  const w = Math.max(1, ...sizes.map((s) => s.length));
  const lines = rows.map((r, i) => {
    const type = r.kind === 'chardev' ? 'c' : r.kind === 'dir' ? 'd' : r.kind === 'symlink' ? 'l' : '-';
    const mode = r.kind === 'symlink' ? 'rwxrwxrwx' : perms(r.mode);
    const nlink = r.kind === 'dir' || r.kind === 'chardev' ? 2 : 1;
    return `${type}${mode} ${nlink} root root ${(sizes[i] as string).padStart(w)} ${when} ${r.name}\n`;
  });
  return { stdout: `total ${rows.some((r) => r.kind === 'file' && r.size > 0) ? rows.length * 4 : 0}\n${lines.join('')}`, stderr: '', exitCode: 0 };
}
