/**
 * kubectl label (staging/src/k8s.io/kubectl/pkg/cmd/label/label.go): `key=value` sets, `key-`
 * removes, --overwrite to change an existing value; `namespace/demo labeled`.
 */
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { labelValue } from '../../../k8s/apiserver/validate.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { errorText, namespaceOf, objName, out, parse, resourcesOf } from './common.ts';

const FLAGS = [
  { long: 'overwrite', type: 'bool' as const },
  { long: 'all', type: 'bool' as const },
  { long: 'selector', short: 'l', type: 'string' as const },
];

export async function label(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'label');
  if (!p.ok) return p.usage!;
  const words = p.rest;
  const changes = words.filter((w) => w.includes('=') || w.endsWith('-'));
  const targets = words.filter((w) => !changes.includes(w));
  if (!changes.length) return out('', "error: at least one label update is required\nSee 'kubectl label -h' for help and examples\n", 1);
  if (!targets.length)
    return out(
      '',
      "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl label -h' for help and examples\n",
      1,
    );
  // kubectl@v0.30.5 pkg/cmd/label/label.go parseLabels: the value is checked here, the key by the API server.
  const set: Record<string, string | null> = {};
  for (const c of changes) {
    if (c.endsWith('-') && !c.includes('=')) {
      set[c.slice(0, -1)] = null;
      continue;
    }
    const parts = c.split('=');
    if (parts.length !== 2) return out('', `error: invalid label spec: ${c}\n`, 1);
    const bad = labelValue(parts[1] as string);
    if (bad.length) return out('', `error: invalid label value: ${JSON.stringify(c)}: ${bad.join(';')}\n`, 1);
    set[parts[0] as string] = parts[1] as string;
  }
  const items: { type: string; name: string }[] = [];
  if (targets[0]!.includes('/')) for (const t of targets) items.push({ type: t.split('/')[0]!, name: t.split('/')[1]! });
  else for (const n of targets.slice(1)) items.push({ type: targets[0]!, name: n });
  if (!items.length)
    return out(
      '',
      "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl label -h' for help and examples\n",
      1,
    );
  const cluster = clusterFor(env.host);
  const ns = namespaceOf(p.flags, env);
  let stdout = '';
  let stderr = '';
  for (const it of items) {
    const rs = resourcesOf(it.type);
    if ('error' in rs) return rs.error;
    const r = rs[0]!;
    const cur = cluster.api.get(r, ns, it.name);
    if (!cur) {
      stderr += `Error from server (NotFound): ${r.group ? `${r.resource}.${r.group}` : r.resource} "${it.name}" not found\n`;
      continue;
    }
    if (!p.flags.overwrite) {
      for (const [k, v] of Object.entries(set)) {
        const old = cur.metadata.labels?.[k];
        if (v !== null && old !== undefined && old !== v)
          return out(stdout, `${stderr}error: '${k}' already has a value (${old}), and --overwrite is false\n`, 1);
      }
    }
    try {
      const before = JSON.stringify(cur.metadata.labels ?? {});
      const res = cluster.api.patchLabels(r, ns, it.name, set);
      for (const w of res.warnings) stderr += `Warning: ${w}\n`;
      const after = JSON.stringify(res.obj.metadata.labels ?? {});
      const msg = before === after ? 'not labeled' : !p.flags.overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
      stdout += `${objName(r, it.name)} ${msg}\n`;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      stderr += errorText(e);
    }
  }
  await cluster.sync();
  return out(stdout, stderr, stderr && !stderr.split('\n').every((l) => !l || l.startsWith('Warning:')) ? 1 : 0);
}
