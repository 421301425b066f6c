import { z } from 'zod';

/** One term of the zh↔en glossary (CURRICULUM §4), kept as data in content/glossary/terms.yaml. */
export const glossaryTermSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .describe('Stable kebab-case id, used as the anchor.'),
    en: z.string().min(1).describe('The English term.'),
    zh: z.string().min(1).describe('The Simplified Chinese term.'),
    note_en: z.string().min(1).optional().describe('Usage note in English (homonyms, units).'),
    note_zh: z.string().min(1).optional().describe('The same note in Chinese.'),
  })
  .strict()
  .refine((t) => Boolean(t.note_en) === Boolean(t.note_zh), {
    message: 'a note must exist in both locales (note_en and note_zh) or in neither',
  });

export const glossarySchema = z
  .object({
    terms: z.array(glossaryTermSchema).min(1),
    notes: z.array(z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict()).default([]),
  })
  .strict()
  .superRefine((g, ctx) => {
    const seen = new Set<string>();
    g.terms.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `duplicate id "${t.id}"` });
      seen.add(t.id);
    });
  });

export type Glossary = z.infer<typeof glossarySchema>;
