/**
 * Dockerfile parsing on top of `dockerfile-ast` (continuations, comments,
 * parser directives, flags, heredocs), turned into stages and instructions.
 *
 * What the library does not give us directly:
 * - heredoc bodies: it reports their ranges, and we cut the text from the source;
 * - the exec (JSON) form: `getJSONValue()` drops spaces ("daemon off;" →
 *   "daemonoff;"), so, like Docker, we JSON.parse the argument text and fall
 *   back to the shell form when it is not a JSON array of strings.
 */
import { Copy, DockerfileParser, ModifiableInstruction, PropertyInstruction, Run } from 'dockerfile-ast';

export const KEYWORDS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;
export type Keyword = (typeof KEYWORDS)[number];

export interface Heredoc {
  name: string;
  content: string;
}

export interface DfInstruction {
  keyword: Keyword;
  /** 1-based first and last source line. */
  line: number;
  endLine: number;
  /** Arguments after the flags, continuations joined (heredoc bodies excluded). */
  content: string;
  flags: Map<string, string | null>;
  /** Exec form (a JSON array of strings), when the arguments are one. */
  json?: string[];
  heredocs: Heredoc[];
  /** ENV / LABEL / ARG key-value pairs; values still carry their quotes (see words.ts). */
  props?: [string, string | null][];
}

export interface DfStage {
  index: number;
  /** `AS name`, lower-cased as BuildKit does. */
  name?: string;
  from: DfInstruction;
  /** The image (or stage) name as written, before ARG expansion. */
  base: string;
  platform?: string;
  instructions: DfInstruction[];
}

export interface ParsedDockerfile {
  /** ARGs before the first FROM. */
  metaArgs: DfInstruction[];
  stages: DfStage[];
  /** Source lines, for BuildKit's error excerpt. */
  lines: string[];
}

/** A parse error with the 1-based line it belongs to (0 = the file as a whole). */
export class DockerfileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

function cutHeredocs(source: string[], ins: Run | Copy): Heredoc[] {
  return ins.getHeredocs().map((h) => {
    const r = h.getContentRange();
    if (!r) return { name: h.getName(), content: '' };
    const body = source.slice(r.start.line, r.end.line + 1).join('\n');
    return { name: h.getName(), content: body + '\n' };
  });
}

function execForm(content: string): string[] | undefined {
  const t = content.trim();
  if (!t.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    return undefined;
  }
  return undefined;
}

/** Parses Dockerfile text. Throws DockerfileError with Docker's wording. */
export function parseDockerfile(text: string): ParsedDockerfile {
  const lines = text.split('\n');
  const df = DockerfileParser.parse(text);
  const metaArgs: DfInstruction[] = [];
  const stages: DfStage[] = [];
  for (const ins of df.getInstructions()) {
    const kw = ins.getKeyword().toUpperCase();
    const line = ins.getRange().start.line + 1;
    if (!(KEYWORDS as readonly string[]).includes(kw)) {
      throw new DockerfileError(line, `dockerfile parse error on line ${line}: unknown instruction: ${ins.getKeyword()}`);
    }
    const keyword = kw as Keyword;
    const flags = new Map<string, string | null>();
    if (ins instanceof ModifiableInstruction) for (const f of ins.getFlags()) flags.set(f.getName(), f.getValue());
    const heredocs = ins instanceof Run || ins instanceof Copy ? cutHeredocs(lines, ins) : [];
    let content = ins.getArgumentsContent() ?? '';
    if (heredocs.length) content = content.split('\n')[0]!;
    const json = ['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'COPY', 'ADD'].includes(keyword) ? execForm(content) : undefined;
    const entry: DfInstruction = {
      keyword,
      line,
      endLine: ins.getRange().end.line + 1,
      content,
      flags,
      heredocs,
      ...(json ? { json } : {}),
      ...(ins instanceof PropertyInstruction ? { props: ins.getProperties().map((p): [string, string | null] => [p.getName(), p.getValue()]) } : {}),
    };
    if (keyword === 'ARG' && stages.length === 0) {
      metaArgs.push(entry);
      continue;
    }
    if (keyword === 'FROM') {
      const args = ins.getArguments().map((a) => a.getValue());
      if (args.length === 0) throw new DockerfileError(line, `dockerfile parse error on line ${line}: FROM requires either one or three arguments`);
      if (args.length !== 1 && !(args.length === 3 && args[1]!.toUpperCase() === 'AS')) {
        throw new DockerfileError(line, `dockerfile parse error on line ${line}: FROM requires either one or three arguments`);
      }
      const name = args.length === 3 ? args[2]!.toLowerCase() : undefined;
      if (name && stages.some((s) => s.name === name)) {
        throw new DockerfileError(line, `dockerfile parse error on line ${line}: duplicate stage name "${name}"`);
      }
      const platform = flags.get('platform');
      stages.push({
        index: stages.length,
        ...(name ? { name } : {}),
        from: entry,
        base: args[0]!,
        ...(platform ? { platform } : {}),
        instructions: [],
      });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) throw new DockerfileError(line, 'no build stage in current context');
    stage.instructions.push(entry);
  }
  if (stages.length === 0) throw new DockerfileError(0, 'the Dockerfile cannot be empty');
  return { metaArgs, stages, lines };
}

/** How BuildKit names the vertex of an instruction: keyword, flags, arguments on one line. */
export function vertexName(ins: DfInstruction): string {
  const flags = [...ins.flags].map(([k, v]) => (v === null ? `--${k}` : `--${k}=${v}`));
  return [ins.keyword, ...flags, ins.content].filter((s) => s !== '').join(' ');
}
