/**
 * Pagefind's search UI, mounted in Starlight's search dialog (src/components/Search.astro).
 * Loaded on demand, never at page load (issue #14). The options are Starlight 0.42's own
 * (components/Search.astro), unchanged.
 */
import { pagefindUserConfig } from 'virtual:starlight/pagefind-config';
// @ts-expect-error — Pagefind's UI ships no types.
import { PagefindUI } from '@pagefind/default-ui';

/** Pagefind's UI instance: `triggerSearch(term)` runs a search as if typed. */
export interface SearchUi {
  triggerSearch(term: string): void;
}

export function mountSearch(host: HTMLElement): SearchUi {
  let translations = {};
  try {
    translations = JSON.parse(host.dataset.translations || '{}');
  } catch {
    /* Starlight wrote it: keep Pagefind's own strings if it is unreadable */
  }
  const shouldStrip = host.dataset.stripTrailingSlash !== undefined;
  const stripTrailingSlash = (path: string) => path.replace(/(.)\/(#.*)?$/, '$1$2');
  const formatURL = shouldStrip ? stripTrailingSlash : (path: string) => path;
  return new PagefindUI({
    ...pagefindUserConfig,
    element: '#starlight__search',
    baseUrl: import.meta.env.BASE_URL,
    bundlePath: import.meta.env.BASE_URL.replace(/\/$/, '') + '/pagefind/',
    showImages: false,
    translations,
    showSubResults: true,
    processResult: (result: { url: string; sub_results: Array<{ url: string }> }) => {
      result.url = formatURL(result.url);
      result.sub_results = result.sub_results.map((sub_result) => {
        sub_result.url = formatURL(sub_result.url);
        return sub_result;
      });
    },
  });
}
