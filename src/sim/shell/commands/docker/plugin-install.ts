/**
 * `docker plugin install PLUGIN` (docker/cli@v27.3.1:cli/command/plugin/install.go runInstall, buildPullConfig):
 * --alias and the name parsed by the CLI (content trust is off by default, --disable-content-trust=true), then the
 * client asks the daemon for the plugin's privileges (client/plugin_install.go tryPluginPrivileges), which fetches
 * its manifest (moby@v27.3.1:plugin/fetch_linux.go fetch: containerd's resolver, wrapped "error resolving plugin
 * reference"). Docker Hub refuses a repository it does not have with containerd's words (the same as a build's
 * FROM, src/sim/build/builder.ts); a tag it does not have is containerd's not found. The fixture registry holds
 * images, not plugins: an image's manifest has no plugin config (fetch_linux.go "plugin config is missing").
 * Other registries, unreachable or local, are not simulated for plugins (a course line says so).
 */
import { referenceString, tagNameOnly } from '../../../../oci/reference.ts';
import { arity, daemonErr } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, NOT_SIMULATED, TRUST_VERIFY, GRANT } from './plugin.ts';
import { normalize } from './manifest.ts';

const install = defineCommand({
  use: 'install [OPTIONS] PLUGIN [KEY=VALUE...]',
  short: 'Install a plugin',
  flags: [
    GRANT,
    TRUST_VERIFY,
    { long: 'disable', type: 'bool', usage: 'Do not enable the plugin on install' },
    { long: 'alias', type: 'string', usage: 'Local name for plugin' },
  ],
  async run(flags, rest, env, cmd) {
    const bad = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (bad) return bad;
    const alias = flags.alias as string | undefined;
    if (alias) {
      const a = normalize(alias);
      if (typeof a === 'string') return R('', `${a}\n`, 1);
      if (a.digest) return R('', `invalid name: ${alias}\n`, 1);
    }
    const ref = normalize(rest[0] as string);
    if (typeof ref === 'string') return R('', `${ref}\n`, 1);
    const lib = await env.daemon.imageLib();
    const reg = lib.service.registry;
    await reg.load(ref.domain, ref.path);
    const res = reg.resolve(ref.domain, ref.path, ref.digest ? { digest: ref.digest } : { tag: ref.tag }, lib.service.logins.has(ref.domain));
    const full = referenceString(ref.digest ? ref : tagNameOnly(ref));
    let why: string | undefined;
    if (res.ok) why = 'fetched plugin image but plugin config is missing';
    else if (res.reason === 'denied')
      why =
        'error resolving plugin reference: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    else if (res.reason === 'no-manifest' || res.reason === 'no-repo') why = `error resolving plugin reference: ${full}: not found`;
    if (why === undefined || (!res.ok && ref.domain !== 'docker.io' && res.reason !== 'no-manifest')) {
      env.note?.(NOT_SIMULATED);
      return R('', '', 1);
    }
    return R('', daemonErr(why), 1);
  },
});

export default install;
