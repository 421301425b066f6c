/**
 * A Dockerfile as stages and instructions, with 1-based positions, parsed by
 * dockerfile-ast (rcjsuen). It handles line continuations, heredocs (`RUN <<EOF`,
 * `<<-EOT`, a heredoc after a continuation: hadolint#1019/#923) and parser directives,
 * so we do not hand-write a parser.
 */
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { LIMITS } from './limits.ts';
import { checkText } from './text.ts';
import { normalizeText } from './yaml.ts';
import { KEYWORDS, type DfInstruction, type DockerfileModel } from './dockerfile-model.ts';

function substitute(s: string, vars: Record<string, string>): string {
  return s.replace(/\$\{(\w+)(?::?[-+]([^}]*))?\}|\$(\w+)/g, (_m, a: string | undefined, def: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    return (Object.hasOwn(vars, name) ? vars[name] : undefined) ?? def ?? '';
  });
}

export function parseDockerfile(input: string, file: string): DockerfileModel {
  const text = normalizeText(input);
  const model: DockerfileModel = { file, instructions: [], stages: [], errors: [] };
  const bad = checkText(text, file);
  if (bad) {
    model.errors.push(bad);
    return model;
  }
  if (text.trim() === '') {
    model.errors.push({ file, line: 1, column: 1, message: 'file is empty' });
    return model;
  }
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) {
    if (++lines > LIMITS.maxDockerfileLines) {
      model.errors.push({
        file,
        line: lines,
        column: 1,
        message: `the Dockerfile has more than ${LIMITS.maxDockerfileLines} lines; the limit is ${LIMITS.maxDockerfileLines}`,
      });
      return model;
    }
  }
  const heredoc = /<<-?\s*["']?[A-Za-z_]/g;
  for (let n = 0, m = heredoc.exec(text); m; m = heredoc.exec(text)) {
    if (++n > LIMITS.maxHeredocs) {
      const before = text.slice(0, m.index);
      const line = before.split('\n').length;
      model.errors.push({
        file,
        line,
        column: m.index - before.lastIndexOf('\n'),
        message: `the Dockerfile has more than ${LIMITS.maxHeredocs} heredocs (<<); the limit is ${LIMITS.maxHeredocs}`,
      });
      return model;
    }
  }
  const ast = DockerfileParser.parse(text);
  const aliases = new Map<string, number>();
  const globalArgs: Record<string, string> = Object.create(null) as Record<string, string>;
  (ast.getInstructions() as Instruction[]).forEach((inst, index) => {
    const r = inst.getRange();
    const keyword = inst.getKeyword().toUpperCase();
    const args = inst.getArgumentsContent() ?? '';
    let json: string[] | null = null;
    const trimmed = args.trim();
    if (trimmed.startsWith('[')) {
      try {
        const v = JSON.parse(trimmed);
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) json = v;
      } catch {
        json = null;
      }
    }
    const flags: Record<string, string> = Object.create(null) as Record<string, string>;
    const getFlags = (inst as unknown as { getFlags?: () => { getName(): string; getValue(): string | null }[] }).getFlags;
    if (getFlags) for (const f of getFlags.call(inst)) flags[f.getName()] = f.getValue() ?? '';
    const getHeredocs = (
      inst as unknown as { getHeredocs?: () => { getName(): string; getDelimiterRange(): unknown; getStartRange(): { start: { line: number } } }[] }
    ).getHeredocs;
    const heredocs = getHeredocs
      ? getHeredocs.call(inst).map((h) => ({ name: h.getName(), terminated: h.getDelimiterRange() !== null, line: h.getStartRange().start.line + 1 }))
      : [];
    const ins: DfInstruction = {
      index,
      keyword,
      args,
      line: r.start.line + 1,
      column: r.start.character + 1,
      endLine: r.end.line + 1,
      json,
      flags,
      heredocs,
      stage: model.stages.length - 1,
    };
    model.instructions.push(ins);
    if (!KEYWORDS.includes(keyword)) {
      model.errors.push({ file, line: ins.line, column: ins.column, message: `unknown instruction: ${inst.getKeyword()}` });
      return;
    }
    if (keyword === 'ARG' && model.stages.length === 0) {
      for (const part of args.split(/\s+/)) {
        const [k, v] = part.split('=');
        if (k) globalArgs[k] = v?.replace(/^["']|["']$/g, '') ?? '';
      }
      return;
    }
    if (keyword === 'FROM') {
      const words = args.split(/\s+/).filter((w) => w && !w.startsWith('--'));
      const image = substitute(words[0] ?? '', globalArgs);
      const alias = words[1]?.toUpperCase() === 'AS' && words[2] ? words[2].toLowerCase() : null;
      const baseStage = aliases.get(image.toLowerCase()) ?? -1;
      ins.stage = model.stages.length;
      if (alias !== null && !aliases.has(alias)) aliases.set(alias, model.stages.length);
      model.stages.push({ index: model.stages.length, image, alias, baseStage: baseStage >= 0 ? baseStage : null, from: ins, instructions: [ins] });
      return;
    }
    if (model.stages.length === 0) {
      model.errors.push({ file, line: ins.line, column: ins.column, message: `${keyword} before the first FROM (only ARG may come before FROM)` });
      return;
    }
    model.stages[model.stages.length - 1]!.instructions.push(ins);
  });
  if (model.stages.length === 0 && model.errors.length === 0) {
    model.errors.push({ file, line: 1, column: 1, message: 'no FROM instruction: a Dockerfile must start its first stage with FROM' });
  }
  return model;
}
