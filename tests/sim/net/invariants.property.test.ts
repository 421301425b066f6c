import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import type { SimWorld } from '../../../src/sim/world.ts';

const NAMES = ['c1', 'c2', 'c3'];
const step = fc.oneof(
  fc.record({
    kind: fc.constant('run'),
    name: fc.constantFrom(...NAMES),
    net: fc.constantFrom('bridge', 'lab', 'none', 'host'),
    port: fc.constantFrom('', '-p 8080:80', '-p 80'),
  }),
  fc.record({ kind: fc.constantFrom('stop', 'start', 'rm -f', 'kill'), name: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constantFrom('connect', 'disconnect'), name: fc.constantFrom(...NAMES) }),
);

/** The line a step types. */
function line(s: { kind: string; name: string; net?: string; port?: string }): string {
  if (s.kind === 'run') return `docker run -d --name ${s.name} --network ${s.net} ${s.port} nginx:1.25`;
  if (s.kind === 'connect' || s.kind === 'disconnect') return `docker network ${s.kind} lab ${s.name}`;
  return `docker ${s.kind} ${s.name}`;
}

describe('network invariants hold after any sequence of run/stop/start/rm/connect/disconnect', () => {
  it('veth peers cross-reference, addresses and host ports are unique, bridges have carrier iff they have ports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 8 }), async (steps) => {
        const w = createWorld() as unknown as SimWorld;
        await w.exec('docker network create lab >/dev/null; docker create --name pre nginx:1.25 >/dev/null 2>&1; docker rm pre >/dev/null');
        for (const s of steps) await w.exec(`${line(s)} >/dev/null 2>&1`);
        const k = w.host.kernel;
        const hostNet = k.ns(w.host.fixture.namespaces.net);
        const running = [...w.daemon.containers.values()].filter((c) => c.status === 'running');
        for (const v of (hostNet.interfaces ?? []).filter((i) => i.kind === 'veth')) {
          const owners = running.filter((c) => c.netns !== undefined && k.ns(c.netns).interfaces?.some((i) => i.index === v.peer && i.peer === v.index));
          expect(owners.length, `host ${v.name}@if${v.peer}`).toBeGreaterThan(0);
        }
        for (const c of running.filter((x) => x.netns !== w.host.fixture.namespaces.net)) {
          for (const i of (c.netns !== undefined ? k.ns(c.netns).interfaces : []) ?? []) {
            if (i.kind !== 'veth') continue;
            expect(
              hostNet.interfaces?.some((h) => h.index === i.peer && h.peer === i.index),
              `${c.name} ${i.name}`,
            ).toBe(true);
          }
        }
        for (const net of w.daemon.net.list()) {
          const ips = [...net.endpoints.values()].map((e) => e.ip);
          expect(new Set(ips).size).toBe(ips.length);
          for (const cid of net.endpoints.keys()) expect(running.some((c) => c.id === cid)).toBe(true);
          const br = hostNet.interfaces?.find((i) => i.name === net.bridge);
          if (br) expect(br.up).toBe((hostNet.interfaces ?? []).some((i) => i.master === net.bridge));
        }
        const bindings = running.flatMap((c) => c.ports.map((p) => `${p.hostIp}:${p.hostPort}/${p.proto}`));
        expect(new Set(bindings).size).toBe(bindings.length);
        for (const c of w.daemon.containers.values()) if (c.status !== 'running') expect(c.ports).toEqual([]);
        const indexes = (hostNet.interfaces ?? []).map((i) => i.index);
        expect(new Set(indexes).size).toBe(indexes.length);
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
