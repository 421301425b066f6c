/** Templates for the `course` best-practice rules on workloads. */
import { parseNormalizedNamed, type ParsedReference } from '../../oci/reference.ts';
import { effective } from '../effective.ts';
import { noParams } from '../schema-parts.ts';
import { isPlainObject } from '../parse/yaml.ts';
import { parseQuantity } from '../quantity.ts';
import { workloadTemplate, type Hit } from '../rule.ts';
import { asText, sc, strList } from './helpers.ts';

const GROUPS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

function imageOf(spec: Record<string, unknown>): string | null {
  return typeof spec.image === 'string' ? spec.image : null;
}

/**
 * parseNormalizedNamed, each image once: several rules (valid, tag, digest, pull policy)
 * read every container's reference. The parsed references are shared and only read; the
 * cache is bounded (at most 1024 references of at most 1 KiB, cleared when full).
 */
const refs = new Map<string, { ref: ParsedReference } | { error: unknown }>();

function parseImage(image: string): ParsedReference {
  let r = refs.get(image);
  if (!r) {
    try {
      r = { ref: parseNormalizedNamed(image) };
    } catch (error) {
      r = { error };
    }
    if (refs.size >= 1024) refs.clear();
    if (image.length <= 1024) refs.set(image, r);
  }
  if ('error' in r) throw r.error;
  return r.ref;
}

/** Image references: `valid` (parses), `tag` (a tag that is not latest, or a digest), `digest` (pinned by digest). */
export const imageReference = workloadTemplate(
  (z) =>
    z
      .object({
        require: z
          .enum(['valid', 'tag', 'digest'])
          .describe('valid: the reference parses; tag: a tag that is not latest, or a digest; digest: pinned by digest.'),
      })
      .strict(),
  (ctx, p) => {
    const hits: Hit[] = [];
    for (const c of ctx.containers) {
      const image = imageOf(c.spec);
      const path = `${c.path}/image`;
      if (image === null) {
        if (p.require === 'valid' && c.group !== 'ephemeralContainers')
          hits.push({ path, container: c.name, value: undefined, vars: { problem: { en: 'has no image', 'zh-cn': '没有指定镜像' } } });
        continue;
      }
      let ref;
      try {
        ref = parseImage(image);
      } catch (e) {
        if (p.require === 'valid')
          hits.push({
            path,
            container: c.name,
            value: image,
            vars: { problem: { en: `has an invalid image reference: ${(e as Error).message}`, 'zh-cn': `的镜像引用无效：${(e as Error).message}` } },
          });
        continue;
      }
      if (p.require === 'tag') {
        if (!ref.tag && !ref.digest)
          hits.push({
            path,
            container: c.name,
            value: image,
            vars: { problem: { en: 'has no tag, so it means ":latest"', 'zh-cn': '没有标签，等同于 ":latest"' } },
          });
        else if (ref.tag === 'latest' && !ref.digest)
          hits.push({ path, container: c.name, value: image, vars: { problem: { en: 'uses the mutable tag "latest"', 'zh-cn': '使用了可变标签 "latest"' } } });
      } else if (p.require === 'digest' && !ref.digest) {
        hits.push({ path, container: c.name, value: image });
      }
    }
    return hits;
  },
);

/** imagePullPolicy consistent with the reference: Never/IfNotPresent with latest or no tag, Always with a digest. */
export const pullPolicy = workloadTemplate(noParams, (ctx) => {
  const hits: Hit[] = [];
  for (const c of ctx.containers) {
    const image = imageOf(c.spec);
    const policy = c.spec.imagePullPolicy;
    if (image === null || typeof policy !== 'string') continue;
    let ref;
    try {
      ref = parseImage(image);
    } catch {
      continue;
    }
    const path = `${c.path}/imagePullPolicy`;
    const floating = !ref.digest && (!ref.tag || ref.tag === 'latest');
    if (floating && policy !== 'Always') {
      hits.push({
        path,
        container: c.name,
        value: policy,
        vars: {
          why: {
            en: `the image "${image}" floats (latest or no tag), so nodes may run different images`,
            'zh-cn': `镜像 "${image}" 是浮动的（latest 或无标签），不同节点可能运行不同的镜像`,
          },
        },
      });
    } else if (ref.digest && policy === 'Always') {
      hits.push({
        path,
        container: c.name,
        value: policy,
        vars: { why: { en: `the image is pinned by digest, so pulling again can never change it`, 'zh-cn': '镜像已用摘要固定，再次拉取也不会改变' } },
        fix: [{ op: 'replace', path, value: 'IfNotPresent' }],
      });
    }
  }
  return hits;
});

