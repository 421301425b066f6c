/** A JSON object as kubectl's verbs read manifests and API objects (one definition for all of them). */
export type Obj = Record<string, unknown>;
export const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
