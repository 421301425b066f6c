/** kubectl describe, logs, delete, run, version and config on node1's cluster, byte for byte. */
import { describe as group, expect, it } from 'vitest';
import { DEPLOY, k8sWorld, POD, write } from './helpers.ts';

group('kubectl describe', () => {
  it('a running pod: the tabwriter layout, RFC 1123 times, conditions, volumes, tolerations, events', async () => {
    const w = k8sWorld();
    await write(w, 'p.yaml', POD('web', '\n    ports:\n    - containerPort: 80\n    env:\n    - name: GREETING\n      value: hi'));
    await w.exec('kubectl apply -f p.yaml');
    const r = await w.exec('kubectl describe pod web');
    const tok = /kube-api-access-(\w{5})/.exec(r.stdout)![1];
    expect(r.stdout).toBe(`Name:             web
Namespace:        default
Priority:         0
Service Account:  default
Node:             node1/10.0.0.11
Start Time:       Mon, 16 Sep 2024 11:45:02 +0000
Labels:           <none>
Annotations:      <none>
Status:           Running
IP:               10.244.0.10
IPs:
  IP:  10.244.0.10
Containers:
  web:
    Container ID:   containerd://${'a'.repeat(63)}0
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:${'0'.repeat(64)}
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Mon, 16 Sep 2024 11:45:02 +0000
    Ready:          True
    Restart Count:  0
    Environment:
      GREETING:  hi
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-${tok} (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-${tok}:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  1s    default-scheduler  Successfully assigned default/web to node1
  Normal  Pulled     1s    kubelet            Container image "nginx:1.27" already present on machine
  Normal  Created    1s    kubelet            Created container web
  Normal  Started    1s    kubelet            Started container web
`);
  });

  it('aggregated events read "19s (x3 over 55s)" (the last one 19 s ago, the first 55 s ago)', async () => {
    const w = k8sWorld();
    await write(w, 'p.yaml', POD('web'));
    await w.exec('kubectl apply -f p.yaml');
    const { clusterFor } = await import('../../../src/sim/shell/commands/kubectl/cluster.ts');
    const { SimWorld } = await import('../../../src/sim/world.ts');
    const api = clusterFor((w as InstanceType<typeof SimWorld>).host).api;
    const pod = api.pods()[0]!;
    for (let i = 0; i < 3; i++) {
      api.event(
        pod,
        'Warning',
        'Failed',
        'Error: container has runAsNonRoot and image will run as root',
        { component: 'kubelet', host: 'node1' },
        'spec.containers{web}',
      );
      await w.exec('sleep 17');
    }
    const out = (await w.exec('kubectl describe pod web')).stdout;
    expect(out.split('\n').at(-2)).toBe(
      '  Warning  Failed     19s (x3 over 55s)  kubelet            Error: container has runAsNonRoot and image will run as root',
    );
  });

  it('a deployment: replicas, strategy, the pod template, conditions, replica sets, events', async () => {
    const w = k8sWorld();
    await write(w, 'd.yaml', DEPLOY('nginx:1.27', 2));
    await w.exec('kubectl apply -f d.yaml');
    const rs = (await w.exec('kubectl get rs -o name')).stdout.trim().split('/')[1];
    expect((await w.exec('kubectl describe deploy web')).stdout).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Mon, 16 Sep 2024 11:45:02 +0000
Labels:                 <none>
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=web
Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   web:
    Image:         nginx:1.27
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   ${rs} (2/2 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  2s    deployment-controller  Scaled up replica set ${rs} to 2
`);
  });

  it('node1: its system info and what runs on it', async () => {
    const w = k8sWorld();
    const out = (await w.exec('kubectl describe node node1')).stdout;
    expect(out).toContain('\nSystem Info:\n');
    expect(out).toContain('  Container Runtime Version:  containerd://1.7.22\n  Kubelet Version:            v1.30.5\n');
    // kubeadm's control plane, CoreDNS and kube-proxy (kube-system.test.ts has the table).
    expect(out).toContain('Non-terminated Pods:          (7 in total)\n');
    expect(out.endsWith('Events:              <none>\n')).toBe(true);
  });
});

group('kubectl logs, delete, run, version, config', () => {
  it("logs: the kubelet's text, --tail, -c errors, --previous, the default container note", async () => {
    const w = k8sWorld();
    await write(w, 'p.yaml', `${POD('web')}  - name: side\n    image: busybox:1.36\n`);
    await w.exec('kubectl apply -f p.yaml');
    expect(await w.exec('kubectl logs web')).toMatchObject({
      stdout: 'line 1 of web\nline 2 of web\nline 3 of web\n',
      stderr: 'Defaulted container "web" out of: web, side\n',
    });
    expect((await w.exec('kubectl logs web -c side --tail 1')).stdout).toBe('line 3 of side\n');
    expect(await w.exec('kubectl logs web -c nope')).toMatchObject({ stderr: 'error: container nope is not valid for pod web\n', exitCode: 1 });
    expect((await w.exec('kubectl logs web -c web --previous')).stderr).toBe(
      'Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n',
    );
    expect((await w.exec('kubectl logs nope')).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('delete: by name, by file, --now; errors name what is missing', async () => {
    const w = k8sWorld();
    await write(w, 'p.yaml', POD('web'));
    await w.exec('kubectl apply -f p.yaml');
    expect(await w.exec('kubectl delete pod web --now')).toMatchObject({ stdout: 'pod "web" deleted\n', exitCode: 0 });
    expect((await w.exec('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
    expect(await w.exec('kubectl delete pod web')).toMatchObject({ stderr: 'Error from server (NotFound): pods "web" not found\n', exitCode: 1 });
    await w.exec('kubectl apply -f p.yaml');
    expect((await w.exec('kubectl delete -f p.yaml')).stdout).toBe('pod "web" deleted\n');
    expect((await w.exec('kubectl delete -f p.yaml')).stderr).toBe('Error from server (NotFound): error when deleting "p.yaml": pods "web" not found\n');
    expect((await w.exec('kubectl delete')).stderr).toMatch(/^error: You must provide one or more resources by argument or filename\./);
    await w.exec('kubectl apply -f p.yaml');
    expect(await w.exec('kubectl delete pod web --grace-period=0 --force')).toMatchObject({
      stdout: 'pod "web" force deleted\n',
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    });
  });

  it('run: a pod labelled run=NAME; --dry-run=client -o yaml; the image is required', async () => {
    const w = k8sWorld();
    expect((await w.exec('kubectl run web --image=nginx:1.27 --env=GREETING=hi -- nginx -g "daemon off;"')).stdout).toBe('pod/web created\n');
    expect(
      (await w.exec(`kubectl get pod web -o jsonpath='{.metadata.labels.run} {.spec.containers[0].args} {.spec.containers[0].env[0].value}'`)).stdout,
    ).toBe('web ["nginx","-g","daemon off;"] hi');
    expect(await w.exec('kubectl run x')).toMatchObject({ stderr: 'error: required flag(s) "image" not set\n', exitCode: 1 });
    expect((await w.exec('kubectl run demo --image=alpine:3.18 --restart=Never --dry-run=client -o yaml')).stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: demo
  name: demo
spec:
  containers:
  - image: alpine:3.18
    name: demo
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`);
  });

  it('version and config current-context', async () => {
    const w = k8sWorld();
    expect((await w.exec('kubectl version')).stdout).toBe(
      'Client Version: v1.30.5\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\nServer Version: v1.30.5\n',
    );
    expect((await w.exec('kubectl config current-context')).stdout).toBe('kubernetes-admin@kubernetes\n');
  });
});
