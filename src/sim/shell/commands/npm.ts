/**
 * npm in the node:20 images: the npm Node.js 20.15.1 bundles, 10.7.0 (nodejs.org/en/about/previous-releases lists
 * npm 10.7.0 from node 20.14.0 to 20.15.1, 10.8.1 from 20.16.0; nodejs/node@v20.15.1:deps/npm/package.json was not
 * read here). `npm -v`/`--version` print the version alone (npm/cli@v10.7.0:lib/cli/entry.js: `output.standard(npm.version)`
 * when the version flag is set). Other npm commands need the registry and are not simulated in a container.
 */
import type { SimCommand } from '../types.ts';

export const npm: SimCommand = {
  name: 'npm',
  async run(args) {
    if (args[0] === '-v' || args[0] === '--version') return { stdout: '10.7.0\n', stderr: '', exitCode: 0 };
    return {
      stdout: '',
      stderr: `npm: npm ${args.join(' ')}: not simulated in a container (npm --version works; RUN npm ci in a Dockerfile is built)\n`,
      exitCode: 1,
    };
  },
};
