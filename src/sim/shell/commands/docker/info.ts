import { arity } from './errors.ts';
import { bytesSize } from './format.ts';
import { parseTemplate, TemplateError } from '../../kit/template/index.ts';
import { R, infoDoc } from './system.ts';
import { defineCommand, INSPECT_FORMAT_HELP } from './define.ts';

// docker/cli@v27.3.1:cli/command/system/info.go
export default defineCommand({
  use: 'info [OPTIONS]',
  short: 'Display system-wide information',
  aliases: 'docker system info, docker info',
  top: 12,
  flags: [{ long: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP }],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    const format = flags.format as string | undefined;
    if (format) {
      // docker/cli@v27.3.1:cli/command/system/info.go formatInfo.
      let t;
      try {
        t = parseTemplate(format === 'json' ? '{{json .}}' : format);
      } catch (e) {
        if (e instanceof TemplateError) return R('', `template parsing error: ${e.message}\n`, 64);
        throw e;
      }
      try {
        return R(`${t.run(infoDoc(env))}\n`);
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        return R(`${e.partial}\n`, `${e.message}\n`, 1);
      }
    }
    const d = infoDoc(env).fields;
    return R(`Client: Docker Engine - Community
 Version:    27.3.1
 Context:    default
 Debug Mode: false

Server:
 Containers: ${d.Containers}
  Running: ${d.ContainersRunning}
  Paused: ${d.ContainersPaused}
  Stopped: ${d.ContainersStopped}
 Images: ${d.Images}
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
 Kernel Version: ${d.KernelVersion}
 Operating System: ${d.OperatingSystem}
 OSType: linux
 Architecture: ${d.Architecture}
 CPUs: ${d.NCPU}
 Total Memory: ${bytesSize(d.MemTotal as number)}
 Name: ${d.Name}
 Docker Root Dir: /var/lib/docker
`);
  },
});
