import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { lessonSchema } from './schemas/lesson.ts';
import { entryIdFor } from './content-ids.ts';
import { i18nFilesLoader } from './i18n-loader.ts';
import en from '../content/i18n/en.json';

type Keys = keyof typeof en;
/** One zod string per UI key of the English file: Starlight's t() then knows every `cc.*` key (the locale
 *  parity test keeps zh-cn.json on the same keys). */
const uiStrings = z.object(Object.fromEntries(Object.keys(en).map((k) => [k, z.string()])) as { [K in Keys]: z.ZodString });

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
    schema: i18nSchema({ extend: uiStrings.partial() }),
  }),
};
