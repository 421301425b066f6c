/**
 * kubectl debug POD --image=IMAGE (kubernetes/kubectl@v0.30.5:pkg/cmd/debug/debug.go): adds an ephemeral container to
 * a running pod through its `ephemeralcontainers` subresource, with --target (the target container's PID namespace),
 * -c, --profile, --env, -- COMMAND; with -i it waits for the container and attaches (handleAttachPod), an interactive
 * shell becoming the learner's session as `kubectl run -it` does. With --copy-to it creates a copy of the pod instead
 * (debug-copy.ts: --set-image, --share-processes, --same-node, --replace, the profiles' podCopy changes) and attaches to
 * the copy's debug container. node/NAME creates a node debugging pod (debug-node.ts) and attaches to it; -f is not
 * simulated. Messages go where kubectl writes them: the notes
 * ("Targeting container …", "Defaulting debug container name to …") on stdout, warnings and errors on stderr.
 */
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { errorText, namespaceOf, out, parse, resourcesOf } from './common.ts';
import { enterShell, shellOf } from './attach-shell.ts';
import { podCopy } from './debug-copy.ts';
import { nodeDebugPod } from './debug-node.ts';
import { applyProfile, PROFILES } from './debug-profiles.ts';

type Obj = Record<string, unknown>;
const FLAGS = [
  { long: 'arguments-only', type: 'bool' as const },
  { long: 'attach', type: 'bool' as const },
  { long: 'container', short: 'c', type: 'string' as const },
  { long: 'copy-to', type: 'string' as const },
  { long: 'replace', type: 'bool' as const },
  { long: 'env', type: 'list' as const },
  { long: 'image', type: 'string' as const },
  { long: 'set-image', type: 'list' as const },
  { long: 'image-pull-policy', type: 'string' as const },
  { long: 'stdin', short: 'i', type: 'bool' as const },
  { long: 'quiet', short: 'q', type: 'bool' as const },
  { long: 'same-node', type: 'bool' as const },
  { long: 'share-processes', type: 'bool' as const },
  { long: 'target', type: 'string' as const },
  { long: 'tty', short: 't', type: 'bool' as const },
  { long: 'profile', type: 'string' as const },
  { long: 'filename', short: 'f', type: 'list' as const },
];
const PODS = resourceOfKind('v1', 'Pod')!;
/** github.com/distribution/reference ReferenceRegexp (anchored): name components, an optional tag, an optional digest. */
const REFERENCE =
  /^((?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,})?$/;
/** k8s.io/apimachinery/pkg/util/rand: the alphabet String(n) draws from (no vowels, no confusable digits). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
/** Not kubectl's words: the debugging styles node1 does not simulate say so plainly. */
const unbuilt = (what: string) => out('', `kubectl debug ${what}: not simulated on node1 (an ephemeral container in a pod is)\n`, 1);

