/**
 * A Docker container as a ContainerRoot (runtime/roots.ts): what any shell entering it by
 * id needs to know, read live from the container. Docker's own storage (volumes, bind
 * mounts, the overlay upperdir) stays with the daemon, which the shell asks directly.
 *
 * The live fields are a class's getters, defined once on its prototype. An object literal's `get x() {…}` makes a new
 * getter per container, and V8 keeps each one in an AccessorPair it allocates in old space: a scavenge counts it live,
 * so every container, and through it every world, lived on until the next full collection (issue #10's p99).
 */
import type { ContainerRoot } from '../runtime/roots.ts';
import type { Container } from './container.ts';

class DockerRoot implements ContainerRoot {
  readonly engine = 'docker';
  constructor(private readonly c: Container) {}
  get id(): string {
    return this.c.id;
  }
  get flavor(): ContainerRoot['flavor'] {
    return this.c.image.flavor;
  }
  get commands(): string[] {
    return this.c.image.commands;
  }
  get files(): Record<string, string> {
    return this.c.image.files;
  }
  get dirs(): string[] {
    return this.c.image.dirs ?? [];
  }
  get hostname(): string {
    return this.c.config.Hostname;
  }
  get createdMs(): number {
    return this.c.createdMs;
  }
  get workdir(): string {
    return this.c.config.WorkingDir || '/';
  }
  get readOnlyRoot(): boolean {
    return this.c.hostConfig.ReadonlyRootfs;
  }
  get writable(): string[] {
    return Object.keys(this.c.hostConfig.Tmpfs ?? {});
  }
  get etc(): Record<string, string> {
    return { '/etc/hostname': `${this.c.config.Hostname}\n` };
  }
  get privileged(): boolean {
    return this.c.hostConfig.Privileged;
  }
}

export function dockerRoot(c: Container): ContainerRoot {
  return new DockerRoot(c);
}
