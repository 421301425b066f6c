/**
 * `docker build [-t] [-f] [--no-cache] [--target] [--build-arg] [--progress] PATH`:
 * the context is read from the shell's filesystem (the host's /root/demo, or a
 * directory the learner wrote), then built by the BuildKit-style builder.
 */
import type { ExecResult } from '../../../api.ts';
import type { ContextFile } from '../../../build/context.ts';
import type { CmdEnv } from '../../types.ts';
import { defineCommand } from './define.ts';
import { BUILD_FLAGS, driverRefusal, unmodelled } from './build-flags.ts';
import { bootError, resolve } from './buildx-store.ts';

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

/**
 * The classic builder's options that buildx accepts and ignores (docker/buildx@v0.17.1:commands/build.go, "hidden
 * flags": compress, cpu-*, cpuset-*, force-rm, memory, memory-swap, rm, and these three); checkWarnedFlags logs the
 * "flag-warn" annotation of these when set, through logrus and buildx's logutil.Formatter ("WARNING: msg"), in pflag's
 * sorted order, before the build starts.
 */
const FLAG_WARN: Record<string, string> = {
  isolation: 'isolation flag is deprecated with BuildKit.',
  'security-opt': 'security-opt flag is deprecated. "RUN --security=insecure" should be used with BuildKit.',
  squash: 'experimental flag squash is removed with BuildKit. You should squash inside build using a multi-stage Dockerfile for efficiency.',
};

// docker/buildx@v0.17.1:commands/build.go buildCmd: Use, Short (docker --help lists the docker CLI's own build
// command, docker/cli@v27.3.1:cli/command/image/build.go: its Short and category-top), Aliases b, the "aliases"
// annotation; the options are build-flags.ts's.
export default defineCommand({
  use: 'build [OPTIONS] PATH | URL | -',
  short: 'Build an image from a Dockerfile',
  top: 4,
  aliases: 'docker build, docker builder build, docker image build, docker buildx b',
  flags: BUILD_FLAGS,
  async run(flags, rest, env) {
    if (rest.length !== 1)
      return R(
        '',
        `ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n`,
        1,
      );
    const warned = Object.keys(FLAG_WARN)
      .filter((f) => (flags as Record<string, unknown>)[f] !== undefined)
      .map((f) => `WARNING: ${FLAG_WARN[f]}\n`)
      .join('');
    const progress = (flags.progress as string | undefined) ?? 'auto';
    if (!['auto', 'tty', 'plain', 'quiet', 'rawjson'].includes(progress)) return R('', `ERROR: invalid progress mode ${progress}\n`, 1);
    // checkWarnedFlags has logged its warnings; the driver's checks (build/opt.go) come before the context is read.
    // runBuild: builder.New (--builder, $BUILDX_BUILDER or the current one); a docker-container builder boots first.
    const b = await resolve(env.fs, (flags as Record<string, unknown>).builder as string | undefined);
    if ('error' in b) return R('', `${warned}ERROR: ${b.error}\n`, 1);
    if (b.ng) {
      const boot = await bootError(env);
      if (boot !== undefined) return R('', warned + boot, 1);
      env.note?.({ en: 'Running BuildKit in a container is not simulated on node1.', zh: '这台主机不模拟在容器中运行 BuildKit。' });
      return R('', warned, 1);
    }
    const refused = driverRefusal(flags);
    if (refused) return R('', warned + refused, 1);
    const off = unmodelled(flags);
    if (off) {
      env.note?.({
        en: `${off}: not simulated; this builder builds the local context into node1's images for linux/amd64 (-t, -f, --build-arg, --target, --no-cache, -q, --iidfile, --progress).`,
        zh: `这里不模拟 ${off}：这个构建器只把本地上下文构建成 node1 上的 linux/amd64 镜像（支持 -t、-f、--build-arg、--target、--no-cache、-q、--iidfile、--progress）。`,
      });
      return R('', warned, 1);
    }
    const dir = env.fs.resolvePath(env.cwd, rest[0] as string);
    const st = await env.fs.stat(dir).catch(() => undefined);
    if (!st?.isDirectory) return R('', `ERROR: unable to prepare context: path "${rest[0]}" not found\n`, 1);
    const context = await readContext(env, dir);
    let file = 'Dockerfile';
    if (flags.file !== undefined) {
      const abs = env.fs.resolvePath(env.cwd, flags.file as string);
      if (abs.startsWith(`${dir}/`)) file = abs.slice(dir.length + 1);
      else {
        const data = await env.fs.readFileBuffer(abs).catch(() => undefined);
        if (!data) return R('', `ERROR: resolve : lstat ${abs.split('/').slice(0, -1).join('/') || '/'}: no such file or directory\n`, 1);
        file = abs.split('/').pop() as string;
        context.set(file, { data });
      }
    }
    const buildArgs: Record<string, string> = {};
    for (const a of (flags['build-arg'] as string[] | undefined) ?? []) {
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
      context,
      file,
      tags: (flags.tag as string[] | undefined) ?? [],
      buildArgs,
      noCache: Boolean(flags['no-cache']),
      ...(flags.target !== undefined ? { target: flags.target as string } : {}),
      nowMs: env.host.clock.nowMs,
      columns: env.columns,
      progress: progress === 'plain' || !env.tty ? 'plain' : 'tty',
    });
    // The build takes its simulated time.
    env.host.kernel.advance(Math.round(r.seconds * 1000));
    // --iidfile: buildx (docker/buildx commands/build.go) writes the image ID, sha256:… without a newline, once the build succeeds.
    if (flags.iidfile && r.exitCode === 0 && r.image) await env.fs.writeFile(env.fs.resolvePath(env.cwd, flags.iidfile as string), r.image.image.id);
    if (flags.quiet) return r.exitCode === 0 && r.image ? R(`${r.image.image.id}\n`, warned) : R('', warned + r.stderr, r.exitCode);
    return R(r.stdout, warned + r.stderr, r.exitCode);
  },
});
