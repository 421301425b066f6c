import { describe, expect, it } from 'vitest';
import { GoNil, parseTemplate, sprintf } from '../../src/sim/shell/kit/template/index.ts';
import { sh, world } from './helpers.ts';

// docker/cli@v27.3.1:cli/command/inspect/inspector.go: a template runs on the typed
// types.ContainerJSON first (moby@v27.3.1:api/types/types.go), on the raw JSON map with
// missingkey=error only when that fails. go1.22 src/fmt/print.go: a nil slice prints "[]", a nil
// map "map[]", a nil pointer "<nil>"; encoding/json writes null for each.

describe('typed nils in the Go template engine', () => {
  it('prints, ranges, measures and marshals them as Go does', () => {
    const data = { S: new GoNil('slice', 'strslice.StrSlice'), M: new GoNil('map', 'map[string]string'), P: new GoNil('ptr', '*types.Health') };
    const run = (t: string) => parseTemplate(t).run(data);
    expect(run('{{.S}} {{.M}} {{.P}}')).toBe('[] map[] <nil>');
    expect(run('{{json .S}} {{json .M}} {{json .P}}')).toBe('null null null');
    expect(run('{{len .S}} {{len .M}} {{if .S}}y{{else}}n{{end}} {{range .M}}x{{else}}empty{{end}}')).toBe('0 0 n empty');
    expect(run('{{join .S ","}}|{{.M.key}}')).toBe('|<no value>');
    expect(() => run('{{.P.Status}}')).toThrow('template: :1:4: executing "" at <.P.Status>: nil pointer evaluating *types.Health.Status');
    expect(sprintf('%v %s %T %d', [data.S, data.M, data.P, data.S])).toBe('[] map[] *types.Health []');
  });
});

describe('docker inspect -f on a container: the typed struct first (#10)', { timeout: 120_000 }, () => {
  it('nil slices, maps and pointers; structs in field order; Go names typed, JSON names through the fallback', async () => {
    const w = await world(['alpine', 'nginx']);
    await sh(w, 'docker run -d --name web nginx');
    await sh(w, 'docker run -d --name al alpine sleep 1000');
    const f = async (t: string, c = 'al') => (await sh(w, `docker inspect -f '${t}' ${c}`)).stdout;
    expect(await f('{{.Config.Cmd}}', 'web')).toBe('[nginx -g daemon off;]\n');
    expect(await f('{{.Config.Entrypoint}} {{json .Config.Entrypoint}}')).toBe('[] null\n');
    expect(await f('{{.Config.Volumes}} {{json .Config.Volumes}}')).toBe('map[] null\n');
    expect(await f('{{.HostConfig.Binds}} {{.HostConfig.PidsLimit}} {{.State.Health}}')).toBe('[] <nil> <nil>\n');
    expect(await f('{{.Config.ExposedPorts}} {{.NetworkSettings.Ports}}', 'web')).toBe('map[80/tcp:{}] map[80/tcp:[]]\n');
    expect(await f('{{.HostConfig.RestartPolicy}} {{.HostConfig.LogConfig}}')).toBe('{no 0} {json-file map[]}\n');
    expect(await f('{{.State}}')).toMatch(/^\{running true false false false false \d+ 0  \d{4}-\d\d-\d\dT[\d:.]+Z 0001-01-01T00:00:00Z <nil>\}\n$/);
    // Nested pointers print as addresses; the top-level value is indirected.
    expect(await f('{{.}}')).toMatch(/^\{0xc[0-9a-f]+ \[\] 0xc[0-9a-f]+ 0xc[0-9a-f]+\}\n$/);
    expect(await f('{{.NetworkSettings.Networks}}')).toMatch(/^map\[bridge:0xc[0-9a-f]+\]\n$/);
    // .Id is the JSON name: the typed run fails and the raw map answers.
    expect(await f('{{.Id}}')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(await f('{{.ID}}')).toMatch(/^[0-9a-f]{64}\n$/);
    // Both runs fail: the raw run's error is reported.
    const health = await sh(w, "docker inspect -f '{{.State.Health.Status}}' al");
    expect([health.stdout, health.stderr, health.exitCode]).toEqual([
      '\n',
      'template parsing error: template: :1:8: executing "" at <.State.Health.Status>: map has no entry for key "Health"\n',
      1,
    ]);
  });
});

describe('docker image inspect -f: typed types.ImageInspect first (#10)', { timeout: 120_000 }, () => {
  it('nil Entrypoint and Volumes, time.Time printed by Time.String, a nil ContainerConfig pointer', async () => {
    const w = await world(['alpine']);
    const f = async (t: string) => (await sh(w, `docker image inspect -f '${t}' alpine`)).stdout;
    expect(await f('{{.Config.Entrypoint}} {{json .Config.Entrypoint}} {{.Config.Volumes}} {{.ContainerConfig}}')).toBe('[] null map[] <nil>\n');
    expect(await f('{{.Metadata}} {{json .Metadata}}')).toBe('{0001-01-01 00:00:00 +0000 UTC} {"LastTagTime":"0001-01-01T00:00:00Z"}\n');
    expect(await f('{{.RootFS.Type}} {{len .RootFS.Layers}} {{.Os}}/{{.Architecture}}')).toBe('layers 1 linux/amd64\n');
    expect((await sh(w, "docker inspect -f '{{.Config.Entrypoint}}' alpine")).stdout).toBe('[]\n');
  });
});
