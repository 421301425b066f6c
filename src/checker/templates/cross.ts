/** Cross-file templates: a Dockerfile and the manifests that run its image, read together. */
import { containersOf, effective } from '../effective.ts';
import { finalChain } from '../parse/dockerfile-model.ts';
import { isPlainObject } from '../parse/yaml.ts';
import { noParams, regex } from '../schema-parts.ts';
import { crossTemplate, type CrossContext, type Hit } from '../rule.ts';
import { finalUser, isRootUser, nonRootBases } from './dockerfile.ts';

function locate(ctx: CrossContext, doc: number) {
  return (ptr: string) => ctx.manifests.locate(doc, ptr);
}

/** runAsNonRoot: true while the image runs as root (or as a name the kubelet cannot verify). */
export const rootImageVsRunAsNonRoot = crossTemplate(
  (z) => z.object({ nonRootBases: nonRootBases(z) }).strict(),
  (ctx, p) => {
    const hits: Hit[] = [];
    const u = finalUser(ctx.dockerfile, p.nonRootBases);
    for (const w of ctx.manifests.workloads) {
      for (const c of containersOf(w, ['initContainers', 'containers'])) {
        if (!ctx.matches(c)) continue;
        const nonRoot = effective(w, c, 'runAsNonRoot', locate(ctx, w.doc));
        const runAsUser = effective(w, c, 'runAsUser', locate(ctx, w.doc));
        if (nonRoot.value !== true || runAsUser.value !== undefined) continue;
        const path = nonRoot.origin.path ?? nonRoot.containerPath;
        const userLine = u.from ? `${ctx.dockerfile.file}:${u.from.line}` : ctx.dockerfile.file;
        if (isRootUser(u.user)) {
          hits.push({
            path,
            container: c.name,
            value: u.user ?? 'root',
            origin: nonRoot.origin,
            doc: w.doc,
            object: { kind: w.kind, name: w.name },
            vars: { kubelet: 'container has runAsNonRoot and image will run as root', where: userLine },
          });
        } else if (!/^\d+(:\d+)?$/.test(u.user!)) {
          hits.push({
            path,
            container: c.name,
            value: u.user,
            origin: nonRoot.origin,
            doc: w.doc,
            object: { kind: w.kind, name: w.name },
            vars: {
              kubelet: `container has runAsNonRoot and image has non-numeric user (${u.user!.split(':')[0]}), cannot verify user is non-root`,
              where: userLine,
            },
          });
        }
      }
    }
    return hits;
  },
);

/** EXPOSE in the Dockerfile against containerPort in the manifest. */
export const exposeVsContainerPort = crossTemplate(noParams, (ctx) => {
  const exposed = new Set<number>();
  for (const s of finalChain(ctx.dockerfile)) {
    for (const i of s.instructions)
      if (i.keyword === 'EXPOSE')
        for (const w of i.args.split(/\s+/)) {
          const n = parseInt(w, 10);
          if (n) exposed.add(n);
        }
  }
  if (!exposed.size) return [];
  const hits: Hit[] = [];
  for (const w of ctx.manifests.workloads) {
    for (const c of containersOf(w, ['containers'])) {
      if (!ctx.matches(c)) continue;
      const ports = Array.isArray(c.spec.ports) ? c.spec.ports : [];
      const declared = new Set<number>();
      ports.forEach((pt, i) => {
        if (!isPlainObject(pt) || typeof pt.containerPort !== 'number') return;
        declared.add(pt.containerPort);
        if (!exposed.has(pt.containerPort))
          hits.push({
            path: `${c.path}/ports/${i}/containerPort`,
            doc: w.doc,
            object: { kind: w.kind, name: w.name },
            container: c.name,
            value: pt.containerPort,
            vars: { exposed: [...exposed].join(', ') },
          });
      });
      if (!ports.length)
        hits.push({
          path: `${c.path}/ports`,
          doc: w.doc,
          object: { kind: w.kind, name: w.name },
          container: c.name,
          value: null,
          vars: { exposed: [...exposed].join(', ') },
        });
    }
  }
  return hits;
});

/** readOnlyRootFilesystem: true, but the image writes to paths no volume covers. */
export const readOnlyVsWrites = crossTemplate(
  (z) =>
    z
      .object({
        knownWrites: z
          .record(regex(z), z.array(z.string().min(1)))
          .default({})
          .describe('Base image (regular expression) → the paths that image writes to at run time.'),
      })
      .strict(),
  (ctx, p) => {
    const chain = finalChain(ctx.dockerfile);
    const writes = new Set<string>();
    for (const s of chain) for (const i of s.instructions) if (i.keyword === 'VOLUME') for (const v of i.json ?? i.args.split(/\s+/)) if (v) writes.add(v);
    const base = chain[0]?.image ?? '';
    for (const [pattern, paths] of Object.entries(p.knownWrites)) if (new RegExp(pattern).test(base)) for (const x of paths) writes.add(x);
    if (!writes.size) return [];
    const hits: Hit[] = [];
    for (const w of ctx.manifests.workloads) {
      for (const c of containersOf(w, ['containers'])) {
        if (!ctx.matches(c)) continue;
        const ro = effective(w, c, 'readOnlyRootFilesystem', locate(ctx, w.doc));
        if (ro.value !== true) continue;
        const mounts = (Array.isArray(c.spec.volumeMounts) ? c.spec.volumeMounts : [])
          .filter(isPlainObject)
          .map((m) => (typeof m.mountPath === 'string' ? m.mountPath : ''));
        for (const dir of writes) {
          if (mounts.some((m) => dir === m || dir.startsWith(m.endsWith('/') ? m : `${m}/`))) continue;
          hits.push({
            path: ro.origin.path ?? ro.containerPath,
            doc: w.doc,
            object: { kind: w.kind, name: w.name },
            container: c.name,
            value: dir,
            origin: ro.origin,
            vars: { base },
          });
        }
      }
    }
    return hits;
  },
);
