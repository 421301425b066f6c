/**
 * `kubectl create … --dry-run=client -o json` prints the object a generator built as its Go struct: fields in
 * declaration order (kind, apiVersion, then metadata's name before creationTimestamp…), where an object read from a
 * file or the server is a map with sorted keys (src/k8s/structorder.ts). `kubectl create namespace` takes --dry-run and
 * -o like the other create subcommands (kubernetes/kubectl@v0.30.5:pkg/cmd/create/create_namespace.go); before, they
 * were ignored and the namespace was made.
 *
 * The expected texts in fixtures/typed-json were printed by a real kubectl v1.30.13 (the client needs no server for a
 * client dry run of these generators).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { k8sWorld } from './helpers.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures/typed-json', name), 'utf8');

describe('kubectl create --dry-run=client -o json: the Go struct order (real kubectl v1.30.13)', () => {
  const cases: [string, string][] = [
    ['kubectl create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o json -- sleep 1', 'deployment.json'],
    ['kubectl create namespace demo --dry-run=client -o json', 'namespace.json'],
    ['kubectl create namespace n --dry-run=client -o yaml', 'namespace-n.yaml'],
    ['kubectl create configmap c --from-literal=x=y --from-literal=a=b --dry-run=client -o json', 'configmap.json'],
    ['kubectl create service nodeport svc --tcp=80:8080 --node-port=30080 --dry-run=client -o json', 'service-nodeport.json'],
    ['kubectl create job j --image=busybox --dry-run=client -o json -- echo hi', 'job.json'],
    ['kubectl create secret docker-registry reg --docker-server=r.io --docker-username=u --docker-password=p --dry-run=client -o json', 'secret-docker.json'],
  ];
  for (const [line, file] of cases)
    it(line.replace(' --dry-run=client', ''), async () => {
      const r = await k8sWorld().exec(line);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(fixture(file));
    });

  it('keeps the sorted keys of an object the server returns, and of one read from a file', async () => {
    const w = k8sWorld();
    const made = await w.exec('kubectl create namespace demo -o json');
    expect(made.stdout.startsWith('{\n    "apiVersion": "v1",\n    "kind": "Namespace",\n')).toBe(true);
    await w.exec("printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: c\\ndata:\\n  x: y\\n' > c.yaml");
    const fromFile = await w.exec('kubectl create -f c.yaml --dry-run=client -o json');
    expect(fromFile.stdout).toMatch(
      /^\{\n {4}"apiVersion": "v1",\n {4}"data": \{\n {8}"x": "y"\n {4}\},\n {4}"kind": "ConfigMap",\n {4}"metadata": \{\n {8}"name": "c",/,
    );
  });
});

describe('kubectl create namespace (create_namespace.go)', () => {
  it('--dry-run=client makes nothing and says so; --dry-run=server asks the server; -o name', async () => {
    const w = k8sWorld();
    expect((await w.exec('kubectl create namespace demo --dry-run=client')).stdout).toBe('namespace/demo created (dry run)\n');
    expect((await w.exec('kubectl get namespace demo')).exitCode).toBe(1);
    expect((await w.exec('kubectl create ns demo --dry-run=server')).stdout).toBe('namespace/demo created (server dry run)\n');
    expect((await w.exec('kubectl get namespace demo')).exitCode).toBe(1);
    expect((await w.exec('kubectl create ns demo -o name')).stdout).toBe('namespace/demo\n');
    expect((await w.exec('kubectl get namespace demo -o name')).stdout).toBe('namespace/demo\n');
  });
  it('a bare --dry-run warns as klog does, then runs as client; one NAME is required', async () => {
    const w = k8sWorld();
    const r = await w.exec('kubectl create namespace demo --dry-run');
    expect(r.stderr).toMatch(/^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ helpers\.go:703\] --dry-run is deprecated and can be replaced with --dry-run=client\.\n$/);
    expect(r.stdout).toBe('namespace/demo created (dry run)\n');
    expect((await w.exec('kubectl create namespace a b')).stderr).toBe(
      "error: exactly one NAME is required, got 2\nSee 'kubectl create namespace -h' for help and examples\n",
    );
  });
});

describe("-o's allowed formats (cli-runtime print_flags.go AllowedFormats; real kubectl v1.30.13)", () => {
  const generic = 'allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n';
  it("a generator, create -f, run, expose and scale list the generic printers; -o wide is get's only", async () => {
    const w = k8sWorld();
    await w.exec('kubectl create deployment web --image=nginx');
    for (const line of [
      'kubectl create deployment web2 --image=nginx --dry-run=client -o foo',
      'kubectl create namespace n -o foo',
      'kubectl run x --image=nginx --dry-run=client -o foo',
      'kubectl expose deploy web --port=80 -o foo',
      'kubectl scale deploy web --replicas=2 -o foo',
    ]) {
      const r = await w.exec(line);
      expect(r.exitCode, line).toBe(1);
      expect(r.stderr, line).toBe(`error: unable to match a printer suitable for the output format "foo", ${generic}`);
    }
    expect((await w.exec('kubectl create deployment web2 --image=nginx --dry-run=client -o wide')).stderr).toBe(
      `error: unable to match a printer suitable for the output format "wide", ${generic}`,
    );
    expect((await w.exec('kubectl get pods -o foo')).stderr).toMatch(
      /allowed formats are: custom-columns,custom-columns-file,go-template,.*,templatefile,wide,yaml\n$/,
    );
    expect((await w.exec('kubectl get deploy -o wide')).stdout).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE +CONTAINERS +IMAGES +SELECTOR\n/);
  });
});
