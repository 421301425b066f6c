/**
 * `ip netns` (iproute2 6.1): named network namespaces, each a file under /run/netns bound to the namespace. Docker pins
 * its containers' under /run/docker/netns, not there, and the simulated cluster does not model CRI's /run/netns/cni-*
 * files, so node1 starts with none. `add` makes a new network namespace (only `lo`, down) and its file; `exec` runs a
 * command in it (a shell becomes the session); `list` prints the names as readdir(3) of the tmpfs gives them, newest
 * first; `pids`, `identify` and `delete` read and remove them. Texts: iproute2@v6.1.0:ip/ipnetns.c (do_netns, usage,
 * netns_add, netns_list, netns_exec, netns_pids, netns_identify, on_netns_del), lib/namespace.c netns_switch and
 * lib/exec.c cmd_exec. Exit status: a function's -1 becomes 1 through ip.c do_cmd's negation; do_netns's exit(-1)
 * (a bad name, an unknown command, help's usage) is 255; exec returns the command's own status.
 * `ip -n NAME …` runs the rest in NAME (switchNetns). `list` adds " (id: N)" once the current namespace numbered the
 * named one (netns_list, get_netnsid_from_name; net/wire.ts nsidOf). Not simulated: the bind mounts in the mount table,
 * `attach`, `set`,
 * `monitor`, `list-id` and `-all`.
 */
import type { ExecResult } from '../../api.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import type { CmdEnv } from '../types.ts';
import { findable } from './env.ts';
import { isInteractive, runAsNew, execIn } from './nsenter.ts';
import { destroyNetns, peekNsid } from '../../net/wire.ts';
import { attached } from '../../attached.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const FAIL = 1;
const EXIT = 255;
const DIR = '/run/netns';

/** iproute2's matches(): a non-empty prefix of the full word. */
const matches = (word: string, full: string) => word.length > 0 && full.startsWith(word);

export const NETNS_USAGE =
  'Usage:\tip netns list\n\tip netns add NAME\n\tip netns attach NAME PID\n\tip netns set NAME NETNSID\n\tip [-all] netns delete [NAME]\n\tip netns identify [PID]\n\tip netns pids NAME\n\tip [-all] netns exec [NAME] cmd ...\n\tip netns monitor\n\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]\nNETNSID := auto | POSITIVE-INT\n';

/** ipnetns.c invalid_name: empty, too long, a '/' or '.' / '..'. */
const invalidName = (n: string) => !n || n.length > 255 || n.includes('/') || n === '.' || n === '..';

/** Each host's named network namespaces: name → namespace inode, in the order they were made. */
const named = attached<Kernel, Map<string, number>>('named');
const namesOf = (k: Kernel): Map<string, number> => {
  let m = named.get(k);
  if (!m) named.set(k, (m = new Map()));
  return m;
};

/** The namespace (inode) a name under /run/netns is bound to. */
export const namedNetns = (k: Kernel, name: string): number | undefined => namesOf(k).get(name);

/** lib/namespace.c get_name_from_nsid as seen from `from`: the name whose namespace `from` numbers `nsid`. */
export const nsidName =
  (k: Kernel, from: number) =>
  (nsid: number): string | undefined =>
    [...namesOf(k)].find(([, inode]) => peekNsid(k.ns(from), inode) === nsid)?.[0];

/**
 * `ip -n NAME` (ip.c main's -netns, lib/namespace.c netns_switch): the rest of the command runs in the named namespace;
 * a name that does not exist, or a caller who may not setns, ends ip with exit(-1), 255.
 */
export function switchNetns(env: CmdEnv, name: string | undefined): ExecResult | undefined {
  const inode = name === undefined ? undefined : namesOf(env.host.kernel).get(name);
  if (name === undefined) return R('', 'Command line is not complete. Try option "help"\n', EXIT);
  if (inode === undefined) return R('', `Cannot open network namespace "${name}": No such file or directory\n`, EXIT);
  if (!hasCap(env.self.caps, 'sys_admin')) return R('', `setting the network namespace "${name}" failed: Operation not permitted\n`, EXIT);
  env.self.ns = { ...env.self.ns, net: inode };
  return undefined;
}

