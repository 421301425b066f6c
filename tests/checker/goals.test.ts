/** Goal predicates over hand-built WorldSnapshots. */
import { describe, expect, it } from 'vitest';
import { shellGoals } from '../../src/checker/goals/index.ts';
import { templateParams } from '../../src/checker/params.ts';
import type { ContainerView, WorldSnapshot } from '../../src/sim/api.ts';

/** Each goal as a function of raw parameters: parsed first (defaults filled in, a bad key refused), as loading an exercise does. */
const g = Object.fromEntries(
  Object.entries(shellGoals).map(([k, goal]) => [
    k,
    (w: WorldSnapshot, raw: unknown, start?: WorldSnapshot) => goal.test(w, templateParams(goal).parse(raw ?? {}), start),
  ]),
);

function container(name: string, over: Partial<ContainerView> = {}): ContainerView {
  return {
    id: `${name}-id`,
    name,
    image: 'nginx:1.25',
    state: 'running',
    exitCode: 0,
    oomKilled: false,
    pid: 23817,
    ports: [],
    networkMode: 'bridge',
    init: false,
    inspect: { HostConfig: { NetworkMode: 'bridge', LogConfig: { Type: 'json-file', Config: {} } } },
    cgroupFiles: { 'memory.max': '268435456\n' },
    ...over,
  };
}

function world(containers: ContainerView[], extra: Partial<WorldSnapshot> = {}): WorldSnapshot {
  return { hostname: 'node1', nowMs: 0, processes: [], namespaces: [], containers, volumes: [], images: [], registry: {}, transcript: [], ...extra };
}

describe('goal predicates', () => {
  it('container-running checks name, state and image', () => {
    const w = world([container('web'), container('old', { state: 'exited', image: 'debian' })]);
    expect(g['container-running']!(w, { name: 'web', image: '^nginx(:|$)' })).toBe(true);
    expect(g['container-running']!(w, { name: 'old' })).toBe(false);
    expect(g['container-running']!(w, { name: 'web', image: '^httpd' })).toBe(false);
    expect(g['container-running']!(w, { name: 'nope' })).toBe(false);
  });
  it('no-container-in-state ignores the containers named in except', () => {
    const w = world([container('web'), container('notes', { state: 'exited', image: 'alpine' }), container('old', { state: 'exited', image: 'debian' })]);
    expect(g['no-container-in-state']!(w, { state: 'exited', except: ['notes'] })).toBe(false);
    expect(g['no-container-in-state']!(world([container('web'), container('notes', { state: 'exited' })]), { state: 'exited', except: ['notes'] })).toBe(true);
    expect(g['no-container-in-state']!(world([container('notes', { state: 'exited' })]), {})).toBe(false);
  });
  it('container-port matches the docker ps binding', () => {
    const w = world([container('web', { ports: ['0.0.0.0:8080->80/tcp'] })]);
    expect(g['container-port']!(w, { name: 'web', binding: '0.0.0.0:8080->80/tcp' })).toBe(true);
    expect(g['container-port']!(w, { name: 'web', binding: '0.0.0.0:8081->80/tcp' })).toBe(false);
  });
  it('container-field reads inspect data and cgroup files', () => {
    const w = world([container('isolated', { inspect: { HostConfig: { NetworkMode: 'none' } } })]);
    expect(g['container-field']!(w, { name: 'isolated', path: 'inspect.HostConfig.NetworkMode', equals: 'none' })).toBe(true);
    expect(g['container-field']!(w, { name: 'isolated', path: 'cgroupFiles', key: 'memory.max', matches: '^268435456' })).toBe(true);
    expect(g['container-field']!(w, { name: 'isolated', path: 'inspect.HostConfig.NetworkMode', equals: 'host' })).toBe(false);
  });
  it('output-contains looks at the transcript, optionally only at some commands', () => {
    const w = world([], {
      transcript: [
        { line: "docker inspect -f '{{.State.Pid}}' web", stdout: '23817\n', stderr: '', exitCode: 0 },
        { line: 'echo 4242', stdout: '4242\n', stderr: '', exitCode: 0 },
      ],
    });
    expect(g['output-contains']!(w, { text: '23817', command: 'docker\\s+inspect' })).toBe(true);
    expect(g['output-contains']!(w, { text: '4242', command: 'docker\\s+inspect' })).toBe(false);
    expect(g['output-contains']!(w, { text: '4242' })).toBe(true);
  });
  it('no-container-in-state and running-untouched', () => {
    const start = world([container('web'), container('old', { state: 'exited' })]);
    const pruned = world([container('web')]);
    const nuked = world([]);
    expect(g['no-container-in-state']!(start, {})).toBe(false);
    expect(g['no-container-in-state']!(pruned, { state: 'exited' })).toBe(true);
    expect(g['running-untouched']!(pruned, {}, start)).toBe(true);
    expect(g['running-untouched']!(nuked, {}, start)).toBe(false);
  });
  it('running-untouched spares the containers named in except; container-stopped holds once the container is not running', () => {
    const start = world([container('web'), container('shop', { id: 'shop-id' }), container('blog')]);
    const stopped = world([container('web'), container('shop', { state: 'exited', pid: 0 }), container('blog')]);
    const removed = world([container('web'), container('blog')]);
    const wrong = world([container('web', { state: 'exited', pid: 0 }), container('shop'), container('blog')]);
    expect(g['running-untouched']!(stopped, { except: ['shop'] }, start)).toBe(true);
    expect(g['running-untouched']!(stopped, {}, start)).toBe(false);
    expect(g['running-untouched']!(wrong, { except: ['shop'] }, start)).toBe(false);
    expect([stopped, removed, wrong].map((w) => g['container-stopped']!(w, { name: 'shop' }))).toEqual([true, true, false]);
  });
  it('container-listens reads the ports and UID of the main process', () => {
    const proc = (pid: number, uid: number, listens?: number[]) => ({
      pid,
      ppid: 1,
      nspid: [pid, 1],
      argv: ['nc', '-l', '-p', '80'],
      state: 'S' as const,
      uid,
      ns: {} as never,
      cgroup: '/',
      capEff: '0000000000000000',
      ...(listens ? { listens } : {}),
    });
    const w = world([container('sealed', { pid: 100 }), container('edge', { pid: 200 }), container('gone', { state: 'exited', pid: 0 })], {
      processes: [proc(100, 1000, [80]), proc(200, 0, [8080])],
    });
    expect(g['container-listens']!(w, { name: 'sealed', port: 80, uid: 1000 })).toBe(true);
    expect(g['container-listens']!(w, { name: 'sealed', port: 8080 })).toBe(false);
    expect(g['container-listens']!(w, { name: 'sealed', minPort: 1024 })).toBe(false);
    expect(g['container-listens']!(w, { name: 'edge', minPort: 1024 })).toBe(true);
    expect(g['container-listens']!(w, { name: 'edge', uid: 1000 })).toBe(false);
    expect(g['container-listens']!(w, { name: 'edge' })).toBe(true);
    expect(g['container-listens']!(w, { name: 'gone' })).toBe(false);
  });
  it('volume-file and container-removed', () => {
    const w = world([], { volumes: [{ name: 'notes', anonymous: false, mountpoint: '/var/lib/docker/volumes/notes/_data', files: { 'hello.txt': 'hi\n' } }] });
    expect(g['volume-file']!(w, { volume: 'notes', file: 'hello.txt', content: 'hi' })).toBe(true);
    expect(g['volume-file']!(w, { volume: 'notes', file: 'hello.txt', content: 'ho' })).toBe(false);
    expect(g['container-removed']!(w, { name: 'writer' })).toBe(true);
  });
});
