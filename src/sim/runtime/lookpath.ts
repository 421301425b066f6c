/**
 * Whether a CRI container's argv[0] is one of its image's compiled programs (runc execs it and the program model answers:
 * runtime/programs.ts) rather than a command the simulated shell runs. runc init resolves a name without a slash with
 * exec.LookPath over the container's PATH (runc@v1.1.14:libcontainer/standard_init_linux.go), so `etcd` is
 * /usr/local/bin/etcd in the etcd image. The distribution's directories (/bin, /sbin, /usr/bin, /usr/sbin) hold the
 * programs the simulated shell implements (busybox's applets, coreutils), so a name found there stays the shell's, as
 * does a file with text content (a script).
 */
const SHELL_DIRS = new Set(['/bin', '/sbin', '/usr/bin', '/usr/sbin']);

export function isBinary(argv0: string | undefined, path: string, files: Record<string, string>, executables: string[]): boolean {
  if (!argv0) return false;
  const found = argv0.includes('/')
    ? argv0
    : path
        .split(':')
        .map((d) => `${d || '.'}/${argv0}`)
        .find((p) => executables.includes(p));
  if (!found || (!argv0.includes('/') && SHELL_DIRS.has(found.slice(0, found.lastIndexOf('/'))))) return false;
  return !(found in files) && executables.includes(found);
}
