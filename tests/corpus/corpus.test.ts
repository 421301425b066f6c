import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript, render } from '../transcripts/replay.ts';

// The off-script corpus: commands no lesson shows, each with the output the reference
// system prints (docker/cli and moby v27.3.1, util-linux 2.39.3, bash, busybox…). Every
// `<area>-<topic>.transcript.txt` here replays in a fresh world, byte for byte; the
// expected texts cite their upstream source in the file that produces them.
const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.transcript.txt'));

describe('off-script corpus replays byte for byte', () => {
  for (const file of files) {
    it(file, async () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const got = await render(parseTranscript(text).map((s) => s.line));
      if (process.env.RECORD_TRANSCRIPTS) writeFileSync(join(dir, file), got);
      expect(got).toBe(text);
    });
  }
});
