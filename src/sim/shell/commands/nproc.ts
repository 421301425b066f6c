import type { SimCommand } from '../types.ts';

/**
 * nproc (coreutils 9.4): the CPUs this process may run on, i.e. its cpuset
 * (sched_getaffinity); --all prints every online CPU. In a container with --cpuset-cpus the
 * cpuset is smaller; --cpus (a CFS quota) does not change it.
 */
export const nproc: SimCommand = {
  name: 'nproc',
  async run(args, env) {
    const all = env.host.fixture.cpus;
    const bad = args.find((a) => a !== '--all' && !a.startsWith('--ignore'));
    // coreutils@v9.4:src/nproc.c uses getopt_long: "nproc: unrecognized option '--x'" / "invalid option -- 'x'".
    if (bad)
      return {
        stdout: '',
        stderr: `${bad.startsWith('--') ? `nproc: unrecognized option '${bad}'` : `nproc: invalid option -- '${bad.slice(1, 2)}'`}\nTry 'nproc --help' for more information.\n`,
        exitCode: 1,
      };
    let n = all;
    if (!args.includes('--all') && env.self.containerId) {
      const c = env.daemon.containers.get(env.self.containerId);
      const set = c?.hostConfig.CpusetCpus;
      if (set)
        n = set.split(',').reduce((sum, part) => {
          const [a, b] = part.split('-').map(Number) as [number, number | undefined];
          return sum + (b === undefined ? 1 : b - a + 1);
        }, 0);
    }
    const ig = args.find((a) => a.startsWith('--ignore='));
    if (ig) n = Math.max(1, n - Number(ig.slice('--ignore='.length)));
    return { stdout: `${n}\n`, stderr: '', exitCode: 0 };
  },
};
