/**
 * Readers for data files under content/ that are not pages. Each is parsed with
 * `yaml` and validated with its zod schema; a bad file fails the build with the
 * file, the field path and what is wrong. Components import the text with Vite's
 * `?raw` (so bundling cannot lose the path); tests read it from disk.
 */
import { parse } from 'yaml';
import type { z } from 'zod';
import { glossarySchema, type Glossary } from './schemas/glossary.ts';
import { homeSchema, type HomeCopy } from './schemas/home.ts';
import glossaryText from '../content/glossary/terms.yaml?raw';
import homeEn from '../content/home/en.yaml?raw';
import homeZh from '../content/home/zh-cn.yaml?raw';
import type { Locale } from './content-ids.ts';

export class ContentError extends Error {
  override name = 'ContentError';
}

export function parseData<T extends z.ZodType>(file: string, text: string, schema: T): z.output<T> {
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    throw new ContentError(`${file}: ${(err as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  at ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new ContentError(`${file} is not valid:\n${issues}`);
  }
  return result.data;
}

export const readGlossary = (): Glossary => parseData('content/glossary/terms.yaml', glossaryText, glossarySchema);

const HOME: Record<Locale, string> = { en: homeEn, 'zh-cn': homeZh };
export const readHome = (locale: Locale): HomeCopy => parseData(`content/home/${locale}.yaml`, HOME[locale], homeSchema);
