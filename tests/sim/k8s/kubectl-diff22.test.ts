/**
 * kubectl diff -f (kubernetes/kubectl@v0.30.5 pkg/cmd/diff/diff.go): LIVE against the server's dry run of the apply,
 * through `diff -u -N` (GNU diffutils 3.10's unified output for two directories); exit 1 with differences, 0 without,
 * 2 for kubectl's own errors (CheckDiffErr).
 */
import { describe, expect, it } from 'vitest';
import { DEPLOY, k8sWorld, write } from './helpers.ts';

const CM = (color: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  color: ${color}\n`;

describe('kubectl diff', () => {
  it('a new object: an empty LIVE file against the dry-run create, nothing stored', async () => {
    const w = k8sWorld();
    await write(w, 'cm.yaml', CM('blue'));
    const r = await w.exec('kubectl diff -f cm.yaml');
    expect(r.exitCode).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.cfg \/tmp\/MERGED-\d+\/v1\.ConfigMap\.default\.cfg$/);
    expect(lines[1]).toMatch(/^--- \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.cfg\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000$/);
    expect(lines[2]).toMatch(/^\+\+\+ \/tmp\/MERGED-\d+\//);
    expect(lines[3]).toBe('@@ -0,0 +1,9 @@');
    expect(r.stdout).toContain('+  color: blue\n');
    expect(r.stdout).not.toContain('resourceVersion');
    expect((await w.exec('kubectl get cm cfg')).exitCode).toBe(1);
    expect((await w.exec('ls /tmp')).stdout).not.toContain('LIVE-');
  });

  it('no difference exits 0 and prints nothing; a change shows only the changed lines, generation +1', async () => {
    const w = k8sWorld();
    await write(w, 'web.yaml', DEPLOY('nginx:1.27', 2));
    await w.exec('kubectl apply -f web.yaml');
    expect(await w.exec('kubectl diff -f web.yaml')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    await write(w, 'web.yaml', DEPLOY('nginx:1.27', 3));
    const r = await w.exec('kubectl diff -f web.yaml');
    expect(r.exitCode).toBe(1);
    const changed = r.stdout.split('\n').filter((l) => /^[-+] /.test(l));
    expect(changed).toEqual(['-  generation: 1', '+  generation: 2', '-  replicas: 2', '+  replicas: 3']);
    // the last-applied annotation is not part of the diff (GetModifiedConfiguration with annotate=false)
    expect(r.stdout).not.toMatch(/^[-+].*last-applied/m);
    expect((await w.exec('kubectl get deploy web -o jsonpath={.spec.replicas}')).stdout).toBe('2');
  });

  it("masks a Secret's data: *** for the same value, *** (before) / *** (after) for a changed one", async () => {
    const w = k8sWorld();
    await w.exec('kubectl create secret generic db --from-literal=user=admin --from-literal=pass=s3cret --save-config');
    await write(w, 'db.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  pass: other\n  user: admin\n');
    const r = await w.exec('kubectl diff -f db.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(" data:\n-  pass: '*** (before)'\n+  pass: '*** (after)'\n   user: '***'\n");
    expect(r.stdout).not.toContain('czNjcmV0');
  });

  it("kubectl's own errors exit 2", async () => {
    const w = k8sWorld();
    expect(await w.exec('kubectl diff')).toMatchObject({ stderr: 'error: must specify one of -f and -k\n', exitCode: 2 });
    expect(await w.exec('kubectl diff -f nope.yaml')).toMatchObject({ stderr: 'error: the path "nope.yaml" does not exist\n', exitCode: 2 });
    expect(await w.exec('kubectl diff --bogus')).toMatchObject({
      stderr: "error: unknown flag: --bogus\nSee 'kubectl diff -h' for help and examples\n",
      exitCode: 2,
    });
  });
});
