/** A Storage for tests: a Map, with an optional quota (in characters) and a switch that disables it. */
export class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  quota = Infinity;
  failOn: RegExp | null = null;

  get length(): number {
    return this.data.size;
  }
  clear(): void {
    this.data.clear();
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  setItem(key: string, value: string): void {
    const used = [...this.data].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (this.failOn?.test(key) || used + key.length + value.length > this.quota) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.data.set(key, String(value));
  }
  dump(): Record<string, string> {
    return Object.fromEntries(this.data);
  }
}

export function install(): MemoryStorage {
  const s = new MemoryStorage();
  Object.defineProperty(globalThis, 'localStorage', { value: s, configurable: true, writable: true });
  return s;
}
