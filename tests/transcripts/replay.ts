import { createWorld } from '../../src/sim/index.ts';

const PROMPT = /^((?:root|I have no name!|ubuntu)@[\w.-]+:[^#$\n]*[#$] |\/[^ \n]* [#$] )(.*)$/;

/** Splits a golden transcript into (prompt, command, expected output) steps. */
export function parseTranscript(text: string): { prompt: string; line: string; output: string }[] {
  const steps: { prompt: string; line: string; output: string }[] = [];
  for (const raw of text.split('\n')) {
    const m = PROMPT.exec(raw);
    if (m) steps.push({ prompt: m[1] as string, line: m[2] as string, output: '' });
    else if (steps.length) (steps[steps.length - 1] as { output: string }).output += `${raw}\n`;
  }
  const last = steps[steps.length - 1];
  if (last) last.output = last.output.replace(/\n$/, '');
  return steps;
}

/** Runs the commands of a transcript in a fresh world and renders what the terminal would show. */
export async function render(lines: string[]): Promise<string> {
  const w = createWorld();
  let out = '';
  for (const line of lines) {
    out += `${w.prompt()}${line}\n`;
    await w.exec(line, { onOutput: (c) => (out += c.text) });
  }
  return out;
}
