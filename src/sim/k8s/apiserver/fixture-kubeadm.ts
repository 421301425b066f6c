/**
 * The ConfigMaps and ServiceAccounts a kubeadm v1.30 cluster holds beside each namespace's kube-root-ca.crt and
 * default (nsdefaults.ts), as their makers wrote them 14 days ago:
 * - kubeadm init's upload-config phase: kube-system/kubeadm-config (ClusterConfiguration, v1beta3: the defaulted
 *   config, without `apiServer.extraArgs.authorization-mode` since kubeadm v1.30 stopped uploading that default:
 *   kubernetes/kubernetes#123555) and kube-system/kubelet-config (key `kubelet`: the KubeletConfiguration node1's
 *   /var/lib/kubelet/config.yaml has, fs/kubeadm-files.ts) (kubernetes@v1.30.5:cmd/kubeadm/app/phases/uploadconfig/
 *   uploadconfig.go, cmd/kubeadm/app/componentconfigs/configset.go).
 * - bootstrap-token: kube-public/cluster-info, key `kubeconfig`: clientcmd.Write of a Config with admin.conf's cluster
 *   under the name "" (cmd/kubeadm/app/phases/bootstraptoken/clusterinfo/clusterinfo.go). The bootstrap signer's
 *   `jws-kubeconfig-<token-id>` key went with kubeadm init's token, which expired after 24 h (token cleaner).
 * - addons/dns: the coredns ConfigMap and ServiceAccount (manifests.go CoreDNSConfigMap at v1.30: `cache 30` without
 *   the `disable success|denial` block kubeadm added in v1.32, kubernetes/kubernetes#128359).
 * - addons/proxy: the kube-proxy ConfigMap (manifests.go KubeProxyConfigMap19: kubeconfig.conf, and config.conf the
 *   KubeProxyConfiguration kubeadm defaults, cmd/kubeadm/app/componentconfigs/kubeproxy.go Default: bindAddress 0.0.0.0,
 *   clusterCIDR the pod subnet, the kubeconfig path; marshalled with every field k8s.io/kube-proxy@v0.30.5:
 *   config/v1alpha1/types.go has, `|-` blocks so no final newline) and its ServiceAccount.
 * - kube-apiserver: extension-apiserver-authentication (pkg/controlplane/controller/clusterauthenticationtrust: the
 *   client CA and the request-header flags as JSON lists) and kube-apiserver-legacy-service-account-token-tracking
 *   (pkg/controlplane/controller/legacytokentracking/controller.go: `since`, the date in "2006-01-02").
 * - kube-controller-manager with --use-service-account-credentials: one ServiceAccount per controller that runs by
 *   default in v1.30 (cmd/kube-controller-manager/app/*.go ClientOrDie names), plus kubeadm's --controllers=*,
 *   bootstrapsigner,tokencleaner: bootstrap-signer and token-cleaner. Alpha controllers (resource-claim, service-cidrs,
 *   storage-version-garbage-collector, volumeattributesclass-protection) do not run, so have none.
 * Uids come from a seeded stream of their own, so the world's other names and uids stay what they were.
 */
import { base64, kubeadmPki } from '../../fs/kubeadm-pki.ts';
import { KUBELET_CONFIG } from '../../fs/kubelet-config.ts';
import { Rng } from '../../rng.ts';
import { toYaml } from '../../shell/commands/kubectl/yaml-out.ts';
import type { KObject } from '../types.ts';
import { CLUSTER_CREATED, KUBE_VERSION, type NodeFacts } from './fixture.ts';
import { uuid } from './names.ts';

const at = (seconds: number) => new Date(Date.parse(CLUSTER_CREATED) + seconds * 1000).toISOString().replace('.000Z', 'Z');
const POD_SUBNET = '10.244.0.0/16';

/** kubernetes@v1.30.5:cmd/kubeadm/app/phases/addons/dns/manifests.go CoreDNSConfigMap, DNSDomain cluster.local. */
export const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

/** addons/proxy/manifests.go KubeProxyConfigMap19's kubeconfig.conf (a `|-` block: no final newline). */
const proxyKubeconfig = (server: string) => `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: ${server}
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token`;

/** k8s.io/kube-proxy@v0.30.5 config/v1alpha1 KubeProxyConfiguration as kubeadm defaults it (no omitempty on most fields). */
const KUBE_PROXY_CONFIG = {
  apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
  bindAddress: '0.0.0.0',
  bindAddressHardFail: false,
  clientConnection: { acceptContentTypes: '', burst: 0, contentType: '', kubeconfig: '/var/lib/kube-proxy/kubeconfig.conf', qps: 0 },
  clusterCIDR: POD_SUBNET,
  configSyncPeriod: '0s',
  conntrack: { maxPerCore: null, min: null, tcpBeLiberal: false, tcpCloseWaitTimeout: null, tcpEstablishedTimeout: null, udpStreamTimeout: '0s', udpTimeout: '0s' },
  detectLocal: { bridgeInterface: '', interfaceNamePrefix: '' },
  detectLocalMode: '',
  enableProfiling: false,
  healthzBindAddress: '',
  hostnameOverride: '',
  iptables: { localhostNodePorts: null, masqueradeAll: false, masqueradeBit: null, minSyncPeriod: '0s', syncPeriod: '0s' },
  ipvs: { excludeCIDRs: null, minSyncPeriod: '0s', scheduler: '', strictARP: false, syncPeriod: '0s', tcpFinTimeout: '0s', tcpTimeout: '0s', udpTimeout: '0s' },
  kind: 'KubeProxyConfiguration',
  logging: { flushFrequency: 0, options: { json: { infoBufferSize: '0' }, text: { infoBufferSize: '0' } }, verbosity: 0 },
  metricsBindAddress: '',
  mode: '',
  nftables: { masqueradeAll: false, masqueradeBit: null, minSyncPeriod: '0s', syncPeriod: '0s' },
  nodePortAddresses: null,
  oomScoreAdj: null,
  portRange: '',
  showHiddenMetricsForVersion: '',
  winkernel: { enableDSR: false, forwardHealthCheckVip: false, networkName: '', rootHnsEndpointName: '', sourceVip: '' },
};

