import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import * as k8s from '@kubernetes/client-node';
import { generateK8sSchema, KINDS } from '../../../scripts/gen-k8s-schema.ts';

const schema = generateK8sSchema();
const definitions = schema.definitions as Record<string, { properties: Record<string, unknown>; additionalProperties: boolean }>;

/** A validator for one kind: its definition from the generated schema, all refs resolved inside it. */
function validatorFor(model: string) {
  return z.fromJSONSchema({ $schema: schema.$schema, $ref: `#/definitions/${model}`, definitions } as never);
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: demo
  labels: { app: demo }
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 1000
    seccompProfile: { type: RuntimeDefault }
  containers:
  - name: demo
    image: cloudnatived/demo:hello
    ports:
    - containerPort: 80
    resources:
      limits: { cpu: 1, memory: 128Mi }
      requests: { cpu: 500m, memory: 64Mi }
    securityContext:
      allowPrivilegeEscalation: false
      readOnlyRootFilesystem: true
      capabilities:
        drop: ["ALL"]
        add: ["NET_BIND_SERVICE"]
    volumeMounts:
    - { name: tmp, mountPath: /tmp }
  volumes:
  - name: tmp
    emptyDir: { sizeLimit: 64Mi }
`;

describe('the generated Kubernetes schema', () => {
  it('comes from the client-node model classes: every field of SecurityContext, nothing else, strict', () => {
    const model = (k8s as unknown as Record<string, { getAttributeTypeMap(): { baseName: string }[] }>).V1SecurityContext!;
    const sc = definitions.V1SecurityContext!;
    expect(Object.keys(sc.properties).sort()).toEqual(
      model
        .getAttributeTypeMap()
        .map((a) => a.baseName)
        .sort(),
    );
    expect(Object.keys(sc.properties)).toContain('appArmorProfile');
    expect(sc.additionalProperties).toBe(false);
    expect(definitions.V1Capabilities).toEqual({
      type: 'object',
      properties: { add: { type: 'array', items: { type: 'string' } }, drop: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    });
  });

  it('picks the definition by kind and pins apiVersion', () => {
    expect((schema.properties as { kind: { enum: string[] } }).kind.enum).toEqual(KINDS.map((k) => k.kind));
    expect(definitions.V1Deployment!.properties.apiVersion).toEqual({ const: 'apps/v1' });
    expect((schema.allOf as unknown[])[0]).toEqual({
      if: { properties: { kind: { const: 'Pod' } }, required: ['kind'] },
      then: { $ref: '#/definitions/V1Pod' },
    });
  });

  it('accepts a real, hardened Pod', () => {
    const r = validatorFor('V1Pod').safeParse(parse(POD));
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it("rejects S0's misplaced drop: an unknown field under securityContext", () => {
    const pod = parse(POD);
    pod.spec.containers[0].securityContext.drop = ['all'];
    const r = validatorFor('V1Pod').safeParse(pod);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => ({ code: i.code, path: i.path, keys: (i as { keys?: string[] }).keys }))).toEqual([
      { code: 'unrecognized_keys', path: ['spec', 'containers', 0, 'securityContext'], keys: ['drop'] },
    ]);
  });

  it('rejects a wrong type (runAsUser as a string) and a wrong apiVersion', () => {
    const pod = parse(POD);
    pod.spec.securityContext.runAsUser = 'root';
    pod.apiVersion = 'apps/v1';
    const r = validatorFor('V1Pod').safeParse(pod);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['apiVersion', 'spec.securityContext.runAsUser']);
  });
});
