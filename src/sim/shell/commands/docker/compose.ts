/**
 * node1's second CLI plugin, docker-compose-plugin v2.29.7 (/usr/libexec/docker/cli-plugins/docker-compose): Docker's
 * apt repository builds it for the 27.x packages (docker/docker-ce-packaging@2e114f34 (27.x, 2024-09-20, the day of
 * 27.3.1): common.mk DOCKER_COMPOSE_REF v2.29.7, DOCKER_BUILDX_REF v0.17.1), docs.docker.com's Ubuntu install line
 * names it, and docker-ce-cli Recommends it (deb/common/control), so apt installs it with the CLI.
 * Listed as `compose*` by `docker --help` and in `docker info` (registry-more.ts, system.ts CLI_PLUGINS). Only its
 * version command is simulated (docker/compose@v2.29.7:cmd/compose/version.go runVersion); any other use says, in a
 * course line, that Compose is not simulated, and fails with no output.
 */
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';

/** docker/compose@v2.29.7:internal/variables.go Version, as the .deb's build sets it (VERSION=v2.29.7, deb/common/rules). */
export const COMPOSE_VERSION = 'v2.29.7';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** `version [--short] [-f|--format pretty|json]`: the options, or undefined for anything else. */
function versionOpts(args: string[]): { short: boolean; format: string } | undefined {
  const o = { short: false, format: '' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--short' || a === '--short=true') o.short = true;
    else if (a === '--short=false') o.short = false;
    else if ((a === '--format' || a === '-f') && i + 1 < args.length) o.format = args[++i] as string;
    else if (a.startsWith('--format=')) o.format = a.slice(9);
    else if (a.startsWith('-f') && a.length > 2) o.format = a.slice(2).replace(/^=/, '');
    else return undefined;
  }
  return o;
}

export async function compose(args: string[], env: CmdEnv): Promise<ExecResult> {
  const o = args[0] === 'version' ? versionOpts(args.slice(1)) : undefined;
  if (o) {
    // runVersion: --short without the "v", json ({"version":%q}), else the pretty line.
    if (o.short) return R(`${COMPOSE_VERSION.replace(/^v/, '')}\n`);
    if (o.format === 'json') return R(`{"version":"${COMPOSE_VERSION}"}\n`);
    return R(`Docker Compose version ${COMPOSE_VERSION}\n`);
  }
  const shown = ['docker compose', ...args].join(' ');
  env.note?.({
    en: `${shown} is not simulated: node1 has the Compose plugin (docker compose version), but the course runs its containers one by one with docker run.`,
    zh: `这里不模拟 ${shown}：node1 装有 Compose 插件（docker compose version），但本课程用 docker run 逐个运行容器。`,
  });
  return R('', '', 1);
}
