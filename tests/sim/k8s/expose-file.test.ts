/**
 * kubectl expose -f FILE (src/sim/shell/commands/kubectl/expose.ts): kubernetes/kubectl@v0.30.5 pkg/cmd/expose/expose.go
 * RunExpose builds with FilenameParam and visits the file's objects as written (no GET), derives the selector and port
 * from them (polymorphichelpers), and creates the Service in the command's namespace; the builder rejects a file
 * object whose namespace is not -n's (resource.Builder: "the namespace from the provided object … does not match").
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

const DEPLOY = (ns = '') => `cat > web.yaml <<'Y'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web${ns ? `\n  namespace: ${ns}` : ''}
  labels:
    app: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
Y`;

describe('kubectl expose -f', () => {
  it("exposes the file's Deployment though the cluster has none: selector, labels and port from the file", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(DEPLOY());
    expect((await w.exec('kubectl expose -f web.yaml --dry-run=client -o yaml')).stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: web
status:
  loadBalancer: {}
`);
    expect(await w.exec('kubectl expose -f web.yaml')).toEqual({ stdout: 'service/web exposed\n', stderr: '', exitCode: 0 });
    expect((await w.exec('kubectl get deploy')).stderr).toBe('No resources found in default namespace.\n');
    expect((await w.exec('kubectl get svc web -o jsonpath={.spec.selector}')).stdout).toBe('{"app":"web"}');
  });

  it('a file object in another namespace than -n, and a missing file', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(DEPLOY('team'));
    expect(await w.exec('kubectl expose -f web.yaml -n default')).toEqual({
      stdout: '',
      stderr: `error: the namespace from the provided object "team" does not match the namespace "default". You must pass '--namespace=team' to perform this operation.\n`,
      exitCode: 1,
    });
    expect((await w.exec('kubectl expose -f nope.yaml')).stderr).toBe('error: the path "nope.yaml" does not exist\n');
  });
});
