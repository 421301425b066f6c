/**
 * kubectl replace -f (kubernetes/kubectl@v0.30.5:pkg/cmd/replace/replace.go) and the API server's PUT
 * (src/sim/k8s/apiserver/replace.ts): client-side texts checked against a real kubectl v1.30.13, the NotFound with a
 * stub API server.
 */
import { describe, expect, it } from 'vitest';
import { k8sWorld, POD, write } from './helpers.ts';

describe('kubectl replace', () => {
  it('an object read back with get -o yaml replaces the live one; a stale resourceVersion is a Conflict', async () => {
    const w = k8sWorld();
    await w.exec('kubectl run api --image=python:3.12');
    await w.exec("kubectl get pod api -o yaml | sed 's/python:3.12/python:3.13/' > api.yaml");
    expect((await w.exec('kubectl replace -f api.yaml')).stdout).toBe('pod/api replaced\n');
    expect((await w.exec('kubectl get pod api -o jsonpath={.spec.containers[0].image}')).stdout).toBe('python:3.13');
    expect((await w.exec('kubectl replace -f api.yaml')).stderr).toBe(
      'Error from server (Conflict): error when replacing "api.yaml": Operation cannot be fulfilled on pods "api": the object has been modified; please apply your changes to the latest version and try again\n',
    );
  });

  it("a pod's manifest without what admission added is an immutable-field error; --force deletes and creates it", async () => {
    const w = k8sWorld();
    await write(w, 'p.yaml', POD('web'));
    await w.exec('kubectl create -f p.yaml');
    const r = await w.exec('kubectl replace -f p.yaml');
    expect(r.stderr).toMatch(/^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`/);
    expect(r.exitCode).toBe(1);
    expect((await w.exec('kubectl replace -f p.yaml --dry-run=client')).stdout).toBe('pod/web replaced (dry run)\n');
    const f = await w.exec('kubectl replace -f p.yaml --force');
    expect([f.stdout, f.stderr]).toEqual(['pod "web" deleted\npod/web replaced\n', '']);
  });

  it('NotFound names the file; a Deployment replaced from stdin rolls out', async () => {
    const w = k8sWorld();
    await write(w, 'p.yaml', POD('nope'));
    expect((await w.exec('kubectl replace -f p.yaml')).stderr).toBe('Error from server (NotFound): error when replacing "p.yaml": pods "nope" not found\n');
    await w.exec('kubectl create deployment web --image=nginx:1.27');
    expect((await w.exec("kubectl get deploy web -o yaml | sed 's/nginx:1.27/nginx:1.28/' | kubectl replace -f -")).stdout).toBe(
      'deployment.apps/web replaced\n',
    );
    expect((await w.exec('kubectl get rs --no-headers')).stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it("Complete's and Validate's errors", async () => {
    const w = k8sWorld();
    await write(w, 'p.yaml', POD('web'));
    const e = async (c: string) => (await w.exec(c)).stderr;
    expect(await e('kubectl replace')).toBe('error: must specify one of -f and -k\n');
    expect(await e('kubectl replace -f p.yaml --grace-period=5')).toBe('error: --grace-period must have --force specified\n');
    expect(await e('kubectl replace -f p.yaml --timeout=5s')).toBe('error: --timeout must have --force specified\n');
    expect(await e('kubectl replace -f p.yaml --force --dry-run=client')).toBe('error: --dry-run can not be used when --force is set\n');
    expect(await e('kubectl replace -f p.yaml --subresource=x')).toBe('error: invalid subresource value: "x". Must be one of [status scale]\n');
    expect(await e('kubectl replace -f missing.yaml')).toBe('error: the path "missing.yaml" does not exist\n');
  });
});
