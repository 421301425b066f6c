import { defineCommand } from './define.ts';
import { needArgs, noSuch, R } from './each.ts';
import { tabwrite } from './format.ts';
import { ps } from '../ps.ts';
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';

const fieldsASCII = (s: string) => s.split(/[\t\n\f\r ]+/).filter(Boolean);

/**
 * `docker top CONTAINER ps-options`: the daemon runs the host's ps with the options and `-q` and the container's
 * PIDs (without `-q` when ps refuses it), then keeps the rows whose PID is the container's; a row that has more
 * fields than titles has them joined into the last column (moby@v27.3.1:daemon/top_unix.go ContainerTop,
 * validatePSArgs, parsePSOutput); the client prints them with tabwriter 20/1/3 (docker/cli@v27.3.1:cli/command/container/top.go).
 */
async function withPsArgs(env: CmdEnv, psArgs: string, pids: number[]): Promise<ExecResult> {
  const daemonErr = (m: string) => R('', `Error response from daemon: ${m}\n`, 1);
  for (const m of psArgs.matchAll(/\s+([^\s]*)=\s*(PID[^\s]*)/g)) if (m[1] !== 'pid') return daemonErr(`specifying "${m[1]}=${m[2]}" is not allowed`);
  // exec.Command("ps", append(strings.Split(psArgs, " "), "-q"+pids)...): no shell, output captured.
  const args = psArgs.split(' ');
  const quiet: CmdEnv = { ...env, tty: false, stream: undefined, pipeline: [] };
  let r = await ps.run([...args, `-q${pids.join(',')}`], quiet);
  if (r.exitCode !== 0) r = await ps.run(args, quiet);
  if (r.exitCode !== 0) return daemonErr(`ps: ${r.stderr.split('\n')[0] || `exit status ${r.exitCode}`}`);
  const lines = r.stdout.split('\n');
  const titles = fieldsASCII(lines[0] ?? '');
  const at = titles.indexOf('PID');
  if (at < 0) return daemonErr("Couldn't find PID field in ps output");
  const rows = [titles];
  let kept = false;
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const f = fieldsASCII(line);
    if (f[at] === '-') {
      if (kept) rows.push([...f.slice(0, titles.length - 1), f.slice(titles.length - 1).join(' ')]);
      continue;
    }
    if (!/^[+-]?\d+$/.test(f[at] ?? '')) return daemonErr(`Unexpected pid '${f[at]}': strconv.Atoi: parsing "${f[at]}": invalid syntax`);
    kept = pids.includes(Number(f[at]));
    if (kept) rows.push([...f.slice(0, titles.length - 1), f.slice(titles.length - 1).join(' ')]);
  }
  return R(tabwrite(rows, 20, 3));
}

// docker/cli@v27.3.1:cli/command/container/top.go (SetInterspersed(false): the ps options are arguments).
export default defineCommand({
  use: 'top CONTAINER [ps OPTIONS]',
  short: 'Display the running processes of a container',
  aliases: 'docker container top, docker top',
  flags: [],
  interspersed: false,
  async run(_flags, rest, env, cmd) {
    if (!rest.length) return needArgs(cmd, 'at least');
    const c = env.daemon.find(rest[0] as string);
    if (!c) return R('', noSuch(rest[0] as string), 1);
    if (c.status !== 'running') return R('', `Error response from daemon: container ${c.id} is not running\n`, 1);
    const k = env.host.kernel;
    const procs = k
      .live()
      .filter((p) => p.containerId === c.id && !p.transient)
      .sort((a, b) => a.pid - b.pid);
    // moby's default ps arguments are "-ef" (ContainerTop).
    const r = await withPsArgs(
      env,
      rest.length > 1 ? rest.slice(1).join(' ') : '-ef',
      procs.map((p) => p.pid),
    );
    if (r.exitCode === 0) env.daemon.emitFor(c, 'top'); // moby@v27.3.1:daemon/top_unix.go ContainerTop, once ps succeeded
    return r;
  },
});
