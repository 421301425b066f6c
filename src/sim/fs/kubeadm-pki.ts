/**
 * The certificates and keys `kubeadm init` (v1.30) left on node1: /etc/kubernetes/pki, its etcd/ subdirectory, and the
 * kubelet's own under /var/lib/kubelet/pki.
 *
 * What is modelled: the files' names, modes and PEM framing, not key material. kubeadm writes certificates with
 * certutil.WriteCert (0644) and keys with keyutil.WriteKey (0600), RSA 2048 keys as PKCS#1 "RSA PRIVATE KEY" blocks, the
 * service-account public key as a PKIX "PUBLIC KEY" block, also through keyutil.WriteKey (so sa.pub is 0600) (kubernetes@v1.30.5:cmd/kubeadm/app/util/pkiutil/pki_helpers.go
 * WriteCert, WriteKey, WritePublicKey; staging/src/k8s.io/client-go/util/keyutil/key.go MarshalPrivateKeyToPEM). The kubelet
 * keeps its client certificate and ECDSA key in one dated file behind kubelet-client-current.pem (k8s.io/client-go@v0.30.5
 * util/certificate/certificate_store.go), and its self-signed serving pair in kubelet.crt (the certificate, then its CA)
 * and kubelet.key (client-go util/cert/cert.go GenerateSelfSignedCertKeyWithFixtures).
 * Each body is seeded random bytes under a DER SEQUENCE header (30 82 LL LL), base64 in 64-column lines as encoding/pem
 * writes them: it reads like a PEM file but is no certificate (node1 has no openssl to decode one). The DER lengths are
 * fixture values of the size RSA-2048 kubeadm certificates have (no upstream source), so `ls -l` shows plausible sizes.
 */
import { Rng } from '../rng.ts';

const b64 = (bytes: number[]): string => {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
};

function block(label: string, derLen: number, rng: Rng): string {
  const body = [0x30, 0x82, (derLen - 4) >> 8, (derLen - 4) & 0xff];
  while (body.length < derLen) body.push(rng.int(256));
  const text = b64(body);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 64) lines.push(text.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER lengths (bytes) of each certificate: fixture values (see above). */
const CERTS: [string, number][] = [
  ['ca', 786],
  ['apiserver', 924],
  ['apiserver-kubelet-client', 828],
  ['apiserver-etcd-client', 822],
  ['front-proxy-ca', 798],
  ['front-proxy-client', 795],
  ['etcd/ca', 777],
  ['etcd/server', 852],
  ['etcd/peer', 852],
  ['etcd/healthcheck-client', 825],
];
/** An RSA-2048 PKCS#1 private key's DER length (the usual 1192 bytes: a 1679-byte PEM file). */
const RSA_KEY = 1192;

export interface PkiFiles {
  files: Record<string, string>;
  modes: Record<string, number>;
  /** kubelet-client-current.pem's target (a symbolic link in the kubelet's pki directory). */
  kubeletClientLink: [string, string];
}

/**
 * Each file's mode and how its text is made from the seeded stream, in the order the stream is drawn (the text is the
 * costly part: `pkiLayout` lists the files without it, kubeadm-files.ts makes the texts on first read).
 */
function pkiPlan(clusterCreatedMs: number): { files: [path: string, mode: number, text: (rng: Rng) => string][]; kubeletClientLink: [string, string] } {
  const files: [string, number, (rng: Rng) => string][] = [];
  const dir = '/etc/kubernetes/pki';
  for (const [name, der] of CERTS) {
    files.push([`${dir}/${name}.crt`, 0o644, (rng) => block('CERTIFICATE', der, rng)]);
    files.push([`${dir}/${name}.key`, 0o600, (rng) => block('RSA PRIVATE KEY', RSA_KEY, rng)]);
  }
  files.push([`${dir}/sa.key`, 0o600, (rng) => block('RSA PRIVATE KEY', RSA_KEY, rng)]);
  // A PKIX RSA-2048 public key is 294 bytes of DER; WritePublicKey stores it with keyutil.WriteKey too, so 0600 like the keys.
  files.push([`${dir}/sa.pub`, 0o600, (rng) => block('PUBLIC KEY', 294, rng)]);
  // The kubelet's client pair: its certificate then its ECDSA P-256 key (121 bytes of SEC 1 DER), named after the
  // minute it was written (certificate_store.go: pairNamePrefix-YYYY-MM-DD-HH-MM-SS.pem).
  const stamp = new Date(clusterCreatedMs + 1000).toISOString().slice(0, 19).replace(/[T:]/g, '-');
  const kpki = '/var/lib/kubelet/pki';
  const dated = `kubelet-client-${stamp}.pem`;
  files.push([`${kpki}/${dated}`, 0o600, (rng) => block('CERTIFICATE', 795, rng) + ecKey(rng)]);
  files.push([`${kpki}/kubelet.crt`, 0o644, (rng) => block('CERTIFICATE', 880, rng) + block('CERTIFICATE', 780, rng)]);
  files.push([`${kpki}/kubelet.key`, 0o600, (rng) => block('RSA PRIVATE KEY', RSA_KEY, rng)]);
  return { files, kubeletClientLink: [`${kpki}/kubelet-client-current.pem`, `${kpki}/${dated}`] };
}

/** The files' modes and the kubelet's link, without their texts. */
export function pkiLayout(clusterCreatedMs: number): Omit<PkiFiles, 'files'> {
  const plan = pkiPlan(clusterCreatedMs);
  return { modes: Object.fromEntries(plan.files.map(([path, mode]) => [path, mode])), kubeletClientLink: plan.kubeletClientLink };
}

/** The PEM text of each file and its mode; `clientPair(user)` is a kubeconfig's client certificate and key for a user. */
export function kubeadmPki(clusterCreatedMs: number): PkiFiles & { clientPair: (user: string) => { cert: string; key: string } } {
  const rng = new Rng(0x706b6931);
  const plan = pkiPlan(clusterCreatedMs);
  const files: Record<string, string> = {};
  const modes: Record<string, number> = {};
  for (const [path, mode, text] of plan.files) {
    files[path] = text(rng);
    modes[path] = mode;
  }
  const pairs = new Map<string, { cert: string; key: string }>();
  const clientPair = (user: string) => {
    let p = pairs.get(user);
    if (!p) {
      const r = new Rng(0x6b636667 ^ [...user].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 7));
      p = { cert: block('CERTIFICATE', 818, r), key: block('RSA PRIVATE KEY', RSA_KEY, r) };
      pairs.set(user, p);
    }
    return p;
  };
  return { files, modes, kubeletClientLink: plan.kubeletClientLink, clientPair };
}

/** An ECDSA P-256 key as keyutil writes it: "EC PRIVATE KEY", SEC 1 DER of 121 bytes (30 77 …). */
function ecKey(rng: Rng): string {
  const body = [0x30, 0x77];
  while (body.length < 121) body.push(rng.int(256));
  const text = b64(body);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 64) lines.push(text.slice(i, i + 64));
  return `-----BEGIN EC PRIVATE KEY-----\n${lines.join('\n')}\n-----END EC PRIVATE KEY-----\n`;
}

export const base64 = (text: string): string => btoa(text);
