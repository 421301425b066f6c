import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderModels } from '../../scripts/gen-k8s-models.ts';
import { fieldsOf, typeError, unknownFields } from '../../src/k8s/schema/index.ts';
import { KNOWN_FIELDS } from '../../src/checker/rules/k8s-schema.ts';

describe('src/k8s/schema', () => {
  it('models.generated.ts is what scripts/gen-k8s-models.ts writes from @kubernetes/client-node', () => {
    expect(readFileSync(new URL('../../src/k8s/schema/models.generated.ts', import.meta.url), 'utf8')).toBe(renderModels());
  });

  it('reports unknown fields as strict decoding does: sorted keys, depth first, with list indexes', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'x', labelz: {} },
      spec: { securityContext: { capabilities: { drop: ['ALL'] } }, containers: [{ name: 'a', image: 'x', securityContext: { drop: ['ALL'] } }] },
    };
    expect(unknownFields(pod, 'V1Pod')).toEqual(['metadata.labelz', 'spec.containers[0].securityContext.drop', 'spec.securityContext.capabilities']);
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: { template: { spec: { containers: [{ name: 'a', imagePullpolicy: 'Always' }] } } },
    };
    expect(unknownFields(deploy, 'V1Deployment')).toEqual(['spec.template.spec.containers[0].imagePullpolicy']);
    // Maps (labels, limits) take any key.
    expect(
      unknownFields({ metadata: { labels: { anything: 'x' } }, spec: { containers: [{ resources: { limits: { 'nvidia.com/gpu': 1 } } }] } }, 'V1Pod'),
    ).toEqual([]);
  });

  it('the checker reads its known fields from the same schema', () => {
    expect(KNOWN_FIELDS.container).toEqual(fieldsOf('V1Container'));
    expect(KNOWN_FIELDS.capabilities).toEqual(['add', 'drop']);
  });

  it('reports the first value of the wrong type as encoding/json does', () => {
    const pod = (c: Record<string, unknown>) => ({ metadata: { name: 'x' }, spec: { containers: [{ name: 'a', image: 'x', ...c }] } });
    expect(typeError(pod({ ports: [{ containerPort: '80' }] }), 'V1Pod')).toBe(
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
    expect(typeError(pod({ securityContext: { runAsUser: 10.5 } }), 'V1Pod')).toBe(
      'json: cannot unmarshal number 10.5 into Go struct field SecurityContext.spec.containers.securityContext.runAsUser of type int64',
    );
    expect(typeError(pod({ args: 'echo hi' }), 'V1Pod')).toBe(
      'json: cannot unmarshal string into Go struct field Container.spec.containers.args of type []string',
    );
    expect(typeError({ metadata: { labels: { app: 1 } } }, 'V1Pod')).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
    expect(typeError(pod({ resources: { limits: { cpu: 0.5, memory: '128Mi' } } }), 'V1Pod')).toBeUndefined();
  });
});
