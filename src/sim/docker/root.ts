/**
 * A Docker container as a ContainerRoot (runtime/roots.ts): what any shell entering it by
 * id needs to know, read live from the container. Docker's own storage (volumes, bind
 * mounts, the overlay upperdir) stays with the daemon, which the shell asks directly.
 */
import type { ContainerRoot } from '../runtime/roots.ts';
import type { Container } from './container.ts';

export function dockerRoot(c: Container): ContainerRoot {
  return {
    id: c.id,
    engine: 'docker',
    get flavor() {
      return c.image.flavor;
    },
    get commands() {
      return c.image.commands;
    },
    get files() {
      return c.image.files;
    },
    get dirs() {
      return c.image.dirs ?? [];
    },
    get hostname() {
      return c.config.Hostname;
    },
    get createdMs() {
      return c.createdMs;
    },
    get workdir() {
      return c.config.WorkingDir || '/';
    },
    get readOnlyRoot() {
      return c.hostConfig.ReadonlyRootfs;
    },
    get writable() {
      return Object.keys(c.hostConfig.Tmpfs ?? {});
    },
    get etc() {
      return { '/etc/hostname': `${c.config.Hostname}\n` };
    },
    get privileged() {
      return c.hostConfig.Privileged;
    },
  };
}