export async function debug(args: string[], env: CmdEnv): Promise<ExecResult> {
  const dash = args.indexOf('--');
  const p = parse(dash < 0 ? args : args.slice(0, dash), FLAGS, 'debug');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const command = dash < 0 ? [] : args.slice(dash + 1);
  const quiet = Boolean(f.quiet);
  const interactive = Boolean(f.stdin);
  const tty = Boolean(f.tty);
  const image = (f.image as string | undefined) ?? '';
  const container = (f.container as string | undefined) ?? '';
  const target = (f.target as string | undefined) ?? '';
  const pullPolicy = (f['image-pull-policy'] as string | undefined) ?? '';
  const attachChanged = (dash < 0 ? args : args.slice(0, dash)).some((a) => a === '--attach' || a.startsWith('--attach='));
  const attach = attachChanged ? Boolean(f.attach) : interactive;
  const profile = (f.profile as string | undefined) ?? 'legacy';
  // Complete: NewProfileApplier, then --env (StringToString: key=value pairs).
  if (!(PROFILES as readonly string[]).includes(profile)) return out('', `error: unknown profile: ${profile}\n`, 1);
  const envVars: { name: string; value: string }[] = [];
  for (const item of ((f.env as string[] | undefined) ?? []).flatMap((e) => e.split(','))) {
    const eq = item.indexOf('=');
    if (eq < 0)
      return out('', `error: invalid argument "${item}" for "--env" flag: ${item} must be formatted as key=value\nSee 'kubectl debug --help' for usage.\n`, 1);
    envVars.push({ name: item.slice(0, eq), value: item.slice(eq + 1) });
  }
  // Go ranges over the flag's map in random order; node1 keeps the names sorted.
  envVars.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // --set-image: StringToString too (name=image, or *=image for every container).
  const setImages = new Map<string, string>();
  for (const item of ((f['set-image'] as string[] | undefined) ?? []).flatMap((e) => e.split(','))) {
    const eq = item.indexOf('=');
    if (eq < 0)
      return out(
        '',
        `error: invalid argument "${item}" for "--set-image" flag: ${item} must be formatted as key=value\nSee 'kubectl debug --help' for usage.\n`,
        1,
      );
    setImages.set(item.slice(0, eq), item.slice(eq + 1));
  }
  const copyTo = (f['copy-to'] as string | undefined) ?? '';
  const shareChanged = (dash < 0 ? args : args.slice(0, dash)).some((a) => a === '--share-processes' || a.startsWith('--share-processes='));
  // Validate, in debug.go's order.
  const fail = (msg: string, stdout = '') => out(stdout, `error: ${msg}\n`, 1);
  if (attach && attachChanged && !image && !container) return fail('you must specify --container or create a new container using --image in order to attach.');
  if (copyTo) {
    if (!image && !setImages.size && !command.length) return fail('you must specify --image, --set-image or command arguments.');
    if (command.length && !container && !image) return fail('you must specify an existing container or a new image when specifying args.');
  } else {
    if (f.replace) return fail('--replace may only be used with --copy-to.');
    if (f['same-node']) return fail('--same-node may only be used with --copy-to.');
    if (setImages.size) return fail('--set-image may only be used with --copy-to.');
    if (!image) return fail('you must specify --image when not using --copy-to.');
  }
  if (image && !REFERENCE.test(image)) return fail(`invalid image name "${image}": invalid reference format`);
  const names = p.rest;
  const files = (f.filename as string[] | undefined) ?? [];
  if (!names.length && !files.length) return fail('NAME or filename is required for debug');
  if (!['Always', 'IfNotPresent', 'Never', ''].includes(pullPolicy)) return fail(`invalid image pull policy: ${pullPolicy}`);
  for (const [cname, img] of setImages) if (!REFERENCE.test(img)) return fail(`invalid image name "${img}" for container "${cname}": invalid reference format`);
  if (target && copyTo) return fail('--target is incompatible with --copy-to. Use --share-processes instead.');
  let stdout = '';
  if (target && !quiet)
    stdout += `Targeting container "${target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`;
  if (tty && !interactive) return fail('-i/--stdin is required for containers with -t/--tty=true', stdout);
  if (files.length) return unbuilt('-f');
  const cluster = clusterFor(env.host);
  await cluster.sync();
  const ns = namespaceOf(f, env);
  let stderr = '';
  const suffix = () => Array.from({ length: 5 }, () => ALPHANUMS[env.host.rng.int(ALPHANUMS.length)]).join('');
  const base = { image, container, args: command, argsOnly: Boolean(f['arguments-only']), env: envVars, pullPolicy, interactive, tty, quiet, profile, suffix };
  for (const word of names) {
    // The builder's ResourceNames("pods", …): a bare name is a pod; TYPE/NAME names another kind.
    let name = word;
    if (word.includes('/')) {
      const [type, rest] = [word.slice(0, word.indexOf('/')), word.slice(word.indexOf('/') + 1)];
      const r = resourcesOf(type);
      if ('error' in r) return out(stdout, r.error.stderr, 1);
      if (r[0]!.kind === 'Node') {
        // The builder fetches the node first (the API's NotFound), then visitNode creates the pod and attaches to it.
        if (!cluster.api.get(r[0]!, '', rest)) return out(stdout, `${stderr}Error from server (NotFound): nodes "${rest}" not found\n`, 1);
        const made = nodeDebugPod({ ...base, node: rest });
        stdout += made.stdout;
        try {
          const res = cluster.api.create(made.body, ns);
          for (const w of res.warnings) stderr += `Warning: ${w}\n`;
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          return out(stdout, stderr + errorText(e), 1);
        }
        await cluster.sync();
        if (attach) return attachTo(env, ns, made.name, made.container, { interactive, tty, quiet, ephemeral: false }, stdout, stderr);
        continue;
      }
      const info = r[0]!;
      if (info.kind !== 'Pod') {
        // The builder fetches the object first; then debug.go Run's visitErr quotes its GroupVersionKind (String(): "apps/v1, Kind=Deployment").
        if (!cluster.api.get(info, ns, rest))
          return out(
            stdout,
            `${stderr}Error from server (NotFound): ${info.group ? `${info.resource}.${info.group}` : info.resource} "${rest}" not found\n`,
            1,
          );
        return out(stdout, `${stderr}error: "${info.group}/v1, Kind=${info.kind}" not supported by debug\n`, 1);
      }
      name = rest;
    }
    const pod = cluster.api.get(PODS, ns, name);
    if (!pod) return out(stdout, `${stderr}Error from server (NotFound): pods "${name}" not found\n`, 1);
    if (copyTo) {
      // debugByCopy: create the copy, then (--replace) delete the original at once.
      const made = podCopy(pod, {
        ...base,
        copyTo,
        sameNode: Boolean(f['same-node']),
        shareProcesses: shareChanged ? Boolean(f['share-processes']) : undefined,
        setImages,
      });
      if ('error' in made) return out(stdout, `${stderr}error: ${made.error}\n`, 1);
      stdout += made.stdout;
      try {
        const res = cluster.api.create(made.body, ns);
        for (const w of res.warnings) stderr += `Warning: ${w}\n`;
        if (f.replace) cluster.api.delete(PODS, ns, name, 0);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        return out(stdout, stderr + errorText(e), 1);
      }
      await cluster.sync();
      if (attach && made.container) return attachTo(env, ns, copyTo, made.container, { interactive, tty, quiet, ephemeral: false }, stdout, stderr);
      continue;
    }
    const spec = (pod.spec ?? {}) as Obj;
    const existing = ['containers', 'initContainers', 'ephemeralContainers'].flatMap((k) => ((spec[k] as Obj[] | undefined) ?? []).map((c) => String(c.name)));
    // computeDebugContainerName: -c, or debugger-xxxxx not yet used in the pod.
    let cn = container;
    if (!cn) {
      while (!cn || existing.includes(cn)) cn = `debugger-${suffix()}`;
      if (!quiet) stdout += `Defaulting debug container name to ${cn}.\n`;
    }
    // generateDebugContainer: Go's JSON leaves out the empty fields (omitempty).
    const ec: Obj = {
      name: cn,
      ...(envVars.length ? { env: envVars } : {}),
      image,
      ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}),
      ...(interactive ? { stdin: true } : {}),
      terminationMessagePolicy: 'File',
      ...(tty ? { tty: true } : {}),
      ...(target ? { targetContainerName: target } : {}),
      ...(command.length ? { [f['arguments-only'] ? 'args' : 'command']: command } : {}),
    };
    applyProfile(profile, ec);
    let res: { obj: KObject; warnings: string[] };
    try {
      res = cluster.api.updateEphemeralContainers(ns, name, [...((spec.ephemeralContainers as Obj[] | undefined) ?? []), ec]);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return out(stdout, stderr + errorText(e), 1);
    }
    for (const w of res.warnings) stderr += `Warning: ${w}\n`;
    await cluster.sync();
    if (attach) return attachTo(env, ns, name, cn, { interactive, tty, quiet, ephemeral: true }, stdout, stderr);
  }
  return out(stdout, stderr);
}

