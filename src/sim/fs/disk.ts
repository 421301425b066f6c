/**
 * node1's disk (shell/commands/lsblk.ts lists it; fs/devnodes.ts makes its nodes and udev's /dev/disk links): the Ubuntu
 * 24.04 cloud image's partitions on a 30 GiB virtual SCSI disk, with the labels and UUIDs /etc/fstab and the kernel's
 * command line name.
 */
/** A block device of node1's disk, as lsblk shows it. */
export interface DiskDev {
  name: string;
  maj: number;
  min: number;
  size: number;
  type: 'disk' | 'part';
  parent?: string;
  fstype?: string;
  fsver?: string;
  label?: string;
  uuid?: string;
}

/** noble-server-cloudimg-amd64's partitions, grown to a 30 GiB disk (sda1 as large as its ext4: 7,574,544 blocks of 4 KiB). */
export const NODE1_DISK: readonly DiskDev[] = [
  { name: 'sda', maj: 8, min: 0, size: 32_212_254_720, type: 'disk' },
  {
    name: 'sda1',
    maj: 8,
    min: 1,
    size: 31_025_332_224,
    type: 'part',
    parent: 'sda',
    fstype: 'ext4',
    fsver: '1.0',
    label: 'cloudimg-rootfs',
    uuid: '8d3c2a5d-9b1e-4f6a-a2c1-5e0f7b3d9c41',
  },
  { name: 'sda14', maj: 8, min: 14, size: 4_194_304, type: 'part', parent: 'sda' },
  { name: 'sda15', maj: 8, min: 15, size: 111_149_056, type: 'part', parent: 'sda', fstype: 'vfat', fsver: 'FAT32', label: 'UEFI', uuid: '3F1A-9C2E' },
  {
    name: 'sda16',
    maj: 259,
    min: 0,
    size: 957_349_888,
    type: 'part',
    parent: 'sda',
    fstype: 'ext4',
    fsver: '1.0',
    label: 'BOOT',
    uuid: 'b4e9d1c7-2a6f-4d3b-8e15-7c9a0f2d6b38',
  },
];
