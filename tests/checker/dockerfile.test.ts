/** The Dockerfile model: stages, aliases, ARG substitution, heredocs, continuations. */
import { describe, expect, it } from 'vitest';
import { finalChain, runCommands } from '../../src/checker/parse/dockerfile-model.ts';
import { parseDockerfile } from '../../src/checker/parse/dockerfile.ts';
import { finalUser } from '../../src/checker/templates/dockerfile.ts';

const text = `# syntax=docker/dockerfile:1
ARG GO=1.22
FROM golang:\${GO} AS build
RUN apt-get update && \\
    apt-get install -y git
RUN <<EOF bash
set -euo pipefail
go build -o /app .
EOF
FROM build AS test
USER 1000
RUN go test ./...
FROM test
COPY --from=build /app /app
CMD ["/app"]
`;

describe('parseDockerfile', () => {
  const df = parseDockerfile(text, 'Dockerfile');
  it('finds stages with ARG-substituted images, aliases and stage bases', () => {
    expect(df.errors).toEqual([]);
    expect(df.stages.map((s) => [s.image, s.alias, s.baseStage, s.from.line])).toEqual([
      ['golang:1.22', 'build', null, 3],
      ['build', 'test', 0, 10],
      ['test', null, 1, 13],
    ]);
    expect(finalChain(df).map((s) => s.index)).toEqual([0, 1, 2]);
  });
  it('joins continuations and keeps heredoc bodies', () => {
    const runs = df.instructions.filter((i) => i.keyword === 'RUN');
    expect(runs.map((r) => [r.line, r.endLine])).toEqual([
      [4, 5],
      [6, 9],
      [12, 12],
    ]);
    expect(runCommands(runs[0]!)).toEqual(['apt-get update', 'apt-get install -y git']);
    expect(runCommands(runs[1]!)).toEqual(['bash', 'set -euo pipefail', 'go build -o /app .']);
    expect(runs[1]!.heredocs).toEqual([{ name: 'EOF', terminated: true, line: 6 }]);
  });
  it('follows USER through stages built FROM other stages', () => {
    expect(finalUser(df)).toMatchObject({ user: '1000', base: 'golang:1.22' });
  });
  it('reads exec-form arguments and flags', () => {
    const copy = df.instructions.find((i) => i.keyword === 'COPY')!;
    expect(copy.flags).toEqual({ from: 'build' });
    expect(df.instructions.find((i) => i.keyword === 'CMD')!.json).toEqual(['/app']);
  });
});
