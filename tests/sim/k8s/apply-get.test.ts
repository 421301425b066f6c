/** kubectl apply/create/get on node1's cluster: outputs byte for byte, strict decoding and validation errors. */
import { describe, expect, it } from 'vitest';
import { DEPLOY, k8sWorld, POD, write } from './helpers.ts';

describe('kubectl get: the fixture cluster', () => {
  it("lists node1, its namespaces, and no pods of the learner's", async () => {
    const w = k8sWorld();
    expect((await w.exec('kubectl get nodes')).stdout).toBe('NAME    STATUS   ROLES           AGE   VERSION\nnode1   Ready    control-plane   14d   v1.30.5\n');
    expect((await w.exec('kubectl get node -o wide')).stdout).toBe(
      'NAME    STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME\n' +
        'node1   Ready    control-plane   14d   v1.30.5   10.0.0.11     <none>        Ubuntu 24.04.1 LTS   6.8.0-45-generic   containerd://1.7.22\n',
    );
    expect((await w.exec('kubectl get ns')).stdout).toBe(
      'NAME              STATUS   AGE\ndefault           Active   14d\nkube-node-lease   Active   14d\nkube-public       Active   14d\nkube-system       Active   14d\n',
    );
    expect(await w.exec('kubectl get pods')).toMatchObject({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    // kubeadm's kube-system pods (kube-system.test.ts).
    expect((await w.exec('kubectl get pods -A')).stdout).toMatch(
      /^NAMESPACE     NAME +READY   STATUS    RESTARTS        AGE\n(kube-system   \S+ +1\/1     Running   1 \(3h32m ago\)   14d\n){7}$/,
    );
    expect((await w.exec('kubectl get all')).stdout).toBe(
      'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   14d\n',
    );
  });

  it('answers unknown resources, names and flags as kubectl does', async () => {
    const w = k8sWorld();
    expect(await w.exec('kubectl get podz')).toMatchObject({ stderr: 'error: the server doesn\'t have a resource type "podz"\n', exitCode: 1 });
    expect(await w.exec('kubectl get pod nope')).toMatchObject({ stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(await w.exec('kubectl get deploy nope')).toMatchObject({ stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
    expect(await w.exec('kubectl get pods --bogus')).toMatchObject({
      stderr: "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n",
      exitCode: 1,
    });
    expect(await w.exec('kubectl get pods -o table')).toMatchObject({ exitCode: 1 });
    expect((await w.exec('kubectl get pods -o table')).stderr).toMatch(
      /^error: unable to match a printer suitable for the output format "table", allowed formats are: custom-columns,/,
    );
    expect(await w.exec('kubectl frobnicate')).toMatchObject({ stderr: 'error: unknown command "frobnicate" for "kubectl"\n', exitCode: 1 });
  });
});

describe('kubectl apply -f', () => {
  it('creates, leaves unchanged, configures; create -f refuses an existing pod', async () => {
    const w = k8sWorld();
    await write(w, 'pod.yaml', POD());
    expect(await w.exec('kubectl apply -f pod.yaml')).toMatchObject({ stdout: 'pod/web created\n', stderr: '', exitCode: 0 });
    expect((await w.exec('kubectl apply -f pod.yaml')).stdout).toBe('pod/web unchanged\n');
    await write(w, 'pod.yaml', POD('web').replace('nginx:1.27', 'nginx:1.26'));
    expect((await w.exec('kubectl apply -f pod.yaml')).stdout).toBe('pod/web configured\n');
    expect(await w.exec('kubectl create -f pod.yaml')).toMatchObject({
      stderr: 'Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n',
      exitCode: 1,
    });
    expect((await w.exec('kubectl get pods')).stdout).toMatch(/^NAME   READY   STATUS    RESTARTS   AGE\nweb    1\/1     Running   0          \d+s\n$/);
    expect((await w.exec("kubectl get pod web -o jsonpath='{.spec.containers[0].image} {.spec.containers[0].imagePullPolicy}'")).stdout).toBe(
      'nginx:1.26 IfNotPresent',
    );
  });

  it('defaults the pull policy: Always for :latest or no tag, IfNotPresent for a tag or a digest', async () => {
    const w = k8sWorld();
    for (const [name, image] of [
      ['a', 'nginx'],
      ['b', 'nginx:latest'],
      ['c', 'nginx:1.27'],
      ['d', `nginx@sha256:${'a'.repeat(64)}`],
    ]) {
      await write(w, `${name}.yaml`, POD(name!).replace('nginx:1.27', image!));
      await w.exec(`kubectl apply -f ${name}.yaml`);
    }
    const r = await w.exec(`kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}={.spec.containers[0].imagePullPolicy}{"\\n"}{end}'`);
    expect(r.stdout).toBe('a=Always\nb=Always\nc=IfNotPresent\nd=IfNotPresent\n');
  });

  it("strict decoding: a misplaced field is the API server's BadRequest", async () => {
    const w = k8sWorld();
    await write(
      w,
      'pod.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
  securityContext:
    capabilities:
      drop: [ALL]
  containers:
  - name: x
    image: nginx:1.27
`,
    );
    expect(await w.exec('kubectl apply -f pod.yaml')).toMatchObject({
      stdout: '',
      exitCode: 1,
      stderr:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.securityContext.capabilities"\n',
    });
    await write(w, 'q.yaml', POD('q', '\n    ports:\n    - containerPort: "80"'));
    expect((await w.exec('kubectl apply -f q.yaml')).stderr).toBe(
      'Error from server (BadRequest): error when creating "q.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32\n',
    );
    await write(w, 'd.yaml', DEPLOY().replace('        image: nginx:1.27', '        image: nginx:1.27\n        securityContext:\n          drop: [ALL]'));
    expect((await w.exec('kubectl apply -f d.yaml')).stderr).toBe(
      'Error from server (BadRequest): error when creating "d.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].securityContext.drop"\n',
    );
  });

  it('validation: names, images, duplicates, ports, resources, selector and labels', async () => {
    const w = k8sWorld();
    await write(
      w,
      'p.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
  containers:
  - name: App_1
    image: ""
  - name: side
    image: busybox:1.36
    ports:
    - containerPort: 70000
    resources:
      limits: {memory: 128Mi}
      requests: {memory: 256Mi}
  - name: side
    image: busybox:1.36
`,
    );
    expect(await w.exec('kubectl apply -f p.yaml')).toMatchObject({
      exitCode: 1,
      stderr:
        'The Pod "x" is invalid: \n' +
        `* spec.containers[0].name: Invalid value: "App_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n` +
        '* spec.containers[0].image: Required value\n' +
        '* spec.containers[1].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive\n' +
        '* spec.containers[1].resources.requests: Invalid value: "256Mi": must be less than or equal to memory limit of 128Mi\n' +
        '* spec.containers[2].name: Duplicate value: "side"\n',
    });
    await write(w, 'n.yaml', POD('web').replace('name: web\nspec', 'name: Web\nspec'));
    expect((await w.exec('kubectl apply -f n.yaml')).stderr).toBe(
      `The Pod "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    );
    await write(w, 'd.yaml', DEPLOY().replace('      app: web\n  template', '      app: api\n  template'));
    expect((await w.exec('kubectl apply -f d.yaml')).stderr).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`\n',
    );
  });

  it("kubectl's own errors: a missing file, no kind, an unknown kind", async () => {
    const w = k8sWorld();
    expect(await w.exec('kubectl apply -f nope.yaml')).toMatchObject({ stderr: 'error: the path "nope.yaml" does not exist\n', exitCode: 1 });
    await write(w, 'k.yaml', 'apiVersion: v1\nmetadata:\n  name: x\n');
    expect((await w.exec('kubectl apply -f k.yaml')).stderr).toBe(
      'error: error validating "k.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
    await write(w, 'u.yaml', 'apiVersion: v1\nkind: Pods\nmetadata:\n  name: x\n');
    expect((await w.exec('kubectl apply -f u.yaml')).stderr).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "u.yaml": no matches for kind "Pods" in version "v1"\nensure CRDs are installed first\n',
    );
    expect(await w.exec('kubectl apply')).toMatchObject({ stderr: 'error: must specify one of -f and -k\n', exitCode: 1 });
  });

  it('applies every document of a file and of a directory, and from stdin', async () => {
    const w = k8sWorld();
    await w.exec('mkdir m');
    await write(w, 'm/a.yaml', `${POD('a')}---\n${POD('b')}`);
    await write(w, 'm/c.yml', POD('c'));
    expect((await w.exec('kubectl apply -f m')).stdout).toBe('pod/a created\npod/b created\npod/c created\n');
    expect((await w.exec(`cat m/c.yml | sed 's/name: c/name: d/' | kubectl apply -f -`)).stdout).toBe('pod/d created\n');
    expect((await w.exec('kubectl get pods -o name')).stdout).toBe('pod/a\npod/b\npod/c\npod/d\n');
  });

  it('prints -o go-template, -o json (four-space indent, sorted keys) and -o name', async () => {
    const w = k8sWorld();
    await write(w, 'p.yaml', POD('web'));
    await w.exec('kubectl apply -f p.yaml');
    expect((await w.exec(`kubectl get pods -o go-template='{{range .items}}{{.metadata.name}} {{.status.phase}}{{"\\n"}}{{end}}'`)).stdout).toBe(
      'web Running\n',
    );
    expect((await w.exec('kubectl get pod web -o json')).stdout).toMatch(
      /^\{\n {4}"apiVersion": "v1",\n {4}"kind": "Pod",\n {4}"metadata": \{\n {8}"annotations": \{/,
    );
    expect((await w.exec('kubectl get pods,deploy -o name')).stdout).toBe('pod/web\n');
    expect((await w.exec("kubectl get pod web -o jsonpath='{.status.nope}'")).stdout).toBe('');
  });
});
