/**
 * The ConfigMaps and ServiceAccounts of a kubeadm v1.30 cluster (src/sim/k8s/apiserver/fixture-kubeadm.ts), as
 * `kubectl get cm,sa -A` and `describe cm` print them on node1:
 * - ConfigMaps: kube-root-ca.crt in every namespace (kube-controller-manager's root-ca-cert-publisher), cluster-info in
 *   kube-public (kubernetes@v1.30.5:cmd/kubeadm/app/phases/bootstraptoken/clusterinfo/clusterinfo.go: one key,
 *   `kubeconfig`; the token's jws-kubeconfig-* key is gone with the token), kubeadm-config and kubelet-config
 *   (phases/uploadconfig, componentconfigs), coredns (phases/addons/dns/manifests.go CoreDNSConfigMap) and kube-proxy
 *   (phases/addons/proxy/manifests.go KubeProxyConfigMap19: kubeconfig.conf and config.conf, label app=kube-proxy), and
 *   the API server's extension-apiserver-authentication (six keys) and
 *   kube-apiserver-legacy-service-account-token-tracking (`since`).
 * - ServiceAccounts: `default` in each namespace, coredns and kube-proxy (the addons' manifests), and one per
 *   kube-controller-manager controller that runs by default in v1.30 (--use-service-account-credentials=true).
 * The DATA column is len(data)+len(binaryData), SECRETS len(secrets) (kubernetes@v1.30.5 pkg/printers/internalversion/
 * printers.go printConfigMap, printServiceAccount).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

describe('kubeadm v1.30 ConfigMaps and ServiceAccounts', () => {
  it('get cm -A: kubeadm, the API server and the controller manager made them 14 days ago', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    expect(await w.exec('kubectl get cm -A')).toEqual({
      stdout: `NAMESPACE         NAME                                                   DATA   AGE
default           kube-root-ca.crt                                       1      14d
kube-node-lease   kube-root-ca.crt                                       1      14d
kube-public       cluster-info                                           1      14d
kube-public       kube-root-ca.crt                                       1      14d
kube-system       coredns                                                1      14d
kube-system       extension-apiserver-authentication                     6      14d
kube-system       kube-apiserver-legacy-service-account-token-tracking   1      14d
kube-system       kube-proxy                                             2      14d
kube-system       kube-root-ca.crt                                       1      14d
kube-system       kubeadm-config                                         1      14d
kube-system       kubelet-config                                         1      14d
`,
      stderr: '',
      exitCode: 0,
    });
  });

  it("get sa -n kube-system: the controllers' accounts, coredns, kube-proxy, default", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const out = (await w.exec('kubectl get sa -n kube-system')).stdout;
    const names = out
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(/ +/)[0]);
    expect(names).toEqual([
      'attachdetach-controller',
      'bootstrap-signer',
      'certificate-controller',
      'clusterrole-aggregation-controller',
      'coredns',
      'cronjob-controller',
      'daemon-set-controller',
      'default',
      'deployment-controller',
      'disruption-controller',
      'endpoint-controller',
      'endpointslice-controller',
      'endpointslicemirroring-controller',
      'ephemeral-volume-controller',
      'expand-controller',
      'generic-garbage-collector',
      'horizontal-pod-autoscaler',
      'job-controller',
      'kube-proxy',
      'legacy-service-account-token-cleaner',
      'namespace-controller',
      'node-controller',
      'persistent-volume-binder',
      'pod-garbage-collector',
      'pv-protection-controller',
      'pvc-protection-controller',
      'replicaset-controller',
      'replication-controller',
      'resourcequota-controller',
      'root-ca-cert-publisher',
      'service-account-controller',
      'statefulset-controller',
      'token-cleaner',
      'ttl-after-finished-controller',
      'ttl-controller',
      'validatingadmissionpolicy-status-controller',
    ]);
    expect(out.split('\n')[0]).toBe('NAME                                          SECRETS   AGE');
    expect(out).toContain('\ncoredns                                       0         14d\n');
    expect((await w.exec('kubectl get sa -n kube-public')).stdout).toBe('NAME      SECRETS   AGE\ndefault   0         14d\n');
  });

  it("describe cm coredns: kubeadm v1.30's Corefile (plain `cache 30`: the disable block came in v1.32)", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    expect((await w.exec('kubectl describe cm coredns -n kube-system')).stdout).toBe(`Name:         coredns
Namespace:    kube-system
Labels:       <none>
Annotations:  <none>

Data
====
Corefile:
----
.:53 {
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


BinaryData
====

Events:  <none>
`);
  });

  it('kube-proxy: kubeconfig.conf from the manifest (no final newline), config.conf the defaulted KubeProxyConfiguration', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const cm = JSON.parse((await w.exec('kubectl get cm kube-proxy -n kube-system -o json')).stdout) as {
      data: Record<string, string>;
      metadata: { labels: Record<string, string> };
    };
    expect(cm.metadata.labels).toEqual({ app: 'kube-proxy' });
    expect(cm.data['kubeconfig.conf']).toMatch(
      /^apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n {4}certificate-authority: \/var\/run\/secrets\/kubernetes.io\/serviceaccount\/ca.crt\n {4}server: https:\/\/10.0.0.11:6443\n/,
    );
    expect(cm.data['kubeconfig.conf']!.endsWith('tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token')).toBe(true);
    const conf = cm.data['config.conf']!;
    expect(conf.startsWith('apiVersion: kubeproxy.config.k8s.io/v1alpha1\nbindAddress: 0.0.0.0\n')).toBe(true);
    expect(conf).toContain('\nclusterCIDR: 10.244.0.0/16\n');
    expect(conf).toContain('\n  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf\n');
    expect(conf).toContain('\nmode: ""\nnftables:\n');
    expect(conf.endsWith('  sourceVip: ""')).toBe(true);
  });

  it('kubeadm-config, kubelet-config and cluster-info', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const data = async (ns: string, name: string) =>
      (JSON.parse((await w.exec(`kubectl get cm ${name} -n ${ns} -o json`)).stdout) as { data: Record<string, string> }).data;
    expect((await data('kube-system', 'kubeadm-config')).ClusterConfiguration).toBe(`apiServer:
  timeoutForControlPlane: 4m0s
apiVersion: kubeadm.k8s.io/v1beta3
certificatesDir: /etc/kubernetes/pki
clusterName: kubernetes
controllerManager: {}
dns: {}
etcd:
  local:
    dataDir: /var/lib/etcd
imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: v1.30.5
networking:
  dnsDomain: cluster.local
  podSubnet: 10.244.0.0/16
  serviceSubnet: 10.96.0.0/12
scheduler: {}
`);
    // The same KubeletConfiguration as the node's /var/lib/kubelet/config.yaml.
    expect((await data('kube-system', 'kubelet-config')).kubelet).toBe((await w.exec('cat /var/lib/kubelet/config.yaml')).stdout);
    const info = (await data('kube-public', 'cluster-info')).kubeconfig!;
    expect(info).toMatch(
      /^apiVersion: v1\nclusters:\n- cluster:\n {4}certificate-authority-data: LS0tLS1CRUdJTi[A-Za-z0-9+/=]+\n {4}server: https:\/\/10.0.0.11:6443\n {2}name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: \{\}\nusers: null\n$/,
    );
    const ca = (await w.exec('cat /etc/kubernetes/pki/ca.crt')).stdout;
    expect(atob(info.match(/certificate-authority-data: (\S+)/)![1]!)).toBe(ca);
    const auth = await data('kube-system', 'extension-apiserver-authentication');
    expect(auth['client-ca-file']).toBe(ca);
    expect(auth['requestheader-allowed-names']).toBe('["front-proxy-client"]');
    expect(auth['requestheader-client-ca-file']).toBe((await w.exec('cat /etc/kubernetes/pki/front-proxy-ca.crt')).stdout);
    expect((await data('kube-system', 'kube-apiserver-legacy-service-account-token-tracking')).since).toBe('2024-09-02');
  });
});
