/**
 * `docker build [-t] [-f] [--no-cache] [--target] [--build-arg] [--progress] PATH`:
 * the context is read from the shell's filesystem (the host's /root/demo, or a
 * directory the learner wrote), then built by the BuildKit-style builder.
 */
import type { ExecResult } from '../../../api.ts';
import type { ContextFile } from '../../../build/context.ts';
import { parseFlags, type FlagDef } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';

const BUILD_FLAGS: FlagDef[] = [
  { long: 'tag', short: 't', type: 'list' }, { long: 'file', short: 'f', type: 'string' }, { long: 'no-cache', type: 'bool' },
  { long: 'target', type: 'string' }, { long: 'build-arg', type: 'list' }, { long: 'progress', type: 'string' },
  { long: 'pull', type: 'bool' }, { long: 'quiet', short: 'q', type: 'bool' }, { long: 'platform', type: 'string' },
];

const MIRROR_PERIOD_MS = 14 * 86_400_000;

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** Every regular file under `dir` (paths relative to it). */
async function readContext(env: CmdEnv, dir: string): Promise<Map<string, ContextFile>> {
  const out = new Map<string, ContextFile>();
  const walk = async (abs: string, rel: string) => {
    for (const name of (await env.fs.readdir(abs)).sort()) {
      const p = `${abs === '/' ? '' : abs}/${name}`;
      const st = await env.fs.stat(p);
      const r = rel ? `${rel}/${name}` : name;
      if (st.isDirectory) await walk(p, r);
      else if (st.isFile) out.set(r, { data: await env.fs.readFileBuffer(p), mode: st.mode & 0o7777 });
    }
  };
  await walk(dir, '');
  return out;
}

export async function build(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parseFlags(args, BUILD_FLAGS, true);
  if (!p.ok) return R('', `${p.error}\nSee 'docker build --help'.\n`, 125);
  if (p.rest.length !== 1)
    return R('', `ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n`, 1);
  const progress = (p.flags.progress as string | undefined) ?? 'auto';
  if (!['auto', 'tty', 'plain', 'quiet', 'rawjson'].includes(progress)) return R('', `ERROR: invalid progress mode ${progress}\n`, 1);
  const dir = env.fs.resolvePath(env.cwd, p.rest[0] as string);
  const st = await env.fs.stat(dir).catch(() => undefined);
  if (!st?.isDirectory) return R('', `ERROR: unable to prepare context: path "${p.rest[0]}" not found\n`, 1);
  const context = await readContext(env, dir);
  let file = 'Dockerfile';
  if (p.flags.file !== undefined) {
    const abs = env.fs.resolvePath(env.cwd, p.flags.file as string);
    if (abs.startsWith(`${dir}/`)) file = abs.slice(dir.length + 1);
    else {
      const data = await env.fs.readFileBuffer(abs).catch(() => undefined);
      if (!data) return R('', `ERROR: resolve : lstat ${abs.split('/').slice(0, -1).join('/') || '/'}: no such file or directory\n`, 1);
      file = abs.split('/').pop() as string;
      context.set(file, { data });
    }
  }
  const buildArgs: Record<string, string> = {};
  for (const a of (p.flags['build-arg'] as string[] | undefined) ?? []) {
    const eq = a.indexOf('=');
    if (eq < 0) {
      const v = env.env.get(a);
      if (v !== undefined) buildArgs[a] = v;
    } else buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const lib = await env.daemon.imageLib();
  const builder = await lib.builder();
  // The Debian mirror publishes new package versions every 14 days of simulated time (the stale apt cache trap of L9).
  builder.mirror.epoch = Math.max(builder.mirror.epoch, Math.floor((env.host.clock.nowMs - lib.bornMs) / MIRROR_PERIOD_MS));
  const r = await builder.build({
    context, file, tags: (p.flags.tag as string[] | undefined) ?? [], buildArgs, noCache: Boolean(p.flags['no-cache']),
    ...(p.flags.target !== undefined ? { target: p.flags.target as string } : {}),
    nowMs: env.host.clock.nowMs, columns: env.columns, progress: progress === 'plain' || !env.tty ? 'plain' : 'tty',
  });
  // The build takes its simulated time.
  env.host.kernel.advance(Math.round(r.seconds * 1000));
  if (p.flags.quiet) return r.exitCode === 0 && r.image ? R(`${r.image.image.id}\n`) : R('', r.stderr, r.exitCode);
  return R(r.stdout, r.stderr, r.exitCode);
}
