/**
 * `docker build`: BuildKit's model on the simulated image store.
 *
 * Cache keys chain like BuildKit's: each filesystem step's key is
 * sha256(parent key, instruction, environment) and COPY/ADD key on the
 * CONTENT of the files they copy (paths, modes, bytes; never mtimes), so
 * editing a source file only invalidates the steps from the COPY that sees
 * it. A cached step reuses the same layer and the same history time, so a
 * fully cached rebuild gives the same image ID.
 */
import { familiarString, parseNormalizedNamed, referenceString, tagNameOnly } from '../../oci/reference.ts';
import { fromUtf8, sha256Hex } from '../image/digest.ts';
import { createImage, rfc3339, type Image, type RunConfig } from '../image/image.ts';
import { buildLayer, type Layer } from '../image/layer.ts';
import { Registry } from '../image/registry.ts';
import type { ImageService } from '../image/service.ts';
import { tagKey, type CmdResult, type LocalImage } from '../image/store.ts';
import { humanSize } from '../image/units.ts';
import { contextBytes, loadContext, type BuildContext } from './context.ts';
import { DockerfileError, parseDockerfile, vertexName, type DfStage, type ParsedDockerfile } from './dockerfile.ts';
import { renderExcerpt, renderLogBox, renderPlain, renderProgress, type Vertex } from './output.ts';
import { AptMirror } from './packages.ts';
import { applyMetadata, execRun, runArgv, StepError, type StageState } from './steps.ts';
import { execCopy, execWorkdir, type StageResult } from './copy.ts';
import { expandValue } from './words.ts';

export interface BuildOptions {
  context: BuildContext;
  /** `-f`: path of the Dockerfile in the context (default `Dockerfile`). */
  file?: string;
  /** `-t`, repeatable. */
  tags?: readonly string[];
  buildArgs?: Readonly<Record<string, string>>;
  noCache?: boolean;
  target?: string;
  /** The simulated clock at the start of the build. */
  nowMs: number;
  /** Terminal width for the progress screen (default 80). */
  columns?: number;
  /** `--progress`: `tty` (the settled screen, default) or `plain`. */
  progress?: 'tty' | 'plain';
}

export interface BuildResult extends CmdResult {
  image?: LocalImage;
  /** Simulated seconds the build took (the number in `[+] Building 0.9s`). */
  seconds: number;
}

interface CacheRecord {
  layer?: Layer;
  createdMs: number;
  createdBy: string;
}

const METADATA = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE', 'USER', 'STOPSIGNAL', 'VOLUME', 'CMD', 'ENTRYPOINT', 'SHELL', 'MAINTAINER', 'ONBUILD', 'HEALTHCHECK']);
const FS_STEPS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

class BuildFailure extends Error {
  constructor(
    message: string,
    readonly at?: { vertex: Vertex; log: { ms: number; text: string }[]; line: number; endLine: number },
  ) {
    super(message);
  }
}

export class Builder {
  /** BuildKit's cache: key → result. Survives across builds until `docker builder prune`. */
  readonly cache = new Map<string, CacheRecord>();
  /** Base images BuildKit has fetched into its own content store (not in `docker images`, as with the classic store). */
  private readonly fetched = new Set<string>();

  constructor(
    readonly images: ImageService,
    readonly mirror: AptMirror = new AptMirror(),
  ) {}

  /** `docker builder prune -f`. */
  prune(): CmdResult {
    let bytes = 0;
    for (const r of this.cache.values()) bytes += r.layer?.size ?? 0;
    const n = this.cache.size;
    this.cache.clear();
    return { stdout: n ? `Total:\t${humanSize(bytes)}\n` : 'Total:\t0B\n', stderr: '', exitCode: 0 };
  }

