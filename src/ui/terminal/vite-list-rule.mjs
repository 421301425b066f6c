// @ts-check
/**
 * Starlight's list-spacing rule without `:has()` (issue #14: the terminal's main-thread cost).
 * @astrojs/starlight 0.42.4 dist/style/markdown.css spaces the last block child of every item of a
 * list in which any item holds a block element:
 *   .sl-markdown-content :is(ol, ul):has(> li > :not(a, …)) > li > :is(
 *     :last-child:not(a, …),
 *     :not(script):has(~ script:last-child):not(:has(~ :not(script)))) { margin-bottom: 1.25rem }
 * With that rule in the page, Chromium re-checks styles across the document for each element or text
 * inserted anywhere, and xterm's DOM renderer writes each new character into a span and reads its
 * offsetWidth, so each first-seen character cost a whole-page style recalc. Measured on lesson 1 (a
 * loaded 2-core machine): the 14 measurements at start took 588 ms and the 32 of
 * `docker run -d --name web nginx` 2,612 ms; without the rule, 21 ms and 180 ms (a `:has(> li > p)`
 * alone costs as much). Here the rule spaces the last block child of each item that has one, without
 * `:has()`: the lessons' lists are loose (each item a paragraph) or tight (none), so they look the same;
 * a list that mixes the two no longer spaces its inline-only items. No list item of the course ends in
 * a script (tests/ui/list-rule.test.ts), so the script branch is not kept.
 */

const FILE = /[\\/]@astrojs[\\/]starlight[\\/]dist[\\/]style[\\/]markdown\.css(\?.*)?$/;
/** The rule, from its selector to its closing brace (the comments inside it included). */
const RULE =
  /\.sl-markdown-content\s*:is\(ol, ul\):has\(> li > :not\(a, strong, em, del, span, input, code, br, script, ol, ul\)\)[^{]*\{\s*margin-bottom: 1\.25rem;\s*\}/;
const REPLACEMENT =
  '.sl-markdown-content li > :last-child:not(a, strong, em, del, span, input, code, br, script, :where(.not-content *)) {\n\t\tmargin-bottom: 1.25rem;\n\t}';

/**
 * markdown.css with the rule replaced; an error naming the file when the rule is not found as expected.
 * @param {string} css
 * @param {string} id
 * @returns {string}
 */
export function withoutHasListRule(css, id) {
  if (!RULE.test(css)) {
    throw new Error(`${id}: Starlight's list-spacing rule changed; src/ui/terminal/vite-list-rule.mjs no longer finds it`);
  }
  return css.replace(RULE, REPLACEMENT);
}

/** @returns {import('vite').Plugin} */
export function starlightListRule() {
  return {
    name: 'container-course:starlight-list-rule',
    enforce: 'pre',
    transform(code, id) {
      return FILE.test(id) ? { code: withoutHasListRule(code, id), map: null } : null;
    },
  };
}
