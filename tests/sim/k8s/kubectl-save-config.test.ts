/**
 * `--save-config` (kubernetes/kubectl@v0.30.5:pkg/util/apply.go CreateOrUpdateAnnotation): the generators' typed
 * objects and create -f's unstructured one; the --dry-run=client texts were compared with kubectl v1.30.13.
 */
import { describe, expect, it } from 'vitest';
import { k8sWorld } from './helpers.ts';

const KEY = 'kubectl.kubernetes.io/last-applied-configuration';
const annotation = async (w: ReturnType<typeof k8sWorld>, what: string) =>
  JSON.parse((await w.exec(`kubectl get ${what} -o json`)).stdout).metadata.annotations?.[KEY] as string | undefined;

describe('kubectl create … --save-config', () => {
  it('generators: the typed object in its struct order, with a trailing newline, as kubectl v1.30.13 prints it', async () => {
    const w = k8sWorld();
    expect((await w.exec('kubectl create namespace n --save-config --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n' +
        '      {"kind":"Namespace","apiVersion":"v1","metadata":{"name":"n","creationTimestamp":null},"spec":{},"status":{}}\n' +
        '  creationTimestamp: null\n  name: "n"\nspec: {}\nstatus: {}\n',
    );
    const cm = (await w.exec('kubectl create configmap c --from-literal=a=b --save-config --dry-run=client -o yaml')).stdout;
    expect(cm).toContain('      {"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c","creationTimestamp":null},"data":{"a":"b"}}\n');
    const job = (await w.exec('kubectl create job j --image=busybox --save-config --dry-run=client -o yaml')).stdout;
    expect(job).toContain(
      '      {"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"j","image":"busybox","resources":{}}],"restartPolicy":"Never"}}},"status":{}}\n',
    );
    // create_service.go never reads the flag into CreateAnnotation.
    expect((await w.exec('kubectl create service clusterip s --tcp=80 --save-config --dry-run=client -o yaml')).stdout).not.toContain(KEY);
  });

  it('the annotation reaches the server, and apply then finds it (no missing-annotation warning)', async () => {
    const w = k8sWorld();
    expect((await w.exec('kubectl create deployment web --image=nginx --save-config')).stdout).toBe('deployment.apps/web created\n');
    expect(await annotation(w, 'deploy web')).toBe(
      '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}\n',
    );
    await w.exec('kubectl create secret generic s --from-literal=a=b --save-config');
    expect(await annotation(w, 'secret s')).toBe('{"kind":"Secret","apiVersion":"v1","metadata":{"name":"s","creationTimestamp":null},"data":{"a":"Yg=="}}\n');
    await w.exec('kubectl create namespace plain');
    expect(await annotation(w, 'ns plain')).toBeUndefined();
    const applied = await w.exec(
      "printf 'apiVersion: apps/v1\\nkind: Deployment\\nmetadata:\\n  name: web\\nspec:\\n  replicas: 2\\n  selector:\\n    matchLabels:\\n      app: web\\n  template:\\n    metadata:\\n      labels:\\n        app: web\\n    spec:\\n      containers:\\n      - name: nginx\\n        image: nginx\\n' | kubectl apply -f -",
    );
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toBe('deployment.apps/web configured\n');
  });

  it('create -f: the object as read (namespace defaulted, keys sorted, annotations {}); an existing annotation is rewritten', async () => {
    const w = k8sWorld();
    await w.exec(
      "printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: p1\\nspec:\\n  containers:\\n  - name: nginx\\n    image: nginx:1.25\\n' > pod.yaml",
    );
    expect((await w.exec('kubectl create -f pod.yaml --save-config')).stdout).toBe('pod/p1 created\n');
    expect(await annotation(w, 'pod p1')).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"p1","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx"}]}}\n',
    );
    await w.exec(
      `printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: p2\\n  annotations:\\n    ${KEY}: old\\nspec:\\n  containers:\\n  - name: nginx\\n    image: nginx:1.25\\n' > p2.yaml`,
    );
    await w.exec('kubectl create -f p2.yaml');
    expect(await annotation(w, 'pod p2')).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"p2","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx"}]}}\n',
    );
    expect((await w.exec('kubectl apply -f pod.yaml --save-config')).stderr).toBe(
      "error: unknown flag: --save-config\nSee 'kubectl apply --help' for usage.\n",
    );
  });

  it('run and expose annotate the object they send (not on a client dry run)', async () => {
    const w = k8sWorld();
    await w.exec('kubectl run web --image=nginx --save-config');
    expect(await annotation(w, 'pod web')).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"run":"web"}},"spec":{"containers":[{"name":"web","image":"nginx","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}\n',
    );
    expect((await w.exec('kubectl run db --image=nginx --save-config --dry-run=client -o yaml')).stdout).not.toContain(KEY);
    await w.exec('kubectl expose pod web --port=80 --save-config');
    expect(await annotation(w, 'svc web')).toMatch(/^\{"kind":"Service","apiVersion":"v1","metadata":\{"name":"web","creationTimestamp":null,/);
  });
});
