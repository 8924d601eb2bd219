import { podSpecOf, type KubeObject } from './kustomize.js';

/**
 * NetworkPolicy semantics (networking.k8s.io/v1), enough to answer "may this pod open a TCP
 * connection to that pod on this port": a pod selected by no policy of a direction is open in
 * that direction; a selected one allows only what one of its policies' rules allows. A connection
 * needs the client's egress and the server's ingress. Peers outside the cluster (`outside`) match
 * only rules without peers or with an ipBlock.
 */
export interface Pod {
  /** The workload the pod belongs to (Deployment, StatefulSet, Job). */
  workload: string;
  namespace: string;
  labels: Record<string, string>;
  ports: { name?: string; containerPort: number; protocol?: string }[];
}

export type Peer = Pod | 'outside';

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

interface PolicyPort {
  port?: number | string;
  endPort?: number;
  protocol?: string;
}

interface Rule {
  from?: PolicyPeer[];
  to?: PolicyPeer[];
  ports?: PolicyPort[];
}

interface PolicySpec {
  podSelector: LabelSelector;
  policyTypes?: ('Ingress' | 'Egress')[];
  ingress?: Rule[];
  egress?: Rule[];
}

export function selects(selector: LabelSelector, labels: Record<string, string>): boolean {
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(
    ([key, value]) => labels[key] === value,
  );
  return (
    byLabels &&
    (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
      switch (operator) {
        case 'In':
          return key in labels && values.includes(labels[key]!);
        case 'NotIn':
          return !(key in labels) || !values.includes(labels[key]!);
        case 'Exists':
          return key in labels;
        case 'DoesNotExist':
          return !(key in labels);
        default:
          throw new Error(`unknown selector operator ${operator}`);
      }
    })
  );
}

/** One pod per workload of the render, with its template's labels and ports. */
export function podsOf(objects: readonly KubeObject[]): Pod[] {
  return objects.flatMap((object) => {
    const spec = podSpecOf(object);
    if (!spec) return [];
    const template = (
      object.spec as { template: { metadata?: { labels?: Record<string, string> } } }
    ).template;
    return [
      {
        workload: `${object.kind}/${object.metadata.name}`,
        namespace: object.metadata.namespace ?? 'default',
        labels: template.metadata?.labels ?? {},
        ports: spec.containers.flatMap((container) => container.ports ?? []),
      },
    ];
  });
}

export function policiesOf(objects: readonly KubeObject[]): KubeObject[] {
  return objects.filter((object) => object.kind === 'NetworkPolicy');
}

export function specOf(policy: KubeObject): PolicySpec {
  return policy.spec as PolicySpec;
}

function types(spec: PolicySpec): string[] {
  return spec.policyTypes ?? (spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);
}

const namespaceLabels = (namespace: string) => ({ 'kubernetes.io/metadata.name': namespace });

function peerMatches(peer: PolicyPeer, policyNamespace: string, candidate: Peer): boolean {
  if (candidate === 'outside') return peer.ipBlock !== undefined;
  if (peer.ipBlock) return false;
  const inNamespace = peer.namespaceSelector
    ? selects(peer.namespaceSelector, namespaceLabels(candidate.namespace))
    : candidate.namespace === policyNamespace;
  return inNamespace && (!peer.podSelector || selects(peer.podSelector, candidate.labels));
}

function portMatches(rulePort: PolicyPort, server: Peer, port: number): boolean {
  if ((rulePort.protocol ?? 'TCP') !== 'TCP') return false;
  if (rulePort.port === undefined) return true;
  const number =
    typeof rulePort.port === 'number'
      ? rulePort.port
      : server === 'outside'
        ? undefined
        : server.ports.find((p) => p.name === rulePort.port)?.containerPort;
  if (number === undefined) return false;
  return rulePort.endPort ? port >= number && port <= rulePort.endPort : port === number;
}

function peersAllow(peers: PolicyPeer[] | undefined, ns: string, peer: Peer): boolean {
  return !peers || peers.length === 0 || peers.some((p) => peerMatches(p, ns, peer));
}

function allowedBy(
  policies: readonly KubeObject[],
  direction: 'Ingress' | 'Egress',
  subject: Pod,
  peer: Peer,
  server: Peer,
  port: number,
): boolean {
  const governing = policies.filter(
    (policy) =>
      policy.metadata.namespace === subject.namespace &&
      types(specOf(policy)).includes(direction) &&
      selects(specOf(policy).podSelector, subject.labels),
  );
  if (governing.length === 0) return true;
  return governing.some((policy) => {
    const spec = specOf(policy);
    const rules = (direction === 'Ingress' ? spec.ingress : spec.egress) ?? [];
    return rules.some(
      (rule) =>
        peersAllow(direction === 'Ingress' ? rule.from : rule.to, subject.namespace, peer) &&
        (!rule.ports ||
          rule.ports.length === 0 ||
          rule.ports.some((p) => portMatches(p, server, port))),
    );
  });
}

/** Whether `client` may open a TCP connection to `server` on `port`. */
export function mayConnect(
  policies: readonly KubeObject[],
  client: Peer,
  server: Peer,
  port: number,
): boolean {
  const egress =
    client === 'outside' || allowedBy(policies, 'Egress', client, server, server, port);
  const ingress =
    server === 'outside' || allowedBy(policies, 'Ingress', server, client, server, port);
  return egress && ingress;
}
