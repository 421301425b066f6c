/**
 * Output of `docker images`, `docker history` and `docker image inspect`,
 * computed from content. Tables are laid out like the docker CLI's
 * text/tabwriter (minwidth 10, padding 3, no padding after the last column).
 */
import { pathMatch } from '../../oci/pathmatch.ts';
import { familiarName, parseNormalizedNamed } from '../../oci/reference.ts';
import { shortId } from './digest.ts';
import { historyRows } from './image.ts';
import type { GraphDriverData } from './container-fs.ts';
import { ImageStore, type LocalImage } from './store.ts';
import { createdAgo, humanSize } from './units.ts';

/** Lays rows out as Go's tabwriter.NewWriter(w, 10, 1, 3, ' ', 0) does. */
export function tabwrite(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows)
    r.forEach((c, i) => {
      if (i < r.length - 1) widths[i] = Math.max(widths[i] ?? 0, [...c].length + 3, 10);
    });
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]! - ([...c].length - c.length)) : c)).join('') + '\n').join('');
}

/** docker/cli formatter.Ellipsis: cut to `max` display columns, ending with "…". */
export function ellipsis(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  return chars.slice(0, max - 1).join('') + '…';
}

export interface ImagesOptions {
  all?: boolean;
  digests?: boolean;
  quiet?: boolean;
  noTrunc?: boolean;
  /** `--filter dangling=true|false`. */
  dangling?: boolean;
  /** `--filter reference=…` values and the positional REPOSITORY[:TAG] argument (the CLI adds it as one more): patterns, ORed. */
  references?: string[];
  /**
   * before=/until= (an image older than the oldest bound), since= (newer than the newest), label= (all must
   * match): moby@v27.3.1:daemon/images/image_list.go Images, with the bounds resolved by the caller.
   */
  span?: { beforeMs?: number; sinceMs?: number; labels?: (labels: Record<string, string> | undefined) => boolean };
  nowMs: number;
}

interface Row {
  /** Full repository name (docker.io/library/alpine), '' for a dangling row. */
  name: string;
  repo: string;
  tag: string;
  digest: string;
  li: LocalImage;
}

function splitKey(key: string): { name: string; tag: string } {
  const at = key.indexOf('@');
  if (at >= 0) return { name: key.slice(0, at), tag: key.slice(at + 1) };
  const i = key.lastIndexOf(':');
  return { name: key.slice(0, i), tag: key.slice(i + 1) };
}

function familiarRepo(name: string): string {
  return familiarName(parseNormalizedNamed(name));
}

/**
 * moby@v27.3.1:daemon/images/image_list.go Images: with reference patterns, an image keeps the
 * tags and digests one of them matches (distribution/reference FamiliarMatch: Go's path.Match
 * on the familiar `name:tag` or `name@digest`, then on the familiar name), and an image none
 * of whose references matches is left out, a dangling one too. A malformed pattern is the
 * daemon's `syntax error in pattern` (BadPattern, thrown), once there is a reference to test.
 */
function referenceMatch(patterns: string[], familiar: string, name: string): boolean {
  for (const p of patterns) {
    if (pathMatch(p, familiar)) return true;
    try {
      if (pathMatch(p, name)) return true;
    } catch {
      // FamiliarMatch ignores the second match's error.
    }
  }
  return false;
}

/** The rows of `docker images`, newest first, one per repository:tag (plus `<none>` rows). */
export function imageRows(store: ImageStore, opts: ImagesOptions): Row[] {
  const rows: Row[] = [];
  const refs = opts.references?.length ? opts.references : undefined;
  for (const li of store.all().sort((a, b) => b.createdMs - a.createdMs || (a.image.id < b.image.id ? -1 : 1))) {
    const dangling = ImageStore.dangling(li);
    if (opts.dangling === true && !dangling) continue;
    if (opts.dangling === false && dangling) continue;
    const w = opts.span;
    if (w?.beforeMs !== undefined && !(li.createdMs < w.beforeMs)) continue;
    if (w?.sinceMs !== undefined && !(li.createdMs > w.sinceMs)) continue;
    if (w?.labels && !w.labels(li.image.config.config.Labels)) continue;
    const keep = (name: string, sep: string, tag: string) => !refs || referenceMatch(refs, `${familiarRepo(name)}${sep}${tag}`, familiarRepo(name));
    const digestsByRepo = new Map<string, string>();
    for (const d of li.digests) {
      const { name, tag } = splitKey(d);
      if (keep(name, '@', tag)) digestsByRepo.set(name, tag);
    }
    const tags = [...li.tags]
      .sort()
      .map(splitKey)
      .filter((t) => keep(t.name, ':', t.tag));
    if (refs && !tags.length && !digestsByRepo.size) continue;
    const tagged = new Set<string>();
    for (const { name, tag } of tags) {
      tagged.add(name);
      rows.push({ name, repo: familiarRepo(name), tag, digest: digestsByRepo.get(name) ?? '<none>', li });
    }
    for (const [name, digest] of [...digestsByRepo].sort()) {
      if (!tagged.has(name)) rows.push({ name, repo: familiarRepo(name), tag: '<none>', digest, li });
    }
    if (dangling) rows.push({ name: '', repo: '<none>', tag: '<none>', digest: '<none>', li });
  }
  return rows;
}

