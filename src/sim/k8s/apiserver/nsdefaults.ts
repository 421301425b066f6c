/**
 * What kube-controller-manager puts in every namespace: the `default` ServiceAccount (pkg/controller/serviceaccount/
 * serviceaccounts_controller.go, no token Secret since v1.24) and the `kube-root-ca.crt` ConfigMap with the cluster's
 * CA (pkg/controller/certificates/rootcacertpublisher/publisher.go: its name, the kubernetes.io/description
 * annotation's words, data ca.crt). The CA is /etc/kubernetes/pki/ca.crt (fs/kubeadm-pki.ts, the same PEM).
 * Their uids come from a generator of their own, so the world's other names and uids stay what they were.
 */
import { kubeadmPki } from '../../fs/kubeadm-pki.ts';
import { Rng } from '../../rng.ts';
import type { KObject } from '../types.ts';
import { CLUSTER_CREATED } from './fixture.ts';
import { uuid } from './names.ts';

const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

let ca: string | undefined;
/** The cluster CA's PEM, made once (kubeadmPki is deterministic for the fixture's creation time). */
const caCrt = () => (ca ??= kubeadmPki(Date.parse(CLUSTER_CREATED)).files['/etc/kubernetes/pki/ca.crt'] ?? '');

/** The uids of these objects: their own seeded generator per API server. */
export function defaultsUids(): () => string {
  const rng = new Rng(0x6e736466);
  return () => uuid((n) => rng.hex(n));
}

/** The namespace's two objects, created when it was. */
export function namespaceDefaults(ns: string, created: string, uid: () => string, rv: () => string): KObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        annotations: { 'kubernetes.io/description': DESCRIPTION },
        creationTimestamp: created,
        name: 'kube-root-ca.crt',
        namespace: ns,
        resourceVersion: rv(),
        uid: uid(),
      },
      data: { 'ca.crt': caCrt() },
    } as unknown as KObject,
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { creationTimestamp: created, name: 'default', namespace: ns, resourceVersion: rv(), uid: uid() },
    } as KObject,
  ];
}
