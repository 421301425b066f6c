/**
 * yarn in the node:20 images: Yarn Classic 1.22.22 (nodejs/docker-node@619b871:20/bookworm/Dockerfile ENV YARN_VERSION
 * 1.22.22, unpacked in /opt with /usr/local/bin/yarn linked to it; the build step runs `yarn --version`). `-v` and
 * `--version` print the version alone (yarnpkg/yarn@v1.22.22:src/cli/index.js main: `commander.version(version,
 * '-v, --version')`, commander's version option, which writes it and exits 0). Other yarn commands need the registry and
 * are not simulated in a container.
 */
import type { SimCommand } from '../types.ts';

export const yarn: SimCommand = {
  name: 'yarn',
  async run(args) {
    if (args[0] === '-v' || args[0] === '--version') return { stdout: '1.22.22\n', stderr: '', exitCode: 0 };
    return { stdout: '', stderr: `yarn: yarn ${args.join(' ')}: not simulated in a container (yarn --version works)\n`, exitCode: 1 };
  },
};
