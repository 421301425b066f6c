import type { CmdEnv } from '../../types.ts';
import { networkDoc } from '../../../net/inspect.ts';
import { displayRef } from '../../../image/store.ts';
import { defineCommand, INSPECT_FORMAT_HELP } from './define.ts';
import { needArgs } from './each.ts';
import { imageDocs } from './image.ts';
import { inspectDoc } from './inspect-doc.ts';
import { typedContainer, typedImage } from './inspect-typed.ts';
import { templated } from './format.ts';
import { notFound } from './network.ts';

/** One object found: its document, the typed value templates see, and whether --size applies to it. */
type Found = { doc: Record<string, unknown>; typed?: unknown; sized: boolean };
type Inspector = { type: string; find: (ref: string) => Promise<Found | string> };

/**
 * docker/cli@v27.3.1:cli/command/system/inspect.go inspectAll: container, image, network, volume (then the swarm
 * objects service, task, node only on a swarm manager, plugin, secret). Without --type a not-found is skipped and the
 * next type is tried, "Error: No such object: REF" once none has it; with --type only that type is asked and its own
 * error (the daemon's 404 text) is printed. The swarm objects and plugins are not searched here: no plugin is
 * installed, and the swarm's services, tasks, nodes and secrets have their own inspect commands.
 */
function inspectors(env: CmdEnv, size: boolean): Inspector[] {
  return [
    {
      type: 'container',
      find: async (ref) => {
        const c = env.daemon.find(ref);
        if (!c) return `Error response from daemon: No such container: ${ref}`;
        const doc = inspectDoc(env.host, c, env.daemon, size);
        return { doc, typed: typedContainer(doc), sized: true };
      },
    },
    {
      type: 'image',
      find: async (ref) => {
        const d = (await imageDocs(env, [ref])).docs[0];
        // moby@v27.3.1:daemon/images/image.go GetImage: ErrImageDoesNotExist, "No such image: " + the familiar name.
        return d ? { doc: d, typed: typedImage(d), sized: false } : `Error response from daemon: No such image: ${displayRef(ref)}`;
      },
    },
    {
      type: 'network',
      find: async (ref) => {
        const n = env.daemon.net.find(ref);
        return n ? { doc: networkDoc(env.daemon.net, n, env.daemon.containers.values()), sized: false } : notFound(ref).trimEnd();
      },
    },
    {
      type: 'volume',
      find: async (ref) => {
        const v = (await env.daemon.imageLib()).volumes.inspect(ref);
        return v ? { doc: v, sized: false } : `Error response from daemon: get ${ref}: no such volume`;
      },
    },
  ];
}

// cli/command/system/inspect.go runInspect's accepted --type values.
const TYPES = ['', 'container', 'image', 'node', 'network', 'service', 'volume', 'task', 'plugin', 'secret'];

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
    await env.daemon.monitors.flush(); // probes and loop passes due while this line ran (docker/monitors.ts)
    if (!rest.length) return needArgs(cmd, 'at least');
    const type = (flags.type as string | undefined) ?? '';
    if (!TYPES.includes(type)) return { stdout: '', stderr: `"${type}" is not a valid value for --type\n`, exitCode: 1 };
    const size = Boolean(flags.size);
    const docs: Record<string, unknown>[] = [];
    const typed: unknown[] = [];
    let err = '';
    let warn = '';
    for (const ref of rest) {
      let found: Found | undefined;
      let miss = `Error: No such object: ${ref}`;
      for (const i of inspectors(env, size)) {
        if (type && i.type !== type) continue;
        const r = await i.find(ref);
        if (typeof r !== 'string') {
          found = r;
          if (size && !r.sized) warn += `WARNING: --size ignored for ${i.type}\n`;
          break;
        }
        if (type) miss = r;
      }
      if (!found) {
        err += `${miss}\n`;
        continue;
      }
      typed[docs.length] = found.typed;
      docs.push(found.doc);
    }
    const r = templated(docs, flags.format as string | undefined, err, typed);
    if (!warn) return r;
    // The warning is written while the objects are looked up; the inspected output only at the end (Flush).
    const output = [
      { stream: 'stderr' as const, text: warn },
      ...(r.stdout ? [{ stream: 'stdout' as const, text: r.stdout }] : []),
      ...(r.stderr ? [{ stream: 'stderr' as const, text: r.stderr }] : []),
    ];
    return { ...r, stderr: warn + r.stderr, output };
  },
});
