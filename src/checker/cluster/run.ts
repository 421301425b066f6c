/**
 * The `cluster` check: the learner's manifests applied to node1's simulated cluster in a fresh
 * World, the cluster left to settle in simulated time, and the end state graded: the pods
 * Running and Ready, commands run in a container printing what they should. When it fails, the
 * feedback quotes what the cluster said (kubectl's error, the container's waiting reason and
 * message, the last log line of a crashing container, a ReplicaSet's FailedCreate event).
 *
 * The simulator is handed in (src/sim/index.ts createWorld), as for shell goals (replay.ts):
 * the checker imports only the World facade's types.
 */
import type { ExecResult, World } from '../../sim/api.ts';
import type { CreateWorld } from '../replay.ts';
import { normalizeText } from '../parse/yaml.ts';
import type { Text } from '../types.ts';
import type { ClusterExec, ClusterParams } from './params.ts';

export interface ClusterOutcome {
  passed: boolean;
  /** What the cluster said, in both locales (absent when the check passed). */
  feedback?: Text;
  /** Real milliseconds the check took (the simulated cluster's work, not simulated time). */
  ms: number;
}

type Obj = Record<string, unknown>;

/** How often the settling loop looks at the pods, in simulated seconds. */
const POLL_S = 5;
/** Characters of the cluster's own words quoted in feedback. */
const QUOTE_MAX = 600;

/** One argument as the shell reads it back unchanged. */
function shq(s: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function clip(s: string): string {
  const t = s.trim();
  return t.length > QUOTE_MAX ? `${t.slice(0, QUOTE_MAX)}…` : t;
}

function both(en: string, zh: string): Text {
  return { en, 'zh-cn': zh };
}

/** A heredoc delimiter that no line of the text equals. */
function delimiter(text: string): string {
  const lines = new Set(text.split('\n'));
  let d = 'CC_SUBMISSION_EOF';
  for (let i = 1; lines.has(d); i++) d = `CC_SUBMISSION_EOF_${i}`;
  return d;
}

async function writeFile(world: World, path: string, text: string): Promise<ExecResult> {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  const d = delimiter(body);
  return world.exec(`cat > ${shq(path)} <<'${d}'\n${body}${d}`);
}

/** A safe file name for the node (the learner's own when it is one). */
function nodeName(name: string, i: number): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(base) ? base : `manifest-${i + 1}.yaml`;
}

