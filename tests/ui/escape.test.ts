import { describe, expect, it } from 'vitest';
import { EscapeKeys } from '../../src/ui/terminal/escape.ts';

// moby/term's escapeProxy (docker/cli@v27.3.1:vendor/github.com/moby/term/proxy.go): the keys in a row detach; a partial
// sequence is held back, then let through with the key that broke it, which is not matched again.
describe('the detach keys at an attached prompt', () => {
  it('Ctrl-P Ctrl-Q detaches, in one chunk or two; what came before goes on', () => {
    const e = new EscapeKeys();
    expect(e.feed('ls\x10\x11', '\x10\x11')).toEqual({ pass: 'ls', detached: true });
    expect(e.feed('\x10', '\x10\x11')).toEqual({ pass: '', detached: false });
    expect(e.feed('\x11', '\x10\x11')).toEqual({ pass: '', detached: true });
  });

  it('a broken sequence lets the held keys through (Ctrl-P stays the history key)', () => {
    const e = new EscapeKeys();
    expect(e.feed('\x10', '\x10\x11')).toEqual({ pass: '', detached: false });
    expect(e.feed('a', '\x10\x11')).toEqual({ pass: '\x10a', detached: false });
    // proxy.go resets to 0 on the breaking key without matching it again: Ctrl-P Ctrl-P Ctrl-Q does not detach.
    expect(e.feed('\x10\x10\x11', '\x10\x11')).toEqual({ pass: '\x10\x10\x11', detached: false });
  });

  it('without keys (the host shell) everything goes on, the held key too', () => {
    const e = new EscapeKeys();
    e.feed('\x10', '\x10\x11');
    expect(e.feed('x', undefined)).toEqual({ pass: '\x10x', detached: false });
    expect(e.feed('\x10\x11', undefined)).toEqual({ pass: '\x10\x11', detached: false });
  });
});
