/**
 * The KubeletConfiguration kubeadm v1.30.5 wrote to /var/lib/kubelet/config.yaml (fs/kubeadm-files.ts) and uploaded as
 * kube-system/kubelet-config's `kubelet` (k8s/apiserver/fixture-kubeadm.ts): kubeadm's kubelet component config defaults
 * (kubernetes@v1.30.5:cmd/kubeadm/app/componentconfigs/kubelet.go Default) marshalled with every non-omitempty zero
 * field k8s.io/kubelet@v0.30.5:config/v1beta1/types.go has.
 */
export const KUBELET_CONFIG = {
  apiVersion: 'kubelet.config.k8s.io/v1beta1',
  authentication: { anonymous: { enabled: false }, webhook: { cacheTTL: '0s', enabled: true }, x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' } },
  authorization: { mode: 'Webhook', webhook: { cacheAuthorizedTTL: '0s', cacheUnauthorizedTTL: '0s' } },
  cgroupDriver: 'systemd',
  clusterDNS: ['10.96.0.10'],
  clusterDomain: 'cluster.local',
  containerRuntimeEndpoint: '',
  cpuManagerReconcilePeriod: '0s',
  evictionPressureTransitionPeriod: '0s',
  fileCheckFrequency: '0s',
  healthzBindAddress: '127.0.0.1',
  healthzPort: 10248,
  httpCheckFrequency: '0s',
  imageMaximumGCAge: '0s',
  imageMinimumGCAge: '0s',
  kind: 'KubeletConfiguration',
  logging: { flushFrequency: 0, options: { json: { infoBufferSize: '0' }, text: { infoBufferSize: '0' } }, verbosity: 0 },
  memorySwap: {},
  nodeStatusReportFrequency: '0s',
  nodeStatusUpdateFrequency: '0s',
  resolvConf: '/run/systemd/resolve/resolv.conf',
  rotateCertificates: true,
  runtimeRequestTimeout: '0s',
  shutdownGracePeriod: '0s',
  shutdownGracePeriodCriticalPods: '0s',
  staticPodPath: '/etc/kubernetes/manifests',
  streamingConnectionIdleTimeout: '0s',
  syncFrequency: '0s',
  volumeStatsAggPeriod: '0s',
};
