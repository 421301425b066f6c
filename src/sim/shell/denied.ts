/**
 * Reads the filesystem refused (simfs.ts: EACCES from mayRead, ENXIO for a socket, which open(2) cannot open). just-bash's
 * own commands word every failed open as "No such file or directory"; the wrapper (adapters.ts wrapBuiltin) rewords
 * those paths as strerror has the error, "Permission denied" or "No such device or address" (glibc
 * string/_strerror.c, sysdeps/gnu/errlist.h), in the same place of the message.
 */
import { attached } from '../attached.ts';
const denied = attached<object, Map<string, string>>('denied');

/** A read of `path` (absolute) refused while the current command runs, with strerror's text for it. */
export function noteDenied(host: object, path: string, reason = 'Permission denied'): void {
  let s = denied.get(host);
  if (!s) denied.set(host, (s = new Map()));
  s.set(path, reason);
}

/** The paths refused since the last call, forgotten. */
export function takeDenied(host: object): Map<string, string> {
  const s = denied.get(host) ?? new Map<string, string>();
  denied.delete(host);
  return s;
}

/** `NAME: PATH: No such file or directory` lines whose PATH (resolved from `cwd`) was refused: the refusal's text. */
export function denyWording(stderr: string, name: string, cwd: string, paths: Map<string, string>): string {
  if (!paths.size) return stderr;
  const abs = (p: string) => (p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`).replace(/\/+/g, '/');
  return stderr.replace(new RegExp(`^${name}: (.*): No such file or directory$`, 'gm'), (line, p: string) =>
    paths.has(abs(p)) ? `${name}: ${p}: ${paths.get(abs(p))}` : line,
  );
}
