import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript, render } from './replay.ts';

const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.transcript.txt'));

describe('CURRICULUM transcripts replay byte for byte', () => {
  for (const file of files) {
    it(file, async () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const lines = parseTranscript(text).map((s) => s.line);
      const got = await render(lines);
      if (process.env.RECORD_TRANSCRIPTS) writeFileSync(join(dir, file), got);
      expect(got).toBe(text);
    });
  }
});
