/**
 * Base images as data: a definition lists the build steps that made the image
 * (the history), which of them produced a layer and which files that layer holds.
 * `materialize` turns a definition into content-addressed images (one per
 * platform) and a multi-arch index, memoised per definition.
 */
import { utf8 } from '../digest.ts';
import { createImage, createIndex, type HistoryEntry, type Image, type ImageIndex, type MediaFlavor, type RunConfig } from '../image.ts';
import { buildLayer, type Layer } from '../layer.ts';
import { TreeBuilder } from '../tree.ts';

export type Arch = 'amd64' | 'arm64';

export interface StepContext {
  arch: Arch;
  /** `x86_64` / `aarch64`. */
  uname: 'x86_64' | 'aarch64';
}

export interface BaseStep {
  /** The history `created_by`, or a function of the layer (for `ADD file:<hash> in /`). */
  createdBy: string | ((layer: Layer) => string);
  comment?: string;
  /** Files of the layer this step produced; omitted = an empty_layer step (ENV, CMD, …). */
  files?: (b: TreeBuilder, ctx: StepContext) => void;
}

export interface BaseImageDef {
  /** Full repository name: `docker.io/library/alpine`. */
  repo: string;
  tags: string[];
  /** RFC 3339 time of the last step; the steps of this image are spaced one second apart before it. */
  created: string;
  /** The parent (its layers and history come first). */
  from?: BaseImageDef;
  steps: BaseStep[];
  config: RunConfig;
  platforms?: Arch[];
  flavor?: MediaFlavor;
  /** A private repository: pulling needs `docker login`. */
  private?: boolean;
}

export interface Materialized {
  def: BaseImageDef;
  /** One image per platform, amd64 first. */
  images: Image[];
  /** Present when the definition has more than one platform. */
  index?: ImageIndex;
}

interface ArchBuild {
  layers: Layer[];
  history: HistoryEntry[];
}

const archMemo = new WeakMap<BaseImageDef, Map<Arch, Promise<ArchBuild>>>();
const matMemo = new WeakMap<BaseImageDef, Promise<Materialized>>();

function ctxOf(arch: Arch): StepContext {
  return { arch, uname: arch === 'amd64' ? 'x86_64' : 'aarch64' };
}

async function buildArch(def: BaseImageDef, arch: Arch): Promise<ArchBuild> {
  let memo = archMemo.get(def);
  if (!memo) archMemo.set(def, (memo = new Map()));
  let p = memo.get(arch);
  if (!p) {
    p = (async () => {
      const parent = def.from ? await buildArch(def.from, arch) : { layers: [], history: [] };
      const layers = [...parent.layers];
      const history = [...parent.history];
      const endMs = Date.parse(def.created);
      const n = def.steps.length;
      for (let i = 0; i < n; i++) {
        const step = def.steps[i]!;
        const ms = endMs - (n - 1 - i) * 1000;
        const created = new Date(ms).toISOString().replace('.000Z', 'Z');
        const entry: HistoryEntry = { created, created_by: '' };
        if (step.files) {
          const b = new TreeBuilder(Math.floor(ms / 1000), utf8);
          step.files(b, ctxOf(arch));
          const layer = await buildLayer(b.tree);
          layers.push(layer);
          entry.created_by = typeof step.createdBy === 'string' ? step.createdBy : step.createdBy(layer);
        } else {
          entry.created_by = typeof step.createdBy === 'string' ? step.createdBy : '';
          entry.empty_layer = true;
        }
        if (step.comment) entry.comment = step.comment;
        history.push(entry);
      }
      return { layers, history };
    })();
    memo.set(arch, p);
  }
  return p;
}

/** Builds (once) the images and index of a definition. */
export function materialize(def: BaseImageDef): Promise<Materialized> {
  let p = matMemo.get(def);
  if (!p) {
    p = (async () => {
      const platforms = def.platforms ?? ['amd64'];
      const images: Image[] = [];
      for (const arch of platforms) {
        const { layers, history } = await buildArch(def, arch);
        images.push(
          await createImage({
            layers,
            history,
            config: def.config,
            created: def.created,
            architecture: arch,
            ...(arch === 'arm64' ? { variant: 'v8' } : {}),
            flavor: def.flavor ?? 'oci',
          }),
        );
      }
      const index = platforms.length > 1 ? await createIndex(images) : undefined;
      return { def, images, ...(index ? { index } : {}) };
    })();
    matMemo.set(def, p);
  }
  return p;
}

/** The conventional legacy-builder history line of a root filesystem layer. */
export const addRootfs = (layer: Layer): string => `/bin/sh -c #(nop) ADD file:${layer.diffId.slice(7)} in / `;

/** A legacy-builder metadata line, e.g. nop('CMD ["/bin/sh"]'). */
export const nop = (instruction: string): string => `/bin/sh -c #(nop)  ${instruction}`;

export const BUILDKIT = 'buildkit.dockerfile.v0';
