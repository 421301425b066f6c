/**
 * Data kept beside an object the simulator does not own the class of (a Host, a just-bash Bash, a filesystem), stored
 * on the object itself under a private symbol: it lives exactly as long as the object, like a WeakMap entry.
 *
 * Why not a module-level WeakMap: in V8 a scavenge (the young-generation collection) kept the values of such a map
 * whose keys were a dropped world's objects, with all they reach (a Host → its NetworkManager → the daemon → the
 * world), so every world made since the last full collection was copied and promoted by each scavenge
 * (src/sim/bench.ts's p99 in issue #10; tests/architecture-gc.test.ts lists the other patterns). A property goes with
 * its object.
 *
 * Keys must be extensible (not frozen or sealed): `set` on one that is not throws, rather than fall back to the
 * behaviour this avoids.
 */
export interface Attached<K extends object, V> {
  get(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): void;
  delete(key: K): boolean;
}

export function attached<K extends object, V>(name: string): Attached<K, V> {
  const sym = Symbol(name);
  return {
    get: (key) => (key as Record<symbol, V | undefined>)[sym],
    has: (key) => Object.hasOwn(key, sym),
    set(key, value) {
      if (Object.hasOwn(key, sym)) (key as Record<symbol, V>)[sym] = value;
      else Object.defineProperty(key, sym, { value, writable: true, configurable: true, enumerable: false });
    },
    delete: (key) => Object.hasOwn(key, sym) && delete (key as Record<symbol, V>)[sym],
  };
}
