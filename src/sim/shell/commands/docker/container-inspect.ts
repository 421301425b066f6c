import { defineCommand, INSPECT_FORMAT_HELP } from './define.ts';
import { needArgs } from './each.ts';
import { templated } from './format.ts';
import { inspectDoc } from './inspect-doc.ts';
import { typedContainer } from './inspect-typed.ts';

// docker/cli@v27.3.1:cli/command/container/inspect.go (flagsHelper.InspectFormatHelp); a missing
// container is the client's error (cli/command/inspect/inspector.go joins them, status 1).
export default defineCommand({
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  flags: [
    { long: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP },
    { long: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
  ],
  async run(flags, rest, env, cmd) {
    await env.daemon.monitors.flush(); // probes and loop passes due while this line ran (docker/monitors.ts)
    if (!rest.length) return needArgs(cmd, 'at least');
    const docs: Record<string, unknown>[] = [];
    const typed: unknown[] = [];
    let err = '';
    for (const ref of rest) {
      const c = env.daemon.find(ref);
      if (!c) {
        err += `Error response from daemon: No such container: ${ref}\n`;
        continue;
      }
      const doc = inspectDoc(env.host, c, env.daemon, Boolean(flags.size));
      typed[docs.length] = typedContainer(doc);
      docs.push(doc);
    }
    return templated(docs, flags.format, err, typed);
  },
});
