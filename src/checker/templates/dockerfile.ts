/** Templates for Dockerfile rules. Positions are instruction lines (1-based). */
import { parseNormalizedNamed } from '../../oci/reference.ts';
import { noParams, regex, regexList } from '../schema-parts.ts';
import { finalChain, runCommands, type DfInstruction, type DockerfileModel, type DfStage } from '../parse/dockerfile-model.ts';
import { dockerfileTemplate, type Hit, type Zod } from '../rule.ts';

/** Base images known to run as a non-root user without a USER line (regular expressions). */
export const nonRootBases = (z: Zod) =>
  regexList(z).default([]).describe('Regular expressions for base images that already run as a non-root user (distroless :nonroot, Chainguard).');

const at = (ins: DfInstruction, extra: Partial<Hit> = {}): Hit => ({ path: `/instructions/${ins.index}`, line: ins.line, column: ins.column, ...extra });

function matchesAny(s: string, patterns: string[]): boolean {
  return patterns.some((p) => new RegExp(p, 'i').test(s));
}

/** FROM names a tag that is not latest (or a digest); `digest` mode requires a digest. */
export const fromPinned = dockerfileTemplate(
  (z) =>
    z
      .object({
        require: z.enum(['tag', 'digest']).describe('tag: a tag that is not latest, or a digest; digest: pinned by digest.'),
      })
      .strict(),
  (df, p) => {
    const hits: Hit[] = [];
    for (const s of df.stages) {
      if (s.baseStage !== null || s.image.toLowerCase() === 'scratch' || s.image === '') continue;
      let ref;
      try {
        ref = parseNormalizedNamed(s.image);
      } catch (e) {
        if (p.require === 'tag')
          hits.push(
            at(s.from, {
              value: s.image,
              vars: { problem: { en: `is not a valid reference: ${(e as Error).message}`, 'zh-cn': `不是合法的引用：${(e as Error).message}` } },
            }),
          );
        continue;
      }
      if (p.require === 'digest') {
        if (!ref.digest) hits.push(at(s.from, { value: s.image }));
      } else if (!ref.tag && !ref.digest) {
        hits.push(at(s.from, { value: s.image, vars: { problem: { en: 'has no tag, so it means ":latest"', 'zh-cn': '没有标签，等同于 ":latest"' } } }));
      } else if (ref.tag === 'latest' && !ref.digest) {
        hits.push(at(s.from, { value: s.image, vars: { problem: { en: 'uses the mutable tag "latest"', 'zh-cn': '使用了可变标签 "latest"' } } }));
      }
    }
    return hits;
  },
);

export interface ImageUser {
  user: string | null;
  /** The USER instruction that set it, if any. */
  from: DfInstruction | null;
  /** The base image, when the user comes from it. */
  base: string;
}

/** The user the final image runs as: the last USER in the final stage chain, else what the base is known to use. */
export function finalUser(df: DockerfileModel, nonRootBases: string[] = []): ImageUser {
  const chain = finalChain(df);
  for (let i = chain.length - 1; i >= 0; i--) {
    const users = chain[i]!.instructions.filter((x) => x.keyword === 'USER');
    const last = users[users.length - 1];
    if (last) return { user: last.args.trim(), from: last, base: chain[0]!.image };
  }
  const base = chain[0]?.image ?? '';
  const known = nonRootBases.find((b) => new RegExp(b).test(base));
  return { user: known ? 'nonroot' : null, from: null, base };
}

export function isRootUser(user: string | null): boolean {
  if (user === null) return true;
  const name = user.split(':')[0]!.trim();
  return name === '' || name === 'root' || name === '0';
}