  async build(opts: BuildOptions): Promise<BuildResult> {
    for (const t of opts.tags ?? []) {
      try {
        if (parseNormalizedNamed(t).digest) throw new Error('invalid reference format');
      } catch (e) {
        return { stdout: '', stderr: `invalid argument "${t}" for "-t, --tag" flag: ${(e as Error).message}\nSee 'docker build --help'.\n`, exitCode: 125, seconds: 0 };
      }
    }
    const vertices: Vertex[] = [];
    const file = opts.file ?? 'Dockerfile';
    const dfFile = opts.context.get(file);
    const dfText = dfFile ? (typeof dfFile.data === 'string' ? dfFile.data : fromUtf8(dfFile.data)) : undefined;
    vertices.push({ name: `[internal] load build definition from ${file.split('/').pop()}`, duration: 0, subs: [{ name: `transferring dockerfile: ${dfText === undefined ? 2 : byteLen(dfText)}B`, duration: 0 }] });
    const screen = () => (opts.progress === 'plain' ? renderPlain(vertices) : renderProgress(vertices, { width: opts.columns ?? 80, finished: true }));
    const finish = (err?: BuildFailure, df?: ParsedDockerfile): BuildResult => {
      if (err?.at) err.at.vertex.errorMessage = err.message;
      let text = screen();
      if (err?.at) text += renderLogBox(err.at.vertex.name, err.at.log);
      if (err?.at && df) text += renderExcerpt(file.split('/').pop()!, df.lines, err.at.line, err.at.endLine);
      if (err) text += `ERROR: failed to solve: ${err.message}\n`;
      return { stdout: '', stderr: text, exitCode: err ? 1 : 0, seconds: vertices.reduce((n, v) => n + v.duration, 0) };
    };
    if (dfText === undefined) return finish(new BuildFailure(`failed to read dockerfile: open ${file}: no such file or directory`));
    let df: ParsedDockerfile;
    try {
      df = parseDockerfile(dfText);
    } catch (e) {
      if (!(e instanceof DockerfileError)) throw e;
      const err = new BuildFailure(e.message);
      let text = screen();
      if (e.line > 0) text += renderExcerpt(file.split('/').pop()!, dfText.split('\n'), e.line, e.line);
      text += `ERROR: failed to solve: ${err.message}\n`;
      return { stdout: '', stderr: text, exitCode: 1, seconds: 0 };
    }
    try {
      const image = await this.run(df, opts, vertices);
      const li = await this.images.store.add(image);
      const names: string[] = [];
      // moby@v27.3.1:builder/builder-next/exporter/mobyexporter/export.go: TagImage for each name (images/image_tag.go
      // logs `tag`, name familiar), then ImageExportedCallback (daemon/build.go ImageExportedByBuildkit: `create`).
      const labels = image.config.config.Labels ?? {};
      for (const t of opts.tags ?? []) {
        const ref = tagNameOnly(parseNormalizedNamed(t));
        this.images.store.setTag(tagKey(ref), image.id);
        names.push(referenceString(ref));
        this.images.onEvent('tag', image.id, { ...labels, name: familiarString(ref) });
      }
      this.images.onEvent('create', image.id, { ...labels, name: image.id });
      const anyNew = vertices.some((v) => v.counted !== false && !v.cached && /^\[.*\] (RUN|COPY|ADD|WORKDIR)/.test(v.name));
      vertices.push({
        name: 'exporting to image',
        duration: anyNew ? 0.1 : 0.0,
        subs: [{ name: 'exporting layers', duration: anyNew ? 0.1 : 0.0 }, { name: `writing image ${image.id}`, duration: 0 }, ...names.map((n) => ({ name: `naming to ${n}`, duration: 0 }))],
      });
      return { ...finish(undefined, df), image: li };
    } catch (e) {
      if (e instanceof BuildFailure) return finish(e, df);
      if (e instanceof DockerfileError || e instanceof StepError) return finish(new BuildFailure(e.message), df);
      throw e;
    }
  }

