/**
 * ctr (containerd 1.7): `ctr [-n|--namespace NS] images|image|i ls|list [-q]`. The CRI plugin
 * keeps Kubernetes' images in the `k8s.io` namespace, three refs per image (repo:tag,
 * repo@digest, sha256:config), labelled io.cri-containerd.image=managed; Docker 27's images
 * are not in containerd's store at all, so `moby` and `default` list nothing.
 * Table: containerd@v1.7.22 cmd/ctr/commands/images/images.go listCommand (tabwriter 1, 8, 1,
 * ' ', every row ending in a tab), pkg/progress/humaneyes.go Bytes (`%.1f MiB`).
 */
import type { ExecResult } from '../../api.ts';
import { tabwriter } from '../kit/tabwriter.ts';
import type { SimCommand } from '../types.ts';

/** containerd pkg/progress Bytes.String. */
export function progressBytes(n: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  if (n < 1024) return `${n} B`;
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

/**
 * Docker's containerd.io 1.7.22 package: version.Package, Version and Revision as its build
 * links them (`docker version` shows the same server Version and GitCommit); the server's UUID
 * is random per installation, this one is node1's.
 */
export const CONTAINERD = {
  package: 'containerd.io',
  version: '1.7.22',
  revision: '7f7fdf5fed64eb6a7caf99b3e12efcf9d60e311c',
  go: 'go1.22.7',
  uuid: '3c1f6b0e-5a2d-4e8b-9f47-0d6a2c8e1b53',
};

/** containerd@v1.7.22:cmd/ctr/commands/version/version.go: Client then Server, each line by fmt.Println. */
function versionCommand(extra: string[]): ExecResult {
  if (extra.length) return { stdout: '', stderr: `ctr: extra arguments: [${extra.join(' ')}]\n`, exitCode: 1 };
  const c = CONTAINERD;
  return {
    stdout: `Client:\n  Version:  ${c.version}\n  Revision: ${c.revision}\n  Go version: ${c.go}\n\nServer:\n  Version:  ${c.version}\n  Revision: ${c.revision}\n  UUID: ${c.uuid}\n`,
    stderr: '',
    exitCode: 0,
  };
}

const usageErr = (msg: string): ExecResult => ({ stdout: '', stderr: `ctr: ${msg}\n`, exitCode: 1 });

export const ctr: SimCommand = {
  name: 'ctr',
  async run(args, env) {
    let ns = 'default';
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (rest.length === 0 && (a === '-n' || a === '--namespace')) {
        const v = args[++i];
        if (v === undefined) return usageErr(`flag needs an argument: -n`);
        ns = v;
      } else if (rest.length === 0 && /^--?(n|namespace)=/.test(a)) ns = a.slice(a.indexOf('=') + 1);
      else rest.push(a);
    }
    const [group, verb, ...opts] = rest;
    // containerd@v1.7.22:cmd/ctr/app/main.go cli.VersionPrinter: App.Name, version.Package, App.Version.
    if (group === '--version' || group === '-v') return { stdout: `ctr ${CONTAINERD.package} ${CONTAINERD.version}\n`, stderr: '', exitCode: 0 };
    if (group === 'version') return versionCommand(rest.slice(1));
    // urfave/cli v1 (ctr's CLI library): an unknown command.
    if (!group || !['images', 'image', 'i'].includes(group)) return { stdout: '', stderr: `ctr: No help topic for '${group ?? ''}'\n`, exitCode: 1 };
    if (!verb || !['ls', 'list'].includes(verb)) return { stdout: '', stderr: `ctr: No help topic for '${verb ?? ''}'\n`, exitCode: 1 };
    const bad = opts.find((o) => o.startsWith('-') && o !== '-q' && o !== '--quiet');
    if (bad) return { stdout: '', stderr: `Incorrect Usage: flag provided but not defined: ${bad}\n`, exitCode: 1 };
    const quiet = opts.includes('-q') || opts.includes('--quiet');
    const refs = [];
    if (ns === 'k8s.io') {
      const [{ containerdOf }, lib] = await Promise.all([import('../../runtime/containerd.ts'), env.daemon.imageLib()]);
      const c = containerdOf(env.host, lib.registry);
      await c.bootPause();
      const pulled = [...c.refs.values()].map((r) => ({ ...r, size: r.image.image.size }));
      // kube-system's images from before the session (containerd-boot.ts): the CRI plugin's three refs for each.
      const booted = c.booted.images
        .filter((b) => !c.refs.has(b.tag))
        .flatMap((b) =>
          [b.tag, b.repoDigest, b.id].map((name) => ({
            name,
            mediaType: b.mediaType,
            digest: b.repoDigest.split('@')[1] ?? '',
            platforms: b.platforms,
            size: b.size,
          })),
        );
      refs.push(...[...pulled, ...booted].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
    }
    if (quiet) return { stdout: refs.map((r) => `${r.name}\n`).join(''), stderr: '', exitCode: 0 };
    const lines = ['REF\tTYPE\tDIGEST\tSIZE\tPLATFORMS\tLABELS\t'];
    for (const r of refs)
      lines.push(
        `${r.name}\t${r.mediaType}\t${r.digest}\t${progressBytes(r.size)}\t${[...new Set(r.platforms)].sort().join(',') || '-'}\tio.cri-containerd.image=managed\t`,
      );
    return { stdout: tabwriter(`${lines.join('\n')}\n`, 1, 1), stderr: '', exitCode: 0 };
  },
};
