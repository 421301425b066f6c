/**
 * COPY / ADD (from the build context, a heredoc, or `--from=<stage>`) and
 * WORKDIR. COPY's cache checksum covers the copied content only, like
 * BuildKit's content-based cache key.
 */
import { fromUtf8, sha256Hex, utf8 } from '../image/digest.ts';
import { OverlayRoot } from '../image/overlay.ts';
import { joinPath, mergeLayers, normPath, parentOf, type Tree } from '../image/tree.ts';
import { minimatch } from 'minimatch';
import { checksum, selectSources, type ContextEntry } from './context.ts';
import type { ParsedDockerfile } from './dockerfile.ts';
import type { DfInstruction } from './dockerfile.ts';
import { stageEnv, StepError, type StageState } from './steps.ts';
import { expandValue, expandWords } from './words.ts';

export interface StageResult {
  state: StageState;
}

interface Source {
  rel: string;
  data?: Uint8Array;
  size: number;
  mode: number;
  kind: 'file' | 'symlink' | 'dir';
  target?: string;
}

/** Files under `src` in a merged stage tree: the file, a directory's contents, or glob matches. */
function fromTree(tree: Tree, src: string): { files: Source[]; isDir: boolean } | undefined {
  const p = normPath(src.startsWith('/') ? src : `/${src}`);
  const toSource = (rel: string, path: string): Source | undefined => {
    const e = tree.get(path);
    if (!e || e.type === 'whiteout') return undefined;
    if (e.type === 'dir') return { rel, size: 0, mode: e.mode, kind: 'dir' };
    if (e.type === 'symlink') return { rel, size: 0, mode: e.mode, kind: 'symlink', target: e.target };
    return { rel, ...(e.data ? { data: e.data } : {}), size: e.size, mode: e.mode, kind: 'file' };
  };
  const own = tree.get(p);
  if (own && own.type !== 'dir' && own.type !== 'whiteout') return { files: [toSource(p.split('/').pop()!, p)!], isDir: false };
  if (own?.type === 'dir' || p === '/') {
    const prefix = p === '/' ? '/' : `${p}/`;
    const files = [...tree.keys()].filter((k) => k.startsWith(prefix)).sort().map((k) => toSource(k.slice(prefix.length), k)!).filter(Boolean);
    return { files, isDir: true };
  }
  if (/[*?[]/.test(p)) {
    const hits = [...tree.keys()].filter((k) => minimatch(k, p)).sort();
    if (hits.length) return { files: hits.map((k) => toSource(k.split('/').pop()!, k)!), isDir: false };
  }
  return undefined;
}

function ownerOf(root: OverlayRoot, spec: string | null | undefined): { uid: number; gid: number } | undefined {
  if (!spec) return undefined;
  const [u, g] = spec.split(':') as [string, string | undefined];
  const lookup = (file: string, name: string): number | undefined => {
    if (/^\d+$/.test(name)) return Number(name);
    const e = root.stat(file);
    const text = e?.type === 'file' && e.data ? fromUtf8(e.data) : '';
    const line = text.split('\n').find((l) => l.startsWith(`${name}:`));
    return line ? Number(line.split(':')[2]) : undefined;
  };
  const uid = lookup('/etc/passwd', u);
  if (uid === undefined) throw new StepError(`failed to copy files: unable to convert uid/gid chown string to host mapping: can't find uid for user ${u}: no such user: ${u}`);
  const gid = g === undefined ? uid : lookup('/etc/group', g);
  if (gid === undefined) throw new StepError(`failed to copy files: unable to convert uid/gid chown string to host mapping: can't find gid for group ${g}: no such group: ${g}`);
  return { uid, gid };
}

export interface CopySetup {
  st: StageState;
  ins: DfInstruction;
  ctx: readonly ContextEntry[];
  stages: ReadonlyMap<number, StageResult>;
  df: ParsedDockerfile;
  nowMs: number;
}

/** Prepares a COPY/ADD: selects sources, computes the content checksum and the layer it adds. */
export async function execCopy({ st, ins, ctx, stages, df, nowMs }: CopySetup): Promise<{ tree: Tree; checksum: string; createdBy: string }> {
  const env = stageEnv(st);
  const kw = ins.keyword;
  const words = ins.heredocs.length ? expandWords(ins.content, env).filter((w) => !w.startsWith('<<')) : (ins.json ?? expandWords(ins.content, env));
  if (ins.heredocs.length === 0 && words.length < 2) {
    throw new StepError(`dockerfile parse error on line ${ins.line}: ${kw} requires at least two arguments, but only one was provided. Destination could not be determined`);
  }
  const dest = words[words.length - 1]!;
  const srcs = ins.heredocs.length ? ins.heredocs.map((h) => h.name) : words.slice(0, -1);
  const fromFlag = ins.flags.get('from');
  const sources: Source[] = [];
  let anyDir = false;
  if (ins.heredocs.length) {
    for (const h of ins.heredocs) sources.push({ rel: h.name, data: utf8(h.content), size: utf8(h.content).length, mode: 0o644, kind: 'file' });
  } else if (fromFlag) {
    const stage = df.stages.find((s) => s.name === fromFlag.toLowerCase()) ?? (/^\d+$/.test(fromFlag) ? df.stages[Number(fromFlag)] : undefined);
    const res = stage ? stages.get(stage.index) : undefined;
    if (!res) throw new StepError(`failed to parse stage name "${fromFlag}": invalid reference format: repository name must be lowercase`);
    const tree = mergeLayers(res.state.layers.map((l) => l.tree));
    for (const s of srcs) {
      const sel = fromTree(tree, expandValue(s, env));
      if (!sel) throw new StepError(`failed to compute cache key: failed to calculate checksum of ref ${(await sha256Hex(res.state.key)).slice(0, 25)}::${(await sha256Hex(s)).slice(0, 25)}: "${normPath(s.startsWith('/') ? s : `/${s}`)}": not found`);
      anyDir ||= sel.isDir;
      sources.push(...sel.files);
    }
  } else {
    for (const s of srcs) {
      const sel = selectSources(ctx, s);
      if (!sel) throw new StepError(`failed to compute cache key: failed to calculate checksum of ref ${(await sha256Hex('context')).slice(0, 25)}::${(await sha256Hex(s)).slice(0, 25)}: "/${s.replace(/^\.?\//, '')}": not found`);
      anyDir ||= sel.isDir;
      for (const f of sel.files) sources.push({ rel: f.rel, data: f.entry.data, size: f.entry.data.length, mode: f.entry.mode, kind: 'file' });
    }
  }
  const sum = await checksum(
    sources.map((s) => ({ rel: `${s.kind}:${s.rel}${s.target ? `->${s.target}` : ''}`, entry: { path: s.rel, data: s.data ?? utf8(`size:${s.size}`), mode: s.mode } })),
  );
  const root = new OverlayRoot(st.layers.map((l) => l.tree), { now: () => nowMs });
  const owner = ownerOf(root, ins.flags.get('chown'));
  const chmod = ins.flags.get('chmod');
  const destAbs = joinPath(st.config.WorkingDir || '/', dest);
  const intoDir = dest.endsWith('/') || srcs.length > 1 || anyDir || root.stat(destAbs)?.type === 'dir';
  for (const s of sources) {
    const to = intoDir ? joinPath(destAbs, s.rel) : destAbs;
    if (!root.stat(parentOf(to))) root.mkdir(parentOf(to), { recursive: true });
    const meta = { mode: chmod ? parseInt(chmod, 8) : s.mode, ...(owner ?? { uid: 0, gid: 0 }) };
    if (s.kind === 'dir') {
      if (!root.stat(to)) root.mkdir(to, { recursive: true, mode: meta.mode });
      if (owner) root.setMeta(to, owner);
    } else if (s.kind === 'symlink') {
      if (root.lstat(to)) root.remove(to, { recursive: true });
      root.symlink(to, s.target!);
    } else {
      root.writeFile(to, s.data ?? { size: s.size }, meta);
    }
  }
  const flags = [...ins.flags].filter(([k]) => k === 'chown' || k === 'chmod').map(([k, v]) => `--${k}=${v} `).join('');
  return { tree: root.toLayerTree(), checksum: `${dest}\0${flags}\0${sum}`, createdBy: `${kw} ${flags}${srcs.join(' ')} ${dest} # buildkit` };
}

/** WORKDIR: the directory (relative to the previous one), created when missing. */
export function execWorkdir(st: StageState, ins: DfInstruction, nowMs: number): { dir: string; tree: Tree } {
  const dir = joinPath(st.config.WorkingDir || '/', expandValue(ins.content, stageEnv(st)));
  const root = new OverlayRoot(st.layers.map((l) => l.tree), { now: () => nowMs });
  if (!root.stat(dir)) root.mkdir(dir, { recursive: true });
  return { dir, tree: root.toLayerTree() };
}
