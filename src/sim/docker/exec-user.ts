/**
 * The daemon's lookup of a container's --user in the container's own /etc/passwd and /etc/group, when it builds the
 * runtime spec (moby@v27.3.1:daemon/oci_linux.go WithUser → getUser → vendor/github.com/moby/sys/user/user.go
 * GetExecUser): a name that no passwd line has fails the start, as does a group name no group line has; numbers need
 * no line (but must be in 0–2147483647). The error is the start's (daemon/start.go containerStart wraps createSpec's
 * error as errdefs.System), so `docker run` prints it after "Error response from daemon:" and exits 125.
 */
const ERR_RANGE = 'uids and gids must be in range 0-2147483647';

/** GetExecUser's error for `spec` ("user", "user:group", "uid:gid") against the image's files, or undefined. */
export function execUserError(files: Record<string, string>, spec: string): string | undefined {
  if (!spec) return undefined;
  const [userArg = '', groupArg = ''] = spec.split(':');
  const numeric = (s: string) => /^[+-]?\d+$/.test(s);
  const lines = (path: string) => (files[path] ?? '').split('\n').filter((l) => l && !l.startsWith('#'));
  if (userArg && !numeric(userArg)) {
    if (!lines('/etc/passwd').some((l) => l.split(':')[0] === userArg)) return `unable to find user ${userArg}: no matching entries in passwd file`;
  } else if (userArg && !lines('/etc/passwd').some((l) => Number(l.split(':')[2]) === Number(userArg))) {
    if (Number(userArg) < 0 || Number(userArg) > 2147483647) return ERR_RANGE;
  }
  if (groupArg && !numeric(groupArg)) {
    if (!lines('/etc/group').some((l) => l.split(':')[0] === groupArg)) return `unable to find group ${groupArg}: no matching entries in group file`;
  } else if (groupArg && (Number(groupArg) < 0 || Number(groupArg) > 2147483647)) {
    if (!lines('/etc/group').some((l) => Number(l.split(':')[2]) === Number(groupArg))) return ERR_RANGE;
  }
  return undefined;
}
