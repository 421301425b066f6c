// docker stack deploy: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, COMPOSE, stackName, NO_COMPOSE } from './swarm-manager.ts';

export default defineCommand({
  use: 'deploy [OPTIONS] STACK',
  short: 'Deploy a new stack or update an existing stack',
  flags: [
    COMPOSE,
    { long: 'with-registry-auth', type: 'bool', usage: 'Send registry authentication details to Swarm agents' },
    { long: 'prune', type: 'bool', usage: 'Prune services that are no longer referenced' },
    {
      long: 'resolve-image',
      type: 'string',
      default: 'always',
      usage: 'Query the registry to resolve image digest and supported platforms ("always", "changed", "never")',
    },
    { long: 'detach', short: 'd', type: 'bool', default: 'true', usage: 'Exit immediately instead of waiting for the stack services to converge' },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
  ],
  async run(flags, rest, env, cmd) {
    const bad = arity(cmd, rest.length, 1) ?? stackName(rest[0] as string);
    if (bad) return bad;
    // loader/loader.go GetConfigDetails: at least one file, each read as named (os.ReadFile: the path as given).
    const files = (flags['compose-file'] as string[] | undefined) ?? [];
    if (!files.length) return NO_COMPOSE;
    for (const f of files) {
      let text = env.stdin;
      if (f !== '-') {
        const abs = env.fs.resolvePath(env.cwd, f);
        const st = await env.fs.stat(abs).catch(() => undefined);
        if (!st) return R('', `open ${f}: no such file or directory\n`, 1);
        if (st.isDirectory) return R('', `read ${f}: is a directory\n`, 1);
        text = await env.fs.readFile(abs);
      }
      // compose/loader/loader.go ParseYAML: the document must be a mapping (go-yaml's syntax errors are not modelled:
      // such a file goes on to the daemon's check).
      const { parseDocument } = await import('yaml');
      const doc = parseDocument(text);
      if (!doc.errors.length && (doc.contents === null || !('items' in doc.contents) || Array.isArray((doc.contents as { toJSON(): unknown }).toJSON())))
        return R('', 'top-level object must be a mapping\n', 1);
    }
    // The Compose schema (loader.Load) is not checked here. swarm/deploy.go RunDeploy: validateResolveImageFlag, the
    // note on --detach when it is not given, then deployCompose's checkDaemonIsSwarmManager (an Info call).
    const resolve = (flags['resolve-image'] as string | undefined) ?? 'always';
    if (!['always', 'changed', 'never'].includes(resolve)) return R('', `Invalid option ${resolve} for flag --resolve-image\n`, 1);
    const detachNote =
      flags.detach === undefined
        ? 'Since --detach=false was not specified, tasks will be created in the background.\nIn a future release, --detach=false will become the default.\n'
        : '';
    return R(
      '',
      `${detachNote}this node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again\n`,
      1,
    );
  },
});
