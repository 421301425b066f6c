/**
 * The containerd daemon binary (Docker's containerd.io 1.7.22 package, /usr/bin/containerd):
 * `containerd --version` / `-v` prints App.Name, version.Package, Version and Revision
 * (containerd@v1.7.22:cmd/containerd/command/main.go cli.VersionPrinter). The daemon itself
 * already runs as PID 640 under systemd; starting a second one is not simulated.
 */
import type { SimCommand } from '../types.ts';
import { CONTAINERD } from './ctr.ts';

export const containerd: SimCommand = {
  name: 'containerd',
  async run(args) {
    if (args[0] === '--version' || args[0] === '-v')
      return { stdout: `containerd ${CONTAINERD.package} ${CONTAINERD.version} ${CONTAINERD.revision}\n`, stderr: '', exitCode: 0 };
    return {
      stdout: '',
      stderr: 'containerd: the daemon already runs on node1 (systemctl status containerd); a second one is not simulated. containerd --version and ctr work.\n',
      exitCode: 1,
    };
  },
};
