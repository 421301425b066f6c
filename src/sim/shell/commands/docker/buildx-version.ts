// docker buildx version: its cobra definition; what it answers on node1 is said in buildx.ts.
import { defineCommand } from './define.ts';
import { R, HIDE_BUILDER, BUILDX_VERSION, BUILDX_REVISION, bxArity } from './buildx.ts';

// commands/version.go: fmt.Println(version.Package, version.Version, version.Revision).
const version = defineCommand({
  use: 'version',
  short: 'Show buildx version information',
  flags: [HIDE_BUILDER],
  async run(_f, rest, _env, cmd) {
    return bxArity(cmd, rest.length, 'exactly0') ?? R(`github.com/docker/buildx ${BUILDX_VERSION} ${BUILDX_REVISION}\n`);
  },
});

export default version;
