/**
 * node1 as a machine: its ids and the virtual hardware systemd and util-linux report. No source gives
 * these figures for a simulated host; they are fixed, believable values for a KVM guest on a QEMU
 * i440FX machine with SeaBIOS (the DMI strings QEMU 8.2 sets: sys_vendor "QEMU", product_name
 * "Standard PC (i440FX + PIIX, 1996)", bios_date "04/01/2014").
 */

/** /etc/machine-id: 32 lower-case hex digits and a newline (machine-id(5)); systemd-firstboot wrote it at install. */
export const MACHINE_ID = '8d3b5c0e4f2a4b19a6c7e1d2f3a4b5c6';
/** /proc/sys/kernel/random/boot_id: a version-4 UUID the kernel draws at boot (drivers/char/random.c proc_do_uuid). */
export const BOOT_ID = '5f0c2b7e-9a41-4d3c-8e6f-1b2a3c4d5e6f';
/** The DMI and firmware figures hostnamed reads (udev's ID_VENDOR/ID_MODEL, with '(' and ')' replaced by '_'). */
export const HARDWARE = {
  vendor: 'QEMU',
  model: 'Standard PC _i440FX + PIIX, 1996_',
  firmwareVersion: '1.16.3-debian-1.16.3-2',
  /** SeaBIOS's fixed release date, 2014-04-01, as a UTC midnight. */
  firmwareDateMs: Date.UTC(2014, 3, 1),
} as const;
