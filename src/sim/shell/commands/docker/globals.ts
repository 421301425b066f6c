/**
 * `docker [OPTIONS] COMMAND`: the root's global options (docker/cli@v27.3.1:cli/flags/options.go
 * InstallFlags), parsed up to the first command as cli/cobra.go HandleGlobalFlags does
 * (SetInterspersed(false)). What they change in the simulator: --log-level is checked
 * (options.go SetLogLevel), --host and --context may not be combined (cli/command/cli.go
 * Initialize), a --context other than `default` has no metadata in the context store
 * (cli/context/store/metadatastore.go getByID, wrapped by get and DockerCli.initialize), and a
 * --host other than the daemon's socket reaches no daemon (moby client errConnectionFailed).
 * --debug, --tls, --tlsverify and the TLS files are accepted and change nothing, as against a
 * unix socket.
 */
import { sha256Hex } from '../../../image/digest.ts';
import { HELP_FLAG, parseCommand, type DockerCommand } from './define.ts';
import { GLOBAL_FLAGS } from './help.ts';

const ROOT: DockerCommand = {
  use: 'docker',
  short: '',
  flags: [...GLOBAL_FLAGS, HELP_FLAG],
  interspersed: false,
  run: async () => ({ stdout: '', stderr: '', exitCode: 0 }),
};

// logrus.ParseLevel's names.
const LEVELS = ['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace'];
const SOCKET = ['unix:///var/run/docker.sock', '/var/run/docker.sock'];

export type Globals = { ok: true; rest: string[]; help: boolean; version: boolean } | { ok: false; error: string; flagError: boolean };

export async function parseGlobals(args: string[]): Promise<Globals> {
  const p = parseCommand(ROOT, args);
  if (!p.ok) return { ok: false, error: p.error, flagError: true };
  const f = p.flags as Record<string, string | boolean | string[] | undefined>;
  const level = f['log-level'] as string | undefined;
  if (level !== undefined && level !== '' && !LEVELS.includes(level.toLowerCase()))
    return { ok: false, error: `Unable to parse logging level: ${level}`, flagError: false };
  const hosts = (f.host as string[] | undefined) ?? [];
  const context = f.context as string | undefined;
  if (context && hosts.length) return { ok: false, error: 'conflicting options: either specify --host or --context, not both', flagError: false };
  if (context && context !== 'default') {
    const dir = `${((f.config as string | undefined) ?? '/root/.docker').replace(/\/+$/, '')}/contexts/meta/${await sha256Hex(context)}`;
    return {
      ok: false,
      error: `unable to resolve docker endpoint: context ${JSON.stringify(context)}: context not found: open ${dir}/meta.json: no such file or directory`,
      flagError: false,
    };
  }
  const other = hosts.find((h) => !SOCKET.includes(h));
  if (other) return { ok: false, error: `Cannot connect to the Docker daemon at ${other}. Is the docker daemon running?`, flagError: false };
  return { ok: true, rest: p.rest, help: p.help, version: Boolean(f.version) };
}
