import type { Container, KubeObject } from './kustomize.js';

/**
 * The environment a container starts with, as the kubelet builds it: `envFrom` sources first, then
 * `env` in order, each value's `$(NAME)` expanded from what is defined before it (`$$` escapes).
 * A reference to a ConfigMap, Secret or key that the render lacks throws (unless optional), as
 * the pod would fail to start.
 */
export function containerEnv(
  container: Container,
  objects: readonly KubeObject[],
  namespace: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ?? source.secretRef;
    if (!ref) throw new Error(`${container.name}: an envFrom source without a reference`);
    const data = dataOf(objects, source.configMapRef ? 'ConfigMap' : 'Secret', ref.name, namespace);
    if (!data) {
      if (ref.optional) continue;
      throw new Error(`${container.name}: envFrom ${ref.name} is not in the render`);
    }
    for (const [key, value] of Object.entries(data)) env[`${source.prefix ?? ''}${key}`] = value;
  }
  for (const variable of container.env ?? []) {
    const value = valueOf(variable, container, objects, namespace, env);
    if (value !== undefined) env[variable.name] = value;
  }
  return env;
}

function valueOf(
  variable: NonNullable<Container['env']>[number],
  container: Container,
  objects: readonly KubeObject[],
  namespace: string,
  defined: Record<string, string>,
): string | undefined {
  if (variable.value !== undefined) return expand(variable.value, defined);
  const ref = variable.valueFrom?.configMapKeyRef ?? variable.valueFrom?.secretKeyRef;
  if (!ref) throw new Error(`${container.name}: ${variable.name} has neither value nor a key ref`);
  const kind = variable.valueFrom?.configMapKeyRef ? 'ConfigMap' : 'Secret';
  const value = dataOf(objects, kind, ref.name, namespace)?.[ref.key];
  if (value === undefined && !ref.optional) {
    throw new Error(`${container.name}: ${variable.name} needs ${kind} ${ref.name} key ${ref.key}`);
  }
  return value;
}

function expand(value: string, defined: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (match, name?: string) =>
    name === undefined ? '$' : (defined[name] ?? match),
  );
}

/** A ConfigMap's data, or a Secret's stringData and decoded data. */
export function dataOf(
  objects: readonly KubeObject[],
  kind: 'ConfigMap' | 'Secret',
  name: string,
  namespace: string,
): Record<string, string> | undefined {
  const object = objects.find(
    (o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === namespace,
  );
  if (!object) return undefined;
  const data = (object.data ?? {}) as Record<string, string>;
  if (kind === 'ConfigMap') return data;
  const decoded = Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, Buffer.from(value, 'base64').toString()]),
  );
  return { ...decoded, ...((object.stringData ?? {}) as Record<string, string>) };
}
