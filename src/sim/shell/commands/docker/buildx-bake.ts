/**
 * `docker buildx bake [TARGET...]` (docker/buildx@v0.17.1:commands/bake.go bakeCmd, runBake, readBakeFiles;
 * bake/bake.go ReadLocalFiles, readFileWithProgress, ReadTargets): the builder (builder.New), then the printer on
 * stderr with its one vertex, "[internal] load local bake definitions", whose statuses are the files read ("reading
 * NAME", with their size once opened: tonistiigi/units "%.2f", so 123B or 1.23kB); the vertex itself never fails
 * (its function returns nil), the error comes after it. With no -f, the default names (compose-go's, then the
 * docker-bake ones) are read when they exist; a file named with -f must exist. No file read: "couldn't find a bake
 * definition"; a target neither defined nor a group: "failed to find target NAME" (the target "default" when none
 * is named). Building the targets found is not simulated (a course line says so); the progress is drawn with the
 * builder's renderer (src/sim/build/output.ts) for the default builder only.
 */
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';
import { defineCommand, type Invocation } from './define.ts';
import { R } from './buildx.ts';
import { resolve } from './buildx-store.ts';

// bake.go defaultFilenames: composecli.DefaultFileNames (compose-go v2), then buildx's own.
const DEFAULT_FILES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
  'docker-bake.json',
  'docker-bake.override.json',
  'docker-bake.hcl',
  'docker-bake.override.hcl',
];

/** tonistiigi/units Bytes with "%.2f": whole bytes below a kilobyte, else decimal units with two places. */
function size(n: number): string {
  if (n < 1000) return `${n}B`;
  const units = ['kB', 'MB', 'GB'];
  let v = n / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(2)}${units[i]}`;
}

/** The target and group names a definition declares (HCL blocks, JSON's maps, a Compose file's services). */
function names(file: string, text: string): { targets: Set<string>; groups: Map<string, string[]> } {
  const targets = new Set<string>();
  const groups = new Map<string, string[]>();
  if (file.endsWith('.hcl')) {
    for (const m of text.matchAll(/^\s*target\s+"([^"]+)"/gm)) targets.add(m[1] as string);
    for (const m of text.matchAll(/^\s*group\s+"([^"]+)"\s*\{([^}]*)\}/gm))
      groups.set(
        m[1] as string,
        [...(m[2] as string).matchAll(/"([^"]+)"/g)].map((x) => x[1] as string),
      );
  } else if (file.endsWith('.json')) {
    try {
      const j = JSON.parse(text) as { target?: Record<string, unknown>; group?: Record<string, { targets?: string[] }> };
      for (const t of Object.keys(j.target ?? {})) targets.add(t);
      for (const [g, v] of Object.entries(j.group ?? {})) groups.set(g, v.targets ?? []);
    } catch {
      // A syntax error is the parser's (not modelled): no names.
    }
  } else {
    // A Compose file: each service is a target; "default" is the group of them all.
    const services = /^services:\s*$([\s\S]*?)(?=^\S|(?![\s\S]))/m.exec(text)?.[1] ?? '';
    for (const m of services.matchAll(/^ {2}([A-Za-z0-9._-]+):/gm)) targets.add(m[1] as string);
    if (targets.size) groups.set('default', [...targets]);
  }
  return { targets, groups };
}

async function run(flags: Record<string, unknown>, rest: string[], env: CmdEnv, cmd: Invocation): Promise<ExecResult> {
  const found = await resolve(env.fs, flags.builder as string | undefined);
  if ('error' in found) return R('', `ERROR: ${found.error}\n`, 1);
  if (found.ng) {
    env.note?.({
      en: `${cmd.path} on a docker-container builder is not simulated (its BuildKit container cannot start on node1).`,
      zh: `这里不模拟在 docker-container 构建器上运行 ${cmd.path}（node1 无法启动它的 BuildKit 容器）。`,
    });
    return R('', '', 1);
  }
  const given = (flags.file as string[] | undefined) ?? [];
  const subs: { name: string; duration: number }[] = [];
  const read: { name: string; text: string }[] = [];
  let error: string | undefined;
  for (const name of given.length ? given : DEFAULT_FILES) {
    const text = name === '-' ? env.stdin : await env.fs.readFile(env.fs.resolvePath(env.cwd, name)).catch(() => undefined);
    if (text === undefined) {
      if (!given.length) continue;
      // os.Open's error; the status is still set, completed (readFileWithProgress's defer).
      subs.push({ name: `reading ${name}`, duration: 0 });
      error = `open ${name}: no such file or directory`;
      break;
    }
    const bytes = new TextEncoder().encode(text).length;
    subs.push({ name: name === '-' ? `reading from stdin ${size(bytes)}` : `reading ${name} ${size(bytes)} / ${size(bytes)}`, duration: 0 });
    read.push({ name, text });
  }
  const { renderPlain, renderProgress } = await import('../../../build/output.ts');
  const vertex = [{ name: '[internal] load local bake definitions', duration: 0, subs }];
  const progress = (flags.progress as string | undefined) ?? 'auto';
  const shown =
    progress === 'plain' || (progress === 'auto' && !env.tty) ? renderPlain(vertex) : renderProgress(vertex, { width: env.columns, finished: true });
  if (error) return R('', `${shown}ERROR: ${error}\n`, 1);
  if (!read.length) return R('', `${shown}ERROR: couldn't find a bake definition\n`, 1);
  const targets = new Set<string>();
  const groups = new Map<string, string[]>();
  for (const f of read) {
    const n = names(f.name, f.text);
    for (const t of n.targets) targets.add(t);
    for (const [g, l] of n.groups) groups.set(g, l);
  }
  for (const t of rest.length ? rest : ['default']) {
    const members = groups.get(t) ?? (targets.has(t) ? [t] : undefined);
    if (!members) return R('', `${shown}ERROR: failed to find target ${t}\n`, 1);
    const missing = members.find((m) => !targets.has(m) && !groups.has(m));
    if (missing) return R('', `${shown}ERROR: failed to find target ${missing}\n`, 1);
  }
  env.note?.({
    en: `${cmd.path}: building a bake definition's targets is not simulated; docker build builds one of them (its context, -f, -t, --target and --build-arg).`,
    zh: `这里不模拟 ${cmd.path} 构建定义中的目标；请用 docker build 构建其中一个（上下文、-f、-t、--target、--build-arg）。`,
  });
  return R('', shown, 1);
}

