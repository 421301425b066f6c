/**
 * One build stage's state and the effect of each instruction on it:
 * metadata instructions change the image config and add an empty history
 * entry; RUN, COPY/ADD and WORKDIR run against an overlay of the stage's
 * layers and keep the upperdir as a new layer (none if it stayed empty).
 */
import type { HealthConfig, HistoryEntry, RunConfig } from '../image/image.ts';
import type { Layer } from '../image/layer.ts';
import { OverlayRoot } from '../image/overlay.ts';
import { joinPath, type Tree } from '../image/tree.ts';
import type { DfInstruction } from './dockerfile.ts';
import type { AptMirror } from './packages.ts';
import { runShell, type ShellContext } from './shell.ts';
import './tools.ts';
import './tools-dev.ts';
import { expandValue, expandWords, type Env } from './words.ts';

export interface StageState {
  layers: Layer[];
  history: HistoryEntry[];
  config: RunConfig;
  /** ARGs declared in this stage, in order, with their values. */
  args: [string, string][];
  /** Cache key of the last filesystem-changing step. */
  key: string;
  /** ms of the newest history entry (metadata entries reuse it). */
  lastCreatedMs: number;
  /** Whether CMD was set in this stage (ENTRYPOINT resets an inherited CMD). */
  cmdSet: boolean;
}

export class StepError extends Error {
  constructor(
    message: string,
    readonly log: { ms: number; text: string }[] = [],
  ) {
    super(message);
  }
}

/** Config Env plus the stage's ARGs: what RUN sees and what `$VAR` expands to. */
export function stageEnv(st: StageState): Map<string, string> {
  const env = new Map<string, string>();
  for (const [k, v] of st.args) env.set(k, v);
  for (const kv of st.config.Env ?? []) {
    const i = kv.indexOf('=');
    env.set(kv.slice(0, i), kv.slice(i + 1));
  }
  return env;
}

function setEnv(config: RunConfig, key: string, value: string): void {
  const env = (config.Env ?? []).filter((kv) => !kv.startsWith(`${key}=`));
  const at = (config.Env ?? []).findIndex((kv) => kv.startsWith(`${key}=`));
  if (at >= 0) env.splice(at, 0, `${key}=${value}`);
  else env.push(`${key}=${value}`);
  config.Env = env;
}

/** Go's %q of a string slice: ["a" "b"]. */
export function goQuoteList(xs: readonly string[]): string {
  return `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`;
}

function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const s = ns / 1e9;
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  const rest = s - m * 60;
  return rest ? `${m}m${rest}s` : `${m}m0s`;
}

function parseDuration(text: string, line: number): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/.exec(text);
  if (!m || text === '') throw new StepError(`dockerfile parse error on line ${line}: time: invalid duration "${text}"`);
  return ((Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000 + Number(m[4] ?? 0)) * 1e6;
}

function commandForm(ins: DfInstruction, shell: string[]): string[] {
  return ins.json ?? [...shell, ins.content];
}

