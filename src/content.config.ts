import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { lessonSchema } from './schemas/lesson.ts';
import { entryIdFor } from './content-ids.ts';
import { i18nFilesLoader } from './i18n-loader.ts';

export const collections = {
  docs: defineCollection({
    loader: glob({
      base: './content',
      pattern: ['lessons/*/index.{en,zh-cn}.mdx', 'pages/[^_]*.{en,zh-cn}.mdx'],
      generateId: ({ entry }) => entryIdFor(entry),
    }),
    schema: docsSchema({ extend: lessonSchema }),
  }),
  /** UI strings: content/i18n/<locale>.json, flat dotted keys, merged into Starlight's t(). */
  i18n: defineCollection({
    loader: i18nFilesLoader('./content/i18n/'),
    schema: i18nSchema({ extend: z.record(z.string().regex(/^cc\./), z.string()) }),
  }),
};