function namespaceManifest(name: string, labels: Record<string, string>): string {
  const lines = ['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${name}`];
  if (Object.keys(labels).length) lines.push('  labels:', ...Object.entries(labels).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`));
  return `${lines.join('\n')}\n`;
}

async function getJson(world: World, line: string): Promise<Obj | null> {
  const r = await world.exec(line);
  if (r.exitCode !== 0) return null;
  try {
    return JSON.parse(r.stdout) as Obj;
  } catch {
    return null;
  }
}

function items(list: Obj | null): Obj[] {
  return Array.isArray(list?.items) ? (list.items as Obj[]) : [];
}

const o = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});

function podName(p: Obj): string {
  return String(o(p.metadata).name ?? '');
}

function isReady(p: Obj): boolean {
  const st = o(p.status);
  const conds = Array.isArray(st.conditions) ? (st.conditions as Obj[]) : [];
  return st.phase === 'Running' && conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Every container was pulled, created and started at least once (containerID and imageID are set then). */
function isStarted(p: Obj): boolean {
  const all = statuses(p);
  return all.length > 0 && all.every(containerStarted);
}

function containerStarted(cs: Obj): boolean {
  return typeof cs.imageID === 'string' && cs.imageID !== '' && typeof cs.containerID === 'string' && cs.containerID !== '';
}

function statuses(p: Obj): Obj[] {
  const st = o(p.status);
  return [
    ...(Array.isArray(st.initContainerStatuses) ? st.initContainerStatuses : []),
    ...(Array.isArray(st.containerStatuses) ? st.containerStatuses : []),
  ] as Obj[];
}

/** Why a pod is not Running and Ready, in the cluster's words (the first container that says so). */
async function whyNotReady(world: World, ns: string, p: Obj, settle: number, fine: (cs: Obj) => boolean): Promise<Text> {
  const name = podName(p);
  const phase = String(o(p.status).phase ?? 'Pending');
  for (const cs of statuses(p)) {
    const c = String(cs.name);
    const waiting = o(o(cs.state).waiting);
    const terminated = o(o(cs.state).terminated);
    if (fine(cs)) continue;
    if (waiting.reason === 'CrashLoopBackOff' || terminated.reason !== undefined || o(o(cs.lastState).terminated).reason !== undefined) {
      const reason = String(waiting.reason ?? terminated.reason ?? 'Error');
      const logs = await world.exec(`kubectl logs ${shq(name)} -n ${ns} -c ${shq(c)}${waiting.reason === 'CrashLoopBackOff' ? ' --previous' : ''}`);
      const last =
        logs.exitCode === 0
          ? logs.stdout
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean)
              .pop()
          : undefined;
      const exit = o(o(cs.lastState).terminated).exitCode ?? terminated.exitCode;
      const code = exit === undefined ? '' : `, exit code ${String(exit)}`;
      const codeZh = exit === undefined ? '' : `，退出码 ${String(exit)}`;
      return last
        ? both(
            `pod ${name}: container ${c} is ${reason}${code}; its last log line: "${clip(last)}"`,
            `Pod ${name}：容器 ${c} 处于 ${reason}${codeZh}；最后一行日志："${clip(last)}"`,
          )
        : both(`pod ${name}: container ${c} is ${reason}${code}, with no log output`, `Pod ${name}：容器 ${c} 处于 ${reason}${codeZh}，没有日志输出`);
    }
    if (waiting.reason !== undefined) {
      let said = typeof waiting.message === 'string' ? waiting.message : '';
      // "Back-off pulling image …" says what, not why: the kubelet's last Failed event has the registry's answer.
      if (waiting.reason === 'ImagePullBackOff' || waiting.reason === 'ErrImagePull') {
        const pulls = items(await getJson(world, `kubectl get events -n ${ns} -o json`)).filter(
          (e) => o(e.involvedObject).name === name && e.reason === 'Failed' && String(e.message).startsWith('Failed to pull image'),
        );
        const last = pulls.pop();
        if (last) said = String(last.message);
      }
      const msg = said ? `: ${clip(said)}` : '';
      return both(
        `pod ${name}: container ${c} is waiting: ${String(waiting.reason)}${msg}`,
        `Pod ${name}：容器 ${c} 在等待：${String(waiting.reason)}${msg ? `：${msg.slice(2)}` : ''}`,
      );
    }
    if (o(cs.state).running)
      return both(`pod ${name}: container ${c} is running but not Ready after ${settle} s`, `Pod ${name}：容器 ${c} 在运行，但 ${settle} 秒后仍未 Ready`);
  }
  const unsched = (Array.isArray(o(p.status).conditions) ? (o(p.status).conditions as Obj[]) : []).find(
    (c) => c.type === 'PodScheduled' && c.status === 'False',
  );
  if (unsched?.message) return both(`pod ${name} is ${phase}: ${clip(String(unsched.message))}`, `Pod ${name} 处于 ${phase}：${clip(String(unsched.message))}`);
  return both(`pod ${name} is ${phase}, not Running and Ready, after ${settle} s`, `Pod ${name} 处于 ${phase}，${settle} 秒后仍未 Running 且 Ready`);
}

/**
 * A controller that cannot create its pods (Pod Security enforce refuses a workload's pods there) says so in
 * its ReplicaFailure condition, whose message its FailedCreate event repeats as "Error creating: …"
 * (kubernetes@v1.30.0:pkg/controller/replicaset/replica_set.go).
 */
async function replicaFailure(world: World, ns: string): Promise<{ name: string; message: string } | null> {
  for (const rs of items(await getJson(world, `kubectl get rs -n ${ns} -o json`))) {
    const conds = Array.isArray(o(rs.status).conditions) ? (o(rs.status).conditions as Obj[]) : [];
    const failed = conds.find((c) => c.type === 'ReplicaFailure' && c.status === 'True');
    if (failed) return { name: String(o(rs.metadata).name ?? ''), message: String(failed.message ?? '') };
  }
  return null;
}

async function whyNoPods(world: World, ns: string, want: number, have: number): Promise<Text> {
  const f = await replicaFailure(world, ns);
  if (f)
    return both(
      `ReplicaSet ${f.name}: FailedCreate: Error creating: ${clip(f.message)}`,
      `ReplicaSet ${f.name}：FailedCreate：Error creating: ${clip(f.message)}`,
    );
  return both(`${have} pod(s) in namespace ${ns}, ${want} expected`, `命名空间 ${ns} 中有 ${have} 个 Pod，应为 ${want} 个`);
}

async function runExec(world: World, ns: string, pod: string, x: ClusterExec): Promise<Text | null> {
  const line = `kubectl exec ${shq(pod)} -n ${ns}${x.container ? ` -c ${x.container}` : ''} -- ${x.command.map(shq).join(' ')}`;
  const r = await world.exec(line);
  const shown = `kubectl exec ${pod}${x.container ? ` -c ${x.container}` : ''} -- ${x.command.join(' ')}`;
  if (r.exitCode !== 0 && !r.stdout)
    return both(`${shown} failed: ${clip(r.stderr) || `exit code ${r.exitCode}`}`, `${shown} 失败：${clip(r.stderr) || `退出码 ${r.exitCode}`}`);
  if (new RegExp(x.matches, 'm').test(r.stdout)) return null;
  // Several lines read as one, the way CURRICULUM writes outputs: "PID USER TIME COMMAND / 1 root 0:00 /pause".
  const got =
    clip(
      r.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' / '),
    ) || '(nothing)';
  return both(`${shown} printed "${got}"; ${x.expected.en}`, `${shown} 输出 "${got === '(nothing)' ? '（无输出）' : got}"；${x.expected['zh-cn']}`);
}

/** Applies `files` to a fresh World's cluster and grades the end state. */
export async function runClusterCheck(submitted: Record<string, string>, p: ClusterParams, createWorld: CreateWorld): Promise<ClusterOutcome> {
  const t0 = performance.now();
  const done = (feedback?: Text): ClusterOutcome => ({ passed: !feedback, ...(feedback ? { feedback } : {}), ms: performance.now() - t0 });
  const world = createWorld(undefined, { clock: 'virtual', seed: 1 });
  // As a shell goal's setup: a lesson's steps, failures it shows included (their output is not graded).
  for (const line of p.setup) await world.exec(line);
  await world.exec('mkdir -p /root/submission');
  await world.exec('cd /root/submission');
  const ns = p.namespace ?? 'default';
  if (p.namespace) {
    await writeFile(world, '/root/namespace.yaml', namespaceManifest(p.namespace, p.labels));
    const r = await world.exec('kubectl apply -f /root/namespace.yaml');
    if (r.exitCode !== 0) throw new Error(`cluster check: the namespace could not be created: ${clip(r.stderr)}`);
  }
  const names = p.files ?? Object.keys(submitted).filter((n) => /\.(ya?ml|json)$/i.test(n));
  const missing = names.filter((n) => submitted[n] === undefined);
  if (missing.length) return done(both(`${missing.join(', ')}: no such file in the submission`, `提交中没有文件 ${missing.join('、')}`));
  for (const [i, name] of names.entries()) {
    const file = nodeName(name, i);
    await writeFile(world, file, normalizeText(submitted[name]!));
    const r = await world.exec(`kubectl apply -f ${shq(file)}${p.namespace ? ` -n ${ns}` : ''}`);
    if (r.exitCode !== 0) return done(both(`kubectl apply -f ${file}: ${clip(r.stderr)}`, `kubectl apply -f ${file}：${clip(r.stderr)}`));
    const warning = r.stderr.split('\n').find((l) => l.startsWith('Warning: '));
    if (p.noWarnings && warning) return done(both(`kubectl apply -f ${file}: ${clip(warning)}`, `kubectl apply -f ${file}：${clip(warning)}`));
  }
  // Simulated time only: `sleep` passes instantly on the virtual clock and lets the kubelet sync.
  const reached = p.state === 'started' ? isStarted : isReady;
  let pods: Obj[] = [];
  for (let t = 0; t < p.settleSeconds; t += POLL_S) {
    await world.exec(`sleep ${POLL_S}`);
    pods = items(await getJson(world, `kubectl get pods -n ${ns} -o json`)).filter((x) => !o(x.metadata).deletionTimestamp);
    if (pods.length >= p.pods && pods.every(reached)) break;
    // Refused pods are not retried into existence: stop waiting once a controller reports it.
    if (pods.length < p.pods && (await replicaFailure(world, ns))) break;
  }
  if (pods.length < p.pods) return done(await whyNoPods(world, ns, p.pods, pods.length));
  const notReady = pods.find((x) => !reached(x));
  if (notReady) return done(await whyNotReady(world, ns, notReady, p.settleSeconds, p.state === 'started' ? containerStarted : (cs) => cs.ready === true));
  if (p.imageID) {
    const re = new RegExp(p.imageID);
    for (const pod of pods) {
      for (const cs of statuses(pod)) {
        const id = String(cs.imageID ?? '');
        if (!re.test(id))
          return done(
            both(
              `pod ${podName(pod)}: container ${String(cs.name)} runs ${id || String(cs.image)}, not the image pushed to the registry`,
              `Pod ${podName(pod)}：容器 ${String(cs.name)} 运行的是 ${id || String(cs.image)}，不是推送到镜像仓库服务的那个镜像`,
            ),
          );
      }
    }
  }
  const first = [...pods].sort((a, b) => podName(a).localeCompare(podName(b)))[0]!;
  for (const x of p.exec) {
    const bad = await runExec(world, ns, podName(first), x);
    if (bad) return done(bad);
  }
  return done();
}
