/**
 * The file calls every subcommand's input reading makes (checker-io.ts), on node:fs's callbacks
 * reached through require. Importing node:fs or node:fs/promises as an ES module first builds
 * their whole ESM face, which loads fs/promises, readline and the streams: about 10 ms of CPU of
 * a `container-course check` start (Node 24), whose target is 150 ms in all.
 */
import { createRequire } from 'node:module';
import type * as FS from 'node:fs';

const fs = createRequire(import.meta.url)('node:fs') as typeof FS;

type Callback<T> = (err: NodeJS.ErrnoException | null, value: T) => void;
const call = <T>(f: (cb: Callback<T>) => void) => new Promise<T>((resolve, reject) => f((err, value) => (err ? reject(err) : resolve(value))));

export const constants = fs.constants;
export const stat = (path: string) => call<FS.Stats>((cb) => fs.stat(path, cb));
export const lstat = (path: string) => call<FS.Stats>((cb) => fs.lstat(path, cb));
export const realpath = (path: string) => call<string>((cb) => fs.realpath(path, cb));
export const readFile = (path: string, encoding: 'utf8') => call<string>((cb) => fs.readFile(path, encoding, cb));

/** An open file, as much of fs/promises' FileHandle as readText uses. */
export interface FileHandleLite {
  stat(): Promise<FS.Stats>;
  read(buffer: Uint8Array, offset: number, length: number, position: null): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

export async function open(path: string, flags: number): Promise<FileHandleLite> {
  const fd = await call<number>((cb) => fs.open(path, flags, cb));
  return {
    stat: () => call<FS.Stats>((cb) => fs.fstat(fd, cb)),
    read: async (buffer, offset, length, position) => ({ bytesRead: await call<number>((cb) => fs.read(fd, buffer, offset, length, position, cb)) }),
    close: () => call<void>((cb) => fs.close(fd, (err) => cb(err, undefined))),
  };
}
