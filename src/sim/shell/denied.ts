/**
 * Reads the filesystem refused (simfs.ts mayRead: EACCES). just-bash's own commands word every failed open as
 * "No such file or directory"; the wrapper (adapters.ts wrapBuiltin) rewords those paths as strerror(EACCES) has it,
 * "Permission denied" (glibc string/_strerror.c), in the same place of the message.
 */
const denied = new WeakMap<object, Set<string>>();

/** A read of `path` (absolute) refused while the current command runs. */
export function noteDenied(host: object, path: string): void {
  let s = denied.get(host);
  if (!s) denied.set(host, (s = new Set()));
  s.add(path);
}

/** The paths refused since the last call, forgotten. */
export function takeDenied(host: object): Set<string> {
  const s = denied.get(host) ?? new Set<string>();
  denied.delete(host);
  return s;
}

/** `NAME: PATH: No such file or directory` lines whose PATH (resolved from `cwd`) was refused: "Permission denied". */
export function denyWording(stderr: string, name: string, cwd: string, paths: Set<string>): string {
  if (!paths.size) return stderr;
  const abs = (p: string) => (p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`).replace(/\/+/g, '/');
  return stderr.replace(new RegExp(`^${name}: (.*): No such file or directory$`, 'gm'), (line, p: string) =>
    paths.has(abs(p)) ? `${name}: ${p}: Permission denied` : line,
  );
}
