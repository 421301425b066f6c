/**
 * registry, the Distribution registry 2.8.3 of the registry:2 image (/bin/registry). Its root command is cobra's
 * (distribution/distribution@v2.8.3:registry/root.go RootCmd): `--version`/`-v` print version.FprintVersion's line,
 * `os.Args[0] Package Version` (version/print.go), where the image's build sets Package to
 * github.com/docker/distribution and Version to the tag without its `v` (Dockerfile: `-X ${PKG}/version.Version=${VERSION#v}`),
 * which is also the `version=2.8.3` of its start-up log (runtime/programs.ts). `registry serve CONFIG` is the image's
 * main process (programs.ts); run again in a container's shell, it and `garbage-collect` are not simulated.
 * The file is named for the project: commands/registry.ts is the command list.
 */
import type { SimCommand } from '../types.ts';

export const registryVersion = (argv0: string): string => `${argv0} github.com/docker/distribution 2.8.3\n`;

export const registry: SimCommand = {
  name: 'registry',
  async run(args) {
    if (args[0] === '--version' || args[0] === '-v') return { stdout: registryVersion('registry'), stderr: '', exitCode: 0 };
    return { stdout: '', stderr: `registry: registry ${args.join(' ')}: not simulated in a container's shell (registry --version works)\n`, exitCode: 1 };
  },
};
