import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

describe('the shell: state across lines, prompts, sessions', () => {
  it('carries cd, variables, export and $? to the next line', async () => {
    const w = createWorld();
    await sh(w, 'cd /tmp');
    await sh(w, 'X=5; export Y=6');
    expect((await sh(w, 'pwd; echo $X $Y')).out).toBe('/tmp\n5 6\n');
    expect(w.prompt()).toBe('root@node1:/tmp# ');
    await sh(w, 'false');
    expect((await sh(w, 'echo $?')).out).toBe('1\n');
    expect((await sh(w, 'nosuch')).out).toBe('-bash: nosuch: command not found\n');
    expect((await sh(w, 'echo $?')).out).toBe('127\n');
    expect((await sh(w, 'echo $(uname -r) | tr a-z A-Z && echo ok || echo no')).out).toBe('6.8.0-45-GENERIC\nok\n');
  });

  it('moves into a busybox container and back', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -it alpine');
    expect(w.prompt()).toBe('/ # ');
    expect((await sh(w, 'ps')).out).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 /bin/sh\n    7 root      0:00 ps\n');
    expect((await sh(w, 'nosuch')).out).toBe('sh: nosuch: not found\n');
    await sh(w, 'cd /tmp');
    expect(w.prompt()).toBe('/tmp # ');
    expect((await sh(w, 'exit')).out).toBe('');
    expect(w.prompt()).toBe('root@node1:~# ');
    expect((await sh(w, "docker ps -a --format '{{.Status}}'")).out).toBe('Exited (0) 1 second ago\n');
  });

  it('moves into a debian container with --hostname; exit prints exit', async () => {
    const w = await world(['debian']);
    await sh(w, 'docker run --hostname debian -it debian /bin/bash');
    expect(w.prompt()).toBe('root@debian:/# ');
    expect((await sh(w, 'uname -r')).out).toBe('6.8.0-45-generic\n');
    expect((await sh(w, 'ps aux')).out).toBe('bash: ps: command not found\n');
    expect((await sh(w, 'exit 3')).out).toBe('exit\n');
    expect((await sh(w, "docker ps -a --format '{{.Status}}'")).out).toBe('Exited (3) 1 second ago\n');
  });

  it('shows I have no name! for an unknown uid', async () => {
    const w = await world(['debian']);
    await sh(w, 'docker run -it -u 1000 debian bash');
    expect(w.prompt()).toMatch(/^I have no name!@[0-9a-f]{12}:\/\$ $/);
    expect((await sh(w, 'id')).out).toBe('uid=1000 gid=0(root) groups=0(root)\n');
    expect((await sh(w, 'whoami')).out).toBe('whoami: cannot find name for user ID 1000\n');
  });

  it('replays history() into the same state', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name app alpine sleep 100');
    await sh(w, 'docker run -it alpine');
    const again = createWorld();
    for (const line of w.history()) await again.exec(line);
    expect(again.prompt()).toBe(w.prompt());
    expect(again.snapshot().nowMs).toBe(w.snapshot().nowMs);
    expect(again.snapshot().processes).toEqual(w.snapshot().processes);
  });

  it('completes commands, docker subcommands and container names', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name web1 alpine sleep 100');
    expect(await w.complete('dock', 4)).toEqual(['docker']);
    expect(await w.complete('docker in', 9)).toEqual(['info', 'inspect']);
    expect(await w.complete('docker stop we', 14)).toEqual(['web1']);
  });

  it('a foreground command that never ends stops at the virtual bound in virtual mode', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    const t0 = w.snapshot().nowMs;
    const r = await sh(w, 'docker logs -f web | tail -1');
    expect(r.exitCode).toBe(0);
    expect(w.snapshot().nowMs - t0).toBe(61_000);
  });

  it('Ctrl-C (abort) interrupts a realtime wait', async () => {
    const w = createWorld(undefined, { clock: 'realtime' });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 150);
    const t = Date.now();
    const r = await w.exec('sleep 9', { signal: ac.signal });
    expect(Date.now() - t).toBeLessThan(3000);
    expect(r.exitCode).toBe(130);
  });
});

describe('tab completion', () => {
  it('completes paths, including generated /proc entries', async () => {
    const w = createWorld();
    expect(await w.complete('cat /proc/self/st', 17)).toEqual(['/proc/self/stat', '/proc/self/status']);
    expect(await w.complete('cat /proc/self/statu', 20)).toEqual(['/proc/self/status']);
    expect(await w.complete('ls /sys/fs/cgroup/sys', 21)).toEqual(['/sys/fs/cgroup/system.slice/']);
    expect(await w.complete('docker run --cap-', 17)).toEqual(['--cap-add', '--cap-drop']);
  });
});

describe('streaming to the terminal', () => {
  it('streams pull lines and container output in order, and still returns them', async () => {
    const w = createWorld();
    const chunks: string[] = [];
    const r = await w.exec('docker run debian /bin/echo hi', { onOutput: (c) => chunks.push(`${c.stream}:${c.text.split('\n')[0]}`) });
    expect(chunks).toEqual(["stderr:Unable to find image 'debian:latest' locally", 'stdout:hi']);
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toMatch(/^Unable to find image 'debian:latest' locally\n/);
  });

  it('ping streams one line per reply; piped it does not', async () => {
    const w = createWorld();
    const chunks: string[] = [];
    const r = await w.exec('ping -c 3 127.0.0.1', { onOutput: (c) => chunks.push(c.text) });
    expect(chunks.length).toBe(4);
    expect(r.stdout).toBe(chunks.join(''));
    const piped: string[] = [];
    await w.exec('ping -c 3 127.0.0.1 | wc -l', { onOutput: (c) => piped.push(c.text) });
    expect(piped).toEqual(['8\n']);
  });
});

describe('facade', () => {
  it('runs lines one at a time even when the caller does not wait', async () => {
    const w = createWorld();
    const results = await Promise.all(['cd /tmp', 'pwd', 'X=7', 'echo $X'].map((l) => w.exec(l)));
    expect(results.map((r) => r.stdout)).toEqual(['', '/tmp\n', '', '7\n']);
    expect(w.history()).toEqual(['cd /tmp', 'pwd', 'X=7', 'echo $X']);
  });
});

describe('sessions end with their process', () => {
  it('a docker exec shell ends when its container stops; a killed login shell logs in again', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name app alpine sleep 5');
    await sh(w, 'docker exec -it app sh');
    expect(w.prompt()).toBe('/ # ');
    w.advance(6000);
    expect(w.prompt()).toBe('root@node1:~# ');
    await sh(w, 'kill -9 2045');
    expect((await sh(w, 'ps')).out).toMatch(/^    PID TTY          TIME CMD\n   2045 pts\/0    00:00:00 bash\n +\d+ pts\/0    00:00:00 ps\n$/);
  });
});
