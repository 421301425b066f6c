/**
 * The pods view, from a cluster built by commands: the pause sandbox holds the pod's net,
 * uts and ipc namespaces, each container has its own mnt, pid and cgroup (the sandbox's
 * pid with shareProcessNamespace), and every inode, PID and id is what the shell prints.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, picture, PictureError } from '../../src/sim/picture/index.ts';
import type { CapabilitiesModel, PodsModel } from '../../src/sim/picture/model-types.ts';
import { worldFor } from '../../src/sim/picture/states.ts';
import { NS_TYPES } from '../../src/sim/kernel/types.ts';
import { labels, out, worldAfter } from './helpers.ts';

const L = labels();

const TWO = (name: string, share = false) =>
  `printf '%s\\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' '  name: ${name}' 'spec:'${share ? " '  shareProcessNamespace: true'" : ''} '  containers:' '  - name: app' '    image: alpine:3.20' '    command: ["sleep", "3600"]' '  - name: memcached' '    image: memcached:1.6' > ${name}.yaml`;

describe('pods', () => {
  it('draws a two-container pod: pause holds net, uts and ipc; each container has its own mnt, pid and cgroup', async () => {
    const w = await worldAfter(TWO('cache-demo'), 'kubectl apply -f cache-demo.yaml', 'kubectl get pods');
    const m = buildModel(w.snapshot(), 'pods') as PodsModel;
    expect(m.pods).toHaveLength(1);
    const pod = m.pods[0]!;
    expect(pod).toMatchObject({ namespace: 'default', name: 'cache-demo', shareProcessNamespace: false, notRunning: [] });
    expect(pod.members.map((x) => [x.name, x.sandbox, x.command])).toEqual([
      ['pause', true, '/pause'],
      ['app', false, 'sleep 3600'],
      ['memcached', false, 'memcached'],
    ]);
    const [pause, app, mc] = pod.members as [(typeof pod.members)[0], (typeof pod.members)[0], (typeof pod.members)[0]];
    for (const c of [app, mc]) {
      const origins = Object.fromEntries(NS_TYPES.map((t) => [t, c.ns[t].origin]));
      expect(origins).toEqual({ cgroup: 'own', ipc: 'sandbox', mnt: 'own', net: 'sandbox', pid: 'own', time: 'host', user: 'host', uts: 'sandbox' });
      for (const t of ['net', 'uts', 'ipc'] as const) expect(c.ns[t].inode).toBe(pause.ns[t].inode);
      expect(c.nspid).toEqual([c.pid, 1]);
    }
    expect(app.ns.mnt.inode).not.toBe(mc.ns.mnt.inode);
    expect(app.ns.pid.inode).not.toBe(pause.ns.pid.inode);
    // The same facts, as the shell prints them.
    for (const mem of pod.members) {
      for (const t of NS_TYPES) expect(await out(w, `readlink /proc/${mem.pid}/ns/${t}`)).toBe(`${t}:[${mem.ns[t].inode}]\n`);
      expect(await out(w, `grep NSpid /proc/${mem.pid}/status`)).toBe(`NSpid:\t${mem.nspid.join('\t')}\n`);
    }
    // kube-system's sandboxes are listed too (tests/sim/k8s/kube-system.test.ts): the learner's are in default.
    expect(await out(w, 'crictl pods --namespace default -q --no-trunc')).toBe(`${pause.id}\n`);
    expect((await out(w, `crictl ps -q --no-trunc --pod ${pause.id.slice(0, 13)}`)).split('\n').filter(Boolean).sort()).toEqual([app.id, mc.id].sort());
    for (const c of [app, mc]) expect(JSON.parse(await out(w, `crictl inspect ${c.id.slice(0, 13)}`)).info.pid).toBe(c.pid);
    expect(await out(w, "kubectl get pod cache-demo -o jsonpath='{.status.podIP}'")).toBe(pod.podIP);
    const lsns = await out(w, 'lsns -t uts -t ipc');
    expect(lsns).toMatch(new RegExp(`^${pause.ns.uts.inode} uts +3 +${pause.pid} `, 'm'));
    expect(lsns).toMatch(new RegExp(`^${pause.ns.ipc.inode} ipc +3 +${pause.pid} `, 'm'));
  }, 60_000);

  it('with shareProcessNamespace: true the containers join the sandbox’s PID namespace, where pause is PID 1', async () => {
    const w = await worldAfter(TWO('shared', true), 'kubectl apply -f shared.yaml', 'kubectl get pods');
    const pod = (buildModel(w.snapshot(), 'pods') as PodsModel).pods[0]!;
    expect(pod.shareProcessNamespace).toBe(true);
    const [pause, ...ctrs] = pod.members;
    expect(pause!.nspid).toEqual([pause!.pid, 1]);
    for (const c of ctrs) {
      expect(c.ns.pid).toEqual({ inode: pause!.ns.pid.inode, origin: 'sandbox' });
      expect(c.ns.mnt.origin).toBe('own');
      expect(c.nspid[1]).not.toBe(1);
      expect(await out(w, `readlink /proc/${c.pid}/ns/pid`)).toBe(`pid:[${pause!.ns.pid.inode}]\n`);
    }
    const ps = await out(w, 'kubectl exec shared -c app -- ps ax');
    expect(ps).toMatch(/^ +1 .*\/pause$/m);
    expect(ps).toContain(`${ctrs[1]!.nspid[1]} `);
    const { svg, alt } = picture(w.snapshot(), 'pods', L, { idPrefix: 'q' });
    expect(svg).toContain('shareProcessNamespace: true');
    expect(alt).toContain(`pid:[${pause!.ns.pid.inode}] held by the sandbox, shared in the pod`);
  }, 60_000);

  it('draws lesson 5’s state (the PIDs and inodes its text prints) as SVG with a table of the same inodes, in English and Chinese', async () => {
    const w = await worldFor('pod');
    const snap = w.snapshot();
    const pic = picture(snap, 'pods', L, { idPrefix: 'k' });
    expect(pic.svg).toContain('<title id="k-title">Pods</title>');
    expect(pic.svg).toContain('Pod default/cache-demo · IP 10.244.0.12');
    expect(pic.svg).toContain('url(#k-dots)');
    expect(pic.scene.desc).toBe(
      'Pod cache-demo: held by the sandbox, shared in the pod: ipc:[4026532194], net:[4026532191], uts:[4026532193]; its own namespace: app: cgroup, mnt, pid; memcached: cgroup, mnt, pid',
    );
    expect(pic.alt).toContain('<td>pause / sandbox container</td><td>23918</td><td>23918 1</td><td>/pause</td>');
    expect(pic.svg).toMatchSnapshot();
    const zh = picture(snap, 'pods', labels('zh-cn'), { idPrefix: 'z' });
    expect(zh.alt).toContain('pause 容器 / 沙箱容器');
    expect(zh.alt).toContain('net:[4026532191] 由沙箱持有，Pod 内共享');
    expect(zh.svg).toContain('Pod（容器组） default/cache-demo');
  }, 60_000);

  it('offers a focusable node per member and per namespace cell in the live form', async () => {
    const w = await worldFor('pod');
    const { svg, scene } = picture(w.snapshot(), 'pods', L, { idPrefix: 'i', interactive: true });
    expect(svg.match(/role="button"/g)).toHaveLength(scene.boxes.filter((b) => b.reveal.length).length);
    expect(scene.boxes.find((b) => b.id === 'podns-default/cache-demo/app-net')?.reveal[0]).toBe('ls -l /proc/23919/ns/net');
    expect(scene.boxes.find((b) => b.id === 'podm-default/cache-demo/memcached')?.reveal).toContain('kubectl exec cache-demo -c memcached -- hostname');
  }, 60_000);

  it('says what is missing: no pods yet, or no pod of that name', async () => {
    const w = await worldFor('fresh');
    expect(() => buildModel(w.snapshot(), 'pods')).toThrow(
      new PictureError(
        'no pods on node1 in this state: create one first (kubectl apply -f pod.yaml)',
        'node1 上还没有 Pod：请先创建一个（kubectl apply -f pod.yaml）',
      ),
    );
    const p = await worldFor('pod');
    expect(() => buildModel(p.snapshot(), 'pods', { pod: 'nope' })).toThrow(
      new PictureError('no pod named "nope" in this state (pods: cache-demo)', '此状态中没有名为 "nope" 的 Pod（现有 Pod：cache-demo）'),
    );
  }, 60_000);

  it('shows the capability sets of a pod’s container: securityContext drop ALL leaves every set empty', async () => {
    const w = await worldFor('security-context');
    const m = buildModel(w.snapshot(), 'capabilities', { pod: 'demo', container: 'demo' }) as CapabilitiesModel;
    expect(m.container).toBe('demo/demo');
    expect(Object.values(m.hex)).toEqual(Array(5).fill('0000000000000000'));
    expect(m.dropped).toHaveLength(41);
    expect(await out(w, 'kubectl exec demo -- grep -E CapEff /proc/1/status')).toBe('CapEff:\t0000000000000000\n');
    expect(await out(w, `grep CapBnd /proc/${m.pid}/status`)).toBe('CapBnd:\t0000000000000000\n');
    expect(() => buildModel(w.snapshot(), 'capabilities', { pod: 'demo', container: 'web' })).toThrow(
      new PictureError('pod "demo" has no running container named "web" (running: demo)', 'Pod "demo" 中没有正在运行的名为 "web" 的容器（正在运行：demo）'),
    );
  }, 60_000);
});
