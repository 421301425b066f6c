/**
 * The terminal's code, fetched when the learner presses Start. Vite writes the list of chunks to
 * preload beside each dynamic import; with the import here, that list (about thirty chunk names)
 * sits in this small chunk instead of the lesson page's at-load script, whose budget is 10 KB gzip
 * (issue #14). The cost is one small request before the parallel fetch.
 */
export const loadTerminal = () => Promise.all([import('./session.ts'), import('./controls.ts'), import('./notice.ts')]);
