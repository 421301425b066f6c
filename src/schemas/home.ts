import { z } from 'zod';

const text = z.string().min(1);

/** The home page copy, one file per locale: content/home/<locale>.yaml. */
export const homeSchema = z
  .object({
    tagline: text,
    lead: text,
    features: z.array(z.object({ title: text, body: text }).strict()).min(1),
    audience: text,
    teachers: z.object({ title: text, paragraphs: z.array(text).min(1), guide: text.describe('Text of the link to the Teachers page.') }).strict(),
    lessons_title: text,
    start_cta: text,
  })
  .strict();

export type HomeCopy = z.infer<typeof homeSchema>;