/** `docker images [--digests] [-q] [--no-trunc] [--filter dangling=…] [REPOSITORY[:TAG]]`. */
export function formatImages(store: ImageStore, opts: ImagesOptions): string {
  const rows = imageRows(store, opts);
  const id = (li: LocalImage) => (opts.noTrunc ? li.image.id : shortId(li.image.id));
  if (opts.quiet) return rows.map((r) => id(r.li) + '\n').join('');
  const header = opts.digests ? ['REPOSITORY', 'TAG', 'DIGEST', 'IMAGE ID', 'CREATED', 'SIZE'] : ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'];
  const body = rows.map((r) => {
    const cells = [r.repo, r.tag];
    if (opts.digests) cells.push(r.digest);
    cells.push(id(r.li), createdAgo(r.li.createdMs, opts.nowMs), humanSize(r.li.image.size));
    return cells;
  });
  return tabwrite([header, ...body]);
}

/** `docker history [--no-trunc] [-q] [-H=false] IMAGE`. */
export function formatHistory(li: LocalImage, opts: { noTrunc?: boolean; quiet?: boolean; human?: boolean; nowMs: number }): string {
  const rows = historyRows(li.image);
  const ids = rows.map((_, i) => (i === 0 ? (opts.noTrunc ? li.image.id : shortId(li.image.id)) : '<missing>'));
  if (opts.quiet) return ids.map((i) => i + '\n').join('');
  const human = opts.human ?? true;
  const body = rows.map((r, i) => {
    const createdBy = (r.entry.created_by ?? '').replaceAll('\t', ' ');
    const ms = Date.parse(r.entry.created);
    return [
      ids[i]!,
      human ? createdAgo(ms, opts.nowMs) : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      opts.noTrunc ? createdBy : ellipsis(createdBy, 45),
      human ? humanSize(r.size) : String(r.size),
      r.entry.comment ?? '',
    ];
  });
  return tabwrite([['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'], ...body]);
}

/**
 * The document `docker image inspect` prints (one element of the JSON array).
 * Pass `graphDriver` from `await imageGraphDriver(li.image)` for the overlay2 paths.
 */
export function inspectImage(li: LocalImage, graphDriver: GraphDriverData | null = null): Record<string, unknown> {
  const { image } = li;
  const c = image.config;
  return {
    Id: image.id,
    RepoTags: ImageStore.repoTags(li),
    RepoDigests: ImageStore.repoDigests(li),
    Parent: '',
    // An imported image's config has its own comment and docker_version (moby@v27.3.1:daemon/images/image_import.go).
    Comment: (c as { comment?: string }).comment ?? c.history[c.history.length - 1]?.comment ?? '',
    Created: c.created,
    DockerVersion: (c as { docker_version?: string }).docker_version ?? '',
    Author: c.author ?? '',
    Config: {
      Hostname: '',
      Domainname: '',
      User: c.config.User ?? '',
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ...(c.config.ExposedPorts ? { ExposedPorts: c.config.ExposedPorts } : {}),
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: c.config.Env ?? null,
      Cmd: c.config.Cmd ?? null,
      ...(c.config.Healthcheck ? { Healthcheck: c.config.Healthcheck } : {}),
      ...(c.config.ArgsEscaped ? { ArgsEscaped: true } : {}),
      Image: '',
      Volumes: c.config.Volumes ?? null,
      WorkingDir: c.config.WorkingDir ?? '',
      Entrypoint: c.config.Entrypoint ?? null,
      OnBuild: c.config.OnBuild ?? null,
      Labels: c.config.Labels ?? null,
      ...(c.config.StopSignal ? { StopSignal: c.config.StopSignal } : {}),
      ...(c.config.Shell ? { Shell: c.config.Shell } : {}),
    },
    Architecture: c.architecture,
    ...(c.variant ? { Variant: c.variant } : {}),
    Os: c.os,
    Size: image.size,
    GraphDriver: {
      Data: graphDriver,
      Name: 'overlay2',
    },
    RootFS: { Type: 'layers', Layers: [...c.rootfs.diff_ids] },
    Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
  };
}