  /**
   * Resolves a FROM image as BuildKit does on every build ("load metadata"):
   * a local image without a registry digest is used as is; otherwise the
   * registry says which digest the tag points at now (a moved tag is seen).
   */
  private async resolveBase(name: string): Promise<{ image: Image; digest: string; display: string; fetched: boolean }> {
    const ref = tagNameOnly(parseNormalizedNamed(name));
    const display = referenceString(ref);
    const local = this.images.store.lookup(display);
    if (local && !ref.digest && local.digests.size === 0) return { image: local.image, digest: local.image.id, display, fetched: false };
    await this.images.registry.load(ref.domain, ref.path);
    const res = this.images.registry.resolve(ref.domain, ref.path, ref.digest ? { digest: ref.digest } : { tag: ref.tag }, this.images.logins.has(ref.domain));
    if (!res.ok) {
      if (local) return { image: local.image, digest: local.image.id, display, fetched: false };
      const msg =
        res.reason === 'denied'
          ? `${display}: failed to resolve source metadata for ${display}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
          : `${display}: failed to resolve source metadata for ${display}: ${display}: not found`;
      throw new BuildFailure(msg);
    }
    const image = Registry.platformImage(res.record, this.images.arch);
    if (!image) throw new BuildFailure(`${display}: no match for platform in manifest ${res.record.digest}: not found`);
    const fetched = !this.fetched.has(image.id);
    this.fetched.add(image.id);
    return { image, digest: res.record.digest, display, fetched };
  }

  /** Stages the target needs, in Dockerfile order. */
  private neededStages(df: ParsedDockerfile, target: DfStage, metaEnv: Map<string, string>): DfStage[] {
    const need = new Set<number>();
    const byName = (n: string) => df.stages.find((s) => s.name === n.toLowerCase()) ?? (/^\d+$/.test(n) ? df.stages[Number(n)] : undefined);
    const visit = (s: DfStage) => {
      if (need.has(s.index)) return;
      need.add(s.index);
      const base = byName(expandValue(s.base, metaEnv));
      if (base && base.index < s.index) visit(base);
      for (const ins of s.instructions) {
        const from = ins.flags.get('from');
        if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && from) {
          const dep = byName(from);
          if (dep && dep.index < s.index) visit(dep);
        }
      }
    };
    visit(target);
    return df.stages.filter((s) => need.has(s.index));
  }

  private async run(df: ParsedDockerfile, opts: BuildOptions, vertices: Vertex[]): Promise<Image> {
    const buildArgs = new Map(Object.entries(opts.buildArgs ?? {}));
    const metaEnv = new Map<string, string>();
    for (const a of df.metaArgs) for (const [k, v] of a.props ?? []) {
      const val = buildArgs.get(k) ?? (v === null ? undefined : expandValue(v, metaEnv));
      if (val !== undefined) metaEnv.set(k, val);
    }
    const target = opts.target ? df.stages.find((s) => s.name === opts.target!.toLowerCase()) : df.stages[df.stages.length - 1];
    if (!target) throw new BuildFailure(`target stage "${opts.target}" could not be found`);
    const stages = this.neededStages(df, target, metaEnv);
    const stageName = (s: DfStage) => (stages.length > 1 ? `${s.name ?? `stage-${s.index}`} ` : '');
    const isStageRef = (n: string) => df.stages.some((s) => s.name === n.toLowerCase());
    // metadata of external bases, .dockerignore, FROM vertices, build context
    const baseNames = stages.map((s) => expandValue(s.base, metaEnv)).filter((n) => n !== 'scratch' && !isStageRef(n));
    for (const n of [...new Set(baseNames)]) vertices.push({ name: `[internal] load metadata for ${referenceString(tagNameOnly(parseNormalizedNamed(n)))}`, duration: 0.6 });
    vertices.push({ name: '[internal] load .dockerignore', duration: 0, subs: [{ name: `transferring context: ${opts.context.get('.dockerignore') ? byteLen(String(opts.context.get('.dockerignore')!.data)) : 2}B`, duration: 0 }] });
    const counts = new Map(stages.map((s) => [s.index, (isStageRef(expandValue(s.base, metaEnv)) || expandValue(s.base, metaEnv) === 'scratch' ? 0 : 1) + s.instructions.filter((i) => FS_STEPS.has(i.keyword)).length]));
    const results = new Map<number, StageResult>();
    const states = new Map<number, StageState>();
    for (const s of stages) {
      const base = expandValue(s.base, metaEnv);
      if (base === 'scratch') {
        states.set(s.index, { layers: [], history: [], config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] }, args: [], key: 'scratch', lastCreatedMs: opts.nowMs, cmdSet: false });
        continue;
      }
      if (isStageRef(base)) continue;
      const b = await this.resolveBase(base);
      const subs = b.fetched ? [{ name: `resolve ${b.display}@${b.digest}`, duration: 0 }, ...b.image.layers.map((l) => ({ name: `extracting ${l.digest}`, duration: 0.1 }))] : [];
      vertices.push({ name: `[${stageName(s)}1/${counts.get(s.index)}] FROM ${b.display}@${b.digest}`, duration: b.fetched ? 0.2 + 0.1 * b.image.layers.length : 0, subs });
      states.set(s.index, {
        layers: [...b.image.layers],
        history: [...b.image.config.history],
        config: structuredCloneConfig(b.image.config.config),
        args: [],
        key: await sha256Hex(`FROM ${b.digest}`),
        lastCreatedMs: Date.parse(b.image.config.created),
        cmdSet: false,
      });
    }
    const ctxEntries = loadContext(opts.context);
    if (stages.some((s) => s.instructions.some((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.get('from') && !i.heredocs.length))) {
      vertices.push({ name: '[internal] load build context', duration: 0, subs: [{ name: `transferring context: ${humanSize(contextBytes(ctxEntries))}`, duration: 0 }] });
    }
    let clock = opts.nowMs;
    for (const s of stages) {
      const base = expandValue(s.base, metaEnv);
      if (isStageRef(base)) {
        const from = results.get(df.stages.find((x) => x.name === base.toLowerCase())!.index)!;
        states.set(s.index, { ...from.state, layers: [...from.state.layers], history: [...from.state.history], config: structuredCloneConfig(from.state.config), args: [] });
      }
      const st = states.get(s.index)!;
      let step = base === 'scratch' || isStageRef(base) ? 0 : 1;
      for (const ins of s.instructions) {
        if (METADATA.has(ins.keyword)) {
          let createdBy: string;
          try {
            createdBy = applyMetadata(st, ins, buildArgs, metaEnv);
          } catch (e) {
            throw new BuildFailure((e as Error).message, { vertex: { name: vertexName(ins), duration: 0 }, log: [], line: ins.line, endLine: ins.endLine });
          }
          st.history.push({ created: rfc3339(st.lastCreatedMs), created_by: createdBy, comment: 'buildkit.dockerfile.v0', empty_layer: true });
          continue;
        }
        step++;
        const name = `[${stageName(s)}${step}/${counts.get(s.index)}] ${vertexName(ins)}`;
        const vertex: Vertex = { name, duration: 0 };
        vertices.push(vertex);
        const fail = (e: unknown): never => {
          vertex.error = true;
          if (e instanceof StepError) {
            vertex.log = e.log;
            throw new BuildFailure(e.message, { vertex, log: e.log, line: ins.line, endLine: ins.endLine });
          }
          throw e;
        };
        let key: string;
        let produce: () => Promise<{ tree?: Map<string, import('../image/tree.ts').Entry>; ms: number; createdBy: string }>;
        const env = [...(st.config.Env ?? [])].sort().join('\n');
        if (ins.keyword === 'RUN') {
          const argv = runArgv(st, ins);
          const prefix = st.args.length ? `|${st.args.length} ${st.args.map(([k, v]) => `${k}=${v}`).join(' ')} ` : '';
          const createdBy = `RUN ${prefix}${argv.join(' ')} # buildkit`;
          key = await sha256Hex(`${st.key}\nRUN ${JSON.stringify(argv)}\n${env}\n${JSON.stringify(st.args)}\n${st.config.WorkingDir ?? ''}\n${st.config.User ?? ''}\n${ins.flags.get('mount') ?? ''}`);
          produce = async () => {
            try {
              const r = execRun({ st, ins, mirror: this.mirror, nowMs: clock });
              vertex.log = r.log;
              return { tree: r.tree, ms: r.ms, createdBy };
            } catch (e) {
              if (e instanceof StepError) vertex.duration = 0.1 + (e.log.at(-1)?.ms ?? 0) / 1000;
              return fail(e);
            }
          };
        } else if (ins.keyword === 'WORKDIR') {
          const r = execWorkdir(st, ins, clock);
          key = await sha256Hex(`${st.key}\nWORKDIR ${r.dir}`);
          produce = async () => ({ tree: r.tree, ms: 0, createdBy: `WORKDIR ${r.dir}` });
        } else {
          let prepared;
          try {
            prepared = await execCopy({ st, ins, ctx: ctxEntries, stages: results, df, nowMs: clock });
          } catch (e) {
            return fail(e);
          }
          key = await sha256Hex(`${st.key}\n${ins.keyword} ${prepared.checksum}`);
          produce = async () => ({ tree: prepared.tree, ms: 100, createdBy: prepared.createdBy });
        }
        const hit = opts.noCache ? undefined : this.cache.get(key);
        let rec: CacheRecord;
        if (hit) {
          vertex.cached = true;
          rec = hit;
        } else {
          const r = await produce();
          clock += r.ms;
          vertex.duration = Math.round(r.ms / 100) / 10;
          const layer = r.tree && r.tree.size > 0 ? await buildLayer(r.tree) : undefined;
          rec = { ...(layer ? { layer } : {}), createdMs: clock, createdBy: r.createdBy };
          this.cache.set(key, rec);
        }
        if (ins.keyword === 'WORKDIR') st.config.WorkingDir = rec.createdBy.slice('WORKDIR '.length);
        st.key = key;
        st.lastCreatedMs = rec.createdMs;
        if (rec.layer) st.layers.push(rec.layer);
        st.history.push({ created: rfc3339(rec.createdMs), created_by: rec.createdBy, comment: 'buildkit.dockerfile.v0', ...(rec.layer ? {} : { empty_layer: true }) });
      }
      results.set(s.index, { state: st });
    }
    const final = results.get(target.index)!.state;
    return createImage({ layers: final.layers, history: final.history, config: final.config, created: rfc3339(final.lastCreatedMs) });
  }
}

function structuredCloneConfig(c: RunConfig): RunConfig {
  return JSON.parse(JSON.stringify(c)) as RunConfig;
}

function byteLen(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

