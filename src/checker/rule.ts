/** A rule is data: it names a rule template (code) and fills in its parameters and texts. */
import type { z } from 'zod';
import type { FixOp, Origin, Severity, Text } from './types.ts';
import type { ParsedManifests, Workload } from './parse/yaml.ts';
import type { ContainerRef } from './effective.ts';
import type { DockerfileModel } from './parse/dockerfile-model.ts';

export type RuleTarget = 'workload' | 'dockerfile' | 'cross';

export interface RuleDef {
  /** Stable id; also the fixture folder name under tests/rules/. */
  id: string;
  target: RuleTarget;
  /** The rule template (templates/index.ts) whose code runs. */
  template: string;
  /** The template's parameters: parsed against its schema when the rule table is built (rules/index.ts). */
  params: Record<string, unknown>;
  category: 'pss-baseline' | 'pss-restricted' | 'image' | 'security' | 'resources' | 'reliability' | 'schema' | 'dockerfile' | 'cross-file';
  /** Severity when no profile overrides it. */
  severity: Severity;
  title: Text;
  /** Message with {placeholders} filled from the template's hit (container, value, detail, …). */
  message: Text;
  remediation: Text;
  /** For Pod Security Standards controls: the PSA check id and the level. */
  pss?: { level: 'baseline' | 'restricted'; check: string; control: string };
}

/** What a template reports; the engine turns it into a Finding with the rule's texts. */
export interface Hit {
  /** JSON pointer (manifests) or `/instructions/N` (Dockerfiles). */
  path: string;
  /** Position override (Dockerfiles: 1-based line and column). */
  line?: number;
  column?: number;
  container?: string;
  value?: unknown;
  origin?: Origin;
  /** Extra placeholder values, per locale when they differ. */
  vars?: Record<string, string | Text>;
  fix?: FixOp[];
  fixText?: Text;
  /** Cross-file hits: the document and object the hit is in. */
  doc?: number;
  object?: { kind: string; name: string };
}

export interface WorkloadContext {
  manifests: ParsedManifests;
  workload: Workload;
  containers: ContainerRef[];
  locate: (ptr: string) => { line: number; column: number };
}

/** The zod namespace, as a template's schema function receives it (src/schemas/zod.ts configures it). */
export type Zod = typeof z;

/**
 * A rule template: a function that builds the schema of its parameters from the zod it is given,
 * and code that reports hits given parameters it parsed. The schema is a function so that a
 * template module never loads zod: `container-course check` runs the rule table parsed when the
 * CLI bundle was built (scripts/build-cli.ts), and builds no schema at all (params.ts templateParams
 * builds one when a rule table is parsed).
 */
export interface RuleTemplate<C, S extends z.ZodType = z.ZodType> {
  params: (z: Zod) => S;
  run(ctx: C, params: z.output<S>): Hit[];
}

export type WorkloadTemplate = RuleTemplate<WorkloadContext>;
export type DockerfileTemplate = RuleTemplate<DockerfileModel>;
export type CrossTemplate = RuleTemplate<CrossContext>;

export function workloadTemplate<S extends z.ZodType>(
  params: (z: Zod) => S,
  run: (ctx: WorkloadContext, params: z.output<S>) => Hit[],
): RuleTemplate<WorkloadContext, S> {
  return { params, run };
}

export function dockerfileTemplate<S extends z.ZodType>(
  params: (z: Zod) => S,
  run: (df: DockerfileModel, params: z.output<S>) => Hit[],
): RuleTemplate<DockerfileModel, S> {
  return { params, run };
}

export function crossTemplate<S extends z.ZodType>(
  params: (z: Zod) => S,
  run: (ctx: CrossContext, params: z.output<S>) => Hit[],
): RuleTemplate<CrossContext, S> {
  return { params, run };
}

export interface CrossContext {
  manifests: ParsedManifests;
  dockerfile: DockerfileModel;
  /** Which containers the Dockerfile builds (by default: all). */
  matches: (c: ContainerRef) => boolean;
}
