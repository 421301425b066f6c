/** The engine's Dockerfile half: a Dockerfile's rules, and a Dockerfile's rules against manifests (cross-file). */
import { activeRules, fitting, toFinding, type CheckOptions, type DockerfileChecks } from './engine-core.ts';
import { parseDockerfile } from './parse/dockerfile.ts';
import type { DockerfileModel } from './parse/dockerfile-model.ts';
import type { ParsedManifests } from './parse/yaml.ts';
import { crossTemplates, dockerfileTemplates } from './templates/dockerfile-index.ts';
import type { Finding } from './types.ts';

export function checkDockerfile(df: DockerfileModel, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  if (!df.stages.length) return findings;
  for (const [rule, severity] of activeRules(options).filter(([r]) => r.target === 'dockerfile')) {
    const tpl = Object.hasOwn(dockerfileTemplates, rule.template) ? dockerfileTemplates[rule.template] : undefined;
    if (!tpl) throw new Error(`rule ${rule.id} names unknown template ${rule.template}`);
    for (const hit of tpl.run(df, rule.params)) findings.push(toFinding(rule, severity, hit, df.file, { line: hit.line ?? 1, column: hit.column ?? 1 }));
  }
  return findings;
}

export function checkCross(df: DockerfileModel, m: ParsedManifests, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  if (!df.stages.length) return findings;
  const ctx = { manifests: m, dockerfile: df, matches: options.dockerfileImage ?? (() => true) };
  for (const [rule, severity] of activeRules(options).filter(([r]) => r.target === 'cross')) {
    const tpl = Object.hasOwn(crossTemplates, rule.template) ? crossTemplates[rule.template] : undefined;
    if (!tpl) throw new Error(`rule ${rule.id} names unknown template ${rule.template}`);
    for (const hit of tpl.run(ctx, rule.params)) {
      findings.push(toFinding(rule, severity, fitting(m, hit.doc ?? 0, hit), m.file, m.locate(hit.doc ?? 0, hit.path), hit.object, hit.doc ?? 0));
    }
  }
  return findings;
}

export const dockerfileChecks: DockerfileChecks = { parseDockerfile, checkDockerfile, checkCross };
