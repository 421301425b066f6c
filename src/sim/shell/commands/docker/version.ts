import { arity } from './errors.ts';
import { tabwriter } from '../../kit/tabwriter.ts';
import { GoStruct, parseTemplate, TemplateError } from '../../kit/template/index.ts';
import { R, DEFAULT_VERSION_TEMPLATE, clientVersion, serverVersion, VERSION_FUNCS } from './system.ts';
import { defineCommand, INSPECT_FORMAT_HELP } from './define.ts';

// docker/cli@v27.3.1:cli/command/system/version.go
export default defineCommand({
  use: 'version [OPTIONS]',
  short: 'Show the Docker version information',
  top: 10,
  flags: [{ long: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP }],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    let format = (flags.format as string | undefined) ?? '';
    if (format === '') format = DEFAULT_VERSION_TEMPLATE;
    else if (format === 'json') format = '{{json .}}';
    let t;
    try {
      t = parseTemplate(format, VERSION_FUNCS, 'version');
    } catch (e) {
      // newVersionTemplate: errors.Wrap(err, "template parsing error") → StatusError 64.
      if (e instanceof TemplateError) return R('', `template parsing error: ${e.message}\n`, 64);
      throw e;
    }
    const vd = new GoStruct('system.versionInfo', { Client: clientVersion(true), Server: serverVersion(env) }, undefined, () => ({
      Client: clientVersion(true),
      Server: serverVersion(env),
    }));
    // prettyPrintVersion: Execute into tabwriter(20, 1, 1), a newline, Flush, then the error.
    try {
      return R(tabwriter(`${t.run(vd)}\n`, 20, 1));
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      return R(tabwriter(`${e.partial}\n`, 20, 1), `${e.message}\n`, 1);
    }
  },
});
