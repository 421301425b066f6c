/**
 * node1's own filesystem as the node's agents touch it outside any container: the kubelet's hostPath plugin (type
 * checks, DirectoryOrCreate, FileOrCreate: k8s/kubelet/hostpath.ts) and containerd's CRI, which makes a missing mount
 * source before it binds it. The shell owns that filesystem, so it lends its operations (`NodePaths`, wired by
 * shell/runtime.ts); without a shell (a kubelet under test alone) nothing exists and nothing is made.
 */

/** hostutil's FileType names (kubernetes@v1.30 pkg/volume/util/hostutil): what os.Stat (links followed) says a path is. */
export type NodeFileType = 'Directory' | 'File' | 'Socket' | 'CharDevice' | 'BlockDevice';

/** The operations the shell lends; each failure is Go's *PathError text (`mkdir /a/b: not a directory`). */
export interface NodePaths {
  typeOf(path: string): Promise<NodeFileType | undefined>;
  /** os.MkdirAll(path, mode): every missing directory on the way made with `mode`. */
  mkdirAll(path: string, mode: number): Promise<string | undefined>;
  /** os.OpenFile(path, O_CREATE, mode) then Close: an empty file when nothing is there; the parent must exist. */
  createFile(path: string, mode: number): Promise<string | undefined>;
}

export class NodeFs {
  paths: NodePaths | undefined;

  typeOf(path: string): Promise<NodeFileType | undefined> {
    return this.paths ? this.paths.typeOf(path) : Promise.resolve(undefined);
  }

  mkdirAll(path: string, mode: number): Promise<string | undefined> {
    return this.paths ? this.paths.mkdirAll(path, mode) : Promise.resolve(undefined);
  }

  createFile(path: string, mode: number): Promise<string | undefined> {
    return this.paths ? this.paths.createFile(path, mode) : Promise.resolve(undefined);
  }

  /**
   * containerd@v1.7.22:pkg/cri/opts/spec_linux_opts.go WithMounts, as CreateContainer builds the spec: "Create the host
   * path if it doesn't exist" — os.MkdirAll(src, 0755) for each mount source that os.Stat does not find. So a hostPath
   * volume of type "" (the kubelet checks nothing: host_path.go SetUp returns at HostPathUnset) to a missing path
   * becomes an empty directory on node1.
   */
  async createMissingSources(sources: readonly string[]): Promise<void> {
    for (const src of sources) if (!(await this.typeOf(src))) await this.mkdirAll(src, 0o755);
  }
}