export async function netns(args: string[], env: CmdEnv): Promise<ExecResult> {
  const k = env.host.kernel;
  const names = namesOf(k);
  const root = env.self.euid === 0;
  const [cmd, ...rest] = args;
  const here = k.ns(env.self.ns.net);
  const list = () =>
    R(
      [...names]
        .reverse()
        .map(([n, inode]) => {
          const id = peekNsid(here, inode);
          return `${n}${id === undefined ? '' : ` (id: ${id})`}\n`;
        })
        .join(''),
    );
  if (cmd === undefined) return list();
  if (args.length > 1 && invalidName(args[1] as string)) return R('', `Invalid netns name "${args[1]}"\n`, EXIT);
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return list();
  if (matches(cmd, 'help')) return R('', NETNS_USAGE, EXIT);
  if (matches(cmd, 'add')) {
    const name = rest[0];
    if (name === undefined) return R('', 'No netns name specified\n', FAIL);
    const path = `${DIR}/${name}`;
    if (!(await env.fs.exists(DIR))) {
      if (!root) return R('', `mkdir ${DIR} failed: Permission denied\n`, FAIL);
      await env.fs.mkdir(DIR, { recursive: true });
      await env.fs.chmod(DIR, 0o755);
    }
    if (names.has(name) || (await env.fs.exists(path))) return R('', `Cannot create namespace file "${path}": File exists\n`, FAIL);
    if (!root) return R('', `Cannot create namespace file "${path}": Permission denied\n`, FAIL);
    await env.fs.writeFile(path, '');
    await env.fs.chmod(path, 0o444);
    names.set(name, k.newNamespace('net', env.self.ns.net).inode);
    return R('');
  }
  if (matches(cmd, 'delete')) {
    const name = rest[0];
    if (name === undefined) return R('', 'No netns name specified\n', FAIL);
    const path = `${DIR}/${name}`;
    if (!names.has(name) && !(await env.fs.exists(path))) return R('', `Cannot remove namespace file "${path}": No such file or directory\n`, FAIL);
    if (!root) return R('', `Cannot remove namespace file "${path}": Permission denied\n`, FAIL);
    const inode = names.get(name);
    names.delete(name);
    await env.fs.rm(path, { force: true });
    // The last reference gone (no other name, no process in it), the namespace is destroyed with its veths.
    const held = [...names.values()].includes(inode as number) || [...k.procs.values()].some((p) => p.state !== 'Z' && p.ns.net === inode);
    if (inode !== undefined && !held) destroyNetns(k, inode);
    return R('');
  }
  if (matches(cmd, 'identify')) {
    if (rest.length > 1) return R('', 'extra arguments specified\n', FAIL);
    const pid = rest[0] ?? 'self';
    if (pid !== 'self' && !/^\d+$/.test(pid)) return R('', `Specified string '${pid}' is not a pid\n`, FAIL);
    const p = pid === 'self' ? env.self : k.procs.get(Number(pid));
    if (!p || p.state === 'Z') return R('', 'Cannot open network namespace: No such file or directory\n', FAIL);
    const name = [...names].reverse().find(([, inode]) => inode === p.ns.net)?.[0] ?? '';
    return R(`${name}\n`);
  }
  if (matches(cmd, 'pids')) {
    if (!rest.length) return R('', 'No netns name specified\n', FAIL);
    if (rest.length > 1) return R('', 'extra arguments specified\n', FAIL);
    const inode = names.get(rest[0] as string);
    if (inode === undefined) return R('', 'Cannot open network namespace: No such file or directory\n', FAIL);
    const pids = [...k.procs.values()].filter((p) => p.state !== 'Z' && p.ns.net === inode).map((p) => p.pid);
    return R(
      pids
        .sort((a, b) => a - b)
        .map((p) => `${p}\n`)
        .join(''),
    );
  }
  if (matches(cmd, 'exec')) {
    if (!rest.length) return R('', 'No netns name specified\n', FAIL);
    if (rest.length < 2) return R('', 'No command specified\n', FAIL);
    const [name, ...argv] = rest as [string, ...string[]];
    const inode = names.get(name);
    if (inode === undefined) return R('', `Cannot open network namespace "${name}": No such file or directory\n`, FAIL);
    if (!hasCap(env.self.caps, 'sys_admin')) return R('', `setting the network namespace "${name}" failed: Operation not permitted\n`, FAIL);
    // cmd_exec forks; the child switches namespaces (netns_switch) and execs the command, the parent waits for it.
    if (!isInteractive(argv) && !(await findable(env, argv[0] as string, env.env.get('PATH'))))
      return R('', `exec of "${argv[0]}" failed: No such file or directory\n`, FAIL);
    const p = k.spawn({ parent: env.self, argv, ns: { net: inode }, patch: { reaps: true, handlers: new Set(), program: { kind: 'idle' } } });
    if (isInteractive(argv)) return runAsNew(env, p, argv, undefined);
    const r = await execIn(env, p, argv);
    if (k.procs.has(p.pid) && p.state !== 'Z') k.exit(p, r.exitCode);
    return r;
  }
  if (['attach', 'set', 'monitor', 'list-id'].some((c) => matches(cmd, c)))
    return R('', `ip netns ${cmd}: attaching, numbering or watching named network namespaces is not simulated on this host\n`, FAIL);
  return R('', `Command "${cmd}" is unknown, try "ip netns help".\n`, EXIT);
}
