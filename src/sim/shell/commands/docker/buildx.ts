/**
 * node1's one CLI plugin: docker-buildx-plugin, buildx v0.17.1 (docker/buildx@v0.17.1), installed as
 * /usr/libexec/docker/cli-plugins/docker-buildx. The CLI finds it there (docker/cli@v27.3.1:
 * cli-plugins/manager/manager_unix.go defaultSystemPluginDirs), lists it as `buildx*` and in docker info,
 * and runs it for `docker buildx …`; with BuildKit the default builder, `docker build` is buildx's build.
 * Its help is docker/cli's plugin usage template plus the line buildx's root adds (commands/root.go);
 * its errors are printed by its main (cmd/buildx/main.go) as "ERROR: …", status 1.
 * Its builders: the store's docker-container records (create, ls, use, inspect, rm, stop: buildx-store.ts) and the
 * default context's docker-driver builder. dial-stdio, imagetools, install and uninstall are listed with their cobra
 * Use and Short; running them is not simulated (a course line says so).
 */
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';
import type { DockerFlag, Invocation } from './define.ts';

export const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** util/cobrautil HideInheritedFlags(cmd, "builder"): the command's own hidden copy of the persistent --builder (registry-more.ts). */
export const HIDE_BUILDER: DockerFlag = { long: 'builder', type: 'string', usage: 'Override the configured builder instance', hidden: true };

/** The plugin's version and its tag's commit (docker/buildx@v0.17.1 is 257815a6fbaee88976808020bf04274388275ae8), short as the .deb's build stamps it. */
export const BUILDX_VERSION = 'v0.17.1';
export const BUILDX_REVISION = '257815a';

/**
 * docker/cli@v27.3.1:cli/required.go's Args errors as buildx's main prints them: a plain error, so "ERROR: " and status 1
 * (ExactArgs(0) says "requires exactly 0 arguments", NoArgs "accepts no arguments").
 */
export function bxArity(cmd: Invocation, got: number, kind: 'none' | 'exactly0' | 'max1'): ExecResult | undefined {
  if (kind === 'max1' ? got <= 1 : got === 0) return undefined;
  const head = kind === 'none' ? 'accepts no arguments' : kind === 'exactly0' ? 'requires exactly 0 arguments' : 'requires at most 1 argument';
  return R('', `ERROR: "${cmd.path}" ${head}.\nSee '${cmd.path} --help'.\n\nUsage:  ${cmd.useLine}\n\n${cmd.short}\n`, 1);
}

/** What the commands not simulated answer (see the file's comment). */
export async function notSimulated(_f: unknown, _rest: string[], env: CmdEnv, cmd: Invocation): Promise<ExecResult> {
  env.note?.({
    en: `${cmd.path} is not simulated: node1's builders are the docker driver's "default" and inactive docker-container records (docker buildx ls).`,
    zh: `这里不模拟 ${cmd.path}：node1 的构建器只有 docker 驱动的 "default" 和未启动的 docker-container 记录（见 docker buildx ls）。`,
  });
  return R('', '', 1);
}
