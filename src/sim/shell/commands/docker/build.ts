/**
 * `docker build [-t] [-f] [--no-cache] [--target] [--build-arg] [--progress] PATH`:
 * the context is read from the shell's filesystem (the host's /root/demo, or a
 * directory the learner wrote), then built by the BuildKit-style builder.
 */
import type { ExecResult } from '../../../api.ts';
import type { ContextFile } from '../../../build/context.ts';
import type { CmdEnv } from '../../types.ts';
import { defineCommand } from './define.ts';

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

// docker/cli@v27.3.1:cli/command/image/build.go (the cobra command; with BuildKit the default builder, `docker build --help` is buildx's own help, kept below as pluginHelp)
export default defineCommand({
  use: 'build [OPTIONS] PATH | URL | -',
  short: 'Build an image from a Dockerfile',
  top: 4,
  pluginHelp:
    '\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n\nAliases:\n  docker build, docker builder build, docker image build, docker buildx b\n',
  flags: [
    { long: 'add-host', type: 'list', usage: 'Add a custom host-to-IP mapping ("host:ip")', sim: false },
    { long: 'build-arg', type: 'list', usage: 'Set build-time variables' },
    { long: 'cache-from', type: 'stringSlice', usage: 'Images to consider as cache sources', sim: false },
    { long: 'cgroup-parent', type: 'string', usage: 'Set the parent cgroup for the "RUN" instructions during build', sim: false },
    { long: 'compress', type: 'bool', usage: 'Compress the build context using gzip' },
    { long: 'cpu-period', type: 'int64', usage: 'Limit the CPU CFS (Completely Fair Scheduler) period' },
    { long: 'cpu-quota', type: 'int64', usage: 'Limit the CPU CFS (Completely Fair Scheduler) quota' },
    { long: 'cpu-shares', short: 'c', type: 'int64', usage: 'CPU shares (relative weight)' },
    { long: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
    { long: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
    { long: 'disable-content-trust', type: 'bool', default: 'true', usage: 'Skip image verification', sim: false },
    { long: 'file', short: 'f', type: 'string', usage: 'Name of the Dockerfile (Default is "PATH/Dockerfile")' },
    { long: 'force-rm', type: 'bool', usage: 'Always remove intermediate containers' },
    { long: 'iidfile', type: 'string', usage: 'Write the image ID to the file' },
    { long: 'isolation', type: 'string', usage: 'Container isolation technology' },
    { long: 'label', type: 'list', usage: 'Set metadata for an image', sim: false },
    { long: 'memory', short: 'm', type: 'string', usage: 'Memory limit' },
    { long: 'memory-swap', type: 'string', usage: 'Swap limit equal to memory plus swap: -1 to enable unlimited swap' },
    { long: 'network', type: 'string', default: 'default', usage: 'Set the networking mode for the RUN instructions during build', sim: false },
    { long: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
    { long: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
    { long: 'progress', type: 'string', usage: 'Set type of progress output ("auto", "plain", "tty")', hidden: true },
    { long: 'pull', type: 'bool', usage: 'Always attempt to pull a newer version of the image' },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the build output and print image ID on success' },
    { long: 'rm', type: 'bool', default: 'true', usage: 'Remove intermediate containers after a successful build' },
    { long: 'security-opt', type: 'stringSlice', usage: 'Security options' },
    { long: 'shm-size', type: 'bytes', usage: 'Size of "/dev/shm"', sim: false },
    { long: 'squash', type: 'bool', usage: 'Squash newly built layers into a single new layer', hidden: true },
    { long: 'tag', short: 't', type: 'list', usage: 'Name and optionally a tag in the "name:tag" format' },
    { long: 'target', type: 'string', usage: 'Set the target build stage to build.' },
    { long: 'ulimit', type: 'ulimit', default: '[]', usage: 'Ulimit options', sim: false },
  ],
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
