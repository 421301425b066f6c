/**
 * Maps a file under content/ to its Starlight entry id (which is also its URL).
 * English is the root locale; Chinese pages live under `zh-cn/`.
 *   lessons/01-x/index.en.mdx     → lessons/01-x
 *   lessons/01-x/index.zh-cn.mdx  → zh-cn/lessons/01-x
 *   pages/glossary.zh-cn.mdx      → zh-cn/glossary
 *   pages/index.en.mdx            → index        pages/index.zh-cn.mdx → zh-cn
 */
export const LOCALES = ['en', 'zh-cn'] as const;
export type Locale = (typeof LOCALES)[number];

const FILE = /^(?<dir>lessons\/[^/]+\/index|pages\/[^/]+)\.(?<locale>en|zh-cn)\.mdx?$/;

export function entryIdFor(path: string): string {
  const m = FILE.exec(path.replaceAll('\\', '/'));
  if (!m?.groups) {
    throw new Error(`content/${path}: a page must be named lessons/<NN-slug>/index.<locale>.mdx or pages/<name>.<locale>.mdx, with locale en or zh-cn`);
  }
  const { dir, locale } = m.groups;
  let slug = dir.startsWith('lessons/') ? dir.replace(/\/index$/, '') : dir.replace(/^pages\//, '');
  if (slug === 'index') slug = '';
  const prefix = locale === 'en' ? '' : locale;
  return [prefix, slug].filter(Boolean).join('/') || 'index';
}

/** The locale of an entry id. */
export function localeOf(id: string): Locale {
  return id === 'zh-cn' || id.startsWith('zh-cn/') ? 'zh-cn' : 'en';
}

/** The id without its locale prefix: the same lesson in every locale. */
export function baseIdOf(id: string): string {
  if (id === 'zh-cn') return 'index';
  return id.startsWith('zh-cn/') ? id.slice('zh-cn/'.length) : id;
}

/** BCP-47 language tag of each locale (html lang, Starlight's translation keys). */
export const LANG: Record<Locale, string> = { en: 'en', 'zh-cn': 'zh-CN' };
