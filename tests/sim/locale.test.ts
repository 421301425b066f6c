import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// glibc locale/programs/locale.c show_locale_vars; argp's --help.
describe('locale (glibc 2.39, #10)', { timeout: 60_000 }, () => {
  it('locale: POSIX with no LANG, a set LANG, a missing locale, -a', async () => {
    const w = createWorld();
    expect((await sh(w, 'locale | head -3')).stdout).toBe('LANG=\nLANGUAGE=\nLC_CTYPE="POSIX"\n');
    expect((await sh(w, 'LANG=C.UTF-8 LC_TIME=C locale | sed -n 3,5p')).stdout).toBe('LC_CTYPE="C.UTF-8"\nLC_NUMERIC="C.UTF-8"\nLC_TIME=C\n');
    expect((await sh(w, 'LANG=fr_FR.UTF-8 locale 2>&1 >/dev/null')).stdout).toBe(
      'locale: Cannot set LC_CTYPE to default locale: No such file or directory\nlocale: Cannot set LC_MESSAGES to default locale: No such file or directory\nlocale: Cannot set LC_ALL to default locale: No such file or directory\n',
    );
    expect((await sh(w, 'locale -a')).stdout).toBe('C\nC.utf8\nPOSIX\n');
  });
});
