/**
 * `docker trust` (docker/cli@v27.3.1:cli/command/trust/*.go): content trust asks a Notary server
 * (notary.docker.io for Docker Hub), which node1 cannot reach. `inspect` reads each repository's signed
 * targets through the notary client, which fails (an unreachable server is not ErrNoSuchTarget), so
 * common.go lookupTrustInfo answers "no signatures or cannot access NAME" for each. Signing, revoking,
 * managing signers and generating or loading keys (the CLI's own key store, passphrase prompts) are not
 * simulated: after the CLI's argument checks, a course line says so, status 1.
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

/** What the commands that need the Notary server or the key store answer (see the file's comment). */
export const notSimulated =
  (min: number, max = min) =>
  async (_f: unknown, rest: string[], env: CmdEnv, cmd: Invocation): Promise<ExecResult> => {
    const bad = arity(cmd, rest.length, min, max);
    if (bad) return bad;
    env.note?.({
      en: `${cmd.path} is not simulated: content trust needs a Notary server, which this host cannot reach.`,
      zh: `这里不模拟 ${cmd.path}：内容信任需要 Notary 服务器，而这台主机无法访问它。`,
    });
    return R('', '', 1);
  };