/**
 * handleAttachPod: waitForContainer (a waiting container's message is printed as a warning each time the pod changes),
 * then attach to a running container, or print the log of one that already terminated (logOpts).
 */
function attachTo(
  env: CmdEnv,
  ns: string,
  pod: string,
  cn: string,
  o: { interactive: boolean; tty: boolean; quiet: boolean; ephemeral: boolean },
  stdout: string,
  stderr: string,
): ExecResult {
  const cluster = clusterFor(env.host);
  const obj = cluster.api.get(PODS, ns, pod);
  const statuses = ((obj?.status as Obj | undefined)?.[o.ephemeral ? 'ephemeralContainerStatuses' : 'containerStatuses'] as Obj[] | undefined) ?? [];
  const state = (statuses.find((s) => s.name === cn)?.state ?? {}) as Obj;
  const waiting = state.waiting as { message?: string } | undefined;
  if (!state.running && !state.terminated) {
    if (!o.quiet && waiting?.message) stderr += `Warning: container ${cn}: ${waiting.message}\n`;
    // Not kubectl's words: a real kubectl keeps waiting here until the container runs (or Ctrl-C); node1's stops.
    return out(
      stdout,
      `${stderr}kubectl debug: container ${cn} is not running; kubectl would keep waiting for it here (node1 stops: see kubectl describe pod ${pod})\n`,
      1,
    );
  }
  const log = () => cluster.kubelet?.logs(ns, pod, cn, false) ?? '';
  if (state.terminated) return out(stdout + log(), stderr);
  // kubernetes/kubectl@v0.30.5:pkg/cmd/attach/attach.go Run: the prompt hint on stderr before the stream is attached.
  const hint = o.quiet ? '' : "If you don't see a command prompt, try pressing enter.\n";
  const shell = o.interactive ? shellOf(env, cluster, ns, pod, cn) : undefined;
  if (shell) {
    const restartAlways = String(((obj?.spec ?? {}) as Obj).restartPolicy ?? 'Always') === 'Always';
    // attach.go reattachMessage: with a raw TTY, stdin and restartPolicy Always; its words depend on where the container is.
    enterShell(env, shell, () =>
      !o.quiet && o.tty && restartAlways
        ? o.ephemeral
          ? `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${pod} -c ${cn} -i -t' if it is still running\n`
          : `Session ended, resume using 'kubectl attach ${pod} -c ${cn} -i -t' command when the pod is running\n`
        : '',
    );
    return out(stdout, stderr + hint);
  }
  // A running program that is not an interactive shell: what it printed so far is what the attached stream shows.
  return out(stdout + log(), stderr + hint);
}
