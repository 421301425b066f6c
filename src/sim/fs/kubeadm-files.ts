/**
 * What `kubeadm init` (v1.30.5) wrote on node1 beside the packages' files (fs/kubefiles.ts): the kubeconfigs under
 * /etc/kubernetes, the static pod manifests, the certificates (fs/kubeadm-pki.ts) and the kubelet's configuration.
 * - Kubeconfigs: clientcmd.WriteToFile (mode 0600) of the Config kubeconfigutil.CreateWithCerts builds: one cluster
 *   "kubernetes" with the CA's PEM, one context "<user>@kubernetes", the user's client certificate and key
 *   (kubernetes@v1.30.5:cmd/kubeadm/app/phases/kubeconfig/kubeconfig.go getKubeConfigSpecsBase: admin.conf is
 *   kubernetes-admin, super-admin.conf (since v1.29) kubernetes-super-admin, controller-manager.conf
 *   system:kube-controller-manager, scheduler.conf system:kube-scheduler, kubelet.conf system:node:<name>; the server is
 *   the advertise address, https://<ip>:6443). The kubelet-finalize phase then points kubelet.conf's user at the
 *   rotating certificate (cmd/kubeadm/app/phases/kubelet/kubelet.go EnableClientCertRotation: client-certificate and
 *   client-key /var/lib/kubelet/pki/kubelet-client-current.pem). The Config serializes through JSON into YAML, so keys
 *   are sorted and the empty preferences print `{}`.
 * - Manifests: staticpodutil.WriteStaticPodToDisk, os.WriteFile(…, 0600) of MarshalToYaml (k8s/apiserver/fixture-system.ts
 *   staticManifests, the same data as kube-system's mirror pods).
 * - /var/lib/kubelet/config.yaml: the KubeletConfiguration kubeadm's kubelet component config defaults
 *   (cmd/kubeadm/app/componentconfigs/kubelet.go Default: authentication webhook and x509 client CA, Webhook
 *   authorization, clusterDNS the DNS Service's 10.96.0.10, cluster.local, staticPodPath, rotateCertificates, healthz on
 *   127.0.0.1:10248, cgroupDriver systemd, and resolvConf /run/systemd/resolve/resolv.conf where systemd-resolved runs),
 *   marshalled with every non-omitempty zero field k8s.io/kubelet@v0.30.5:config/v1beta1/types.go has (durations "0s",
 *   logging's zero options), written 0644 (cmd/kubeadm/app/phases/kubelet/config.go writeConfigBytesToDisk).
 * Times: the files take kubeadm init's time (k8s/apiserver/fixture.ts CLUSTER_CREATED), a few seconds apart in the
 * order the phases run (certs, kubeconfig, kubelet-start, control-plane, etcd, kubelet-finalize); the spacing is a
 * fixture value.
 */
import type { Host } from '../host.ts';
import { CLUSTER_CREATED, nodeFactsOf } from '../k8s/apiserver/fixture.ts';
import { staticManifests } from '../k8s/apiserver/fixture-system.ts';
import { toYaml } from '../shell/commands/kubectl/yaml-out.ts';
import { base64, kubeadmPki, pkiLayout } from './kubeadm-pki.ts';
import { KUBELET_CONFIG } from './kubelet-config.ts';

export interface KubeadmFiles {
  /** Each file's mode and time, where not the host's default (0644, the boot's time): every file's path is here. */
  meta: Record<string, { mode: number; mtimeMs: number }>;
  /** Symbolic links: [path, target] (certificate_store.go updateSymlink links to the dated file's absolute path). */
  links: [string, string][];
  /**
   * A file's text. Made, with the others', on the first read of one (the seeded PEM blocks and the YAML take
   * ~10–30 ms cold: the root's files are listed without them, rootfs.ts; issue #14).
   */
  text(path: string): string;
}

const CREATED = Date.parse(CLUSTER_CREATED);
/** Seconds before CLUSTER_CREATED each phase wrote its files (fixture values, in kubeadm init's phase order). */
const PHASE = { certs: -9, kubeconfig: -8, kubeletStart: -7, controlPlane: -7, etcd: -7, finalize: 4, adminCopy: 60 };

