/**
 * Services (the apiserver's defaults and allocators, apiserver/service.ts), the Endpoints controller, kubectl expose and
 * create service; Jobs (defaults, the Job controller, create job) on node1's real kubelet.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { k8sWorld, write } from './helpers.ts';

const json = async (w: ReturnType<typeof k8sWorld>, what: string) => JSON.parse((await w.exec(`kubectl get ${what} -o json`)).stdout);

describe('Services', () => {
  it('a ClusterIP from above the static band of 10.96.0.0/12, NodePorts above 30127, the v1 defaults', async () => {
    const w = k8sWorld();
    for (let i = 0; i < 8; i++) expect((await w.exec(`kubectl create service nodeport s${i} --tcp=80:8080,81`)).stdout).toBe(`service/s${i} created\n`);
    const ips = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const s = await json(w, `svc s${i}`);
      const [a, b, c] = s.spec.clusterIP.split('.').map(Number);
      expect(a).toBe(10);
      expect(b >= 96 && b <= 111 && !(b === 96 && c === 0)).toBe(true);
      ips.add(s.spec.clusterIP);
      expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP]);
      for (const p of s.spec.ports) expect(p.nodePort >= 30128 && p.nodePort <= 32767).toBe(true);
      expect(s.spec.ports.map((p: { name: string; targetPort: number }) => [p.name, p.targetPort])).toEqual([
        ['80-8080', 8080],
        ['81', 81],
      ]);
      expect(s.spec).toMatchObject({
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        sessionAffinity: 'None',
        type: 'NodePort',
      });
      expect(s.status).toEqual({ loadBalancer: {} });
    }
    expect(ips.size).toBe(8);
  });

  it('refuses a taken or out-of-range ClusterIP, and a multi-port Service without port names', async () => {
    const w = k8sWorld();
    await write(w, 's.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  clusterIP: 10.96.0.10\n  ports:\n  - port: 80\n');
    expect((await w.exec('kubectl apply -f s.yaml')).stderr).toBe(
      'The Service "a" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated\n',
    );
    await write(w, 's.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  clusterIP: 10.0.0.5\n  ports:\n  - port: 80\n');
    expect((await w.exec('kubectl apply -f s.yaml')).stderr).toContain(
      'failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12\n',
    );
    await write(w, 's.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n  - port: 80\n  - port: 81\n');
    expect((await w.exec('kubectl apply -f s.yaml')).stderr).toBe(
      'The Service "a" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value\n',
    );
  });

  it('Endpoints list the ready pods by IP with the resolved target port; notReady ones apart; + N more past three', async () => {
    const w = k8sWorld();
    await write(
      w,
      'd.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
`,
    );
    await w.exec('kubectl apply -f d.yaml');
    expect((await w.exec('kubectl expose deploy web --port 80 --target-port http')).stdout).toBe('service/web exposed\n');
    const ep = await json(w, 'ep web');
    // expose copies the Deployment's own labels (it has none here), and the Endpoints take the Service's.
    expect(ep.metadata.labels).toBeUndefined();
    expect(ep.metadata.annotations['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets[0].ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    const ips = ep.subsets[0].addresses.map((a: { ip: string }) => a.ip);
    expect(ips).toEqual([...ips].sort());
    expect(ep.subsets[0].addresses[0]).toMatchObject({ nodeName: 'node1', targetRef: { kind: 'Pod', namespace: 'default' } });
    expect((await w.exec('kubectl get ep web --no-headers')).stdout).toMatch(
      /^web {3}10\.244\.0\.\d+:8080,10\.244\.0\.\d+:8080,10\.244\.0\.\d+:8080 \+ 1 more\.\.\. {3}\d+s\n$/,
    );
    // Scaled to 0: the subset goes and the column reads <none>.
    await w.exec('kubectl scale deploy web --replicas=0');
    expect((await w.exec('kubectl get ep web --no-headers')).stdout).toMatch(/^web {3}<none> {3}\d+s\n$/);
    // A headless Service's Endpoints carry service.kubernetes.io/headless; an ExternalName one gets none.
    await w.exec('kubectl create service clusterip hl --clusterip=None');
    expect((await json(w, 'ep hl')).metadata.labels).toEqual({ app: 'hl', 'service.kubernetes.io/headless': '' });
    await w.exec('kubectl create service externalname ext --external-name example.com');
    expect((await w.exec('kubectl get ep ext')).stderr).toBe('Error from server (NotFound): endpoints "ext" not found\n');
    expect((await w.exec('kubectl get svc ext hl --no-headers')).stdout).toMatch(
      /^ext +ExternalName +<none> +example\.com +<none> +\d+s\nhl +ClusterIP +None +<none> +<none> +\d+s\n$/,
    );
  });

  it('expose: a port a container offers over two protocols becomes port-1-tcp and port-1-udp; --protocol stomps them', async () => {
    const w = k8sWorld();
    await write(
      w,
      'p.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: dns\n  labels:\n    app: dns\nspec:\n  containers:\n  - name: c\n    image: busybox\n    ports:\n    - containerPort: 53\n      protocol: UDP\n      name: dns\n    - containerPort: 53\n      name: dns-tcp\n',
    );
    await w.exec('kubectl apply -f p.yaml');
    const y = (await w.exec('kubectl expose pod dns --dry-run=client -o jsonpath={.spec.ports}')).stdout;
    expect(JSON.parse(y)).toEqual([
      { name: 'port-1-udp', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'port-1-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
    ]);
    const z = (await w.exec('kubectl expose pod dns --protocol UDP --dry-run=client -o jsonpath={.spec.ports}')).stdout;
    expect(JSON.parse(z)).toEqual([{ port: 53, protocol: 'UDP', targetPort: 53 }]);
    expect((await w.exec('kubectl expose pod dns --selector nope --port 53 --name x')).stderr).toBe('error: unexpected label spec: nope\n');
  });
});

describe('Jobs', () => {
  it('create job runs one pod to Completed; the Job is Complete with COMPLETIONS 1/1 and its events', async () => {
    const w = createWorld();
    expect((await w.exec('kubectl create job hello --image busybox:1.36 -- echo hi')).stdout).toBe('job.batch/hello created\n');
    expect((await w.exec('kubectl wait --for=condition=complete job/hello')).stdout).toBe('job.batch/hello condition met\n');
    const job = JSON.parse((await w.exec('kubectl get job hello -o json')).stdout);
    const uid = job.metadata.uid;
    expect(job.metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'hello',
      'controller-uid': uid,
      'job-name': 'hello',
    });
    expect(job.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(job.status).toMatchObject({ ready: 0, succeeded: 1, terminating: 0, uncountedTerminatedPods: {} });
    expect(job.status.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`)).toEqual(['Complete=True']);
    expect((await w.exec('kubectl get jobs')).stdout).toMatch(/^NAME {4}COMPLETIONS {3}DURATION {3}AGE\nhello {3}1\/1 {11}\d+s +\d+s\n$/);
    const pod = (await w.exec('kubectl get pods -l job-name=hello -o name')).stdout.trim();
    expect(pod).toMatch(/^pod\/hello-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect((await w.exec(`kubectl logs ${pod}`)).stdout).toBe('hi\n');
    const events = (await w.exec(`kubectl get events --field-selector involvedObject.kind=Job -o jsonpath='{range .items[*]}{.reason}:{.message}{"\\n"}{end}'`))
      .stdout;
    expect(events).toBe(`SuccessfulCreate:Created pod: ${pod.slice(4)}\nCompleted:Job completed\n`);
  });

  it('a failing pod is replaced until backoffLimit, then the Job fails with BackoffLimitExceeded', async () => {
    const w = createWorld();
    await w.exec(
      `printf 'apiVersion: batch/v1\\nkind: Job\\nmetadata:\\n  name: bad\\nspec:\\n  backoffLimit: 1\\n  template:\\n    spec:\\n      restartPolicy: Never\\n      containers:\\n      - name: c\\n        image: busybox:1.36\\n        command: ["false"]\\n' | kubectl apply -f -`,
    );
    await w.exec('kubectl wait --for=condition=failed job/bad --timeout=60s');
    const job = JSON.parse((await w.exec('kubectl get job bad -o json')).stdout);
    expect(job.status.failed).toBe(2);
    expect(job.status.conditions[0]).toMatchObject({
      type: 'Failed',
      status: 'True',
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    });
    // The second pod waits out the 10 s back-off after the first failure (pkg/controller/job backoff_utils.go).
    expect((await w.exec('kubectl get job bad --no-headers')).stdout).toBe('bad   0/1   12s   12s\n');
  });
});
