/**
 * go in the golang:1.22 images (/usr/local/go/bin/go, on the image's PATH): Go 1.22.5 (ENV GOLANG_VERSION=1.22.5,
 * /usr/local/go/VERSION "go1.22.5"). `go version` prints `go version <runtime.Version()> <GOOS>/<GOARCH>`
 * (golang/go@go1.22.5:src/cmd/go/internal/version/version.go runVersion: `fmt.Printf("go version %s %s/%s\n", …)`);
 * node1 is linux/amd64 (an arm64 image's go would not execute here). An unknown subcommand gets cmd/go's
 * "go X: unknown command" and status 2 (src/cmd/go/main.go). The module commands (build, run, mod, test, …) in a
 * container are not simulated; in a Dockerfile's RUN they are (build/tools-dev.ts).
 */
import type { SimCommand } from '../types.ts';

/** cmd/go's top-level commands (golang/go@go1.22.5:src/cmd/go/main.go base.Go.Commands). */
const KNOWN = [
  'bug',
  'build',
  'clean',
  'doc',
  'env',
  'fix',
  'fmt',
  'generate',
  'get',
  'install',
  'list',
  'mod',
  'work',
  'run',
  'test',
  'tool',
  'version',
  'vet',
  'help',
];

export const go: SimCommand = {
  name: 'go',
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'version' && rest.length === 0) return { stdout: 'go version go1.22.5 linux/amd64\n', stderr: '', exitCode: 0 };
    if (sub !== undefined && !sub.startsWith('-') && !KNOWN.includes(sub))
      return { stdout: '', stderr: `go ${sub}: unknown command\nRun 'go help' for usage.\n`, exitCode: 2 };
    return {
      stdout: '',
      stderr: `go: go ${args.join(' ')}: not simulated in a container (go version works; RUN go build in a Dockerfile is built)\n`,
      exitCode: 1,
    };
  },
};
