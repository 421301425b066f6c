/**
 * `systemctl show UNIT -p NAME[,NAME…] [--value]` for node1's three daemons (systemd 255): NAME=VALUE lines
 * (systemd@v255:src/systemctl/systemctl-show.c show_one with arg_properties; --value prints VALUE alone),
 * in the order the bus lists them: the service's own properties (src/core/dbus-service.c), its cgroup's
 * (dbus-cgroup.c), then the unit's (dbus-unit.c). A name the unit does not have prints nothing.
 * Type, Restart and Delegate are the unit files' (moby@v27.3.1:contrib/init/systemd/docker.service: Type=notify,
 * Restart=always, Delegate=yes; containerd@v1.7.22:containerd.service the same; kubernetes/release's
 * kubelet.service: Restart=always, no Type, so simple, no Delegate).
 * Without -p the full dump (some 250 properties) is not simulated: that is said, status 1.
 */
import type { ExecResult } from '../../api.ts';
import type { CmdEnv } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

const UNIT_FILE: Record<string, { type: string; delegate: string; description: string; comm: string }> = {
  'docker.service': { type: 'notify', delegate: 'yes', description: 'Docker Application Container Engine', comm: 'dockerd' },
  'containerd.service': { type: 'notify', delegate: 'yes', description: 'containerd container runtime', comm: 'containerd' },
  'kubelet.service': { type: 'simple', delegate: 'no', description: 'kubelet: The Kubernetes Node Agent', comm: 'kubelet' },
};

export async function show(env: CmdEnv, args: string[], unitName: (n: string) => string): Promise<ExecResult> {
  const wanted: string[] = [];
  let value = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-p' || a === '--property') wanted.push(...(args[++i] ?? '').split(','));
    else if (a.startsWith('--property=')) wanted.push(...a.slice('--property='.length).split(','));
    else if (a.startsWith('-p') && a.length > 2) wanted.push(...a.slice(2).split(','));
    else if (a === '--value') value = true;
    else names.push(a);
  }
  if (!wanted.length) return R('', 'systemctl: `systemctl show` is simulated with -p NAME only (the full property dump is not).\n', 1);
  let out = '';
  for (const [i, n] of names.entries()) {
    const name = unitName(n);
    const unit = UNIT_FILE[name];
    const cg = `/system.slice/${name}`;
    const read = async (f: string) => (await env.readFile(`/sys/fs/cgroup${cg}/${f}`).catch(() => '')).trim();
    const main = unit ? env.host.kernel.live().find((p) => p.cgroup === cg && p.comm === unit.comm) : undefined;
    // A unit systemd has no file for: loaded "not-found", inactive, dead (systemctl show exits 0).
    const props: [string, string][] = unit
      ? [
          ['Type', unit.type],
          ['Restart', 'always'],
          ['MainPID', String(main?.pid ?? 0)],
          ['ControlPID', '0'],
          ['ExecMainPID', String(main?.pid ?? 0)],
          ['Slice', 'system.slice'],
          ['ControlGroup', cg],
          ['MemoryCurrent', (await read('memory.current')) || '[not set]'],
          ['TasksCurrent', (await read('pids.current')) || '[not set]'],
          ['Delegate', unit.delegate],
          ['Id', name],
          ['Names', name],
          ['Description', unit.description],
          ['LoadState', 'loaded'],
          ['ActiveState', 'active'],
          ['SubState', 'running'],
          ['FragmentPath', `/usr/lib/systemd/system/${name}`],
          ['UnitFileState', 'enabled'],
        ]
      : [
          ['MainPID', '0'],
          ['Id', name],
          ['Names', name],
          ['LoadState', 'not-found'],
          ['ActiveState', 'inactive'],
          ['SubState', 'dead'],
        ];
    const lines = props.filter(([k]) => wanted.includes(k)).map(([k, v]) => (value ? v : `${k}=${v}`));
    // show_one separates units with a blank line.
    if (i && lines.length) out += '\n';
    out += lines.map((l) => `${l}\n`).join('');
  }
  return R(out);
}
