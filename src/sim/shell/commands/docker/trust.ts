/**
 * `docker trust` (docker/cli@v27.3.1:cli/command/trust/*.go): content trust asks a Notary server
 * (notary.docker.io for Docker Hub), which node1 cannot reach. `inspect` reads each repository's signed
 * targets through the notary client, which fails (an unreachable server is not ErrNoSuchTarget), so
 * common.go lookupTrustInfo answers "no signatures or cannot access NAME" for each. Signing, revoking,
 * managing signers and generating or loading keys make the CLI's own checks first (names, tags, key files:
 * each command's file); what follows (the Notary server, the key store's passphrase prompts) is not simulated:
 * a course line says so, status 1.
 */
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';
import { ImageReferenceError, parseNormalizedNamed } from '../../../../oci/reference.ts';
import { arity } from './errors.ts';
import type { Invocation } from './define.ts';

export const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** trust.GetImageReferencesAndAuth: reference.ParseNormalizedNamed's error, or undefined. */
function refError(s: string): string | undefined {
  try {
    parseNormalizedNamed(s);
    return undefined;
  } catch (e) {
    if (e instanceof ImageReferenceError) return e.message;
    throw e;
  }
}

export const lookup = (remote: string) => refError(remote) ?? `no signatures or cannot access ${remote}`;

/** key_generate.go validKeyName; signer_add.go validSignerName (the same pattern). */
export const validKeyName = (s: string) => /^[a-z0-9][a-z0-9_-]*$/.test(s);

/** trust.GetImageReferencesAndAuth: the reference parsed (its error), its tag and digest. */
export function imageRef(s: string): { error: string } | { tag: string; digest: string } {
  try {
    const r = parseNormalizedNamed(s);
    return { tag: r.tag, digest: r.digest };
  } catch (e) {
    if (e instanceof ImageReferenceError) return { error: e.message };
    throw e;
  }
}

/**
 * A command's own checks (an error's text, or undefined), then what the commands that go on to the Notary server
 * or the passphrase prompts answer (see the file's comment).
 */
export const notSimulated =
  (min: number, max = min, check?: (flags: Record<string, unknown>, rest: string[], env: CmdEnv) => Promise<ExecResult | undefined>) =>
  async (flags: unknown, rest: string[], env: CmdEnv, cmd: Invocation): Promise<ExecResult> => {
    const bad = arity(cmd, rest.length, min, max) ?? (await check?.(flags as Record<string, unknown>, rest, env));
    if (bad) return bad;
    env.note?.({
      en: `${cmd.path} is not simulated past this point: content trust needs a Notary server and passphrase-protected keys, which this host does not model.`,
      zh: `这里不模拟 ${cmd.path} 的后续步骤：内容信任需要 Notary 服务器和带口令的密钥，这台主机没有模拟它们。`,
    });
    return R('', '', 1);
  };
