import { clusterParamsSchema } from '../checker/cluster/params.ts';
import { exerciseChecks } from '../checker/exercise/checks.ts';
import { shellGoals } from '../checker/goals/index.ts';
import { paramNames, templateParams } from '../checker/params.ts';
import { z } from '../schemas/zod.ts';
import type { z as Z } from 'zod';
import type { Zod } from '../checker/rule.ts';

/** `#   name: param, optional?, …` for each template, from the schemas themselves. */
function listing(defs: Record<string, { params: (z: Zod) => Z.ZodType }>): string {
  return Object.entries(defs)
    .map(([name, d]) => {
      const ps = paramNames(templateParams(d));
      return `#   ${name}${ps.length ? `: ${ps.join(', ')}` : ''}`;
    })
    .join('\n');
}

/** The exercise's pod.yaml, `indent` deep under its key: one container; the pod's securityContext holds `securityContext`, if any. */
function pod(indent: string, securityContext: string[]): string {
  const sc = securityContext.length ? ['  securityContext:', ...securityContext.map((l) => `    ${l}`)] : [];
  return ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: app', 'spec:', ...sc, '  containers:', '  - name: app', '    image: nginx:1.25']
    .map((l) => `${indent}${l}\n`)
    .join('');
}

/** The exercise `container-course exercise new` writes: a small, complete k8s-yaml exercise that validates as it is. */
export function scaffold(id: string): string {
  return `# An exercise for container-course. Check it with: container-course exercise validate .
# Then grade with it: container-course grade --exercises . --exercise ${id} CLASS_DIR
# Every field is described in the schema (src/schemas/exercise.ts); kinds: k8s-yaml,
# dockerfile, shell-goal, quiz. A check names a template and fills in its params
# (name? is optional); each template's schema, beside its code, describes them.
# Checks of k8s-yaml and dockerfile exercises (src/checker/exercise/):
${listing(exerciseChecks)}
#   cluster (applies the files to node1's simulated cluster and grades the pods;
#     src/checker/cluster/params.ts): ${paramNames(clusterParamsSchema(z)).join(', ')}
# Goals of shell-goal exercises (src/checker/goals/):
${listing(shellGoals)}
id: ${id}
kind: k8s-yaml
profile: course
title:
  en: Run as a non-root user
  zh-cn: 以非 root 用户运行
task:
  en: Make the pod's container run as a non-root user, with user ID 1000.
  zh-cn: 让 Pod 中的容器以非 root 用户运行，用户 ID 为 1000。
start:
  pod.yaml: |
${pod('    ', [])}solution:
  pod.yaml: |
${pod('    ', ['runAsNonRoot: true', 'runAsUser: 1000'])}checks:
  - id: parses
    title: { en: The manifest parses, zh-cn: 清单可以被解析 }
    template: parses
  - id: non-root
    title: { en: runAsNonRoot is true for the container, zh-cn: 容器的 runAsNonRoot 为 true }
    weight: 2
    template: effective
    params: { kind: Pod, container: app, field: runAsNonRoot, equals: true }
  - id: uid
    title: { en: The container runs as user 1000, zh-cn: 容器以用户 1000 运行 }
    weight: 2
    template: effective
    params: { kind: Pod, container: app, field: runAsUser, equals: 1000 }
  - id: same-image
    title: { en: The image is still nginx:1.25, zh-cn: 镜像仍是 nginx:1.25 }
    hidden: true
    template: field
    params: { kind: Pod, path: "spec.containers[name=app].image", op: equals, value: "nginx:1.25" }
hints:
  - id: non-root
    when: { failed: [non-root] }
    text:
      en: Set securityContext.runAsNonRoot to true, on the pod or on the container.
      zh-cn: 在 Pod 或容器的 securityContext 中把 runAsNonRoot 设为 true。
  - id: uid
    when: { failed: [uid] }
    text:
      en: runAsUser takes a number, the user ID; here 1000.
      zh-cn: runAsUser 的值是数字形式的用户 ID，这里是 1000。
wrong:
  - id: only-non-root
    description: runAsNonRoot without a user ID
    files:
      pod.yaml: |
${pod('        ', ['runAsNonRoot: true'])}    expect: { failed: [uid], hints: [uid] }
`;
}
