/**
 * Conformance with Pod Security Admission's own fixtures: every pod under
 * kubernetes/pod-security-admission test/testdata/<level>/<version>/{pass,fail}/ (not
 * kept in this repository: fetch that repository and pass the folder) must be judged
 * the same way by src/k8s/pss and by `container-course check --profile <level>
 * --pss-version <version>`.
 *
 *   npx tsx scripts/pss-conformance.ts <pod-security-admission>/test/testdata
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { checkFiles } from '../src/checker/engine.ts';
import { evaluatePod, parseVersion } from '../src/k8s/pss/index.ts';

const root = process.argv[2];
if (!root) {
  console.error('usage: npx tsx scripts/pss-conformance.ts <pod-security-admission>/test/testdata');
  process.exit(2);
}
let n = 0;
let libBad = 0;
let checkerBad = 0;
for (const level of ['baseline', 'restricted'] as const) {
  for (const ver of readdirSync(`${root}/${level}`)) {
    const parsed = parseVersion(ver);
    if (!('version' in parsed)) throw new Error(`${level}/${ver}: ${parsed.error}`);
    for (const kind of ['pass', 'fail'] as const) {
      const dir = `${root}/${level}/${ver}/${kind}`;
      let files: string[] = [];
      try {
        files = readdirSync(dir);
      } catch {
        continue;
      }
      for (const f of files) {
        const text = readFileSync(`${dir}/${f}`, 'utf8');
        const doc = parse(text);
        const template = doc.kind === 'Pod' ? doc : doc.spec?.template;
        const lib = evaluatePod(template?.metadata, template?.spec, level, parsed.version);
        const findings = checkFiles([{ name: f, text }], { profile: level, pssVersion: parsed.version })[0]!.findings.filter((x) => x.pss);
        n++;
        if ((kind === 'pass') !== (lib.length === 0)) {
          libBad++;
          console.log(`src/k8s disagrees: ${level}/${ver}/${kind}/${f}`);
        }
        if ((kind === 'pass') !== (findings.length === 0)) {
          checkerBad++;
          console.log(`check disagrees: ${level}/${ver}/${kind}/${f}: ${findings.map((x) => x.rule).join(', ')}`);
        }
      }
    }
  }
}
console.log(`${n} fixtures: src/k8s/pss ${n - libBad} agree, ${libBad} disagree; check --pss-version ${n - checkerBad} agree, ${checkerBad} disagree`);
process.exit(libBad || checkerBad ? 1 : 0);
