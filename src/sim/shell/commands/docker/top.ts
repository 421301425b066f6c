import { defineCommand } from './define.ts';
import { needArgs, noSuch, R } from './each.ts';
import { tabwrite } from './format.ts';
import { cpuC, cpuSeconds, dhms } from '../../pstime.ts';

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
    const hm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    // docker top runs ps on the host, so user names come from the host's /etc/passwd.
    const hostName = (uid: number) => env.host.fixture.users.find((u) => u.uid === uid)?.name ?? String(uid);
    const rows = [
      ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      ...procs.map((p) => [hostName(p.uid), String(p.pid), String(p.ppid), cpuC(env, p), hm(p.startMs), p.tty, dhms(cpuSeconds(p)), p.argv.join(' ')]),
    ];
    return R(tabwrite(rows, 20, 3));
  },
});