/** An effective securityContext value must equal `equals` (readOnlyRootFilesystem, runAsNonRoot …). */
export const effectiveEquals = workloadTemplate(
  (z) =>
    z
      .object({
        field: z.string().min(1).describe('The securityContext field (readOnlyRootFilesystem, runAsNonRoot …).'),
        equals: z.union([z.boolean(), z.number(), z.string()]).describe('The effective value it must have.'),
        groups: z.array(z.enum(GROUPS)).default(['initContainers', 'containers']).describe('Which container lists are checked.'),
      })
      .strict(),
  (ctx, p) => {
    const hits: Hit[] = [];
    const field = p.field;
    const groups: string[] = p.groups;
    for (const c of ctx.containers) {
      if (!groups.includes(c.group)) continue;
      const e = effective(ctx.workload, c, field, ctx.locate);
      if (e.value === p.equals) continue;
      const where = e.origin.path ?? e.containerPath;
      hits.push({
        path: e.origin.from === 'default' ? e.containerPath : where,
        container: c.name,
        value: e.value,
        origin: e.origin,
        fix: [{ op: e.origin.from === 'container' ? 'replace' : 'add', path: e.containerPath, value: p.equals }],
      });
    }
    return hits;
  },
);

/** capabilities.drop contains ALL (any case, as the runtime accepts) and add ⊆ allowed. */
export const capabilitiesCourse = workloadTemplate(
  (z) =>
    z
      .object({
        mode: z
          .enum(['drop-all', 'add-allowed'])
          .describe('drop-all: capabilities.drop holds ALL (any case); add-allowed: capabilities.add holds only allowedAdd.'),
        allowedAdd: z.array(z.string().min(1)).default([]).describe('Capabilities that may be added (any case, with or without CAP_).'),
      })
      .strict(),
  (ctx, p) => {
    const hits: Hit[] = [];
    const allowed = new Set(p.allowedAdd.map((s) => s.toUpperCase()));
    for (const c of ctx.containers) {
      if (c.group === 'ephemeralContainers') continue;
      const caps = sc(c.spec).capabilities;
      const drop = isPlainObject(caps) ? strList(caps.drop) : [];
      const add = isPlainObject(caps) ? strList(caps.add) : [];
      if (p.mode === 'drop-all' && !drop.some((d) => d.toUpperCase() === 'ALL')) {
        const path = `${c.path}/securityContext/capabilities/drop`;
        hits.push({
          path,
          container: c.name,
          value: isPlainObject(caps) ? caps.drop : undefined,
          fix: [{ op: isPlainObject(caps) && caps.drop !== undefined ? 'replace' : 'add', path, value: ['ALL'] }],
        });
      }
      if (p.mode === 'add-allowed') {
        add.forEach((cap, i) => {
          if (allowed.has(cap.toUpperCase().replace(/^CAP_/, ''))) return;
          const path = `${c.path}/securityContext/capabilities/add/${i}`;
          hits.push({ path, container: c.name, value: cap, fix: [{ op: 'remove', path }] });
        });
      }
    }
    return hits;
  },
);

/** resources.requests / limits for cpu and memory are set. */
export const resourcesSet = workloadTemplate(
  (z) =>
    z
      .object({
        kinds: z
          .array(z.enum(['requests', 'limits']))
          .min(1)
          .describe('Which blocks must be set.'),
        resources: z.array(z.string().min(1)).min(1).describe('Which resources each block must set (cpu, memory).'),
      })
      .strict(),
  (ctx, p) => {
    const hits: Hit[] = [];
    for (const c of ctx.containers) {
      if (c.group === 'ephemeralContainers') continue;
      const res = isPlainObject(c.spec.resources) ? c.spec.resources : {};
      const missing: string[] = [];
      for (const kind of p.kinds) {
        const block = isPlainObject(res[kind]) ? (res[kind] as Record<string, unknown>) : {};
        for (const r of p.resources) if (block[r] === undefined || block[r] === null) missing.push(`${kind}.${r}`);
      }
      // Kubernetes copies limits into unset requests, so a request is only missing when the limit is missing too.
      const effectiveMissing = missing.filter((m) => !(m.startsWith('requests.') && !missing.includes(`limits.${m.slice(9)}`)));
      if (effectiveMissing.length)
        hits.push({ path: `${c.path}/resources`, container: c.name, value: effectiveMissing.join(', '), vars: { missing: effectiveMissing.join(', ') } });
    }
    return hits;
  },
);

