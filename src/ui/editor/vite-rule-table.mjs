// @ts-check
/**
 * The rule table, parsed at build time (issue #14: the editor's bytes). src/checker/rules/index.ts
 * parses every rule's parameters against its template's schema when it loads, which needs zod:
 * about 46 KB gzip in the lesson page's grader worker, whose every other schema is built only
 * when an exercise is loaded (params.ts templateParams), never when one is graded. The build
 * parses the table here instead, with the module itself (a mistake fails the build, naming the
 * rule), and the bundle holds the result as data. The CLI bundle does the same
 * (scripts/build-cli.ts). Only in builds: the dev server runs the module as it is, so an edited
 * rule shows at once.
 */
import { isDeepStrictEqual } from 'node:util';

const RULES_INDEX = /[\\/]src[\\/]checker[\\/]rules[\\/]index\.ts$/;

/**
 * The module that replaces rules/index.ts: the same exports, from the parsed table's JSON.
 * @param {unknown[]} table ALL_RULES as rules/index.ts builds it
 * @returns {string}
 */
export function ruleTableModule(table) {
  const json = JSON.stringify(table);
  if (!isDeepStrictEqual(JSON.parse(json), table)) throw new Error('the parsed rule table is not plain JSON data (src/checker/rules/)');
  return `export const ALL_RULES = JSON.parse(${JSON.stringify(json)});\nexport const RULES_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));\n`;
}

/** @type {Promise<string> | undefined} */
let parsed;

/** rules/index.ts run once per build process (through tsx, as the CLI's build runs it), as a module's text. */
function parsedModule() {
  parsed ??= import('tsx/esm/api').then(({ tsImport }) => tsImport('../../checker/rules/index.ts', import.meta.url)).then((m) => ruleTableModule(m.ALL_RULES));
  return parsed;
}

/** @returns {import('vite').Plugin} */
export function parsedRuleTable() {
  return {
    name: 'container-course:parsed-rule-table',
    enforce: 'pre',
    apply: 'build',
    async load(id) {
      if (!RULES_INDEX.test(id.split('?')[0] ?? id)) return null;
      return parsedModule();
    },
  };
}
