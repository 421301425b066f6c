/**
 * The kubelet's files on node1 as the Kubernetes v1.30 packages and `kubeadm init` left them.
 * - kubelet.service and the kubeadm drop-in: the kubelet and kubeadm debs of pkgs.k8s.io install both under %{_unitdir}
 *   (/usr/lib/systemd/system); the deb build rewrites the drop-in's /etc/sysconfig/kubelet to /etc/default/kubelet
 *   (kubernetes/release@7e38e89b:cmd/krel/templates/latest/kubelet/kubelet.service, kubeadm/10-kubeadm.conf,
 *   kubeadm/kubeadm.spec %install, kubelet/kubelet.spec and kubelet/kubelet.env).
 * - /var/lib/kubelet/kubeadm-flags.env: kubeadm's WriteKubeletDynamicEnvFile, `KUBELET_KUBEADM_ARGS=%q` with the flags
 *   sorted by name (kubernetes@v1.30.5:cmd/kubeadm/app/phases/kubelet/flags.go buildKubeletArgMap: the CRI socket and
 *   the pause image; the node name is the hostname, so no --hostname-override).
 */
/** kubeadm v1.30's pause image (constants.go PauseVersion 3.9; runtime/containerd.ts PAUSE_IMAGE, which fs/ does not import). */
const PAUSE_IMAGE = 'registry.k8s.io/pause:3.9';

const KUBELET_UNIT = '/usr/lib/systemd/system/kubelet.service';
const KUBEADM_DROPIN = '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf';
/** kubeadm's default CRI socket for containerd (the Node's kubeadm.alpha.kubernetes.io/cri-socket annotation). */
export const CRI_SOCKET = 'unix:///var/run/containerd/containerd.sock';

export const KUBE_FILES: Record<string, string> = {
  [KUBELET_UNIT]:
    '[Unit]\nDescription=kubelet: The Kubernetes Node Agent\nDocumentation=https://kubernetes.io/docs/\nWants=network-online.target\nAfter=network-online.target\n\n[Service]\nExecStart=/usr/bin/kubelet\nRestart=always\nStartLimitInterval=0\nRestartSec=10\n\n[Install]\nWantedBy=multi-user.target\n',
  [KUBEADM_DROPIN]: [
    '# Note: This dropin only works with kubeadm and kubelet v1.11+',
    '[Service]',
    'Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"',
    'Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"',
    '# This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically',
    'EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env',
    '# This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use',
    '# the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.',
    'EnvironmentFile=-/etc/default/kubelet',
    'ExecStart=',
    'ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS',
    '',
  ].join('\n'),
  '/etc/default/kubelet': 'KUBELET_EXTRA_ARGS=\n',
  '/var/lib/kubelet/kubeadm-flags.env': `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=${CRI_SOCKET} --pod-infra-container-image=${PAUSE_IMAGE}"\n`,
};

/** The kubelet's command line: the drop-in's ExecStart with its variables expanded (KUBELET_EXTRA_ARGS is empty). */
export const KUBELET_ARGV = [
  '/usr/bin/kubelet',
  '--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf',
  '--kubeconfig=/etc/kubernetes/kubelet.conf',
  '--config=/var/lib/kubelet/config.yaml',
  `--container-runtime-endpoint=${CRI_SOCKET}`,
  `--pod-infra-container-image=${PAUSE_IMAGE}`,
];
