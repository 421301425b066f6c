import { describe, expect, it } from 'vitest';
import { capHex, capList, dockerCaps, DOCKER_DEFAULT_MASK } from '../../src/sim/kernel/capabilities.ts';
import { sh, world } from './helpers.ts';

describe('capability masks (FACTS §1)', () => {
  it('computes Docker masks', () => {
    expect(capHex(DOCKER_DEFAULT_MASK)).toBe('00000000a80425fb');
    expect(capHex(dockerCaps([], ['NET_RAW'], false))).toBe('00000000a80405fb');
    expect(capHex(dockerCaps(['NET_ADMIN'], [], false))).toBe('00000000a80435fb');
    expect(capHex(dockerCaps(['SYS_ADMIN'], [], false))).toBe('00000000a82425fb');
    expect(capHex(dockerCaps(['CAP_SYS_PTRACE'], [], false))).toBe('00000000a80c25fb');
    expect(capHex(dockerCaps([], ['ALL'], false))).toBe('0000000000000000');
    expect(capHex(dockerCaps(['NET_BIND_SERVICE'], ['ALL'], false))).toBe('0000000000000400');
    expect(capHex(dockerCaps(['NET_ADMIN'], ['CHOWN', 'NET_RAW', 'SETPCAP'], false))).toBe('00000000a80414fa');
    expect(capHex(dockerCaps([], [], true))).toBe('000001ffffffffff');
  });
  it('names the default set in bit order', () => {
    expect(capList(DOCKER_DEFAULT_MASK)).toBe(
      'cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap',
    );
  });
});

describe('capabilities in containers', () => {
  it('shows the five sets of a default, a non-root and a privileged container', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'docker run --rm alpine grep Cap /proc/self/status')).out).toBe(
      'CapInh:\t0000000000000000\nCapPrm:\t00000000a80425fb\nCapEff:\t00000000a80425fb\nCapBnd:\t00000000a80425fb\nCapAmb:\t0000000000000000\n',
    );
    expect((await sh(w, "docker run --rm --user 1000 alpine grep -E 'CapPrm|CapEff|CapBnd' /proc/self/status")).out).toBe(
      'CapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t00000000a80425fb\n',
    );
    expect((await sh(w, 'docker run --rm --privileged alpine grep CapEff /proc/self/status')).out).toBe('CapEff:\t000001ffffffffff\n');
  });

  it('enforces CAP_CHOWN with busybox and coreutils wording', async () => {
    const w = await world(['alpine', 'debian']);
    expect(await sh(w, "docker run --rm --cap-drop CHOWN alpine sh -c 'grep CapEff /proc/self/status; chown nobody /tmp'")).toMatchObject({
      out: 'CapEff:\t00000000a80425fa\nchown: /tmp: Operation not permitted\n',
      exitCode: 1,
    });
    expect(await sh(w, 'docker run --rm --cap-drop CHOWN debian chown nobody /tmp')).toMatchObject({
      out: "chown: changing ownership of '/tmp': Operation not permitted\n",
      exitCode: 1,
    });
    expect(await sh(w, 'docker run --rm alpine chown nobody /tmp')).toMatchObject({ out: '', exitCode: 0 });
  });

  it('date -s needs SYS_TIME and then changes the one shared clock', async () => {
    const w = await world(['alpine', 'debian']);
    expect(await sh(w, 'docker run --rm alpine date -s "2030-01-01 00:00:00"')).toMatchObject({
      stdout: 'Tue Jan  1 00:00:00 UTC 2030\n',
      stderr: "date: can't set date: Operation not permitted\n",
      exitCode: 0,
    });
    expect(await sh(w, 'docker run --rm debian date -s "2030-01-01 00:00:00"')).toMatchObject({
      stderr: 'date: cannot set date: Operation not permitted\n',
      exitCode: 1,
    });
    expect((await sh(w, 'date')).out).not.toMatch(/2030/);
    await sh(w, 'docker run --rm --cap-add SYS_TIME alpine date -s "2030-01-01 00:00:00"');
    expect((await sh(w, 'date')).out).toBe('Tue Jan  1 00:00:01 UTC 2030\n');
  });

  it('hostname needs SYS_ADMIN', async () => {
    const w = await world(['alpine', 'debian']);
    expect((await sh(w, 'docker run --rm alpine hostname x')).out).toBe('hostname: sethostname: Operation not permitted\n');
    expect((await sh(w, 'docker run --rm debian hostname x')).out).toBe('hostname: you must be root to change the host name\n');
    expect((await sh(w, 'docker run --rm --cap-add SYS_ADMIN debian sh -c "hostname x; hostname"')).out).toBe('x\n');
  });

  it('capsh and getpcaps print libcap text', async () => {
    const w = await world(['nginx']);
    expect((await sh(w, 'capsh --decode=00000000a80425fa')).out).toBe(
      '0x00000000a80425fa=cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap\n',
    );
    await sh(w, 'docker run -d --name web nginx');
    expect((await sh(w, 'docker exec web getpcaps 1')).out).toBe(
      '1: cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap=ep\n',
    );
    expect((await sh(w, 'getpcaps 1')).out).toBe('1: =ep\n');
    expect((await sh(w, 'capsh --print | head -1')).out).toBe('Current: =ep\n');
  });
});
