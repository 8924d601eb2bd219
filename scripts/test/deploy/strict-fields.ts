import { join } from 'node:path';
import ts from 'typescript';
import type { KubeObject } from './kustomize.js';

/** The kubernetes-models type of each kind the manifests use. */
const TYPES: Record<string, [module: string, type: string]> = {
  Namespace: ['v1/Namespace', 'INamespace'],
  ConfigMap: ['v1/ConfigMap', 'IConfigMap'],
  Secret: ['v1/Secret', 'ISecret'],
  Service: ['v1/Service', 'IService'],
  Deployment: ['apps/v1/Deployment', 'IDeployment'],
  StatefulSet: ['apps/v1/StatefulSet', 'IStatefulSet'],
  Job: ['batch/v1/Job', 'IJob'],
  HorizontalPodAutoscaler: ['autoscaling/v2/HorizontalPodAutoscaler', 'IHorizontalPodAutoscaler'],
  PodDisruptionBudget: ['policy/v1/PodDisruptionBudget', 'IPodDisruptionBudget'],
  NetworkPolicy: ['networking.k8s.io/v1/NetworkPolicy', 'INetworkPolicy'],
};

/**
 * The fields no Kubernetes type has, which the API server drops or refuses: kubernetes-models'
 * schemas do not forbid unknown fields (the API's OpenAPI does not), so a misspelt or misplaced
 * field (`readinesProbe`, a pod field inside a container) would pass them. TypeScript's check of
 * excess properties in object literals does find them: each object becomes a literal typed with
 * kubernetes-models' interface, in memory, and the compiler's complaints are returned.
 */
export function unknownFields(objects: readonly KubeObject[], rootDir: string): string[] {
  const kinds = [...new Set(objects.map((object) => object.kind))];
  const missing = kinds.filter((kind) => !TYPES[kind]);
  if (missing.length > 0) return missing.map((kind) => `no kubernetes-models type for ${kind}`);
  const lines = kinds.map((kind) => {
    const [module, type] = TYPES[kind]!;
    return `import type { ${type} } from 'kubernetes-models/${module}';`;
  });
  const firstObjectLine = lines.length;
  for (const [index, object] of objects.entries()) {
    lines.push(`export const o${index}: ${TYPES[object.kind]![1]} = ${JSON.stringify(object)};`);
  }
  const fileName = join(rootDir, 'scripts', 'test', 'deploy', '__rendered-manifests__.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const source = ts.createSourceFile(fileName, lines.join('\n'), ts.ScriptTarget.ES2023, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, ...rest) =>
    name === fileName ? source : getSourceFile(name, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);
  const program = ts.createProgram({ rootNames: [fileName], options, host });
  return ts.getPreEmitDiagnostics(program, source).map((diagnostic) => {
    const line = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
    const object = objects[line - firstObjectLine];
    const what = object ? `${object.kind} ${object.metadata.name}` : fileName;
    return `${what}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}
