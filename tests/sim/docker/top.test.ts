/**
 * `docker top CONTAINER [ps OPTIONS]`: the daemon runs the host's ps with the options and `-q` and the
 * container's PIDs, keeps the rows whose PID is the container's and refuses output without a PID column
 * (moby@v27.3.1:daemon/top_unix.go ContainerTop, validatePSArgs, parsePSOutput); the client prints the
 * table with tabwriter 20/1/3 (docker/cli@v27.3.1:cli/command/container/top.go). A user name wider than
 * ps's 8-cell column is cut to 7 characters and '+' (procps-ng@v4.0.4:src/ps/output.c do_pr_name).
 */
import { expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

const pad = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(20))).join('');

it('ps options choose the columns; only the container processes are listed', async () => {
  const w = createWorld();
  await w.exec('docker run -d --name web nginx:1.25 >/dev/null 2>&1');
  const r = await w.exec('docker top web -o pid,user,comm');
  expect(r.exitCode).toBe(0);
  expect(r.stdout.split('\n').slice(0, 3)).toEqual([pad(['PID', 'USER', 'COMMAND']), pad(['23817', 'root', 'nginx']), pad(['23840', 'message+', 'nginx'])]);
  expect(r.stdout.trimEnd().split('\n')).toHaveLength(6);
});

it('the default is ps -ef, whose UID column cuts messagebus to message+', async () => {
  const w = createWorld();
  await w.exec('docker run -d --name web nginx:1.25 >/dev/null 2>&1');
  const lines = (await w.exec('docker top web')).stdout.split('\n');
  expect(lines[0]).toBe(pad(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD']));
  expect(lines[2]).toMatch(/^message\+ {12}23840 /);
});

it('no PID column, or a PID column renamed, is an error from the daemon', async () => {
  const w = createWorld();
  await w.exec('docker run -d --name web nginx:1.25 >/dev/null 2>&1');
  expect(await w.exec('docker top web -o comm')).toEqual({
    stdout: '',
    stderr: "Error response from daemon: Couldn't find PID field in ps output\n",
    exitCode: 1,
  });
  expect(await w.exec('docker top web -o pid,user=PID')).toEqual({
    stdout: '',
    stderr: 'Error response from daemon: specifying "pid,user=PID" is not allowed\n',
    exitCode: 1,
  });
});

it('ps -q selects by PID, the list given apart or attached (procps-ng@v4.0.4:src/ps/parser.c)', async () => {
  const w = createWorld();
  expect((await w.exec('ps -o pid,comm -q1')).stdout).toBe('    PID COMMAND\n      1 systemd\n');
  expect((await w.exec('ps -o pid= -q 1,2')).stdout).toBe('      1\n      2\n');
});
