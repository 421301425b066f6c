/**
 * runc 1.1.14 as Docker runs it: `runc --version`, and under Docker's root
 * (`--root /run/docker/runtime-runc/moby`) `list` (-q, -f table|json) and `state ID` of the
 * containers that have a runc container, running or paused; their bundle is containerd's
 * task directory /run/containerd/io.containerd.runtime.v2.task/moby/ID (moby@v27.3.1:
 * libcontainerd/remote: namespace "moby"; daemon/runtime_unix.go: runtime root
 * $exec-root/runtime-runc). Texts: opencontainers/runc@v1.1.14:main.go (version lines),
 * list.go (tabwriter 12, 1, 3; json.Encoder), state.go (json.MarshalIndent, no final newline),
 * utils.go fatal (logrus's text line on stderr, exit 1); config.json's ociVersion is the
 * runtime-spec moby vendors (v1.2.0).
 */
import type { ExecResult } from '../../api.ts';
import type { Container } from '../../docker/container.ts';
import { tabwriter } from '../kit/tabwriter.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const MOBY_ROOT = '/run/docker/runtime-runc/moby';
const TASKS = '/run/containerd/io.containerd.runtime.v2.task/moby';

/** Go's time.RFC3339Nano: trailing zeros of the fraction dropped. */
const rfc3339Nano = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/\.000Z$/, 'Z')
    .replace(/(\.\d*?)0+Z$/, '$1Z');
const norm = (p: string) => `/${p.split('/').filter(Boolean).join('/')}`;

interface State {
  ociVersion: string;
  id: string;
  pid: number;
  status: string;
  bundle: string;
  rootfs: string;
  created: string;
  owner: string;
}

function stateOf(c: Container): State {
  const status = c.paused ? 'paused' : 'running';
  return {
    ociVersion: '1.2.0',
    id: c.id,
    pid: c.pid,
    status,
    bundle: `${TASKS}/${c.id}`,
    rootfs: `${TASKS}/${c.id}/rootfs`,
    created: rfc3339Nano(c.startedMs),
    owner: '',
  };
}

export const runc: SimCommand = {
  name: 'runc',
  async run(args, env: CmdEnv): Promise<ExecResult> {
    // logrus's TextFormatter on stderr: time="RFC3339" level=error msg="…".
    const fatal = (msg: string): ExecResult => ({
      stdout: '',
      stderr: `time="${new Date(env.host.clock.nowMs).toISOString().replace(/\.\d+Z$/, 'Z')}" level=error msg="${msg}"\n`,
      exitCode: 1,
    });
    let root = '/run/runc';
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--root') root = args[++i] ?? '';
      else if (a.startsWith('--root=')) root = a.slice(7);
      else if (a === '--version' || a === '-v')
        return { stdout: 'runc version 1.1.14\ncommit: v1.1.14-0-g2c9f560\nspec: 1.0.2-dev\ngo: go1.22.7\nlibseccomp: 2.5.5\n', stderr: '', exitCode: 0 };
      else if (a === '--debug' || a === '--systemd-cgroup') continue;
      else break;
    }
    const [cmd, ...rest] = args.slice(i);
    const containers =
      norm(root) === MOBY_ROOT ? [...env.daemon.containers.values()].filter((c) => c.status === 'running').sort((a, b) => (a.id < b.id ? -1 : 1)) : undefined;
    if (cmd === 'list' || cmd === 'ls') {
      let quiet = false;
      let format = 'table';
      for (let j = 0; j < rest.length; j++) {
        const a = rest[j] as string;
        if (a === '-q' || a === '--quiet') quiet = true;
        else if (a === '-f' || a === '--format') format = rest[++j] ?? '';
        else if (/^--?f(ormat)?=/.test(a)) format = a.slice(a.indexOf('=') + 1);
        else return { stdout: '', stderr: `Incorrect Usage: flag provided but not defined: ${a}\n`, exitCode: 1 };
      }
      if (!containers) return fatal(`open ${norm(root)}: no such file or directory`);
      const states = containers.map(stateOf);
      if (quiet) return { stdout: states.map((s) => `${s.id}\n`).join(''), stderr: '', exitCode: 0 };
      if (format === 'json')
        return { stdout: `${JSON.stringify(states.length ? states.map((s) => ({ ...s, owner: 'root' })) : null)}\n`, stderr: '', exitCode: 0 };
      if (format !== 'table') return fatal('invalid format option');
      const rows = ['ID\tPID\tSTATUS\tBUNDLE\tCREATED\tOWNER', ...states.map((s) => `${s.id}\t${s.pid}\t${s.status}\t${s.bundle}\t${s.created}\troot`)];
      return { stdout: tabwriter(`${rows.join('\n')}\n`, 12, 3), stderr: '', exitCode: 0 };
    }
    if (cmd === 'state') {
      // checkArgs(context, 1, exactArgs): `runc: "state" requires exactly 1 argument(s)`.
      if (rest.length !== 1) return fatal(`runc: "state" requires exactly 1 argument(s)`);
      const c = containers?.find((x) => x.id === rest[0]);
      if (!c) return fatal('container does not exist');
      // state.go leaves Owner unset: `"owner": ""` (the field has no omitempty).
      return { stdout: JSON.stringify(stateOf(c), null, 2), stderr: '', exitCode: 0 };
    }
    if (cmd === undefined)
      return { stdout: '', stderr: 'runc: a command is needed (runc --help lists them; runc list and runc state ID are simulated)\n', exitCode: 1 };
    const known = [
      'checkpoint',
      'create',
      'delete',
      'events',
      'exec',
      'kill',
      'pause',
      'ps',
      'restore',
      'resume',
      'run',
      'spec',
      'start',
      'update',
      'features',
    ];
    if (known.includes(cmd))
      return {
        stdout: '',
        stderr: `runc ${cmd}: not simulated here; Docker drives runc for you (docker ${cmd === 'ps' ? 'top' : cmd} …), and runc list / runc state ID show what it made\n`,
        exitCode: 1,
      };
    return { stdout: '', stderr: `No help topic for '${cmd}'\n`, exitCode: 3 };
  },
};
