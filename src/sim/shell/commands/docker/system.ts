import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';

export async function version(_args: string[], env: CmdEnv): Promise<ExecResult> {
  void env;
  return {
    stdout: `Client: Docker Engine - Community
 Version:           27.3.1
 API version:       1.47
 Go version:        go1.22.7
 Git commit:        ce12230
 Built:             Fri Sep 20 11:41:00 2024
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          27.3.1
  API version:      1.47 (minimum version 1.24)
  Go version:       go1.22.7
  Git commit:       41ca978
  Built:            Fri Sep 20 11:41:00 2024
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.7.22
  GitCommit:        7f7fdf5fed64eb6a7caf99b3e12efcf9d60e311c
 runc:
  Version:          1.1.14
  GitCommit:        v1.1.14-0-g2c9f560
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`,
    stderr: '',
    exitCode: 0,
  };
}

export async function info(_args: string[], env: CmdEnv): Promise<ExecResult> {
  const cs = [...env.daemon.containers.values()];
  const n = (s: string) => cs.filter((c) => c.status === s).length;
  const fx = env.host.fixture;
  return {
    stdout: `Client: Docker Engine - Community
 Version:    27.3.1
 Context:    default
 Debug Mode: false

Server:
 Containers: ${cs.length}
  Running: ${n('running')}
  Paused: 0
  Stopped: ${cs.length - n('running')}
 Images: ${env.daemon.lib?.store.all().length ?? 0}
 Server Version: 27.3.1
 Storage Driver: overlay2
  Backing Filesystem: extfs
 Logging Driver: json-file
 Cgroup Driver: systemd
 Cgroup Version: 2
 Runtimes: io.containerd.runc.v2 runc
 Default Runtime: runc
 Init Binary: docker-init
 Security Options:
  apparmor
  seccomp
   Profile: builtin
  cgroupns
 Kernel Version: ${fx.kernel.release}
 Operating System: ${fx.os}
 OSType: linux
 Architecture: ${fx.kernel.machine}
 CPUs: ${fx.cpus}
 Total Memory: ${(fx.memTotalBytes / 1024 ** 3).toFixed(2)}GiB
 Name: ${fx.hostname}
 Docker Root Dir: /var/lib/docker
`,
    stderr: '',
    exitCode: 0,
  };
}
