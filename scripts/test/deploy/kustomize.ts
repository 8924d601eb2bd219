import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

/**
 * A Kubernetes object as rendered, untyped: the test reads it by path and validates it with
 * kubernetes-models.
 */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/**
 * A kustomize build of the features deploy/kubernetes uses, and only those: resources (files and
 * kustomization folders), namespace, configMapGenerator without name hashes, images (newTag,
 * newName) and JSON 6902 patches with a kind/name target. Anything else in a kustomization makes
 * it throw, so that a manifest cannot rely on a feature this renderer would silently skip.
 *
 * YAML is read as 1.1, as Kubernetes' own decoder reads it (`no`, `on`, `yes` are booleans there).
 */
export function renderKustomization(dir: string): KubeObject[] {
  const kustomization = readYaml(join(dir, 'kustomization.yaml')) as Kustomization;
  const unsupported = Object.keys(kustomization).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length > 0) {
    throw new Error(`${dir}: kustomization fields this renderer lacks: ${unsupported.join(', ')}`);
  }
  const objects: KubeObject[] = [];
  for (const resource of kustomization.resources ?? []) {
    const path = join(dir, resource);
    objects.push(...(statSync(path).isDirectory() ? renderKustomization(path) : readObjects(path)));
  }
  for (const generator of kustomization.configMapGenerator ?? []) {
    objects.push(generateConfigMap(dir, generator));
  }
  for (const patch of kustomization.patches ?? []) applyPatch(objects, patch);
  if (kustomization.namespace) {
    for (const object of objects) {
      if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    }
  }
  for (const image of kustomization.images ?? []) setImage(objects, image);
  return objects;
}

interface Kustomization {
  namespace?: string;
  resources?: string[];
  configMapGenerator?: ConfigMapGenerator[];
  images?: ImageOverride[];
  patches?: Patch[];
}

interface ConfigMapGenerator {
  name: string;
  namespace?: string;
  files?: string[];
  options?: { disableNameSuffixHash?: boolean; labels?: Record<string, string> };
}

interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
}

interface Patch {
  target?: { kind?: string; name?: string };
  patch?: string;
  path?: string;
}

interface Operation {
  op: string;
  path: string;
  value?: unknown;
}

const SUPPORTED = new Set([
  'apiVersion',
  'kind',
  'namespace',
  'resources',
  'configMapGenerator',
  'images',
  'patches',
]);

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);

function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'), { version: '1.1' });
}

export function readObjects(path: string): KubeObject[] {
  return parseAllDocuments(readFileSync(path, 'utf8'), { version: '1.1' })
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`${path}: ${document.errors[0]!.message}`);
      return document.toJS() as KubeObject | null;
    })
    .filter((object): object is KubeObject => object !== null);
}

function generateConfigMap(dir: string, generator: ConfigMapGenerator): KubeObject {
  if (!generator.options?.disableNameSuffixHash) {
    throw new Error(`configMapGenerator ${generator.name}: name hashes are not rendered here`);
  }
  const data = Object.fromEntries(
    (generator.files ?? []).map((file) => [basename(file), readFileSync(join(dir, file), 'utf8')]),
  );
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: generator.name,
      ...(generator.namespace ? { namespace: generator.namespace } : {}),
      ...(generator.options.labels ? { labels: generator.options.labels } : {}),
    },
    data,
  };
}

function applyPatch(objects: KubeObject[], patch: Patch): void {
  const { target } = patch;
  if (!target?.kind || !target.name || !patch.patch || patch.path) {
    throw new Error('only inline JSON 6902 patches with a kind and name target are rendered here');
  }
  const operations = parse(patch.patch, { version: '1.1' }) as unknown;
  if (!Array.isArray(operations)) {
    throw new Error(`patch of ${target.kind} ${target.name}: not a JSON 6902 list of operations`);
  }
  const matches = objects.filter(
    (object) => object.kind === target.kind && object.metadata.name === target.name,
  );
  if (matches.length === 0) throw new Error(`patch target ${target.kind} ${target.name} not found`);
  for (const object of matches) {
    for (const operation of operations as Operation[]) applyOperation(object, operation);
  }
}

/** RFC 6902 add, replace and remove (the only operations the overlays use). */
function applyOperation(object: KubeObject, { op, path, value }: Operation): void {
  const keys = path
    .split('/')
    .slice(1)
    .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = keys.pop();
  if (last === undefined) throw new Error(`patch path ${path} names no member`);
  let parent: unknown = object;
  for (const key of keys) {
    parent = (parent as Record<string, unknown>)[key];
    if (parent === undefined) throw new Error(`patch path ${path}: ${key} does not exist`);
  }
  const container = parent as Record<string, unknown>;
  if (Array.isArray(container)) {
    const index = last === '-' ? container.length : Number(last);
    if (op === 'add') container.splice(index, 0, value);
    else if (op === 'replace' && index < container.length) container[index] = value;
    else if (op === 'remove' && index < container.length) container.splice(index, 1);
    else throw new Error(`patch ${op} ${path}: no element ${last}`);
    return;
  }
  if (op === 'add') container[last] = value;
  else if ((op === 'replace' || op === 'remove') && last in container) {
    if (op === 'replace') container[last] = value;
    else delete container[last];
  } else throw new Error(`patch ${op} ${path}: unsupported, or ${last} does not exist`);
}

/** The pod spec of a workload (Deployment, StatefulSet, Job), or of a Pod. */
export function podSpecOf(object: KubeObject): PodSpec | undefined {
  if (object.kind === 'Pod') return object.spec as PodSpec;
  const template = (object.spec as { template?: { spec?: PodSpec } } | undefined)?.template;
  return template?.spec;
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  terminationGracePeriodSeconds?: number;
  [field: string]: unknown;
}

export interface Container {
  name: string;
  image?: string;
  command?: string[];
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  env?: EnvVar[];
  envFrom?: {
    prefix?: string;
    configMapRef?: { name: string; optional?: boolean };
    secretRef?: { name: string; optional?: boolean };
  }[];
  [field: string]: unknown;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
  };
}

function setImage(objects: KubeObject[], override: ImageOverride): void {
  for (const object of objects) {
    const spec = podSpecOf(object);
    for (const container of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
      const [name, tag] = splitImage(container.image ?? '');
      if (name !== override.name) continue;
      const newTag = override.newTag ?? tag;
      container.image = `${override.newName ?? name}${newTag ? `:${newTag}` : ''}`;
    }
  }
}

/** `registry:5000/name:tag` → [`registry:5000/name`, `tag`]. */
export function splitImage(image: string): [string, string | undefined] {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? [image.slice(0, colon), image.slice(colon + 1)] : [image, undefined];
}