function kubeconfig(server: string, caPem: string, user: string, auth: Record<string, string>): string {
  return toYaml({
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': base64(caPem), server }, name: 'kubernetes' }],
    contexts: [{ context: { cluster: 'kubernetes', user }, name: `${user}@kubernetes` }],
    'current-context': `${user}@kubernetes`,
    kind: 'Config',
    preferences: {},
    users: [{ name: user, user: auth }],
  });
}

/**
 * By fixture, not by host: the files are the fixture's alone (its node's facts, fixed dates, a fixed seed) and read-only
 * to their readers (rootfs.ts makes them the host's lazy files), so every world of a fixture shares them: their texts
 * are made once, on the first read of one in any world.
 */
const cache = new WeakMap<Host['fixture'], KubeadmFiles>();

/** node1's kubeadm files (the same object for every host of a fixture). */
export function kubeadmFiles(host: Host): KubeadmFiles {
  const known = cache.get(host.fixture);
  if (known) return known;
  const node = nodeFactsOf(host.fixture);
  const certsAt = CREATED + PHASE.certs * 1000;
  const pki = pkiLayout(certsAt);
  const meta: KubeadmFiles['meta'] = {};
  const at = (s: number) => CREATED + s * 1000;
  for (const [path, mode] of Object.entries(pki.modes)) meta[path] = { mode, mtimeMs: at(path.startsWith('/var/lib/kubelet') ? PHASE.finalize : PHASE.certs) };
  /** The files beside the certificates: each one's text, made when the texts are. */
  const texts: [string, (p: ReturnType<typeof kubeadmPki>) => string][] = [];
  const put = (path: string, text: (p: ReturnType<typeof kubeadmPki>) => string, mode: number, s: number) => {
    texts.push([path, text]);
    meta[path] = { mode, mtimeMs: at(s) };
  };
  const server = `https://${node.ip}:6443`;
  const ca = (p: ReturnType<typeof kubeadmPki>) => p.files['/etc/kubernetes/pki/ca.crt'] ?? '';
  const admin = (p: ReturnType<typeof kubeadmPki>) => {
    const pair = p.clientPair('kubernetes-admin');
    return kubeconfig(server, ca(p), 'kubernetes-admin', { 'client-certificate-data': base64(pair.cert), 'client-key-data': base64(pair.key) });
  };
  for (const [name, user] of [
    ['admin.conf', 'kubernetes-admin'],
    ['super-admin.conf', 'kubernetes-super-admin'],
    ['controller-manager.conf', 'system:kube-controller-manager'],
    ['scheduler.conf', 'system:kube-scheduler'],
  ] as const)
    put(
      `/etc/kubernetes/${name}`,
      (p) => {
        const pair = p.clientPair(user);
        return kubeconfig(server, ca(p), user, { 'client-certificate-data': base64(pair.cert), 'client-key-data': base64(pair.key) });
      },
      0o600,
      PHASE.kubeconfig,
    );
  // kubeadm init's closing advice, followed as root (kubernetes@v1.30.5 cmd/kubeadm's initDoneTempl):
  // `mkdir -p $HOME/.kube; sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config; sudo chown $(id -u):$(id -g)
  // $HOME/.kube/config`: admin.conf's text, root's, 0600 (cp keeps the source's mode on a new file), a minute after init.
  put('/root/.kube/config', (p) => admin(p), 0o600, PHASE.adminCopy);
  const current = pki.kubeletClientLink[0];
  put(
    `/etc/kubernetes/kubelet.conf`,
    (p) => kubeconfig(server, ca(p), `system:node:${node.hostname}`, { 'client-certificate': current, 'client-key': current }),
    0o600,
    PHASE.finalize,
  );
  put('/var/lib/kubelet/config.yaml', () => toYaml(KUBELET_CONFIG), 0o644, PHASE.kubeletStart);
  for (const m of staticManifests(node.ip))
    put(`/etc/kubernetes/manifests/${m.component}.yaml`, () => toYaml(m.pod), 0o600, m.component === 'etcd' ? PHASE.etcd : PHASE.controlPlane);
  let made: Record<string, string> | undefined;
  const make = (): Record<string, string> => {
    const p = kubeadmPki(certsAt);
    return { ...p.files, ...Object.fromEntries(texts.map(([path, text]) => [path, text(p)])) };
  };
  const out: KubeadmFiles = { meta, links: [[current, pki.kubeletClientLink[1]]], text: (path) => (made ??= make())[path] ?? '' };
  cache.set(host.fixture, out);
  return out;
}