/** kubeadm.k8s.io/v1beta3 ClusterConfiguration as upload-config stores it for `kubeadm init --pod-network-cidr 10.244.0.0/16`. */
const CLUSTER_CONFIGURATION = {
  apiServer: { timeoutForControlPlane: '4m0s' },
  apiVersion: 'kubeadm.k8s.io/v1beta3',
  certificatesDir: '/etc/kubernetes/pki',
  clusterName: 'kubernetes',
  controllerManager: {},
  dns: {},
  etcd: { local: { dataDir: '/var/lib/etcd' } },
  imageRepository: 'registry.k8s.io',
  kind: 'ClusterConfiguration',
  kubernetesVersion: KUBE_VERSION,
  networking: { dnsDomain: 'cluster.local', podSubnet: POD_SUBNET, serviceSubnet: '10.96.0.0/12' },
  scheduler: {},
};

/**
 * The controllers' ServiceAccounts in kube-system, by the names their ClientOrDie calls use
 * (kubernetes@v1.30.5:cmd/kube-controller-manager/app/{core,apps,batch,bootstrap,certificates,autoscaling,policy,rbac,
 * discovery,storageversionmigrator,validatingadmissionpolicystatus}.go).
 */
export const CONTROLLER_SERVICE_ACCOUNTS = [
  'attachdetach-controller', 'bootstrap-signer', 'certificate-controller', 'clusterrole-aggregation-controller', 'cronjob-controller',
  'daemon-set-controller', 'deployment-controller', 'disruption-controller', 'endpoint-controller', 'endpointslice-controller',
  'endpointslicemirroring-controller', 'ephemeral-volume-controller', 'expand-controller', 'generic-garbage-collector',
  'horizontal-pod-autoscaler', 'job-controller', 'legacy-service-account-token-cleaner', 'namespace-controller', 'node-controller',
  'persistent-volume-binder', 'pod-garbage-collector', 'pv-protection-controller', 'pvc-protection-controller', 'replicaset-controller',
  'replication-controller', 'resourcequota-controller', 'root-ca-cert-publisher', 'service-account-controller', 'statefulset-controller',
  'token-cleaner', 'ttl-after-finished-controller', 'ttl-controller', 'validatingadmissionpolicy-status-controller',
];

let pki: ReturnType<typeof kubeadmPki> | undefined;
const pkiFile = (path: string) => (pki ??= kubeadmPki(Date.parse(CLUSTER_CREATED))).files[path] ?? '';

/** The objects, made once per API server (their uids from their own seeded stream). */
export function kubeadmObjects(node: NodeFacts): KObject[] {
  const rng = new Rng(0x6b61646d);
  const uid = () => uuid((n) => rng.hex(n));
  let rv = 160;
  const meta = (namespace: string, name: string, seconds: number, labels?: Record<string, string>) => ({
    creationTimestamp: at(seconds), ...(labels ? { labels } : {}), name, namespace, resourceVersion: String(rv++), uid: uid(),
  });
  const cm = (namespace: string, name: string, seconds: number, data: Record<string, string>, labels?: Record<string, string>): KObject =>
    ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(namespace, name, seconds, labels), data }) as unknown as KObject;
  const sa = (name: string, seconds: number): KObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('kube-system', name, seconds) }) as KObject;
  const server = `https://${node.ip}:6443`;
  const ca = pkiFile('/etc/kubernetes/pki/ca.crt');
  const clusterInfo = toYaml({
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': base64(ca), server }, name: '' }],
    contexts: null,
    'current-context': '',
    kind: 'Config',
    preferences: {},
    users: null,
  });
  return [
    // The API server's, as it first started (kubeadm init waits for it before its upload phases).
    cm('kube-system', 'extension-apiserver-authentication', 2, {
      'client-ca-file': ca,
      'requestheader-allowed-names': '["front-proxy-client"]',
      'requestheader-client-ca-file': pkiFile('/etc/kubernetes/pki/front-proxy-ca.crt'),
      'requestheader-extra-headers-prefix': '["X-Remote-Extra-"]',
      'requestheader-group-headers': '["X-Remote-Group"]',
      'requestheader-username-headers': '["X-Remote-User"]',
    }),
    cm('kube-system', 'kube-apiserver-legacy-service-account-token-tracking', 2, { since: CLUSTER_CREATED.slice(0, 10) }),
    cm('kube-system', 'kubeadm-config', 6, { ClusterConfiguration: toYaml(CLUSTER_CONFIGURATION) }),
    cm('kube-system', 'kubelet-config', 6, { kubelet: toYaml(KUBELET_CONFIG) }),
    cm('kube-public', 'cluster-info', 9, { kubeconfig: clusterInfo }),
    cm('kube-system', 'coredns', 14, { Corefile: COREFILE }),
    cm('kube-system', 'kube-proxy', 14, { 'config.conf': toYaml(KUBE_PROXY_CONFIG).slice(0, -1), 'kubeconfig.conf': proxyKubeconfig(server) }, { app: 'kube-proxy' }),
    sa('coredns', 14),
    sa('kube-proxy', 14),
    ...CONTROLLER_SERVICE_ACCOUNTS.map((n) => sa(n, 16)),
  ];
}
