import { defineCommand, INSPECT_FORMAT_HELP } from './define.ts';
import { needArgs } from './each.ts';
import { imageDocs } from './image.ts';
import { inspectDoc } from './inspect-doc.ts';
import { typedContainer, typedImage } from './inspect-typed.ts';
import { templated } from './format.ts';

// docker/cli@v27.3.1:cli/command/system/inspect.go
export default defineCommand({
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  flags: [
    { long: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP },
    { long: 'size', short: 's', type: 'bool', usage: 'Display total file sizes if the type is container' },
    { long: 'type', type: 'string', usage: 'Return JSON for specified type' },
  ],
  async run(flags, rest, env, cmd) {
    if (!rest.length) return needArgs(cmd, 'at least');
    const docs: Record<string, unknown>[] = [];
    const typed: unknown[] = [];
    let err = '';
    for (const ref of rest) {
      const c = flags.type === 'image' ? undefined : env.daemon.find(ref);
      if (c) {
        const doc = inspectDoc(env.host, c, env.daemon, Boolean(flags.size));
        typed[docs.length] = typedContainer(doc);
        docs.push(doc);
      } else {
        const { docs: found } = flags.type === 'container' ? { docs: [] } : await imageDocs(env, [ref]);
        if (!found.length) err += `Error: No such object: ${ref}\n`;
        for (const d of found) {
          typed[docs.length] = typedImage(d);
          docs.push(d);
        }
      }
    }
    return templated(docs, flags.format, err, typed);
  },
});
