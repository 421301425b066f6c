/**
 * node in the node:20 images (and luksa/kubia, built on node:20): the Node.js 20.15.1 binary the image's Dockerfile
 * unpacks into /usr/local (nodejs/docker-node@619b871:20/bookworm/Dockerfile, ENV NODE_VERSION 20.15.1; its build
 * step runs `node --version`). `-v`/`--version` print `v` and the version (nodejs/node@v20.15.1:src/node.cc
 * `printf("%s\n", NODE_VERSION)`, NODE_VERSION "v" NODE_VERSION_STRING). Running a script, `-e`/`-p` and the REPL are
 * not simulated: the simulator has no JavaScript engine of the image's own, and says so.
 */
import type { SimCommand } from '../types.ts';

export const NODE_VERSION = 'v20.15.1';

export const node: SimCommand = {
  name: 'node',
  async run(args, env) {
    if (args[0] === '-v' || args[0] === '--version') return { stdout: `${NODE_VERSION}\n`, stderr: '', exitCode: 0 };
    // Without arguments and with stdin not a terminal node runs stdin as its script (src/node.cc: the REPL only when
    // stdin is a TTY): `docker run --rm node:20` without -i reads an empty stdin and exits 0, silently.
    if (args.length === 0 && !env.stdinTty && env.stdin === '') return { stdout: '', stderr: '', exitCode: 0 };
    const what = args.length ? `node ${args.join(' ')}` : 'the node REPL';
    return { stdout: '', stderr: `node: ${what}: not simulated (node --version works)\n`, exitCode: 1 };
  },
};
