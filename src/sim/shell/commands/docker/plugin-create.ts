/**
 * `docker plugin create PLUGIN DIR` (docker/cli@v27.3.1:cli/command/plugin/create.go runCreate): the name parsed
 * (validateTag), the directory Lstat-ed (validateContextDir), DIR/config.json opened and decoded as a
 * types.PluginConfig (validateConfig: encoding/json's errors), all on the client, in that order. A directory that
 * passes would be sent to the daemon, which makes a disabled plugin of it (moby@v27.3.1:plugin/backend_linux.go
 * CreateFromContext): node1's daemon keeps no plugins (plugin.ts), so a course line says that step is not simulated.
 */
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, NOT_SIMULATED } from './plugin.ts';
import { ImageReferenceError, parseNormalizedNamed } from '../../../../oci/reference.ts';

/** encoding/json Decoder.Decode into a struct: the error of the first value, or undefined (what the simulator can tell). */
export function jsonDecodeError(text: string): string | undefined {
  const t = text.replace(/^[\s]+/, '');
  if (t === '') return 'EOF';
  const c = t[0] as string;
  if (!'{["-0123456789tfn'.includes(c)) return `invalid character '${c}' looking for beginning of value`;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    // A value cut short (the decoder reads to its end); other syntax errors name a character the simulator does not track.
    return /^[{[]/.test(t) && !/[}\]]\s*$/.test(t) ? 'unexpected EOF' : undefined;
  }
  const kind =
    v === null
      ? undefined
      : Array.isArray(v)
        ? 'array'
        : typeof v === 'object'
          ? undefined
          : typeof v === 'string'
            ? 'string'
            : typeof v === 'boolean'
              ? 'bool'
              : 'number';
  return kind ? `json: cannot unmarshal ${kind} into Go value of type types.PluginConfig` : undefined;
}

const create = defineCommand({
  use: 'create [OPTIONS] PLUGIN PLUGIN-DATA-DIR',
  short: 'Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.',
  flags: [{ long: 'compress', type: 'bool', usage: 'Compress the context using gzip' }],
  async run(_f, rest, env, cmd) {
    const bad = arity(cmd, rest.length, 2, Number.POSITIVE_INFINITY);
    if (bad) return bad;
    const [name, dir] = rest as [string, string];
    try {
      parseNormalizedNamed(name);
    } catch (e) {
      if (e instanceof ImageReferenceError) return R('', `${e.message}\n`, 1);
      throw e;
    }
    const abs = env.fs.resolvePath(env.cwd, dir);
    const st = await env.fs.stat(abs).catch(() => undefined);
    if (!st) return R('', `lstat ${abs}: no such file or directory\n`, 1);
    if (!st.isDirectory) return R('', 'context must be a directory\n', 1);
    const configPath = `${dir.replace(/\/+$/, '')}/config.json`;
    const text = await env.fs.readFile(env.fs.resolvePath(env.cwd, configPath)).catch(() => undefined);
    if (text === undefined) return R('', `open ${configPath}: no such file or directory\n`, 1);
    const why = jsonDecodeError(text);
    if (why) return R('', `${why}\n`, 1);
    env.note?.(NOT_SIMULATED);
    return R('', '', 1);
  },
});

export default create;
