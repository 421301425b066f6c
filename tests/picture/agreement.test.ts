/**
 * The picture model says what the shell prints for the same state: namespace inodes
 * (readlink /proc/PID/ns/TYPE), cgroup limits (cat memory.max, cpu.max, pids.max),
 * capability masks (grep Cap /proc/PID/status), image IDs and digests (docker inspect,
 * docker images --digests), veth peers (ip link), a pod's sandbox and containers (readlink, crictl pods, crictl inspect).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import type { World } from '../../src/sim/index.ts';
import { buildModel } from '../../src/sim/picture/index.ts';
import type { CapabilitiesModel, CgroupsModel, IdentityModel, NetworksModel, PodsModel, ProcessesModel } from '../../src/sim/picture/model-types.ts';
import { CAP_ROW, CAP_SETS } from '../../src/sim/picture/model-types.ts';

const POOL = [
  'docker run -d --name web nginx',
  'docker run -d --name lim --memory=64m --cpus=0.25 --pids-limit=50 alpine sleep 600',
  'docker run -d --name caps --cap-drop ALL --cap-add NET_RAW alpine sleep 600',
  'docker run -d --name priv --privileged alpine sleep 600',
  'docker run -d --name hostnet --network host alpine sleep 600',
  'docker run -d --name initd --init --memory=100m debian sleep 600',
  'docker network create n1',
  'docker run -d --name user1000 --network n1 --user 1000 alpine sleep 600',
  'docker stop web',
  'docker rm -f lim',
  'docker pull nginx:1.25',
  'docker exec web rm /etc/nginx/nginx.conf',
  'sudo unshare --uts --net bash',
  'exit',
  `printf '%s\\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' '  name: two' 'spec:' '  containers:' '  - name: app' '    image: alpine:3.20' '    command: ["sleep", "3600"]' '  - name: memcached' '    image: memcached:1.6' > two.yaml && kubectl apply -f two.yaml`,
  'kubectl run solo --image=alpine:3.20 -- sleep 3600',
];

async function sh(w: World, line: string): Promise<string> {
  return (await w.exec(line)).stdout;
}

async function checkAgreement(w: World): Promise<void> {
  const snap = w.snapshot();
  const procs = buildModel(snap, 'processes') as ProcessesModel;
  for (const p of procs.procs.filter((x) => x.container || x.pid === 1).slice(0, 4)) {
    for (const [type, ns] of Object.entries(p.ns)) {
      expect(await sh(w, `readlink /proc/${p.pid}/ns/${type}`)).toBe(`${type}:[${ns.inode}]\n`);
    }
    expect(await sh(w, `grep NSpid /proc/${p.pid}/status`)).toBe(`NSpid:\t${p.nspid.join('\t')}\n`);
  }
  const cg = buildModel(snap, 'cgroups') as CgroupsModel;
  for (const g of cg.groups.filter((x) => x.container)) {
    const base = `/sys/fs/cgroup${g.path}`;
    expect(await sh(w, `cat ${base}/memory.max`)).toBe(`${g.memoryMax}\n`);
    expect(await sh(w, `cat ${base}/cpu.max`)).toBe(`${g.cpuMax}\n`);
    expect(await sh(w, `cat ${base}/pids.max`)).toBe(`${g.pidsMax}\n`);
  }
  for (const c of snap.containers.filter((x) => x.state === 'running')) {
    const caps = buildModel(snap, 'capabilities', { container: c.name }) as CapabilitiesModel;
    const status = await sh(w, `grep Cap /proc/${caps.pid}/status`);
    expect(status).toBe(CAP_SETS.map((s) => `${CAP_ROW[s]}:\t${caps.hex[s]}\n`).join(''));
  }
  for (const img of snap.images.filter((i) => i.repoTags.length)) {
    const tag = img.repoTags[0]!;
    const id = buildModel(snap, 'identity', { image: tag }) as IdentityModel;
    expect(await sh(w, `docker inspect --format '{{.Id}}' ${tag}`)).toBe(`${id.config.imageId}\n`);
    if (id.index)
      expect(await sh(w, `docker inspect --format '{{json .RepoDigests}}' ${tag}`)).toBe(`${JSON.stringify([`${tag.split(':')[0]}@${id.index.digest}`])}\n`);
    expect(await sh(w, `docker image inspect --format '{{json .RootFS.Layers}}' ${tag}`)).toBe(`${JSON.stringify(id.layers.map((l) => l.diffId))}\n`);
  }
  if (snap.pods?.some((p) => p.phase === 'Running')) {
    const pods = buildModel(snap, 'pods') as PodsModel;
    expect(pods.pods.map((p) => p.name)).toEqual(
      snap.pods
        .filter((p) => p.phase === 'Running')
        .map((p) => p.name)
        .sort(),
    );
    // kube-system's sandboxes from node1's boot are listed too, with no process here: the learner's pods are in default.
    expect((await sh(w, 'crictl pods --namespace default -q --no-trunc')).split('\n').filter(Boolean).sort()).toEqual(
      pods.pods.map((p) => p.members[0]!.id).sort(),
    );
    for (const mem of pods.pods.flatMap((p) => p.members)) {
      for (const [type, ns] of Object.entries(mem.ns)) expect(await sh(w, `readlink /proc/${mem.pid}/ns/${type}`)).toBe(`${type}:[${ns.inode}]\n`);
      if (!mem.sandbox) expect(JSON.parse(await sh(w, `crictl inspect ${mem.id}`)).info.pid).toBe(mem.pid);
    }
  }
  const net = buildModel(snap, 'networks') as NetworksModel;
  const links = await sh(w, 'ip link');
  for (const v of net.veths) expect(links).toContain(`${v.a.index}: ${v.a.name}@if${v.b.index}:`);
}

describe('the picture model agrees with the shell', () => {
  it('for random command sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...POOL), { minLength: 1, maxLength: 6 }), async (cmds) => {
        const w = createWorld();
        for (const c of cmds) await w.exec(c);
        // Leave any shell a sequence entered, so the checks run on the host.
        for (let i = 0; i < 3; i++) await w.exec('exit');
        await checkAgreement(w);
      }),
      { numRuns: 12, seed: 1302 },
    );
  }, 240_000);
});
