/**
 * Docker volumes (driver `local`): named and anonymous, their data as a file
 * tree that outlives the containers using it, and the output of
 * `docker volume create/ls/inspect/rm/prune`. Which containers use a volume is
 * the daemon's knowledge; it is passed in as `users(name)`.
 */
import { tabwrite } from './format.ts';
import { rfc3339 } from './image.ts';
import type { OverlayRoot } from './overlay.ts';
import { contentSize, isUnder, type Tree } from './tree.ts';
import { humanSize } from './units.ts';
import type { CmdResult } from './store.ts';

export interface Volume {
  name: string;
  anonymous: boolean;
  createdMs: number;
  labels: Record<string, string> | null;
  /** The volume's files, paths relative to its root (`/hello.txt`). */
  data: Tree;
}

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export class VolumeStore {
  private readonly volumes = new Map<string, Volume>();
  /**
   * The daemon's log (set by DaemonImages.bindDaemon): moby@v27.3.1:volume/service/store.go VolumeStore.Create logs
   * `create` and Remove logs `destroy`, each with driver=local; service.go Prune logs `prune` (no id, reclaimed=bytes).
   */
  onEvent?: (action: 'create' | 'destroy' | 'prune', name: string, attributes: Record<string, string>) => void;

  private drop(name: string): void {
    if (this.volumes.delete(name)) this.onEvent?.('destroy', name, { driver: 'local' });
  }

  static mountpoint(name: string): string {
    return `/var/lib/docker/volumes/${name}/_data`;
  }

  get(name: string): Volume | undefined {
    return this.volumes.get(name);
  }

  all(): Volume[] {
    return [...this.volumes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * `docker volume create [NAME]`, or the implicit creation by `-v name:/path`
   * and `-v /path` (anonymous: `name` is the 64-hex ID the caller generated).
   */
  create(name: string, opts: { nowMs: number; anonymous?: boolean; labels?: Record<string, string> }): CmdResult & { volume?: Volume } {
    if (!VOLUME_NAME.test(name)) {
      return {
        stdout: '',
        stderr: `Error response from daemon: create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path\n`,
        exitCode: 1,
      };
    }
    let v = this.volumes.get(name);
    if (!v) {
      const labels = opts.anonymous ? { 'com.docker.volume.anonymous': '', ...(opts.labels ?? {}) } : (opts.labels ?? null);
      v = { name, anonymous: opts.anonymous ?? false, createdMs: opts.nowMs, labels, data: new Map() };
      this.volumes.set(name, v);
      this.onEvent?.('create', name, { driver: 'local' });
    }
    return { stdout: `${name}\n`, stderr: '', exitCode: 0, volume: v };
  }

  /**
   * Docker copies what the image has at the mount path into a new, empty
   * volume the first time it is mounted (not for bind mounts).
   */
  populateFrom(v: Volume, root: OverlayRoot, mountPath: string): void {
    if (v.data.size > 0) return;
    const base = root.realpath(mountPath);
    const walk = (dir: string) => {
      let names: string[];
      try {
        names = root.readdir(dir);
      } catch {
        return;
      }
      for (const n of names) {
        const p = dir === '/' ? `/${n}` : `${dir}/${n}`;
        const e = root.lstat(p);
        if (!e || !isUnder(p, base)) continue;
        v.data.set(p.slice(base.length) || '/', e);
        if (e.type === 'dir') walk(p);
      }
    };
    walk(base);
  }

  /** `docker volume ls [-q] [-f dangling=true|false]`; `match` is the rest of the daemon's filters (volume-ls.ts). */
  ls(opts: { quiet?: boolean; dangling?: boolean; users: (name: string) => string[]; match?: (v: Volume) => boolean }): string {
    const rows = this.all().filter((v) => (opts.dangling === undefined || (opts.users(v.name).length === 0) === opts.dangling) && (opts.match?.(v) ?? true));
    if (opts.quiet) return rows.map((v) => v.name + '\n').join('');
    return tabwrite([['DRIVER', 'VOLUME NAME'], ...rows.map((v) => ['local', v.name])]);
  }

  /** One element of `docker volume inspect`. */
  inspect(name: string): Record<string, unknown> | undefined {
    const v = this.volumes.get(name);
    if (!v) return undefined;
    return {
      CreatedAt: rfc3339(v.createdMs).replace(/\.\d+Z$/, 'Z'),
      Driver: 'local',
      Labels: v.labels,
      Mountpoint: VolumeStore.mountpoint(v.name),
      Name: v.name,
      Options: null,
      Scope: 'local',
    };
  }

  /** `docker volume inspect NAME…` as the CLI prints it (indented JSON array). */
  inspectText(names: readonly string[]): CmdResult {
    const docs: Record<string, unknown>[] = [];
    const errs: string[] = [];
    for (const n of names) {
      const d = this.inspect(n);
      if (d) docs.push(d);
      else errs.push(`Error response from daemon: get ${n}: no such volume\n`);
    }
    return { stdout: JSON.stringify(docs, null, 4) + '\n', stderr: errs.join(''), exitCode: errs.length ? 1 : 0 };
  }

  /** `docker volume rm [-f] NAME…`. */
  rm(names: readonly string[], opts: { force?: boolean; users: (name: string) => string[] }): CmdResult {
    let out = '';
    let err = '';
    for (const n of names) {
      const v = this.volumes.get(n);
      if (!v) {
        if (!opts.force) err += `Error response from daemon: get ${n}: no such volume\n`;
        continue;
      }
      const users = opts.users(n);
      if (users.length) {
        err += `Error response from daemon: remove ${n}: volume is in use - [${users.join(', ')}]\n`;
        continue;
      }
      this.drop(n);
      out += `${n}\n`;
    }
    return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
  }

  /** `docker volume prune -f [-a]`: unused anonymous volumes (all unused ones with -a), as Docker ≥ 23 does. */
  prune(opts: { all?: boolean; users: (name: string) => string[]; match?: (v: Volume) => boolean }): CmdResult {
    const victims = this.all().filter((v) => opts.users(v.name).length === 0 && (opts.all || v.anonymous) && (opts.match?.(v) ?? true));
    let bytes = 0;
    for (const v of victims) {
      bytes += contentSize(v.data);
      this.drop(v.name);
    }
    this.onEvent?.('prune', '', { reclaimed: String(bytes) });
    const list = victims.length ? `Deleted Volumes:\n${victims.map((v) => v.name + '\n').join('')}\n` : '';
    return { stdout: `${list}Total reclaimed space: ${humanSize(bytes)}\n`, stderr: '', exitCode: 0 };
  }
}
