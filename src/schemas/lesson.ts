import { z } from 'astro/zod';
import { WORLD_NAMES } from './worlds.ts';

/**
 * Frontmatter of a lesson, added to Starlight's own docs schema (title, description, …).
 * One file per locale: content/lessons/<NN-slug>/index.en.mdx and index.zh-cn.mdx.
 */
export const lessonSchema = z.object({
  /** Position in the course; lessons are listed by it. */
  order: z.number().int().positive().optional().describe('Position in the course (1 = first lesson). Required on lessons.'),
  /** What the learner can do after the lesson. */
  objectives: z.array(z.string().min(1)).default([]).describe('Learning objectives, one sentence each.'),
  /** The seed articles and sections the lesson covers, e.g. "S2 §2–3.4". */
  topics: z.array(z.string().min(1)).default([]).describe('Seed topics covered (S0–S4 with section).'),
  /** Estimated minutes to complete, reading and practice. */
  minutes: z.number().int().positive().optional().describe('Estimated minutes to finish the lesson.'),
  /** Exercise ids used in the lesson (content/exercises/<id>.yaml). */
  exercises: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/))
    .default([])
    .describe('Exercise ids used on the page.'),
  /** The start state (content/world/<name>.json) the page's terminal starts from; without it the page has no terminal. */
  scenario: z.enum(WORLD_NAMES).optional().describe('Start state of the page terminal, content/world/<name>.json (omit for no terminal).'),
});
