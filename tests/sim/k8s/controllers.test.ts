/** Deployment → ReplicaSet → Pods: hash names, scaling, rollout on a template change, garbage collection. */
import { describe, expect, it } from 'vitest';
import { DEPLOY, k8sWorld, write } from './helpers.ts';

const names = async (w: ReturnType<typeof k8sWorld>, what: string) => (await w.exec(`kubectl get ${what} -o name`)).stdout.trim().split('\n').filter(Boolean);

describe('the Deployment and ReplicaSet controllers', () => {
  it('names the ReplicaSet by its pod-template-hash and the pods by five more characters', async () => {
    const w = k8sWorld();
    await write(w, 'd.yaml', DEPLOY('nginx:1.27', 2));
    await w.exec('kubectl apply -f d.yaml');
    const [rs] = await names(w, 'rs');
    expect(rs).toMatch(/^replicaset\.apps\/web-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    const hash = rs!.split('web-')[1]!;
    const pods = await names(w, 'pods');
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p).toMatch(new RegExp(`^pod/web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect((await w.exec('kubectl get pods --show-labels')).stdout).toContain(`app=web,pod-template-hash=${hash}`);
    expect((await w.exec('kubectl get deploy')).stdout).toMatch(
      /^NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2\/2     2            2           \d+s\n$/,
    );
    // The same template always hashes the same.
    const w2 = k8sWorld();
    await write(w2, 'd.yaml', DEPLOY('nginx:1.27', 2));
    await w2.exec('kubectl apply -f d.yaml');
    expect(await names(w2, 'rs')).toEqual([rs]);
  });

  it('rolls out a new template: a second ReplicaSet, the old one scaled to 0, revision 2', async () => {
    const w = k8sWorld();
    await write(w, 'd.yaml', DEPLOY('nginx:1.27', 3));
    await w.exec('kubectl apply -f d.yaml');
    const [old] = await names(w, 'rs');
    await write(w, 'd.yaml', DEPLOY('nginx:1.26', 3));
    expect((await w.exec('kubectl apply -f d.yaml')).stdout).toBe('deployment.apps/web configured\n');
    const rs = await names(w, 'rs');
    expect(rs).toHaveLength(2);
    const fresh = rs.find((x) => x !== old)!;
    const table = (await w.exec('kubectl get rs')).stdout;
    expect(table).toContain(`${old!.split('/')[1]}   0         0         0`);
    expect(table).toContain(`${fresh.split('/')[1]}   3         3         3`);
    const pods = await names(w, 'pods');
    expect(pods.every((p) => p.startsWith(`pod/${fresh.split('/')[1]}-`))).toBe(true);
    expect((await w.exec("kubectl get deploy web -o jsonpath='{.metadata.annotations.deployment\\.kubernetes\\.io/revision}'")).stdout).toBe('2');
    const msgs = (await w.exec('kubectl get events --field-selector involvedObject.kind=Deployment -o jsonpath=\'{range .items[*]}{.message}{"\\n"}{end}\''))
      .stdout;
    const o = old!.split('/')[1];
    const n = fresh.split('/')[1];
    expect(msgs).toBe(
      [
        `Scaled up replica set ${o} to 3`,
        `Scaled up replica set ${n} to 1`,
        `Scaled down replica set ${o} to 2 from 3`,
        `Scaled up replica set ${n} to 2 from 1`,
        `Scaled down replica set ${o} to 1 from 2`,
        `Scaled up replica set ${n} to 3 from 2`,
        `Scaled down replica set ${o} to 0 from 1`,
        '',
      ].join('\n'),
    );
    // Back to the first template: the old ReplicaSet comes back (revision 3), no third one.
    await write(w, 'd.yaml', DEPLOY('nginx:1.27', 3));
    await w.exec('kubectl apply -f d.yaml');
    expect((await names(w, 'rs')).sort()).toEqual(rs.slice().sort());
    expect((await w.exec(`kubectl get ${old} -o jsonpath='{.spec.replicas}'`)).stdout).toBe('3');
  });

  it('scales with the manifest and deletes what a deleted Deployment owned', async () => {
    const w = k8sWorld();
    await write(w, 'd.yaml', DEPLOY('nginx:1.27', 1));
    await w.exec('kubectl apply -f d.yaml');
    await write(w, 'd.yaml', DEPLOY('nginx:1.27', 3));
    await w.exec('kubectl apply -f d.yaml');
    expect(await names(w, 'pods')).toHaveLength(3);
    await write(w, 'd.yaml', DEPLOY('nginx:1.27', 2));
    await w.exec('kubectl apply -f d.yaml');
    expect(await names(w, 'pods')).toHaveLength(2);
    expect((await w.exec('kubectl delete deploy web')).stdout).toBe('deployment.apps "web" deleted\n');
    expect(await names(w, 'rs')).toEqual([]);
    expect(await names(w, 'pods')).toEqual([]);
  });
});
