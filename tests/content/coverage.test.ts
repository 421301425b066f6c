/**
 * content/coverage/topics.yaml names a home for every topic the source articles raise
 * (reviews/CONTENT.md §1b, 108 topics). This keeps it true: each home exists, and the
 * only topics without one are those waiting for an unwritten lesson, named as such.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONTENT, exists } from './helpers.ts';

interface Topic {
  n: number;
  topic: string;
  lesson?: string;
  heading?: string;
  aside?: string;
  glossary?: string;
  pending?: string;
}

const topics = (parse(readFileSync(join(CONTENT, 'coverage/topics.yaml'), 'utf8')) as { topics: Topic[] }).topics;
const glossaryIds = new Set((parse(readFileSync(join(CONTENT, 'glossary/terms.yaml'), 'utf8')) as { terms: { id: string }[] }).terms.map((t) => t.id));

describe('every source-article topic has a home', () => {
  it('lists topics 1–108 once each', () => {
    expect(topics.map((t) => t.n)).toEqual(Array.from({ length: 108 }, (_, i) => i + 1));
  });

  for (const t of topics) {
    it(`${t.n}. ${t.topic}`, () => {
      if (t.pending) {
        expect(t.pending).toMatch(/issue \d+/);
        return;
      }
      if (t.glossary) {
        expect(glossaryIds.has(t.glossary), `glossary term ${t.glossary}`).toBe(true);
        return;
      }
      expect(t.lesson, 'a lesson, a glossary term or pending').toBeTruthy();
      expect(exists(`lessons/${t.lesson}/index.en.mdx`), `lesson ${t.lesson}`).toBe(true);
      const text = readFileSync(join(CONTENT, `lessons/${t.lesson}/index.en.mdx`), 'utf8');
      if (t.heading)
        expect(
          text.split('\n').some((l) => /^#{2,3} /.test(l) && l.replace(/^#+ /, '') === t.heading),
          `heading "${t.heading}"`,
        ).toBe(true);
      if (t.aside) expect(text.includes(`title="${t.aside}"`), `aside "${t.aside}"`).toBe(true);
      expect(t.heading ?? t.aside).toBeTruthy();
    });
  }

  it('leaves no topic pending: every lesson is written', () => {
    expect(topics.filter((t) => t.pending).map((t) => t.n)).toEqual([]);
  });
});
