/**
 * `ip netns` (iproute2 6.1): the named network namespaces under /run/netns. Docker pins its
 * containers' under /run/docker/netns, not there. (containerd's CRI pins pod sandboxes as
 * /run/netns/cni-UUID on a real node; the simulated cluster does not model those files.) So
 * node1 has none: `list` prints nothing, `identify` an empty name, and
 * `exec`/`pids`/`delete` of a name fail to open it. Texts: iproute2@v6.1.0:ip/ipnetns.c
 * (do_netns, usage, netns_identify, netns_pids, netns_delete) and lib/namespace.c netns_switch;
 * every failure is do_cmd's -1, exit status 255.
 */
import type { ExecResult } from '../../api.ts';
import type { CmdEnv } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const FAIL = 255;

/** iproute2's matches(): a non-empty prefix of the full word. */
const matches = (word: string, full: string) => word.length > 0 && full.startsWith(word);

export const NETNS_USAGE =
  'Usage:\tip netns list\n\tip netns add NAME\n\tip netns attach NAME PID\n\tip netns set NAME NETNSID\n\tip [-all] netns delete [NAME]\n\tip netns identify [PID]\n\tip netns pids NAME\n\tip [-all] netns exec [NAME] cmd ...\n\tip netns monitor\n\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]\nNETNSID := auto | POSITIVE-INT\n';

/** ipnetns.c invalid_name: empty, too long, a '/' or '.' / '..'. */
const invalidName = (n: string) => !n || n.length > 255 || n.includes('/') || n === '.' || n === '..';

export async function netns(args: string[], env: CmdEnv): Promise<ExecResult> {
  const [cmd, ...rest] = args;
  if (cmd === undefined) return R('');
  if (args.length > 1 && invalidName(args[1] as string)) return R('', `Invalid netns name "${args[1]}"\n`, FAIL);
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return R('');
  if (matches(cmd, 'help')) return R('', NETNS_USAGE, FAIL);
  if (matches(cmd, 'identify')) {
    if (rest.length > 1) return R('', 'extra arguments specified\n', FAIL);
    const pid = rest[0];
    if (pid !== undefined && !/^\d*$/.test(pid)) return R('', `Specified string '${pid}' is not a pid\n`, FAIL);
    if (pid !== undefined && !(await env.fs.exists(`/proc/${pid}/ns/net`).catch(() => false)))
      return R('', 'Cannot open network namespace: No such file or directory\n', FAIL);
    return R('\n');
  }
  if (matches(cmd, 'exec')) {
    if (!rest.length) return R('', 'No netns name specified\n', FAIL);
    if (rest.length < 2) return R('', 'No command specified\n', FAIL);
    return R('', `Cannot open network namespace "${rest[0]}": No such file or directory\n`, FAIL);
  }
  if (matches(cmd, 'pids')) {
    if (!rest.length) return R('', 'No netns name specified\n', FAIL);
    if (rest.length > 1) return R('', 'extra arguments specified\n', FAIL);
    return R('', 'Cannot open network namespace: No such file or directory\n', FAIL);
  }
  if (matches(cmd, 'delete')) {
    if (!rest.length) return R('', 'No netns name specified\n', FAIL);
    return R('', `Cannot remove namespace file "/run/netns/${rest[0]}": No such file or directory\n`, FAIL);
  }
  if (['add', 'attach', 'set', 'monitor', 'list-id'].some((c) => matches(cmd, c)))
    return R('', `ip netns ${cmd}: creating or watching named network namespaces is not simulated on this host (see unshare --net and nsenter)\n`, FAIL);
  return R('', `Command "${cmd}" is unknown, try "ip netns help".\n`, FAIL);
}
