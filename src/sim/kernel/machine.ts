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

/**
 * The vCPUs QEMU gives node1 (-cpu Icelake-Server on a 2.6 GHz host: QEMU's cpu model table sets family
 * 6, model 134, stepping 0 and the model id "Intel Xeon Processor (Icelake)"), one core per socket;
 * the count is the fixture's. Chosen values, no source: the flags a KVM guest of that model shows, the
 * BogoMIPS (twice the TSC's MHz), QEMU's default cache sizes (32 KiB L1d and L1i, 4 MiB L2 per core,
 * 16 MiB L3 per socket) and kernel 6.8's vulnerability texts for such a guest.
 */
export const CPU = {
  vendor: 'GenuineIntel',
  model: 'Intel Xeon Processor (Icelake)',
  family: 6,
  modelNumber: 134,
  stepping: 0,
  mhz: '2593.906',
  bogomips: '5187.81',
  biosModel: 'pc-i440fx-8.2  CPU @ 2.0GHz',
  addressSizes: '40 bits physical, 48 bits virtual',
  flags:
    'fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology cpuid tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch cpuid_fault ssbd ibrs ibpb stibp ibrs_enhanced fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid avx512f avx512dq rdseed adx smap avx512ifma clflushopt clwb avx512cd sha_ni avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves wbnoinvd arat avx512vbmi umip pku ospke avx512_vbmi2 gfni vaes vpclmulqdq avx512_vnni avx512_bitalg avx512_vpopcntdq rdpid fsrm md_clear arch_capabilities',
  bugs: 'spectre_v1 spectre_v2 spec_store_bypass swapgs mmio_stale_data eibrs_pbrsb gds bhi',
  /** [name, KiB per instance] as lscpu names the levels. */
  caches: [
    ['L1d', 32],
    ['L1i', 32],
    ['L2', 4096],
    ['L3', 16384],
  ] as [string, number][],
  /** /sys/devices/system/cpu/vulnerabilities/*, in readdir order (lscpu sorts them by name). */
  vulnerabilities: [
    ['gather_data_sampling', 'Unknown: Dependent on hypervisor status'],
    ['itlb_multihit', 'Not affected'],
    ['l1tf', 'Not affected'],
    ['mds', 'Not affected'],
    ['meltdown', 'Not affected'],
    ['mmio_stale_data', 'Vulnerable: Clear CPU buffers attempted, no microcode; SMT Host state unknown'],
    ['reg_file_data_sampling', 'Not affected'],
    ['retbleed', 'Not affected'],
    ['spec_rstack_overflow', 'Not affected'],
    ['spec_store_bypass', 'Mitigation: Speculative Store Bypass disabled via prctl'],
    ['spectre_v1', 'Mitigation: usercopy/swapgs barriers and __user pointer sanitization'],
    ['spectre_v2', 'Mitigation: Enhanced / Automatic IBRS; IBPB: conditional; RSB filling; PBRSB-eIBRS: SW sequence; BHI: SW loop, KVM: SW loop'],
    ['srbds', 'Not affected'],
    ['tsx_async_abort', 'Not affected'],
  ] as [string, string][],
} as const;

/** /proc/cpuinfo's block for one vCPU (linux@v6.8:arch/x86/kernel/cpu/proc.c show_cpuinfo). */
export function cpuinfoBlock(i: number): string {
  const l3 = CPU.caches.find(([n]) => n === 'L3')?.[1] ?? 0;
  const rows: [string, string | number][] = [
    ['processor', i],
    ['vendor_id', CPU.vendor],
    ['cpu family', CPU.family],
    ['model', CPU.modelNumber],
    ['model name', CPU.model],
    ['stepping', CPU.stepping],
    ['microcode', '0x1'],
    ['cpu MHz', CPU.mhz],
    ['cache size', `${l3} KB`],
    ['physical id', i],
    ['siblings', 1],
    ['core id', 0],
    ['cpu cores', 1],
    ['apicid', i],
    ['initial apicid', i],
    ['fpu', 'yes'],
    ['fpu_exception', 'yes'],
    ['cpuid level', 13],
    ['wp', 'yes'],
    ['flags', CPU.flags],
    ['bugs', CPU.bugs],
    ['bogomips', CPU.bogomips],
    ['clflush size', 64],
    ['cache_alignment', 64],
    ['address sizes', CPU.addressSizes],
  ];
  // seq_printf's labels end with tabs to the 16th column ("model\t\t: ", "cpu family\t: ").
  return `${rows.map(([k, v]) => `${k}${k.length < 8 ? '\t\t' : '\t'}: ${v}\n`).join('')}power management:\n\n`;
}
