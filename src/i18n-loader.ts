import { readdir, readFile } from 'node:fs/promises';
import type { Loader } from 'astro/loaders';
import { LANG, LOCALES, type Locale } from './content-ids.ts';

/**
 * Loads content/i18n/<locale>.json as entries whose id is the locale's language tag
 * (Starlight keys translations by lang: zh-cn.json → zh-CN). Starlight would key an
 * entry by its path under src/content/i18n/ if it had a file path, so these carry none.
 */
export function i18nFilesLoader(dir: string): Loader {
  const base = new URL(dir, new URL('../', import.meta.url));
  return {
    name: 'course-i18n',
    load: async ({ store, parseData, logger, watcher }) => {
      store.clear();
      for (const file of (await readdir(base)).filter((f) => f.endsWith('.json')).sort()) {
        const locale = file.replace(/\.json$/, '') as Locale;
        if (!LOCALES.includes(locale)) throw new Error(`content/i18n/${file}: unknown locale; expected one of ${LOCALES.join(', ')}`);
        const id = LANG[locale];
        const text = await readFile(new URL(file, base), 'utf8');
        let raw: Record<string, unknown>;
        try {
          raw = JSON.parse(text);
        } catch (err) {
          throw new Error(`content/i18n/${file}: not valid JSON: ${(err as Error).message}`);
        }
        const data = await parseData({ id, data: raw });
        store.set({ id, data });
      }
      logger.info('Loaded UI strings');
      watcher?.add(base.pathname);
    },
  };
}
