/**
 * Fuzzing the simulator (issue #17): Go templates (docker's --format engine) and shell lines
 * built from the real command vocabulary. Shared by the short run in `npm test`
 * (tests/fuzz/sim.fuzz.test.ts) and the long run (`npm run fuzz`, scripts/fuzz.ts).
 *
 * A template case may fail only as Go's template errors do (TemplateError) or stop at a line
 * limit (LineLimitError); a shell case must resolve, exit with a number, and never print
 * "internal simulator error". Anything else is an exception the fuzz run counts.
 */
import fc from 'fast-check';
import { createWorld, type World } from '../../src/sim/index.ts';
import { parseTemplate, TemplateError } from '../../src/sim/shell/kit/template/index.ts';
import { GoFloat, GoFunc, GoNil, GoStruct } from '../../src/sim/shell/kit/template/value.ts';
import { LineLimitError } from '../../src/sim/shell/limits.ts';

export interface SimCaseReport {
  ms: number;
}

/** Pieces of templates: text, every action and keyword, Docker's functions, and edges (trim markers, comments, prototype names, big numbers). */
const TEMPLATE_BITS = [
  'x',
  ' ',
  '\n',
  '\t',
  '{{',
  '}}',
  '{{-',
  '-}}',
  '{{- ',
  ' -}}',
  '{{/*',
  '*/}}',
  '{{/* c */}}',
  '"',
  '`',
  "'",
  '(',
  ')',
  '|',
  ':=',
  '=',
  '$',
  ',',
  '{{.}}',
  '{{.Name}}',
  '{{.ID}}',
  '{{.Labels}}',
  '{{.State.Status}}',
  '{{.Config.Env}}',
  '{{.Mounts}}',
  '{{.NetworkSettings.Networks}}',
  '{{.Nope}}',
  '{{json .}}',
  '{{json .Config}}',
  '{{range .}}',
  '{{range $k, $v := .}}',
  '{{range $i := .Config.Env}}',
  '{{range 3}}',
  '{{range 1000000}}',
  '{{end}}',
  '{{else}}',
  '{{else if .}}',
  '{{else with .}}',
  '{{if .}}',
  '{{if not .}}',
  '{{with .State}}',
  '{{with $x := .}}',
  '{{define "a"}}',
  '{{template "a" .}}',
  '{{template "a"}}',
  '{{template "nope"}}',
  '{{block "b" .}}',
  '{{break}}',
  '{{continue}}',
  '{{printf "%v" .}}',
  '{{printf "%s %d" . 1}}',
  '{{printf "%[2]*[1]d" 1 2}}',
  '{{printf "%*d" 1000000 1}}',
  '{{printf "%.200f" 0.1}}',
  '{{printf "%9999999d" 1}}',
  '{{printf "%q" .}}',
  '{{printf "%x" .Name}}',
  '{{print . 1 "a"}}',
  '{{println .}}',
  '{{index . "Name"}}',
  '{{index .Config.Env 0}}',
  '{{index . 99}}',
  '{{slice .Name 1}}',
  '{{slice . 1 2 3 4}}',
  '{{len .}}',
  '{{len 3}}',
  '{{join .Config.Env ","}}',
  '{{split .Name "/"}}',
  '{{upper .Name}}',
  '{{lower 1}}',
  '{{title .}}',
  '{{pad .Name 1 2}}',
  '{{truncate .Name 3}}',
  '{{$x := 1}}',
  '{{$x = 2}}',
  '{{$x}}',
  '{{$}}',
  '{{$.Name}}',
  '{{(.)}}',
  '{{(.).Name}}',
  '{{. | len}}',
  '{{.Name | printf "%s"}}',
  '{{and 1 0}}',
  '{{or}}',
  '{{or 0 .}}',
  '{{not .}}',
  '{{eq . 1}}',
  '{{eq .Name "a" "b"}}',
  '{{ne 1 1.5}}',
  '{{lt 1 "a"}}',
  '{{le 2 2}}',
  '{{gt .}}',
  '{{call .}}',
  '{{call .Fn 1}}',
  '{{html .}}',
  '{{js .}}',
  '{{urlquery .}}',
  '{{nil}}',
  '{{true}}',
  '{{0x1p4}}',
  '{{1e400}}',
  "{{'a'}}",
  '{{"\\x"}}',
  '{{"\\u00e9"}}',
  '{{-3}}',
  '{{.Name.Nope}}',
  '{{constructor}}',
  '{{.constructor}}',
  '{{.__proto__}}',
  '{{index . "__proto__"}}',
  '{{toString}}',
  '{{hasOwnProperty "x"}}',
  'é',
  '🐳',
  '\u0000',
  '\u001b[31m',
];

const goData = (): unknown => ({
  Name: '/web',
  ID: 'c0ffee',
  Labels: { a: 'b', constructor: 'x' },
  State: { Status: 'running', Pid: 23890, Running: true, ExitCode: 0, StartedAt: '2026-12-03T10:00:00Z' },
  Config: { Env: ['PATH=/usr/bin', 'A=1'], Cmd: null, Labels: {} },
  Mounts: [],
  NetworkSettings: { Networks: { bridge: { IPAddress: '172.17.0.2' } } },
  Fn: new GoFunc(['int'], (n) => n),
  Float: new GoFloat(1.5),
  NilSlice: new GoNil('slice', '[]string'),
  NilPtr: new GoNil('ptr', '*types.State'),
  Struct: new GoStruct('*formatter.ContainerContext', { ID: 'abc', Names: 'web' }),
});