/** Quantities parse; memory uses binary units (Mi) rather than decimal M or milli-bytes m; requests ≤ limits. */
export const resourceUnits = workloadTemplate(noParams, (ctx) => {
  const hits: Hit[] = [];
  for (const c of ctx.containers) {
    const res = isPlainObject(c.spec.resources) ? c.spec.resources : {};
    const values: Record<string, number> = {};
    for (const kind of ['requests', 'limits']) {
      const block = res[kind];
      if (!isPlainObject(block)) continue;
      for (const r of ['cpu', 'memory']) {
        const raw = block[r];
        if (raw === undefined || raw === null) continue;
        const path = `${c.path}/resources/${kind}/${r}`;
        const q = parseQuantity(raw);
        if (!q) {
          hits.push({
            path,
            container: c.name,
            value: raw,
            vars: { problem: { en: `"${asText(raw)}" is not a valid quantity`, 'zh-cn': `"${asText(raw)}" 不是合法的数量` } },
          });
          continue;
        }
        values[`${kind}.${r}`] = q.value;
        if (r === 'memory' && q.suffix === 'm') {
          hits.push({
            path,
            container: c.name,
            value: raw,
            vars: {
              problem: {
                en: `"${asText(raw)}" means ${q.value} bytes: a lowercase m is milli (one thousandth), not mega`,
                'zh-cn': `"${asText(raw)}" 表示 ${q.value} 字节：小写 m 是“毫”（千分之一），不是“兆”`,
              },
            },
          });
        } else if (r === 'memory' && ['k', 'M', 'G', 'T'].includes(q.suffix)) {
          const bin = asText(raw).replace(/[kMGT]$/, (s) => (s === 'k' ? 'Ki' : `${s}i`));
          hits.push({
            path,
            container: c.name,
            value: raw,
            vars: {
              problem: {
                en: `"${asText(raw)}" is ${q.value} bytes (decimal); "${bin}" is ${parseQuantity(bin)!.value} bytes (binary), which is what memory.max usually expects`,
                'zh-cn': `"${asText(raw)}" 是 ${q.value} 字节（十进制）；"${bin}" 是 ${parseQuantity(bin)!.value} 字节（二进制），memory.max 通常用后者`,
              },
            },
            fix: [{ op: 'replace', path, value: bin }],
          });
        }
      }
    }
    for (const r of ['cpu', 'memory']) {
      const req = values[`requests.${r}`];
      const lim = values[`limits.${r}`];
      if (req !== undefined && lim !== undefined && req > lim) {
        hits.push({
          path: `${c.path}/resources/requests/${r}`,
          container: c.name,
          value: req,
          vars: {
            problem: {
              en: `requests.${r} is larger than limits.${r}; the API server rejects this`,
              'zh-cn': `requests.${r} 大于 limits.${r}，API 服务器会拒绝`,
            },
          },
        });
      }
    }
  }
  return hits;
});

/** Environment size: one string ≤ 128 KiB, all of them ≤ 2 MiB (ARG_MAX), or exec fails with E2BIG. */
export const envSize = workloadTemplate(
  (z) =>
    z
      .object({
        maxBytesPerVar: z.number().int().positive().describe('The most bytes one NAME=value string may have (MAX_ARG_STRLEN).'),
        maxBytesTotal: z.number().int().positive().describe('The most bytes of all of them together (about ARG_MAX).'),
      })
      .strict(),
  (ctx, p) => {
    const hits: Hit[] = [];
    const perVar = p.maxBytesPerVar;
    const total = p.maxBytesTotal;
    for (const c of ctx.containers) {
      const env = c.spec.env;
      if (!Array.isArray(env)) continue;
      let sum = 0;
      env.forEach((e, i) => {
        if (!isPlainObject(e)) return;
        const s = `${e.name === undefined || e.name === null ? '' : asText(e.name)}=${typeof e.value === 'string' ? e.value : ''}`;
        sum += s.length + 1;
        if (s.length > perVar)
          hits.push({
            path: `${c.path}/env/${i}/value`,
            container: c.name,
            value: s.length,
            vars: {
              problem: {
                en: `variable ${asText(e.name)} is ${s.length} bytes; one string may be at most ${perVar}`,
                'zh-cn': `变量 ${asText(e.name)} 有 ${s.length} 字节；单个字符串最多 ${perVar} 字节`,
              },
            },
          });
      });
      if (sum > total)
        hits.push({
          path: `${c.path}/env`,
          container: c.name,
          value: sum,
          vars: {
            problem: { en: `the environment totals ${sum} bytes; the limit is about ${total}`, 'zh-cn': `环境变量合计 ${sum} 字节；上限约为 ${total} 字节` },
          },
        });
    }
    return hits;
  },
);

/** Long-running containers declare readiness and liveness probes. */
export const probesSet = workloadTemplate(
  (z) =>
    z
      .object({
        probes: z
          .array(z.enum(['readinessProbe', 'livenessProbe', 'startupProbe']))
          .min(1)
          .describe('The probes every long-running container must declare.'),
        skipKinds: z.array(z.string().min(1)).default([]).describe('Workload kinds that are not long-running (Job, CronJob, Pod).'),
      })
      .strict(),
  (ctx, p) => {
    if (p.skipKinds.includes(ctx.workload.kind)) return [];
    const hits: Hit[] = [];
    for (const c of ctx.containers) {
      if (c.group !== 'containers') continue;
      const missing = p.probes.filter((pr) => !isPlainObject(c.spec[pr]));
      if (missing.length) hits.push({ path: c.path, container: c.name, value: missing.join(', '), vars: { missing: missing.join(', ') } });
    }
    return hits;
  },
);
