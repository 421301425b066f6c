/**
 * `docker plugin` (docker/cli@v27.3.1:cli/command/plugin/*.go): node1's daemon has no managed plugins
 * (the engine's plugins are not the CLI's buildx), so `ls` is an empty table and every command that names a
 * plugin gets moby's errNotFound (moby@v27.3.1:plugin/errors.go: `plugin "NAME" not found`, from
 * plugin/store.go resolvePluginID, which looks the name up as given). install gets the registry's answer for
 * the plugin's manifest (plugin-install.ts) and create the client's checks of its directory (plugin-create.ts);
 * a plugin that would be made is not (node1's daemon keeps none): a course line says so, status 1.
 */
import type { ExecResult } from '../../../api.ts';
import { arity, daemonErr } from './errors.ts';
import type { DockerFlag, Invocation } from './define.ts';

export const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
export const notFound = (name: string) => daemonErr(`plugin ${JSON.stringify(name)} not found`);
export const NOT_SIMULATED = {
  en: 'making an engine plugin is not simulated: node1’s daemon keeps no plugins, and the fixture registries serve none.',
  zh: '这里不模拟创建引擎插件：node1 的守护进程不保存插件，模拟的镜像仓库中也没有插件。',
};

// formatter.go defaultPluginTableFormat, the quiet format and the header map.
export const HEADERS = { ID: 'ID', Name: 'NAME', Description: 'DESCRIPTION', Enabled: 'ENABLED', PluginReference: 'IMAGE' };

/**
 * A command that names plugins (the first argument, or each for rm, whose cli.Errors joins them with ", "):
 * the daemon's not found.
 */
export const named =
  (min: number, max = Number.POSITIVE_INFINITY, each = false) =>
  async (_f: unknown, rest: string[], _e: unknown, cmd: Invocation): Promise<ExecResult> =>
    arity(cmd, rest.length, min, max) ?? R('', each ? `${rest.map((n) => notFound(n).trimEnd()).join(', ')}\n` : notFound(rest[0] as string), 1);

export const TRUST_VERIFY: DockerFlag = { long: 'disable-content-trust', type: 'bool', default: 'true', usage: 'Skip image verification' };
export const GRANT: DockerFlag = { long: 'grant-all-permissions', type: 'bool', usage: 'Grant all permissions necessary to run the plugin' };
