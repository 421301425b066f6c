/**
 * A parsed Dockerfile as data (stages and instructions, 1-based positions) and the helpers
 * that read it. No parser here: parse/dockerfile.ts fills this model with dockerfile-ast,
 * and only a check that reads a Dockerfile loads it (the CLI bundle keeps it in its own chunk).
 */
import type { InputError } from '../types.ts';

export const KEYWORDS = [
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
];

export interface DfInstruction {
  index: number;
  keyword: string;
  /** Arguments as written, continuations joined, heredoc bodies included. */
  args: string;
  line: number;
  column: number;
  endLine: number;
  /** Exec (JSON array) form, when the arguments are one. */
  json: string[] | null;
  flags: Record<string, string>;
  heredocs: { name: string; terminated: boolean; line: number }[];
  stage: number;
}

export interface DfStage {
  index: number;
  /** Image as written, ARGs substituted. */
  image: string;
  alias: string | null;
  /** Index of an earlier stage this one builds FROM, if any. */
  baseStage: number | null;
  from: DfInstruction;
  instructions: DfInstruction[];
}

export interface DockerfileModel {
  file: string;
  instructions: DfInstruction[];
  stages: DfStage[];
  errors: InputError[];
}

export function isDockerfileName(name: string): boolean {
  return /(^|[\\/])(Dockerfile|Containerfile)([.-][\w.-]*)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}

/** For stdin: does the text look like a Dockerfile rather than YAML? */
export function looksLikeDockerfile(text: string): boolean {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    return /^(FROM|ARG)\s/i.test(line);
  }
  return false;
}

/** The stage chain that makes up the final image: the last stage and the stages it builds FROM. */
export function finalChain(df: DockerfileModel): DfStage[] {
  const chain: DfStage[] = [];
  let s: DfStage | undefined = df.stages[df.stages.length - 1];
  const seen = new Set<number>();
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    chain.unshift(s);
    s = s.baseStage !== null ? df.stages[s.baseStage] : undefined;
  }
  return chain;
}

/** Shell commands of a RUN, split on &&, ||, ; and newlines (heredoc bodies included, delimiters dropped). */
export function runCommands(ins: DfInstruction): string[] {
  const delimiters = new Set(ins.heredocs.map((h) => h.name));
  return ins.args
    .replace(/<<-?\s*["']?\w+["']?/g, ' ')
    .split(/&&|\|\||;|\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !delimiters.has(s) && s !== '\\');
}