/** The final stage's user is not root; no USER at all counts as root. Only the final stage chain matters. */
export const lastUserNonRoot = dockerfileTemplate(
  (z) => z.object({ nonRootBases: nonRootBases(z) }).strict(),
  (df, p) => {
    if (!df.stages.length) return [];
    const u = finalUser(df, p.nonRootBases);
    if (!isRootUser(u.user)) return [];
    const last = df.stages[df.stages.length - 1]!;
    if (u.from)
      return [
        at(u.from, {
          value: u.user,
          vars: { why: { en: `USER ${u.user} makes the final image run as root`, 'zh-cn': `USER ${u.user} 让最终镜像以 root 运行` } },
        }),
      ];
    return [
      at(last.from, {
        value: 'root',
        vars: {
          why: {
            en: `the final stage (FROM ${last.image}) has no USER, so the image runs as root`,
            'zh-cn': `最终阶段（FROM ${last.image}）没有 USER，镜像会以 root 运行`,
          },
        },
      }),
    ];
  },
);

/** CMD and ENTRYPOINT use the exec (JSON) form, so the app is PID 1 and gets SIGTERM. */
export const execForm = dockerfileTemplate(noParams, (df) =>
  df.instructions
    .filter((i) => (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && i.json === null && i.args.trim() !== '')
    .map((i) =>
      at(i, {
        value: i.args.trim(),
        vars: { keyword: i.keyword },
        fixText: { en: `${i.keyword} ${JSON.stringify(i.args.trim().split(/\s+/))}`, 'zh-cn': `${i.keyword} ${JSON.stringify(i.args.trim().split(/\s+/))}` },
      }),
    ),
);

const APT_UPDATE = /\bapt(-get)?\s+(-\S+\s+)*update\b/;
const APT_INSTALL = /\bapt(-get)?\s+(-\S+\s+)*install\b/;

/** `apt-get update` and `apt-get install` share one RUN (the stale-cache trap). */
export const aptUpdateInstall = dockerfileTemplate(noParams, (df) => {
  const hits: Hit[] = [];
  for (const ins of df.instructions) {
    if (ins.keyword !== 'RUN') continue;
    const update = APT_UPDATE.test(ins.args);
    const install = APT_INSTALL.test(ins.args);
    if (update && !install)
      hits.push(
        at(ins, {
          value: 'update',
          vars: {
            problem: {
              en: 'runs apt-get update without an install: the cached package lists go stale',
              'zh-cn': '只运行 apt-get update 而不安装：缓存的软件包列表会过期',
            },
          },
        }),
      );
    if (install && !update)
      hits.push(
        at(ins, {
          value: 'install',
          vars: {
            problem: {
              en: 'runs apt-get install without apt-get update in the same RUN: a cached update layer can be stale (404 Not Found)',
              'zh-cn': '在同一个 RUN 中运行 apt-get install 却没有 apt-get update：缓存的 update 层可能已过期（404 Not Found）',
            },
          },
        }),
      );
  }
  return hits;
});

/** A RUN that installs with apt also removes /var/lib/apt/lists/* in the same RUN. */
export const aptListsCleaned = dockerfileTemplate(noParams, (df) =>
  df.instructions
    .filter((i) => i.keyword === 'RUN' && APT_INSTALL.test(i.args) && !/rm\s+(-\w+\s+)*\/var\/lib\/apt\/lists/.test(i.args))
    .map((i) => at(i, { value: i.args.trim() })),
);

/** A RUN that only deletes or purges: the files stay in the earlier layer, so the image does not shrink. */
export const laterLayerDelete = dockerfileTemplate(
  (z) =>
    z
      .object({
        deleteCommands: regexList(z).min(1).describe('Regular expressions (case-insensitive) for commands that only delete or purge.'),
      })
      .strict(),
  (df, p) => {
    const hits: Hit[] = [];
    const deleters = p.deleteCommands;
    for (const stage of df.stages) {
      let seenContent = false;
      for (const ins of stage.instructions) {
        if (ins.keyword === 'RUN') {
          const cmds = runCommands(ins);
          const onlyDeletes = cmds.length > 0 && cmds.every((c) => matchesAny(c, deleters));
          if (onlyDeletes && seenContent) hits.push(at(ins, { value: cmds.join(' && ') }));
          seenContent = true;
        } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') seenContent = true;
      }
    }
    return hits;
  },
);

/** Dependency manifests are copied and installed before `COPY . .`, so source edits keep the install layer cached. */
export const depsBeforeSource = dockerfileTemplate(
  (z) =>
    z
      .object({
        installCommands: regexList(z).min(1).describe('Regular expressions (case-insensitive) for dependency installs (npm ci, pip install -r …).'),
      })
      .strict(),
  (df, p) => {
    const hits: Hit[] = [];
    const installs = p.installCommands;
    for (const stage of df.stages) {
      const copyAll = stage.instructions.find(
        (i) => i.keyword === 'COPY' && !i.flags.from && /^(\.\/?|\.\/\*)\s+\S+$/.test(i.args.replace(/--\S+\s+/g, '').trim()),
      );
      if (!copyAll) continue;
      const laterInstall = stage.instructions.find((i) => i.index > copyAll.index && i.keyword === 'RUN' && matchesAny(i.args, installs));
      if (laterInstall)
        hits.push(at(copyAll, { value: laterInstall.args.trim(), vars: { install: laterInstall.args.trim(), installLine: String(laterInstall.line) } }));
    }
    return hits;
  },
);

/** A multi-stage build ends on scratch, distroless or a slim image. */
export const finalStageMinimal = dockerfileTemplate(
  (z) =>
    z
      .object({
        minimal: regexList(z).min(1).describe('Regular expressions (case-insensitive) for minimal base images (scratch, distroless, slim …).'),
      })
      .strict(),
  (df, p) => {
    if (df.stages.length < 2) return [];
    const chain = finalChain(df);
    const base = chain[0]!;
    if (matchesAny(base.image, p.minimal)) return [];
    const last: DfStage = df.stages[df.stages.length - 1]!;
    return [at(last.from, { value: base.image })];
  },
);

/** ADD only for URLs and archives; COPY for local files. */
export const copyNotAdd = dockerfileTemplate(noParams, (df) =>
  df.instructions
    .filter((i) => i.keyword === 'ADD')
    .filter((i) => {
      const parts = (
        i.json ??
        i.args
          .replace(/--\S+\s*/g, '')
          .trim()
          .split(/\s+/)
      ).slice(0, -1);
      return parts.some((src) => !/^(https?:\/\/|git@|git:\/\/)/.test(src) && !/\.(tar|tgz|tar\.(gz|bz2|xz|zst))$/.test(src));
    })
    .map((i) => at(i, { value: i.args.trim(), fixText: { en: `COPY ${i.args.trim()}`, 'zh-cn': `COPY ${i.args.trim()}` } })),
);

/** WORKDIR is absolute. */
export const workdirAbsolute = dockerfileTemplate(noParams, (df) =>
  df.instructions
    .filter((i) => i.keyword === 'WORKDIR')
    .filter((i) => {
      const d = i.args.trim().replace(/^["']|["']$/g, '');
      return !(d.startsWith('/') || d.startsWith('$') || /^[A-Za-z]:[\\/]/.test(d));
    })
    .map((i) => at(i, { value: i.args.trim() })),
);

/** No secret-looking names in ARG or ENV: they end up in the image history and config. */
export const noSecretsInArgEnv = dockerfileTemplate(
  (z) =>
    z
      .object({
        pattern: regex(z).describe('Regular expression (case-insensitive) for secret-looking ARG and ENV names.'),
      })
      .strict(),
  (df, p) => {
    const re = new RegExp(p.pattern, 'i');
    const hits: Hit[] = [];
    for (const i of df.instructions) {
      if (i.keyword !== 'ARG' && i.keyword !== 'ENV') continue;
      const names = i.args.trim().match(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)(?==|\s|$)/g) ?? [];
      const list = i.keyword === 'ENV' && !i.args.includes('=') ? [i.args.trim().split(/\s+/)[0]!] : names.map((n) => n.trim());
      for (const name of list) if (re.test(name)) hits.push(at(i, { value: name, vars: { keyword: i.keyword, name } }));
    }
    return hits;
  },
);

/** Every heredoc has its closing delimiter. */
export const heredocTerminated = dockerfileTemplate(noParams, (df) => {
  const hits: Hit[] = [];
  for (const i of df.instructions) for (const h of i.heredocs) if (!h.terminated) hits.push(at(i, { value: h.name, line: h.line }));
  return hits;
});
