// Local conformance run against kubernetes/pod-security-admission test/testdata (not committed).
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { evaluatePod, parseVersion } from '../src/k8s/pss/index.ts';
const root = process.argv[2];
let n = 0, bad = 0;
for (const level of ['baseline', 'restricted'] as const) for (const ver of readdirSync(`${root}/${level}`)) for (const kind of ['pass', 'fail']) {
  let files: string[] = []; try { files = readdirSync(`${root}/${level}/${ver}/${kind}`); } catch { continue; }
  const pv = parseVersion(ver); if (!('version' in pv)) throw new Error(ver);
  for (const f of files) {
    const doc = parse(readFileSync(`${root}/${level}/${ver}/${kind}/${f}`, 'utf8'));
    const spec = doc.kind === 'Pod' ? doc.spec : doc.spec?.template?.spec;
    const meta = doc.kind === 'Pod' ? doc.metadata : doc.spec?.template?.metadata;
    const r = evaluatePod(meta, spec, level, pv.version);
    n++;
    if ((kind === 'pass') !== (r.length === 0)) { bad++; if (bad < 20) console.log('MISMATCH', level, ver, kind, f, JSON.stringify(r)); }
  }
}
console.log(`${n} fixtures, ${bad} mismatches`);
