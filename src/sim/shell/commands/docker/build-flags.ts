/**
 * `docker build` is buildx's build (docker/cli@v27.3.1:cmd/docker/builder.go forwardBuilder: with BuildKit the
 * default and the buildx plugin installed, `build`, `image build` and `builder build` run `docker buildx build`),
 * so its options are docker/buildx@v0.17.1:commands/build.go buildCmd's and commonBuildFlags', in pflag's types
 * and usages, and its help is buildx's (the persistent --builder and --debug come from the plugin's root, index.ts).
 * BUILDX_EXPERIMENTAL is unset on node1: --root, --detach and --server-config are not defined.
 */
import type { DockerFlag } from './define.ts';

export const BUILD_FLAGS = [
  { long: 'add-host', type: 'stringSlice', default: '[]', usage: 'Add a custom host-to-IP mapping (format: "host:ip")', sim: false },
  { long: 'allow', type: 'stringSlice', default: '[]', usage: 'Allow extra privileged entitlement (e.g., "network.host", "security.insecure")', sim: false },
  { long: 'annotation', type: 'stringArray', default: '[]', usage: 'Add annotation to the image', sim: false },
  { long: 'build-arg', type: 'stringArray', default: '[]', usage: 'Set build-time variables' },
  {
    long: 'cache-from',
    type: 'stringArray',
    default: '[]',
    usage: 'External cache sources (e.g., "user/app:cache", "type=local,src=path/to/dir")',
    sim: false,
  },
  { long: 'cache-to', type: 'stringArray', default: '[]', usage: 'Cache export destinations (e.g., "user/app:cache", "type=local,dest=path/to/dir")' },
  { long: 'cgroup-parent', type: 'string', usage: 'Set the parent cgroup for the "RUN" instructions during build', sim: false },
  { long: 'build-context', type: 'stringArray', default: '[]', usage: 'Additional build contexts (e.g., name=path)' },
  { long: 'file', short: 'f', type: 'string', usage: 'Name of the Dockerfile (default: "PATH/Dockerfile")' },
  { long: 'iidfile', type: 'string', usage: 'Write the image ID to a file' },
  { long: 'label', type: 'stringArray', default: '[]', usage: 'Set metadata for an image', sim: false },
  // The docker driver loads the result into the daemon's images anyway.
  { long: 'load', type: 'bool', usage: 'Shorthand for "--output=type=docker"' },
  { long: 'network', type: 'string', default: 'default', usage: 'Set the networking mode for the "RUN" instructions during build', sim: false },
  { long: 'no-cache-filter', type: 'stringArray', default: '[]', usage: 'Do not cache specified stages' },
  { long: 'output', short: 'o', type: 'stringArray', default: '[]', usage: 'Output destination (format: "type=local,dest=path")' },
  { long: 'platform', type: 'stringArray', default: '[]', usage: 'Set target platform for build' },
  { long: 'push', type: 'bool', usage: 'Shorthand for "--output=type=registry"' },
  { long: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the build output and print image ID on success' },
  { long: 'secret', type: 'stringArray', default: '[]', usage: 'Secret to expose to the build (format: "id=mysecret[,src=/local/secret]")' },
  // dockeropts.MemBytes: its String() of 0 is "0", a zero default.
  { long: 'shm-size', type: 'bytes', usage: 'Shared memory size for build containers', sim: false },
  {
    long: 'ssh',
    type: 'stringArray',
    default: '[]',
    usage: 'SSH agent socket or keys to expose to the build (format: "default|<id>[=<socket>|<key>[,<key>]]")',
  },
  { long: 'tag', short: 't', type: 'stringArray', default: '[]', usage: 'Name and optionally a tag (format: "name:tag")' },
  { long: 'target', type: 'string', usage: 'Set the target build stage to build' },
  // dockeropts.NewUlimitOpt(nil): String() is "[]", not a zero value for pflag, so the help shows "(default [])".
  { long: 'ulimit', type: 'ulimit', default: '[]', usage: 'Ulimit options', sim: false },
  { long: 'attest', type: 'stringArray', default: '[]', usage: 'Attestation parameters (format: "type=sbom,generator=image")' },
  { long: 'sbom', type: 'string', usage: 'Shorthand for "--attest=type=sbom"' },
  { long: 'provenance', type: 'string', usage: 'Shorthand for "--attest=type=provenance"' },
  { long: 'call', type: 'string', default: 'build', usage: 'Set method for evaluating build ("check", "outline", "targets")' },
  // flags.VarPF(callAlias(…), "check", "", …): a cobrautil.BoolFuncValue, whose String() is "" (boolFunc).
  { long: 'check', type: 'bool', boolFunc: true, usage: 'Shorthand for "--call=check"' },
  // commonBuildFlags.
  { long: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
  {
    long: 'progress',
    type: 'string',
    default: 'auto',
    usage: 'Set type of progress output ("auto", "plain", "tty", "rawjson"). Use plain to show container output',
  },
  { long: 'pull', type: 'bool', usage: 'Always attempt to pull all referenced images', sim: false },
  { long: 'metadata-file', type: 'string', usage: 'Write build result metadata to a file' },
  // The hidden flags: --print (experimental), then the classic builder's options, accepted and ignored.
  { long: 'print', type: 'string', usage: 'Print result of information request (e.g., outline, targets) (EXPERIMENTAL)', hidden: true },
  { long: 'compress', type: 'bool', usage: 'Compress the build context using gzip', hidden: true },
  { long: 'isolation', type: 'string', usage: 'Container isolation technology', hidden: true },
  { long: 'security-opt', type: 'stringSlice', default: '[]', usage: 'Security options', hidden: true },
  { long: 'squash', type: 'bool', usage: 'Squash newly built layers into a single new layer (EXPERIMENTAL)', hidden: true },
  { long: 'memory', short: 'm', type: 'string', usage: 'Memory limit', hidden: true },
  { long: 'memory-swap', type: 'string', usage: 'Swap limit equal to memory plus swap: "-1" to enable unlimited swap', hidden: true },
  { long: 'cpu-shares', short: 'c', type: 'int64', usage: 'CPU shares (relative weight)', hidden: true },
  { long: 'cpu-period', type: 'int64', usage: 'Limit the CPU CFS (Completely Fair Scheduler) period', hidden: true },
  { long: 'cpu-quota', type: 'int64', usage: 'Limit the CPU CFS (Completely Fair Scheduler) quota', hidden: true },
  { long: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution ("0-3", "0,1")', hidden: true },
  { long: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution ("0-3", "0,1")', hidden: true },
  { long: 'rm', type: 'bool', default: 'true', usage: 'Remove intermediate containers after a successful build', hidden: true },
  { long: 'force-rm', type: 'bool', usage: 'Always remove intermediate containers', hidden: true },
] as const satisfies readonly DockerFlag[];

/**
 * What the docker driver refuses before it builds (docker/buildx@v0.17.1:build/opt.go toSolveOpt, build/utils.go
 * notSupported; driver/features.go names): a cache export other than inline, and any attestation, since node1's
 * daemon has no containerd image store (so no MultiPlatform feature).
 */
export function driverRefusal(flags: Record<string, unknown>): string | undefined {
  const unsupported = (feature: string, docs: string) =>
    `ERROR: ${feature} is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.\nLearn more at ${docs}\n`;
  // util/buildflags/cache.go ParseCacheEntry: "type=…" names the type; a bare reference is a registry cache.
  const cacheTo = ((flags['cache-to'] as string[] | undefined) ?? []).filter((v) => v !== '');
  if (cacheTo.some((v) => !/(^|,)\s*type=inline\s*(,|$)/i.test(v))) return unsupported('Cache export', 'https://docs.docker.com/go/build-cache-backends/');
  // util/buildflags/attests.go CanonicalizeAttest ("true"/"false" become disabled=…) and ParseAttest.
  const attests = [
    ...((flags.attest as string[] | undefined) ?? []),
    ...(['sbom', 'provenance'] as const).flatMap((t) => {
      const v = flags[t] as string | undefined;
      if (!v) return [];
      const b = goBool(v);
      return [b === undefined ? `type=${t},${v}` : `type=${t},disabled=${!b}`];
    }),
  ];
  const enabled = attests.some((a) => a !== '' && !/(^|,)\s*disabled=(1|t|T|TRUE|true|True)\s*(,|$)/.test(a));
  if (enabled) return unsupported('Attestation', 'https://docs.docker.com/go/attestations/');
  // build/opt.go: more than one platform is a multi-platform build.
  if (((flags.platform as string[] | undefined) ?? []).flatMap((p) => p.split(',')).filter(Boolean).length > 1)
    return unsupported('Multi-platform build', 'https://docs.docker.com/go/build-multi-platform/');
  return undefined;
}

/** strconv.ParseBool. */
function goBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/**
 * The options whose effect the simulated builder does not have (course's choice, no upstream text): it builds from
 * the local context into the daemon's images, linux/amd64 only, with no secrets, SSH, exports, named contexts or
 * call methods other than build.
 */
export function unmodelled(flags: Record<string, unknown>): string | undefined {
  const set = (k: string) => {
    const v = flags[k];
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== false;
  };
  const names = ['secret', 'ssh', 'output', 'push', 'build-context', 'no-cache-filter', 'metadata-file', 'print'].filter(set);
  if (flags.check === true || (flags.call !== undefined && flags.call !== 'build')) names.push(flags.check === true ? 'check' : 'call');
  const platform = ((flags.platform as string[] | undefined) ?? []).filter(Boolean);
  if (platform.length && !platform.every((p) => ['linux/amd64', 'amd64', 'linux/x86_64'].includes(p))) names.push('platform');
  return names.length ? names.map((n) => `--${n}`).join(', ') : undefined;
}
