/**
 * kubectl create secret tls (src/sim/shell/commands/kubectl/create-secret-tls.ts): kubernetes/kubectl@v0.30.5
 * pkg/cmd/create/create_secret_tls.go (NameFromCommandArgs, Validate "key and cert must be specified", readFile's
 * "Cannot read file %v, %v") and tls.X509KeyPair's PEM stage (go crypto/tls/tls.go: "failed to find any PEM data in
 * certificate input", "… PEM inputs may have been switched", "found a certificate rather than a key in the PEM for the
 * private key", the skipped block types as %v of a []string). The DER is not parsed (see the command's header).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

describe('kubectl create secret tls', () => {
  it("kubectl's checks and X509KeyPair's PEM errors, in the order kubectl meets them", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const err = async (cmd: string) => {
      const r = await w.exec(`cd /etc/kubernetes/pki && kubectl create secret tls ${cmd}`);
      expect(r.exitCode).toBe(1);
      return r.stderr;
    };
    expect(await err('')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create secret tls -h' for help and examples\n");
    expect(await err('web --cert apiserver.crt')).toBe('error: key and cert must be specified\n');
    expect(await err('web --cert nope.crt --key apiserver.key')).toBe('error: Cannot read file nope.crt, open nope.crt: no such file or directory\n');
    expect(await err('web --cert apiserver.key --key apiserver.crt')).toBe(
      'error: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched\n',
    );
    expect(await err('web --cert apiserver.crt --key apiserver.crt')).toBe(
      'error: tls: found a certificate rather than a key in the PEM for the private key\n',
    );
    expect(await err('web --cert sa.pub --key sa.key')).toBe(
      'error: tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [PUBLIC KEY]\n',
    );
    expect(await err('web --cert apiserver.crt --key sa.pub')).toBe(
      'error: tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [PUBLIC KEY]\n',
    );
    expect(await err('web --cert /etc/hostname --key apiserver.key')).toBe('error: tls: failed to find any PEM data in certificate input\n');
    expect(await err('web --cert apiserver.crt --key /etc/hostname')).toBe('error: tls: failed to find any PEM data in key input\n');
  });

  it('a kubernetes.io/tls Secret with the files as tls.crt and tls.key', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    expect(await w.exec('kubectl create secret tls web --cert /etc/kubernetes/pki/apiserver.crt --key /etc/kubernetes/pki/apiserver.key')).toEqual({
      stdout: 'secret/web created\n',
      stderr: '',
      exitCode: 0,
    });
    const s = JSON.parse((await w.exec('kubectl get secret web -o json')).stdout) as { type: string; data: Record<string, string> };
    expect(s.type).toBe('kubernetes.io/tls');
    expect(atob(s.data['tls.crt']!)).toBe((await w.exec('cat /etc/kubernetes/pki/apiserver.crt')).stdout);
    expect(atob(s.data['tls.key']!)).toBe((await w.exec('cat /etc/kubernetes/pki/apiserver.key')).stdout);
    expect((await w.exec('kubectl get secret web')).stdout).toMatch(/^NAME +TYPE +DATA +AGE\nweb +kubernetes\.io\/tls +2 +\d+s\n$/);
    expect((await w.exec('kubectl create secret tls w2 --cert /etc/kubernetes/pki/ca.crt --key /etc/kubernetes/pki/ca.key --dry-run=client')).stdout).toBe(
      'secret/w2 created (dry run)\n',
    );
  });
});
