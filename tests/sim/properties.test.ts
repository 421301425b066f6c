import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import type { World } from '../../src/sim/index.ts';

const COMMANDS = [
  'docker run -d --name app nginx',
  'docker run -d alpine sleep 30',
  'docker run -d --init alpine sleep 1000',
  'docker run --rm alpine true',
  "docker run -d --memory=64m alpine sh -c 'tail /dev/zero'",
  "docker run -d --cpus=0.5 alpine sh -c 'while :; do :; done'",
  'docker stop app',
  'docker kill app',
  'docker rm -f app',
  'docker start app',
  'docker restart app',
  'docker ps -a',
  'docker container prune -f',
  'docker exec app cat /proc/self/status',
  'docker run --memory=1m alpine true',
  'docker run --bogus alpine',
  'sudo unshare --uts --net bash',
  'exit',
  'hostname lab',
  'ps aux',
  'lsns',
  'kill -9 1',
  'cat /proc/self/ns',
  'sleep 5',
  'docker logs app',
  'docker stats --no-stream',
  'nsenter -t 23817 -u hostname',
  'docker run --cap-drop NOPE alpine true',
  '',
  'cd /nope',
  'echo $?',
  'docker run -it --memory=64m alpine',
  'tail /dev/zero',
  'while :; do :; done',
  'ping -c 2 172.17.0.2',
  'env',
  'stat -L /proc/self/ns/pid',
  'docker run --rm --read-only alpine touch /x',
  'mount',
  'docker exec -it app bash',
  'docker run -d --init zombie-maker:1.0',
  'ls -l /proc/self/ns',
  'echo 5 > /sys/fs/cgroup/pids.max',
  'docker stop -t 1 app',
  'sudo -u ubuntu id',
  'capsh --print',
  'ip addr',
  'lsns -t net',
  'kill -9 2045',
  'kill -9 23795',
  'kill -9 812',
  'docker run nginx',
  'docker run -d --restart always alpine sh -c "exit 2"',
];

async function runAll(w: World, cmds: string[]) {
  for (const c of cmds) {
    const r = await w.exec(c);
    expect(typeof r.exitCode).toBe('number');
    w.advance(700);
  }
}

describe('simulator invariants', { timeout: 180_000 }, () => {
  it('random command sequences never throw out of the facade, and the kernel stays consistent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...COMMANDS), { maxLength: 12 }), async (cmds) => {
        const w = createWorld();
        await runAll(w, cmds);
        const snap = w.snapshot();
        expect(snap.transcript.every((t) => !t.stderr.includes('internal simulator error'))).toBe(true);
        const live = snap.processes.filter((p) => p.state !== 'Z');
        const inodes = new Map(snap.namespaces.map((n) => [n.inode, n.type]));
        for (const p of live) {
          for (const [type, inode] of Object.entries(p.ns)) expect(inodes.get(inode)).toBe(type);
        }
        const seen = new Set<string>();
        const hostPids = new Set<number>();
        for (const p of snap.processes) {
          const key = `${p.ns.pid}:${p.nspid[p.nspid.length - 1]}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          expect(hostPids.has(p.nspid[0]!)).toBe(false);
          hostPids.add(p.nspid[0]!);
          expect(p.pid).toBe(p.nspid[0]);
        }
        for (const c of snap.containers) {
          const max = c.cgroupFiles['memory.max'];
          if (max && max.trim() !== 'max') expect(Number(c.cgroupFiles['memory.current'])).toBeLessThanOrEqual(Number(max));
        }
      }),
      { numRuns: 40, seed: 42 },
    );
  });

  it('replaying history() into a fresh world reproduces the state', async () => {
    const w = createWorld();
    await runAll(w, ['docker run -d --name web nginx', 'docker run alpine echo hi', 'sudo unshare --uts bash', 'hostname lab']);
    const again = createWorld();
    for (const line of w.history()) {
      await again.exec(line);
      again.advance(700);
    }
    expect(again.prompt()).toBe(w.prompt());
    expect(again.snapshot().containers.map((c) => [c.id, c.state, c.pid])).toEqual(w.snapshot().containers.map((c) => [c.id, c.state, c.pid]));
  });
});

describe('arbitrary input', { timeout: 180_000 }, () => {
  it('never escapes the facade or hits an internal error', async () => {
    const tokens = [
      'docker',
      'run',
      'exec',
      'ps',
      '-it',
      '-d',
      '--rm',
      '--name',
      'x',
      'alpine',
      'debian',
      'nginx',
      'sh',
      '-c',
      'kill',
      '-9',
      '1',
      'ls',
      '/proc/self/ns',
      'cat',
      '/sys/fs/cgroup/memory.max',
      '|',
      '&&',
      ';',
      '>',
      '/tmp/f',
      'unshare',
      '--uts',
      'nsenter',
      '-t',
      '23817',
      'exit',
      'sudo',
      'ip',
      'link',
      "'",
      '"',
      '$(',
      ')',
      '--memory=1g',
      '--cpus=abc',
      'stat',
      '-L',
      'env',
      'echo',
      '$?',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.array(fc.constantFrom(...tokens), { maxLength: 8 }).map((t) => t.join(' ')),
            fc.string({ maxLength: 30 }),
          ),
          { maxLength: 8 },
        ),
        async (lines) => {
          const w = createWorld();
          for (const l of lines) {
            const r = await w.exec(l);
            expect(r.stderr).not.toMatch(/internal simulator error/);
            w.advance(300);
          }
          expect(typeof w.prompt()).toBe('string');
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});
