/**
 * What `kubeadm init` (v1.30) leaves in kube-system on a single containerd node, as API objects: the four static pods
 * (their mirror pods, owned by the Node: kubernetes/kubernetes@v1.30.5:cmd/kubeadm/app/phases/controlplane/manifests.go and
 * etcd/local.go), CoreDNS (Deployment, ReplicaSet, two pods, the kube-dns Service: cmd/kubeadm/app/phases/addons/dns)
 * and kube-proxy (DaemonSet and its pod: addons/proxy). Images are kubeadm v1.30's (etcd 3.5.12-0, CoreDNS v1.11.1).
 *
 * Their statuses are as node1's reboot this morning left them (fixture-reboot.ts: RESTARTS 1, the old container as
 * lastState 255 Unknown), and containerd lists the same sandboxes and containers (runtime/containerd.ts Containerd.booted).
 * These objects are the cluster's, not the learner's: node1's kubelet does not run them (their processes are in node1's
 * process table only with WorldOptions.kubeProcesses, runtime/kube-procs.ts: the lesson transcripts' lsns and ps pin a
 * table without them), and the controllers leave them as they are.
 * Names, uids, container ids and image digests are fixture values from their own seeded stream, so the API server's
 * random draws (the learner's pod names and uids) are the same as without them.
 */
import { Rng } from '../../rng.ts';
import type { KObject } from '../types.ts';
import { CLUSTER_CREATED, KUBE_VERSION, type NodeFacts } from './fixture.ts';
import { uuid } from './names.ts';
import { RebootStory, SANDBOX_AFTER_BOOT, type PodRuns } from './fixture-reboot.ts';

type Obj = Record<string, unknown>;
const at = (seconds: number) => new Date(Date.parse(CLUSTER_CREATED) + seconds * 1000).toISOString().replace('.000Z', 'Z');
const RS_HASH = '7db6d8ff4d';