/** Applies a metadata instruction; returns its history `created_by`. */
export function applyMetadata(st: StageState, ins: DfInstruction, buildArgs: Env, metaArgs: Env): string {
  const env = stageEnv(st);
  const c = st.config;
  const shell = c.Shell ?? ['/bin/sh', '-c'];
  switch (ins.keyword) {
    case 'ENV': {
      const pairs = (ins.props ?? []).map(([k, v]): [string, string] => [k, v === null ? '' : expandValue(v, env)]);
      for (const [k, v] of pairs) {
        setEnv(c, k, v);
        env.set(k, v);
      }
      return `ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`;
    }
    case 'ARG': {
      const out: string[] = [];
      for (const [k, v] of ins.props ?? []) {
        const value = buildArgs.get(k) ?? (v === null ? metaArgs.get(k) : expandValue(v, env));
        st.args = st.args.filter(([a]) => a !== k);
        if (value !== undefined) st.args.push([k, value]);
        out.push(value === undefined ? k : `${k}=${value}`);
      }
      return `ARG ${out.join(' ')}`;
    }
    case 'LABEL': {
      const pairs = (ins.props ?? []).map(([k, v]): [string, string] => [expandValue(k, env), v === null ? '' : expandValue(v, env)]);
      c.Labels = { ...(c.Labels ?? {}) };
      for (const [k, v] of pairs) c.Labels[k] = v;
      return `LABEL ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`;
    }
    case 'EXPOSE': {
      const ports = expandWords(ins.content, env).map((p) => (p.includes('/') ? p.toLowerCase() : `${p}/tcp`));
      c.ExposedPorts = { ...(c.ExposedPorts ?? {}) };
      for (const p of ports) c.ExposedPorts[p] = {};
      return `EXPOSE map[${ports.sort().map((p) => `${p}:{}`).join(' ')}]`;
    }
    case 'USER':
      c.User = expandValue(ins.content, env);
      return `USER ${c.User}`;
    case 'STOPSIGNAL':
      c.StopSignal = expandValue(ins.content, env);
      return `STOPSIGNAL ${c.StopSignal}`;
    case 'VOLUME': {
      const vols = ins.json ?? expandWords(ins.content, env);
      c.Volumes = { ...(c.Volumes ?? {}) };
      for (const v of vols) c.Volumes[v] = {};
      return `VOLUME [${vols.join(' ')}]`;
    }
    case 'CMD':
      c.Cmd = commandForm(ins, shell);
      st.cmdSet = true;
      return `CMD ${goQuoteList(c.Cmd)}`;
    case 'ENTRYPOINT':
      c.Entrypoint = commandForm(ins, shell);
      if (!st.cmdSet) c.Cmd = null;
      return `ENTRYPOINT ${goQuoteList(c.Entrypoint)}`;
    case 'SHELL':
      if (!ins.json) throw new StepError(`dockerfile parse error on line ${ins.line}: SHELL requires the arguments to be in JSON form`);
      c.Shell = ins.json;
      return `SHELL ${goQuoteList(ins.json)}`;
    case 'MAINTAINER':
      return `MAINTAINER ${ins.content}`;
    case 'ONBUILD':
      c.OnBuild = [...(c.OnBuild ?? []), ins.content];
      return `ONBUILD ${ins.content}`;
    case 'HEALTHCHECK': {
      const words = ins.content.trim();
      if (/^NONE$/i.test(words)) {
        c.Healthcheck = { Test: ['NONE'] };
        return `HEALTHCHECK &{["NONE"] "0s" "0s" "0s" "0s" '\\x00'}`;
      }
      const body = words.replace(/^CMD\s+/i, '');
      const json = (() => {
        try {
          const v: unknown = JSON.parse(body);
          return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
        } catch {
          return undefined;
        }
      })();
      const hc: HealthConfig = { Test: json ? ['CMD', ...json] : ['CMD-SHELL', body] };
      const d = (k: string) => {
        const v = ins.flags.get(k);
        return v ? parseDuration(v, ins.line) : 0;
      };
      const retries = Number(ins.flags.get('retries') ?? 0);
      if (d('interval')) hc.Interval = d('interval');
      if (d('timeout')) hc.Timeout = d('timeout');
      if (d('start-period')) hc.StartPeriod = d('start-period');
      if (d('start-interval')) hc.StartInterval = d('start-interval');
      if (retries) hc.Retries = retries;
      c.Healthcheck = hc;
      const q = `'\\x${retries.toString(16).padStart(2, '0')}'`;
      return `HEALTHCHECK &{${goQuoteList(hc.Test)} "${goDuration(d('interval'))}" "${goDuration(d('timeout'))}" "${goDuration(d('start-period'))}" "${goDuration(d('start-interval'))}" ${q}}`;
    }
    default:
      throw new StepError(`not a metadata instruction: ${ins.keyword}`);
  }
}

export interface RunSetup {
  st: StageState;
  ins: DfInstruction;
  mirror: AptMirror;
  nowMs: number;
}

/** The argv BuildKit runs for a RUN (shell form through the stage's SHELL). */
export function runArgv(st: StageState, ins: DfInstruction): string[] {
  if (ins.heredocs.length) return [...(st.config.Shell ?? ['/bin/sh', '-c']), ins.heredocs.map((h) => h.content).join('')];
  return commandForm(ins, st.config.Shell ?? ['/bin/sh', '-c']);
}

/** Runs a RUN step on an overlay of the stage's layers; returns the upper tree (the new layer's content). */
export function execRun({ st, ins, mirror, nowMs }: RunSetup): { tree: Tree; ms: number; log: { ms: number; text: string }[] } {
  const root = new OverlayRoot(st.layers.map((l) => l.tree), { now: () => nowMs });
  const argv = runArgv(st, ins);
  const shellPath = argv[0]!;
  const log: { ms: number; text: string }[] = [];
  if (!root.stat(shellPath)) {
    throw new StepError(
      `process "${argv.join(' ')}" did not complete successfully: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${shellPath}": stat ${shellPath}: no such file or directory: unknown`,
    );
  }
  const flavor = root.stat('/bin/busybox') ? 'busybox' : 'dash';
  const ctx: ShellContext = { root, env: stageEnv(st), cwd: st.config.WorkingDir || '/', mirror, log, elapsed: 100, flavor };
  if (!ctx.env.has('HOME')) ctx.env.set('HOME', '/root');
  const script = ins.json && !ins.heredocs.length ? ins.json.map((a) => (/[\s'"]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a)).join(' ') : argv[argv.length - 1]!;
  const rc = runShell(script, ctx);
  if (rc !== 0) throw new StepError(`process "${argv.join(' ')}" did not complete successfully: exit code: ${rc}`, log);
  for (const mount of ins.flags.has('mount') ? [ins.flags.get('mount') ?? ''] : []) {
    const target = /(?:^|,)(?:target|dst|destination)=([^,]+)/.exec(mount)?.[1];
    if (/(?:^|,)type=cache/.test(mount) && target) {
      const t = joinPath(st.config.WorkingDir || '/', target);
      for (const k of [...root.upper.keys()]) if (k.startsWith(t + '/')) root.upper.delete(k);
    }
  }
  return { tree: root.toLayerTree(), ms: ctx.elapsed, log };
}