export const templateInput: fc.Arbitrary<{ text: string; data: number }> = fc.record({
  text: fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...TEMPLATE_BITS), { maxLength: 14 }).map((b) => b.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 40 }) },
  ),
  data: fc.nat(5),
});

/** One template case: parse, then run on a container-like map, a list, nil, a string, a number or a typed struct. */
export function templateCase(input: { text: string; data: number }): SimCaseReport {
  const t = performance.now();
  const d = goData() as Record<string, unknown>;
  const data = [d, [d, d], null, 'web', 42, d.Struct][input.data];
  try {
    const tpl = parseTemplate(input.text);
    tpl.run(data);
    tpl.run(data, { missingKeyError: true });
  } catch (e) {
    if (!(e instanceof TemplateError) && !(e instanceof LineLimitError)) throw e;
  }
  return { ms: performance.now() - t };
}

/** Whole commands learners type, across docker, kubectl, the Linux tools and the shell. */
const COMMANDS = [
  'docker run -d --name app nginx',
  'docker run --rm alpine echo hi',
  'docker run -d --init alpine sleep 1000',
  'docker ps -a',
  'docker ps --format {{.Names}}',
  "docker inspect --format '{{json .State}}' app",
  'docker stop app',
  'docker rm -f app',
  'docker logs app',
  'docker exec app ps',
  'docker images',
  'docker image ls -q',
  "docker run -d --memory=64m alpine sh -c 'tail /dev/zero'",
  'docker stats --no-stream',
  'docker network ls',
  'docker volume create v',
  'docker system df',
  'docker build -t t .',
  'docker save alpine -o /tmp/a.tar',
  'docker load -i /tmp/a.tar',
  'docker pause app',
  'docker cp app:/etc/hostname /tmp/h',
  'kubectl get pods',
  'kubectl run web --image=nginx',
  'kubectl describe pod web',
  'kubectl delete pod web',
  'kubectl get pods -o yaml',
  'kubectl explain pod.spec',
  'ps aux',
  'ps -o pid,ppid,cmd',
  'lsns',
  'ls -l /proc/self/ns',
  'cat /proc/self/status',
  'cat /sys/fs/cgroup/memory.max',
  'mount',
  'ip addr',
  'ss -tln',
  'sudo unshare --pid --fork --mount-proc bash',
  'exit',
  'nsenter -t 1 -m ls',
  'hostname lab',
  'id',
  'capsh --print',
  'getpcaps $$',
  'sysctl -a',
  'echo $$ $! $?',
  'jobs',
  'sleep 5 &',
  'wait',
  'kill -l',
  'kill -9 1',
  'env',
  'df -h',
  'free -m',
  'stat -f /',
  'history',
  'clear',
  'cd /tmp',
  'pwd',
  'echo hi > /tmp/f',
  'cat /tmp/f',
  'wc -c /tmp/f',
  'yes',
  'cat /dev/zero',
  'head -c 5 /dev/urandom',
  'sleep infinity',
  'ping -c 1 172.17.0.2',
  'echo {1..20000}',
  ':(){ :|:& };:',
  'while :; do :; done',
  'for i in $(seq 1 50); do docker run -d alpine sleep 100; done',
  'true',
  'false',
];

/** Ways to combine commands: pipes, lists, loops, redirections, substitutions, subshells, background jobs, here-documents. */
const shape = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...COMMANDS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...COMMANDS), fc.constantFrom(' | ', '; ', ' && ', ' || ', ' & ', ' | head -n 2 | '), fc.constantFrom(...COMMANDS))
      .map(([a, op, b]) => `${a}${op}${b}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          'for i in 1 2 3; do %; done',
          'while :; do %; done',
          'until false; do %; done',
          '( % )',
          '{ %; }',
          'x=$(%); echo "$x"',
          '% > /tmp/o 2>&1',
          '% < /dev/zero',
          '% | cat > /dev/full',
          'f() { %; f; }; f',
          'timeout 1 %',
          '% <<EOF\nline\nEOF',
        ),
        fc.constantFrom(...COMMANDS),
      )
      .map(([t, c]) => t.replace('%', c)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }) },
);

export const shellInput: fc.Arbitrary<string[]> = fc.array(shape, { minLength: 1, maxLength: 3 });

let world: World | undefined;
let used = 0;

/**
 * One shell case: its lines run in one world, kept for 20 cases (so state piles up, as in a
 * long session) and then replaced. Each line must resolve with a numeric exit code and
 * without an internal error.
 */
export async function shellCase(lines: string[]): Promise<SimCaseReport> {
  const t = performance.now();
  if (!world || used++ >= 20) {
    world = createWorld();
    used = 1;
  }
  for (const line of lines) {
    const r = await world.exec(line);
    if (typeof r.exitCode !== 'number') throw new Error(`no exit code for ${JSON.stringify(line)}`);
    if (/internal simulator error/.test(r.stderr)) throw new Error(`${JSON.stringify(line)}: ${r.stderr.trim()}`);
    world.advance(500);
  }
  return { ms: performance.now() - t };
}
