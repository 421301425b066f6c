/** `container-course check`: check manifests and Dockerfiles against a rule profile. */
import type { ContainerRef } from '../checker/effective.ts';
import { checkManifestFiles, isDockerfile, type InputFile } from '../checker/engine-core.ts';
import { fullName, parseNormalizedNamed } from '../oci/reference.ts';
import { PROFILE_NAMES, type ProfileName } from '../checker/profile.ts';
import { LATEST, parseVersion, type Version } from '../k8s/pss/index.ts';
import type { FileResult, Locale } from '../checker/types.ts';
import { formatJson, formatSarif, formatText } from './check-format.ts';
import { displayPath, packageVersion, parseCommandLine, readStdinText, readText, type FlagDef } from './checker-io.ts';
import type { Subcommand } from './io.ts';
import { resolve } from 'node:path';

export const summary = { en: 'check Kubernetes manifests and Dockerfiles' };

const USAGE = `Usage: container-course check [options] FILE...

Check Kubernetes manifests (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob,
ReplicaSet, List; YAML or JSON) and Dockerfiles. Files named Dockerfile, Containerfile
or *.Dockerfile are read as Dockerfiles; a Dockerfile checked together with manifests
is also checked against them (runAsNonRoot vs USER, EXPOSE vs containerPort,
readOnlyRootFilesystem vs the paths the image writes). Use - to read standard input.

Options:
  --profile baseline|restricted|course   rule set (default: course)
                     baseline, restricted: the Pod Security Standards
                     course: the course's best practice, with PSS baseline
  --pss-version latest|v1.N              the Pod Security Standards version to judge by,
                     as a namespace's pod-security.kubernetes.io/enforce-version
                     label does (v1.0 … v1.37; default: latest)
  --format text|json|sarif|junit         output format (default: text)
  --locale en|zh-cn                      language of messages (default: en)
  --image REF        the image the Dockerfile builds: cross-file rules then look only
                     at containers running REF's repository (default: every container)
  -h, --help                             show this help

Exit status: 0 no errors, 1 at least one finding of error severity (or a file
that does not parse), 2 usage error or unreadable input.
`;

const flags: Record<string, FlagDef> = {
  profile: { type: 'string', choices: PROFILE_NAMES },
  format: { type: 'string', choices: ['text', 'json', 'sarif', 'junit'] },
  locale: { type: 'string', choices: ['en', 'zh-cn'] },
  image: { type: 'string' },
  'pss-version': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** Containers whose image names the same repository as `ref` (tags and digests aside). */
function sameRepository(ref: string): ((c: ContainerRef) => boolean) | string {
  let want: string;
  try {
    want = fullName(parseNormalizedNamed(ref));
  } catch (e) {
    return `--image ${ref}: ${(e as Error).message}`;
  }
  return (c) => {
    try {
      return typeof c.spec.image === 'string' && fullName(parseNormalizedNamed(c.spec.image)) === want;
    } catch {
      return false;
    }
  };
}

/** Input errors (bad YAML …) are reported as error findings of rule "syntax", so every format shows them. */
function withInputErrors(results: FileResult[]): FileResult[] {
  return results.map((r) => ({
    ...r,
    findings: [
      ...r.errors.map((e) => ({
        rule: 'syntax',
        severity: 'error' as const,
        message: { en: e.message, 'zh-cn': e.message },
        remediation: { en: 'Fix the file so it can be read.', 'zh-cn': '请修正文件，使其可以被读取。' },
        file: r.file,
        line: e.line,
        column: e.column,
        path: '',
      })),
      ...r.findings,
    ],
  }));
}

export const run: Subcommand = async (argv, io) => {
  const p = parseCommandLine('check', argv, flags, USAGE, io);
  if (typeof p === 'number') return p;
  if (!p.args.length) {
    io.stderr(`container-course check: no files given\n\n${USAGE}`);
    return 2;
  }
  const locale = (p.flags.locale as Locale | undefined) ?? 'en';
  const inputs: InputFile[] = [];
  let stdinUsed = false;
  for (const arg of p.args) {
    if (arg === '-') {
      if (stdinUsed) {
        io.stderr('container-course check: - (standard input) given more than once\n');
        return 2;
      }
      stdinUsed = true;
      const r = await readStdinText(io);
      if ('error' in r) {
        io.stderr(`container-course check: ${r.error}\n`);
        return 2;
      }
      inputs.push({ name: '-', text: r.text });
      continue;
    }
    const r = await readText(resolve(io.cwd, arg), displayPath(io.cwd, arg));
    if ('error' in r) {
      io.stderr(`container-course check: ${r.error}\n`);
      return 2;
    }
    inputs.push({ name: displayPath(io.cwd, arg), text: r.text });
  }
  let pssVersion: Version = LATEST;
  if (p.flags['pss-version'] !== undefined) {
    const v = parseVersion(String(p.flags['pss-version']));
    if ('error' in v) {
      io.stderr(`container-course check: --pss-version ${String(p.flags['pss-version'])}: ${v.error}\n`);
      return 2;
    }
    pssVersion = v.version;
  }
  let dockerfileImage: ((c: ContainerRef) => boolean) | undefined;
  if (p.flags.image !== undefined) {
    const m = sameRepository(String(p.flags.image));
    if (typeof m === 'string') {
      io.stderr(`container-course check: ${m}\n`);
      return 2;
    }
    dockerfileImage = m;
  }
  const options = { profile: (p.flags.profile as ProfileName | undefined) ?? 'course', pssVersion, dockerfileImage };
  // Manifests alone never load the Dockerfile parser and rules (a chunk of their own in the bundle).
  const checked = inputs.some(isDockerfile) ? (await import('../checker/engine.ts')).checkFiles(inputs, options) : checkManifestFiles(inputs, options);
  const results = withInputErrors(checked);
  for (const r of results) r.passed = !r.findings.some((f) => f.severity === 'error');
  const format = (p.flags.format as string | undefined) ?? 'text';
  if (format === 'json') io.stdout(formatJson(results, locale));
  else if (format === 'sarif') io.stdout(formatSarif(results, locale, await packageVersion()));
  else if (format === 'junit') io.stdout((await import('./check-junit.ts')).formatJunit(results, locale));
  else io.stdout(formatText(results, locale));
  return results.every((r) => r.passed) ? 0 : 1;
};