const bake = defineCommand({
  use: 'bake [OPTIONS] [TARGET...]',
  short: 'Build from a file',
  flags: [
    { long: 'file', short: 'f', type: 'stringArray', default: '[]', usage: 'Build definition file' },
    { long: 'load', type: 'bool', usage: 'Shorthand for "--set=*.output=type=docker"' },
    { long: 'print', type: 'bool', usage: 'Print the options without building' },
    { long: 'push', type: 'bool', usage: 'Shorthand for "--set=*.output=type=registry"' },
    { long: 'sbom', type: 'string', usage: 'Shorthand for "--set=*.attest=type=sbom"' },
    { long: 'provenance', type: 'string', usage: 'Shorthand for "--set=*.attest=type=provenance"' },
    { long: 'set', type: 'stringArray', default: '[]', usage: 'Override target value (e.g., "targetpattern.key=value")' },
    { long: 'call', type: 'string', default: 'build', usage: 'Set method for evaluating build ("check", "outline", "targets")' },
    { long: 'allow', type: 'stringArray', default: '[]', usage: 'Allow build to access specified resources' },
    { long: 'check', type: 'bool', boolFunc: true, usage: 'Shorthand for "--call=check"' },
    { long: 'list-targets', type: 'bool', usage: 'List available targets (EXPERIMENTAL)', hidden: true },
    { long: 'list-variables', type: 'bool', usage: 'List defined variables (EXPERIMENTAL)', hidden: true },
    // commonBuildFlags.
    { long: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
    {
      long: 'progress',
      type: 'string',
      default: 'auto',
      usage: 'Set type of progress output ("auto", "plain", "tty", "rawjson"). Use plain to show container output',
    },
    { long: 'pull', type: 'bool', usage: 'Always attempt to pull all referenced images' },
    { long: 'metadata-file', type: 'string', usage: 'Write build result metadata to a file' },
  ],
  run: (flags, rest, env, cmd) => run(flags as Record<string, unknown>, rest, env, cmd),
});

export default bake;
