import { describe, it } from 'vitest';
import { world } from '../helpers.ts';
import { expectHelp } from './help.ts';

describe('docker logs --help', () => {
  it("prints docker/cli v27.3.1's help with its Options, byte for byte", async () => {
    await expectHelp(await world([]), 'docker logs --help', 'logs');
  });
});
