/**
 * `kubectl explain` (src/sim/shell/commands/kubectl/explain.ts): kubectl v1.30's OpenAPI v3 explainer over node1's
 * v1.30 documents (explain/openapi.generated.ts, from kubernetes-types@1.30.0 by scripts/gen-k8s-explain.ts).
 *
 * Every expected output here is a real kubectl's: kubectl v1.30.13 (kubernetes/kubectl release-1.30, the same
 * explain code and template as v0.30.5) run against a stub API server that served the OpenAPI v3 documents
 * committed in kubernetes v1.30.0 (api/openapi-spec/v3/api__v1_openapi.json, apis__apps__v1_openapi.json,
 * apis__batch__v1_openapi.json). The fixtures under fixtures/kubectl-explain/ are its stdout, byte for byte, with one
 * addition: those committed documents carry no enums, while a running v1.30 API server serves them (the OpenAPIEnums
 * feature, beta and on by default, keeps what kube-openapi generated for `+enum` types: the `enum` list and the
 * "Possible enum values:" paragraph). The `enum:` / `ENUM:` lines and those paragraphs in the fixtures are the
 * template's output for the enum data of scripts/data/k8s-api-v0.30.0-enums.json (scripts/extract-k8s-enums.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/kubectl-explain/${name}`, import.meta.url), 'utf8');
const world = () => createWorld(undefined, { clock: 'virtual' });

const PODS = `KIND:       Pod
VERSION:    v1

DESCRIPTION:
    Pod is a collection of containers that can run on a host. This resource is
    created by clients and scheduled onto hosts.
    
FIELDS:
  apiVersion\t<string>
    APIVersion defines the versioned schema of this representation of an object.
    Servers should convert recognized schemas to the latest internal value, and
    may reject unrecognized values. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources

  kind\t<string>
    Kind is a string value representing the REST resource this object
    represents. Servers may infer this from the endpoint the client submits
    requests to. Cannot be updated. In CamelCase. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds

  metadata\t<ObjectMeta>
    Standard object's metadata. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata

  spec\t<PodSpec>
    Specification of the desired behavior of the pod. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status

  status\t<PodStatus>
    Most recently observed status of the pod. This data may not be up to date.
    Populated by the system. Read-only. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status


`;

const CAPABILITIES = `KIND:       Pod
VERSION:    v1

FIELD: capabilities <Capabilities>


DESCRIPTION:
    The capabilities to add/drop when running containers. Defaults to the
    default set of capabilities granted by the container runtime. Note that this
    field cannot be set when spec.os.name is windows.
    Adds and removes POSIX capabilities from running containers.
    
FIELDS:
  add\t<[]string>
    Added capabilities

  drop\t<[]string>
    Removed capabilities


`;

const TEMPLATE = `GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: template <PodTemplateSpec>


DESCRIPTION:
    Template describes the pods that will be created. The only allowed
    template.spec.restartPolicy value is "Always".
    PodTemplateSpec describes the data a pod should have when created from a
    template
    
FIELDS:
  metadata\t<ObjectMeta>
    Standard object's metadata. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata

  spec\t<PodSpec>
    Specification of the desired behavior of the pod. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status


`;

describe('kubectl explain', () => {
  it('describes a resource, a field, and a field inside a list', async () => {
    const w = world();
    expect(await w.exec('kubectl explain pods')).toEqual({ stdout: PODS, stderr: '', exitCode: 0 });
    expect((await w.exec('kubectl explain pod.spec')).stdout).toBe(fixture('pod.spec.txt'));
    expect(await w.exec('kubectl explain pods.spec.containers.securityContext.capabilities')).toEqual({ stdout: CAPABILITIES, stderr: '', exitCode: 0 });
    expect((await w.exec('kubectl explain svc')).stdout).toBe(fixture('svc.txt'));
  });

  it("prints a field's enum values: ENUM: in the field view, enum: (four at most) in the field list, and the Possible enum values paragraph", async () => {
    const w = world();
    expect(await w.exec('kubectl explain pod.spec.restartPolicy')).toEqual({
      stdout: `KIND:       Pod
VERSION:    v1

FIELD: restartPolicy <string>
ENUM:
    Always
    Never
    OnFailure

DESCRIPTION:
    Restart policy for all containers within the pod. One of Always, OnFailure,
    Never. In some contexts, only a subset of those values may be permitted.
    Default to Always. More info:
    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
    
    Possible enum values:
     - \`"Always"\`
     - \`"Never"\`
     - \`"OnFailure"\`
    

`,
      stderr: '',
      exitCode: 0,
    });
    const pull = (await w.exec('kubectl explain pod.spec.containers.imagePullPolicy')).stdout;
    expect(pull).toContain(`FIELD: imagePullPolicy <string>
ENUM:
    Always
    IfNotPresent
    Never

DESCRIPTION:
    Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if
    :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More
    info: https://kubernetes.io/docs/concepts/containers/images#updating-images
    
    Possible enum values:
     - \`"Always"\` means that kubelet always attempts to pull the latest image.
    Container will fail If the pull fails.
`);
    expect((await w.exec('kubectl explain deploy.spec.strategy')).stdout).toContain(`  type\t<string>
  enum: Recreate, RollingUpdate
    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is
    RollingUpdate.
    
    Possible enum values:
     - \`"Recreate"\` Kill all existing pods before creating new ones.
     - \`"RollingUpdate"\` Replace the old ReplicaSets by new one using rolling
    update i.e gradually scale down the old ReplicaSets and scale up the new
    one.
`);
    expect(
      (await w.exec('kubectl explain pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.matchExpressions')).stdout,
    ).toContain('  operator\t<string> -required-\n  enum: DoesNotExist, Exists, Gt, In, ....\n');
  });

  it('takes short names, singular names, kinds and resource.group, and prints GROUP for a named group', async () => {
    const w = world();
    expect((await w.exec('kubectl explain deploy.spec.template')).stdout).toBe(TEMPLATE);
    expect((await w.exec('kubectl explain deployments.apps.spec.template')).stdout).toBe(TEMPLATE);
    expect((await w.exec('kubectl explain Deployment.spec.template.')).stdout).toBe(TEMPLATE);
    expect((await w.exec('kubectl explain po')).stdout).toBe(PODS);
    expect((await w.exec('kubectl explain pod --api-version=v1')).stdout).toBe(PODS);
  });

  it('--recursive prints the field names and types only, nested', async () => {
    const w = world();
    expect((await w.exec('kubectl explain pods --recursive')).stdout).toBe(fixture('pods--recursive.txt'));
    expect((await w.exec('kubectl explain deploy.spec.template --recursive=true')).stdout).toBe(fixture('deploy.spec.template--recursive.txt'));
    expect((await w.exec('kubectl explain pod.spec.containers.securityContext.capabilities.add --recursive')).stdout).toBe(`KIND:       Pod
VERSION:    v1

FIELD: add <[]string>


DESCRIPTION:
    Added capabilities
    

`);
  });

  it('answers an unknown field, resource or path as kubectl does, with exit 1', async () => {
    const w = world();
    // The template has written the header before it throws; kubectl leaves it on stdout.
    expect(await w.exec('kubectl explain pods.foo')).toEqual({
      stdout: 'KIND:       Pod\nVERSION:    v1\n\n',
      stderr: 'error: field "foo" does not exist\n',
      exitCode: 1,
    });
    expect(await w.exec('kubectl explain pod.spec.containers.name.x')).toEqual({
      stdout: 'KIND:       Pod\nVERSION:    v1\n\n',
      stderr: 'error: field "x" does not exist\n',
      exitCode: 1,
    });
    expect(await w.exec('kubectl explain foo')).toEqual({ stdout: '', stderr: 'the server doesn\'t have a resource type "foo"\n', exitCode: 1 });
    expect(await w.exec('kubectl explain pods.spec.containers[0]')).toEqual({
      stdout: '',
      stderr: 'error: invalid jsonpath syntax, first node must be field node\n',
      exitCode: 1,
    });
    expect(await w.exec('kubectl explain po..spec')).toEqual({
      stdout: '',
      stderr: 'error: invalid jsonpath syntax, first node must be field node\n',
      exitCode: 1,
    });
    // "pods" is the resource's own prefix: the suffix's first node (here "..") is dropped.
    expect((await w.exec('kubectl explain pods..spec')).stdout).toBe(fixture('pod.spec.txt'));
  });

  it('answers bad arguments and flags as kubectl v1.30 does', async () => {
    const w = world();
    const err = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });
    expect(await w.exec('kubectl explain')).toEqual(
      err('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n'),
    );
    expect(await w.exec('kubectl explain pods deploy')).toEqual(err('error: We accept only this format: explain RESOURCE\n'));
    expect(await w.exec('kubectl explain pods --api-version=apps/v1')).toEqual(err('error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema\n'));
    expect(await w.exec('kubectl explain pods --api-version=v2')).toEqual(err('error: couldn\'t find resource for "/v2, Resource=pods"\n'));
    expect(await w.exec('kubectl explain pods --output=json')).toEqual(err('error: unrecognized format: json\n'));
    // v1.30's --output has no shorthand (v1.31 added -o).
    expect(await w.exec('kubectl explain pods -o plaintext')).toEqual(
      err("error: unknown shorthand flag: 'o' in -o\nSee 'kubectl explain --help' for usage.\n"),
    );
  });

  it('has its --help page (kubernetes/kubectl@v0.30.5:pkg/cmd/explain/explain.go)', async () => {
    const w = world();
    const page = (await w.exec('kubectl explain --help | cat')).stdout;
    expect(page).toBe(fixture('help.txt'));
    expect((await w.exec('kubectl help explain | cat')).stdout).toBe(page);
  });
});

describe('scripts/gen-k8s-explain.ts', () => {
  const root = (() => {
    try {
      return createRequire(import.meta.url).resolve('kubernetes-types/package.json');
    } catch {
      return undefined;
    }
  })();
  // kubernetes-types@1.30.0 is a devDependency: without it the generator cannot run (and says so by this skip).
  it.skipIf(!root || !existsSync(root))('the committed documents are what the generator writes from kubernetes-types@1.30.0', async () => {
    const { kubernetesTypesRoot, renderExplainDocuments } = await import('../../../scripts/gen-k8s-explain.ts');
    const version = JSON.parse(readFileSync(`${kubernetesTypesRoot()}/package.json`, 'utf8')).version;
    expect(version).toBe('1.30.0');
    const committed = readFileSync(new URL('../../../src/sim/shell/commands/kubectl/explain/openapi.generated.ts', import.meta.url), 'utf8');
    expect(renderExplainDocuments(kubernetesTypesRoot())).toBe(committed);
  });
});