const hostPath = (name: string, path: string, type: string) => ({ hostPath: { path, type }, name });
const mount = (name: string, mountPath: string, readOnly = false) => ({ mountPath, name, ...(readOnly ? { readOnly: true } : {}) });
const httpProbe = (path: string, port: number, scheme: string, host: string | undefined, o: { delay?: number; timeout: number; failure: number; period?: number }) => ({
  failureThreshold: o.failure, httpGet: { ...(host ? { host } : {}), path, port, scheme }, ...(o.delay ? { initialDelaySeconds: o.delay } : {}),
  periodSeconds: o.period ?? 10, successThreshold: 1, timeoutSeconds: o.timeout,
});
const CERTS = [hostPath('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'), hostPath('etc-ca-certificates', '/etc/ca-certificates', 'DirectoryOrCreate')];
const CERT_MOUNTS = [mount('ca-certs', '/etc/ssl/certs', true), mount('etc-ca-certificates', '/etc/ca-certificates', true)];
const EXTRA_CA_PATHS = ['/usr/local/share/ca-certificates', '/usr/share/ca-certificates'];
const EXTRA_CA = EXTRA_CA_PATHS.map((p) => hostPath(p.replaceAll('/', '-').slice(1), p, 'DirectoryOrCreate'));
const EXTRA_CA_MOUNTS = EXTRA_CA_PATHS.map((p) => mount(p.replaceAll('/', '-').slice(1), p, true));
const CONTAINER_DEFAULTS = { imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' };
const CRITICAL_TOLERATION = [{ effect: 'NoExecute', operator: 'Exists' }];

interface Static { component: string; image: string; command: string[]; cpu: string; memory?: string; volumes: Obj[]; mounts: Obj[]; probes: Obj; annotation?: [string, string] }

function statics(ip: string): Static[] {
  const pki = '/etc/kubernetes/pki';
  return [
    {
      component: 'etcd', image: 'registry.k8s.io/etcd:3.5.12-0', cpu: '100m', memory: '100Mi',
      command: ['etcd', `--advertise-client-urls=https://${ip}:2379`, `--cert-file=${pki}/etcd/server.crt`, '--client-cert-auth=true', '--data-dir=/var/lib/etcd',
        '--experimental-initial-corrupt-check=true', '--experimental-watch-progress-notify-interval=5s', `--initial-advertise-peer-urls=https://${ip}:2380`,
        `--initial-cluster=node1=https://${ip}:2380`, `--key-file=${pki}/etcd/server.key`, `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
        '--listen-metrics-urls=http://127.0.0.1:2381', `--listen-peer-urls=https://${ip}:2380`, '--name=node1', `--peer-cert-file=${pki}/etcd/peer.crt`,
        '--peer-client-cert-auth=true', `--peer-key-file=${pki}/etcd/peer.key`, `--peer-trusted-ca-file=${pki}/etcd/ca.crt`, '--snapshot-count=10000',
        `--trusted-ca-file=${pki}/etcd/ca.crt`],
      volumes: [hostPath('etcd-certs', `${pki}/etcd`, 'DirectoryOrCreate'), hostPath('etcd-data', '/var/lib/etcd', 'DirectoryOrCreate')],
      mounts: [mount('etcd-data', '/var/lib/etcd'), mount('etcd-certs', `${pki}/etcd`)],
      // kubeadm v1.30's etcd probes: liveness on /health?exclude=NOSPACE&serializable=true, startup on
      // /health?serializable=false, no readiness probe (kubernetes/kubernetes@v1.30.5:cmd/kubeadm/app/phases/etcd/local.go
      // GetEtcdPodSpec, read in a pre-1.31 stored version of the file; /livez and /readyz and etcd's readiness probe came with
      // kubeadm 1.31: kubernetes/kubernetes@v1.31.0:CHANGELOG/CHANGELOG-1.31.md, #124465).
      probes: {
        livenessProbe: httpProbe('/health?exclude=NOSPACE&serializable=true', 2381, 'HTTP', '127.0.0.1', { delay: 10, timeout: 15, failure: 8 }),
        startupProbe: httpProbe('/health?serializable=false', 2381, 'HTTP', '127.0.0.1', { delay: 10, timeout: 15, failure: 24 }),
      },
      annotation: ['kubeadm.kubernetes.io/etcd.advertise-client-urls', `https://${ip}:2379`],
    },
    {
      component: 'kube-apiserver', image: `registry.k8s.io/kube-apiserver:${KUBE_VERSION}`, cpu: '250m',
      command: ['kube-apiserver', `--advertise-address=${ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', `--client-ca-file=${pki}/ca.crt`,
        '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true', `--etcd-cafile=${pki}/etcd/ca.crt`,
        `--etcd-certfile=${pki}/apiserver-etcd-client.crt`, `--etcd-keyfile=${pki}/apiserver-etcd-client.key`, '--etcd-servers=https://127.0.0.1:2379',
        `--kubelet-client-certificate=${pki}/apiserver-kubelet-client.crt`, `--kubelet-client-key=${pki}/apiserver-kubelet-client.key`,
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', `--proxy-client-cert-file=${pki}/front-proxy-client.crt`,
        `--proxy-client-key-file=${pki}/front-proxy-client.key`, '--requestheader-allowed-names=front-proxy-client',
        `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`, '--requestheader-extra-headers-prefix=X-Remote-Extra-',
        '--requestheader-group-headers=X-Remote-Group', '--requestheader-username-headers=X-Remote-User', '--secure-port=6443',
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local', `--service-account-key-file=${pki}/sa.pub`,
        `--service-account-signing-key-file=${pki}/sa.key`, '--service-cluster-ip-range=10.96.0.0/12', `--tls-cert-file=${pki}/apiserver.crt`,
        `--tls-private-key-file=${pki}/apiserver.key`],
      volumes: [...CERTS, hostPath('k8s-certs', pki, 'DirectoryOrCreate'), ...EXTRA_CA],
      mounts: [...CERT_MOUNTS, mount('k8s-certs', pki, true), ...EXTRA_CA_MOUNTS],
      probes: {
        livenessProbe: httpProbe('/livez', 6443, 'HTTPS', ip, { delay: 10, timeout: 15, failure: 8 }),
        readinessProbe: httpProbe('/readyz', 6443, 'HTTPS', ip, { timeout: 15, failure: 3, period: 1 }),
        startupProbe: httpProbe('/livez', 6443, 'HTTPS', ip, { delay: 10, timeout: 15, failure: 24 }),
      },
      annotation: ['kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint', `${ip}:6443`],
    },
    {
      component: 'kube-controller-manager', image: `registry.k8s.io/kube-controller-manager:${KUBE_VERSION}`, cpu: '200m',
      command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf', '--bind-address=127.0.0.1', `--client-ca-file=${pki}/ca.crt`,
        '--cluster-cidr=10.244.0.0/16', '--cluster-name=kubernetes', `--cluster-signing-cert-file=${pki}/ca.crt`, `--cluster-signing-key-file=${pki}/ca.key`,
        '--controllers=*,bootstrapsigner,tokencleaner', '--kubeconfig=/etc/kubernetes/controller-manager.conf', '--leader-elect=true',
        `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`, `--root-ca-file=${pki}/ca.crt`, `--service-account-private-key-file=${pki}/sa.key`,
        '--service-cluster-ip-range=10.96.0.0/12', '--use-service-account-credentials=true'],
      // The CA directories /etc/ssl/certs links into are mounted in the controller-manager as in the API server
      // (kubernetes/kubernetes@v1.30.5:cmd/kubeadm/app/phases/controlplane/volumes.go caCertsExtraVolumePaths: Ubuntu has
      // /etc/ca-certificates, /usr/share/ca-certificates and /usr/local/share/ca-certificates, not /etc/pki).
      volumes: [...CERTS, hostPath('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate'), hostPath('k8s-certs', pki, 'DirectoryOrCreate'), hostPath('kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate'), ...EXTRA_CA],
      mounts: [...CERT_MOUNTS, mount('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec'), mount('k8s-certs', pki, true), mount('kubeconfig', '/etc/kubernetes/controller-manager.conf', true), ...EXTRA_CA_MOUNTS],
      probes: {
        livenessProbe: httpProbe('/healthz', 10257, 'HTTPS', '127.0.0.1', { delay: 10, timeout: 15, failure: 8 }),
        startupProbe: httpProbe('/healthz', 10257, 'HTTPS', '127.0.0.1', { delay: 10, timeout: 15, failure: 24 }),
      },
    },
    {
      component: 'kube-scheduler', image: `registry.k8s.io/kube-scheduler:${KUBE_VERSION}`, cpu: '100m',
      command: ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'],
      volumes: [hostPath('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')],
      mounts: [mount('kubeconfig', '/etc/kubernetes/scheduler.conf', true)],
      probes: {
        livenessProbe: httpProbe('/healthz', 10259, 'HTTPS', '127.0.0.1', { delay: 10, timeout: 15, failure: 8 }),
        startupProbe: httpProbe('/healthz', 10259, 'HTTPS', '127.0.0.1', { delay: 10, timeout: 15, failure: 24 }),
      },
    },
  ];
}

/**
 * The static pod manifests `kubeadm init` wrote to /etc/kubernetes/manifests (fs/kubeadm-files.ts), from the same data as
 * the mirror pods below: staticpodutil.ComponentPod (kubernetes@v1.30.5:cmd/kubeadm/app/util/staticpod/utils.go: name,
 * namespace, the component and tier labels, the component's annotation, hostNetwork, priority 2000001000 and
 * priorityClassName system-node-critical, seccompProfile RuntimeDefault) as MarshalToYaml serializes it: what the API
 * server adds on admission and defaulting is absent (dnsPolicy, restartPolicy, successThreshold, tolerations…), the
 * empty creationTimestamp is `null` and the empty status `{}`. createHTTPProbe sets no successThreshold.
 */
export function staticManifests(ip: string): { component: string; pod: Obj }[] {
  return statics(ip).map((s) => ({
    component: s.component,
    pod: {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { ...(s.annotation ? { annotations: { [s.annotation[0]]: s.annotation[1] } } : {}), creationTimestamp: null, labels: { component: s.component, tier: 'control-plane' }, name: s.component, namespace: 'kube-system' },
      spec: {
        containers: [{
          command: s.command, image: s.image, imagePullPolicy: 'IfNotPresent',
          ...Object.fromEntries(Object.entries(s.probes).map(([k, p]) => [k, Object.fromEntries(Object.entries(p as Obj).filter(([f]) => f !== 'successThreshold'))])),
          name: s.component, resources: { requests: { cpu: s.cpu, ...(s.memory ? { memory: s.memory } : {}) } }, volumeMounts: s.mounts,
        }],
        hostNetwork: true, priority: 2000001000, priorityClassName: 'system-node-critical', securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, volumes: s.volumes,
      },
      status: {},
    },
  }));
}

/** The ServiceAccount admission plugin's token volume and its mount in the first container (kube-api-access-<suffix>). */
function withToken(spec: Obj, suffix: string): Obj {
  const name = `kube-api-access-${suffix}`;
  const c = (spec.containers as Obj[])[0]!;
  c.volumeMounts = [...(c.volumeMounts as Obj[]), mount(name, '/var/run/secrets/kubernetes.io/serviceaccount', true)];
  spec.volumes = [...(spec.volumes as Obj[]), {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  }];
  return spec;
}

/** kube-system's objects on a node; `nodeUid` owns the mirror pods. */
export function systemObjects(node: NodeFacts, nodeUid: string): KObject[] {
  return systemPods(node, nodeUid).objects;
}

/** What containerd holds for kube-system after the reboot: each pod's sandbox and container before it and since (fixture-reboot.ts). */
export function systemRuns(node: NodeFacts): PodRuns[] {
  return systemPods(node, '').runs;
}

function systemPods(node: NodeFacts, nodeUid: string): { objects: KObject[]; runs: PodRuns[] } {
  const rng = new Rng(0x6b737973);
  const id = () => uuid((n) => rng.hex(n));
  const ip = node.ip;
  const out: KObject[] = [];
  const story = new RebootStory(node.bootMs);
  /** The pod's status after the reboot (fixture-reboot.ts); its current container's id and image digest come from this stream. */
  const status = (pod: KObject, c: { name: string; image: string }, o: { podIP: string; qos: string; firstStart: number; sinceBoot: number; readyAfter: number }): Obj =>
    story.status(
      { name: pod.metadata.name, namespace: 'kube-system', uid: pod.metadata.uid },
      { ...c, containerID: rng.hex(64), imageID: `${c.image.replace(/:[^:/]+$/, '')}@sha256:${rng.hex(64)}` },
      { ...o, hostIP: ip },
    );
  for (const [i, s] of statics(ip).entries()) {
    const hash = rng.hex(32);
    const pod: KObject = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: {
        name: `${s.component}-${node.hostname}`, namespace: 'kube-system', uid: id(), resourceVersion: String(250 + i), creationTimestamp: at(10 + i),
        annotations: { ...(s.annotation ? { [s.annotation[0]]: s.annotation[1] } : {}), 'kubernetes.io/config.hash': hash, 'kubernetes.io/config.mirror': hash, 'kubernetes.io/config.seen': `${at(3).slice(0, -1)}.${String(rng.int(1e9)).padStart(9, '0')}Z`, 'kubernetes.io/config.source': 'file' },
        labels: { component: s.component, tier: 'control-plane' },
        ownerReferences: [{ apiVersion: 'v1', controller: true, kind: 'Node', name: node.hostname, uid: nodeUid }],
      },
      spec: {
        containers: [{ command: s.command, image: s.image, ...CONTAINER_DEFAULTS, ...s.probes, name: s.component, resources: { requests: { cpu: s.cpu, ...(s.memory ? { memory: s.memory } : {}) } }, volumeMounts: s.mounts }],
        dnsPolicy: 'ClusterFirst', enableServiceLinks: true, hostNetwork: true, nodeName: node.hostname, preemptionPolicy: 'PreemptLowerPriority', priority: 2000001000,
        priorityClassName: 'system-node-critical', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        terminationGracePeriodSeconds: 30, tolerations: CRITICAL_TOLERATION, volumes: s.volumes,
      },
    };
    // Ready once the startup probe (delay 10 s) passes; the scheduler has none.
    pod.status = status(pod, { name: s.component, image: s.image }, { podIP: ip, qos: 'Burstable', firstStart: 5 + i, sinceBoot: SANDBOX_AFTER_BOOT.static + i, readyAfter: 11 });
    out.push(pod);
  }
  // CoreDNS: the Deployment kubeadm applies, its ReplicaSet, two replicas with the first two addresses of the pod CIDR.
  const dnsLabels = { 'k8s-app': 'kube-dns' };
  const dnsTemplateSpec: Obj = {
    affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' }, weight: 100 }] } },
    containers: [{
      args: ['-conf', '/etc/coredns/Corefile'], image: 'registry.k8s.io/coredns/coredns:v1.11.1', imagePullPolicy: 'IfNotPresent',
      livenessProbe: httpProbe('/health', 8080, 'HTTP', undefined, { delay: 60, timeout: 5, failure: 5 }), name: 'coredns',
      ports: [{ containerPort: 53, name: 'dns', protocol: 'UDP' }, { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' }, { containerPort: 9153, name: 'metrics', protocol: 'TCP' }],
      readinessProbe: httpProbe('/ready', 8181, 'HTTP', undefined, { timeout: 1, failure: 3 }),
      resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
      terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', volumeMounts: [mount('config-volume', '/etc/coredns', true)],
    }],
    dnsPolicy: 'Default', nodeSelector: { 'kubernetes.io/os': 'linux' }, priorityClassName: 'system-cluster-critical', restartPolicy: 'Always', schedulerName: 'default-scheduler',
    securityContext: {}, serviceAccount: 'coredns', serviceAccountName: 'coredns', terminationGracePeriodSeconds: 30,
    tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }],
    volumes: [{ configMap: { defaultMode: 420, items: [{ key: 'Corefile', path: 'Corefile' }], name: 'coredns' }, name: 'config-volume' }],
  };
  const deployUid = id();
  const rsUid = id();
  out.push({
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', uid: deployUid, resourceVersion: '310', generation: 1, creationTimestamp: at(14), annotations: { 'deployment.kubernetes.io/revision': '1' }, labels: dnsLabels },
    spec: {
      progressDeadlineSeconds: 600, replicas: 2, revisionHistoryLimit: 10, selector: { matchLabels: dnsLabels },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 }, type: 'RollingUpdate' },
      template: { metadata: { creationTimestamp: null, labels: dnsLabels }, spec: dnsTemplateSpec },
    },
    status: {
      availableReplicas: 2, observedGeneration: 1, readyReplicas: 2, replicas: 2, updatedReplicas: 2,
      conditions: [
        // Available went False while both replicas were unready after the reboot, and True when the first was ready again (set below).
        { lastTransitionTime: at(40), lastUpdateTime: at(40), message: 'Deployment has minimum availability.', reason: 'MinimumReplicasAvailable', status: 'True', type: 'Available' },
        { lastTransitionTime: at(28), lastUpdateTime: at(40), message: `ReplicaSet "coredns-${RS_HASH}" has successfully progressed.`, reason: 'NewReplicaSetAvailable', status: 'True', type: 'Progressing' },
      ],
    },
  });
  const rsLabels = { ...dnsLabels, 'pod-template-hash': RS_HASH };
  out.push({
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `coredns-${RS_HASH}`, namespace: 'kube-system', uid: rsUid, resourceVersion: '309', generation: 1, creationTimestamp: at(28), labels: rsLabels,
      annotations: { 'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '3', 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'Deployment', name: 'coredns', uid: deployUid }],
    },
    spec: { replicas: 2, selector: { matchLabels: rsLabels }, template: { metadata: { creationTimestamp: null, labels: rsLabels }, spec: dnsTemplateSpec } },
    status: { availableReplicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1, readyReplicas: 2, replicas: 2 },
  });
  for (const [i, suffix] of ['gx5mk', 'r7q2v'].entries()) {
    const spec = withToken(structuredClone(dnsTemplateSpec), ['h5z4q', 'w2v6c'][i]!);
    Object.assign(spec, {
      enableServiceLinks: true, nodeName: node.hostname, preemptionPolicy: 'PreemptLowerPriority', priority: 2000000000,
      tolerations: [...(spec.tolerations as Obj[]), ...['not-ready', 'unreachable'].map((k) => ({ effect: 'NoExecute', key: `node.kubernetes.io/${k}`, operator: 'Exists', tolerationSeconds: 300 }))],
    });
    const pod: KObject = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: {
        name: `coredns-${RS_HASH}-${suffix}`, namespace: 'kube-system', uid: id(), resourceVersion: String(300 + i), creationTimestamp: at(28), labels: rsLabels, generateName: `coredns-${RS_HASH}-`,
        ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'ReplicaSet', name: `coredns-${RS_HASH}`, uid: rsUid }],
      },
      spec,
    };
    // host-local hands out addresses round-robin after the last one reserved (its state in /var/lib/cni survives the
    // reboot), so the CoreDNS sandboxes made after the boot got .10 and .11 (cni.ts: the learner's pods start at .12).
    pod.status = status(pod, { name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.1' }, { podIP: `10.244.0.${10 + i}`, qos: 'Burstable', firstStart: 36, sinceBoot: SANDBOX_AFTER_BOOT.dns, readyAfter: 1 });
    out.push(pod);
  }
  const dnsReady = out
    .filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('coredns-'))
    .map((o) => ((o.status as Obj).conditions as Obj[]).find((c) => c.type === 'Ready')!.lastTransitionTime as string)
    .sort()[0];
  const deployment = out.find((o) => o.kind === 'Deployment')!;
  Object.assign(((deployment.status as Obj).conditions as Obj[])[0]!, { lastTransitionTime: dnsReady, lastUpdateTime: dnsReady });
  out.push({
    apiVersion: 'v1', kind: 'Service',
    metadata: {
      name: 'kube-dns', namespace: 'kube-system', uid: id(), resourceVersion: '240', creationTimestamp: at(14), annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
    },
    spec: {
      clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 }, { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 }],
      selector: dnsLabels, sessionAffinity: 'None', type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  });
  out.push(...kubeProxy(node, id, rng, status));
  return { objects: out, runs: story.runs };
}

function kubeProxy(node: NodeFacts, id: () => string, rng: Rng, status: (pod: KObject, c: { name: string; image: string }, o: { podIP: string; qos: string; firstStart: number; sinceBoot: number; readyAfter: number }) => Obj): KObject[] {
  const labels = { 'k8s-app': 'kube-proxy' };
  const image = `registry.k8s.io/kube-proxy:${KUBE_VERSION}`;
  const revision = rng.hex(10).replace(/[013aeiou]/g, 'd').slice(0, 10);
  const tplSpec: Obj = {
    containers: [{
      command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
      env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }], image, ...CONTAINER_DEFAULTS, name: 'kube-proxy', resources: {},
      securityContext: { privileged: true },
      volumeMounts: [mount('kube-proxy', '/var/lib/kube-proxy'), mount('xtables-lock', '/run/xtables.lock'), mount('lib-modules', '/lib/modules', true)],
    }],
    dnsPolicy: 'ClusterFirst', hostNetwork: true, nodeSelector: { 'kubernetes.io/os': 'linux' }, priorityClassName: 'system-node-critical', restartPolicy: 'Always',
    schedulerName: 'default-scheduler', securityContext: {}, serviceAccount: 'kube-proxy', serviceAccountName: 'kube-proxy', terminationGracePeriodSeconds: 30,
    tolerations: [{ operator: 'Exists' }],
    volumes: [{ configMap: { defaultMode: 420, name: 'kube-proxy' }, name: 'kube-proxy' }, hostPath('xtables-lock', '/run/xtables.lock', 'FileOrCreate'), hostPath('lib-modules', '/lib/modules', '')],
  };
  const dsUid = id();
  const ds: KObject = {
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', uid: dsUid, resourceVersion: '320', generation: 1, creationTimestamp: at(14), annotations: { 'deprecated.daemonset.template.generation': '1' }, labels },
    spec: {
      revisionHistoryLimit: 10, selector: { matchLabels: labels }, template: { metadata: { creationTimestamp: null, labels }, spec: tplSpec },
      updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
    },
    status: { currentNumberScheduled: 1, desiredNumberScheduled: 1, numberAvailable: 1, numberMisscheduled: 0, numberReady: 1, observedGeneration: 1, updatedNumberScheduled: 1 },
  };
  const spec = withToken(structuredClone(tplSpec), 'n6w8s');
  // The DaemonSet controller's tolerations (pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations) and its node affinity.
  spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node.hostname] }] }] } } };
  spec.tolerations = [{ operator: 'Exists' },
    ...['not-ready', 'unreachable'].map((k) => ({ effect: 'NoExecute', key: `node.kubernetes.io/${k}`, operator: 'Exists' })),
    ...['disk-pressure', 'memory-pressure', 'pid-pressure', 'unschedulable', 'network-unavailable'].map((k) => ({ effect: 'NoSchedule', key: `node.kubernetes.io/${k}`, operator: 'Exists' }))];
  Object.assign(spec, { enableServiceLinks: true, nodeName: node.hostname, preemptionPolicy: 'PreemptLowerPriority', priority: 2000001000 });
  const pod: KObject = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name: 'kube-proxy-hx9tb', generateName: 'kube-proxy-', namespace: 'kube-system', uid: id(), resourceVersion: '330', creationTimestamp: at(28),
      labels: { 'controller-revision-hash': revision, ...labels, 'pod-template-generation': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'DaemonSet', name: 'kube-proxy', uid: dsUid }],
    },
    spec,
  };
  pod.status = status(pod, { name: 'kube-proxy', image }, { podIP: node.ip, qos: 'BestEffort', firstStart: 30, sinceBoot: SANDBOX_AFTER_BOOT.proxy, readyAfter: 0 });
  return [ds, pod];
}
