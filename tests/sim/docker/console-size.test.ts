/**
 * HostConfig.ConsoleSize: docker/cli@v27.3.1:cli/command/container/create.go sets it from dockerCli.Out().GetTtySize(),
 * which is the terminal's [height, width] when docker's stdout is a terminal and 0×0 otherwise (cli/streams/out.go).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

describe('docker inspect HostConfig.ConsoleSize', () => {
  it('is the terminal size when stdout is the terminal, 0×0 when docker run writes to a pipe or file', async () => {
    const w = createWorld();
    await w.exec('docker create --name atty alpine >/dev/null 2>&1', { columns: 100, rows: 30 });
    await w.exec('docker create --name plain alpine', { columns: 100, rows: 30 });
    await w.exec('docker create --name piped alpine | cat', { columns: 100, rows: 30 });
    const size = async (name: string) => (await w.exec(`docker inspect -f '{{json .HostConfig.ConsoleSize}}' ${name}`)).stdout;
    expect(await size('plain')).toBe('[30,100]\n');
    expect(await size('atty')).toBe('[0,0]\n');
    expect(await size('piped')).toBe('[0,0]\n');
  });
});
