import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parser as promql } from '@prometheus-io/lezer-promql';
import { loadConfig } from '@slotwise/platform/config';
import { PLATFORM_MIGRATIONS } from '@slotwise/platform/db';
import { createMetricsRegistry } from '@slotwise/platform/http';
import { createTestDatabase } from '@slotwise/testkit';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema as authSchema } from '../../services/auth/src/config.js';
import { configSchema as bookingSchema } from '../../services/booking/src/config.js';
import { configSchema as businessSchema } from '../../services/business/src/config.js';
import { gatewayConfigSchema } from '../../services/gateway/src/config.js';
import { configSchema as notificationSchema } from '../../services/notification/src/config.js';
import { configSchema as paymentSchema } from '../../services/payment/src/config.js';
import { configSchema as resourceSchema } from '../../services/resource/src/config.js';
import { ALL_SERVICES, type ServiceSpec } from '../launcher/services.js';
import { containerEnv, dataOf } from './deploy/container-env.js';
import { podSpecOf, renderKustomization, type Container } from './deploy/kustomize.js';
import {
  mayConnect,
  podsOf,
  policiesOf,
  selects,
  specOf,
  type Pod,
} from './deploy/network-policies.js';
import { unknownFields } from './deploy/strict-fields.js';

/**
 * The deploy artifacts (Dockerfile, deploy/compose.yaml, deploy/kubernetes, deploy/prometheus)
 * checked against what the code really needs: each service's own config schema parses the
 * environment each deployment gives it, the URLs it dials lead to what serves them, the network
 * policies let exactly those connections through, and the alerts read metrics the code exports.
 * No Docker engine or cluster is needed: the compose file is validated against the Compose
 * Specification's JSON schema, the Kubernetes objects against kubernetes-models.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEPLOY = join(ROOT, 'deploy');

type Schema = Parameters<typeof loadConfig>[1] & { shape: Record<string, unknown> };
const SCHEMAS: Record<string, Schema> = {
  auth: authSchema,
  booking: bookingSchema,
  business: businessSchema,
  gateway: gatewayConfigSchema,
  notification: notificationSchema,
  payment: paymentSchema,
  resource: resourceSchema,
};
const SERVICES = ALL_SERVICES.map((service) => service.name);
const WITH_DATABASE = ALL_SERVICES.filter((service) => service.database);
/** The services that read an event transport (all but the gateway). */
const WITH_EVENTS = SERVICES.filter((name) => 'AMQP_URL' in SCHEMAS[name]!.shape);
/** The services that call others with service tokens, or read auth's revocation feed. */
const WITH_CLIENTS = SERVICES.filter((name) => 'SERVICE_CLIENT_ID' in SCHEMAS[name]!.shape);
const spec = (name: string): ServiceSpec => ALL_SERVICES.find((s) => s.name === name)!;

/** The service's config as its own main.js would load it from `env`, as a plain record. */
function configOf(service: string, env: Record<string, string>): Record<string, unknown> {
  return loadConfig(service, SCHEMAS[service]!, env);
}

/** The addresses a config makes its service connect to (PUBLIC_URL is a link for people). */
function dialedUrls(config: Record<string, unknown>): [string, URL][] {
  return Object.entries(config)
    .filter(([key]) => key.endsWith('_URL') && key !== 'PUBLIC_URL')
    .flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((url) => [key, new URL(String(url))]),
    ) as [string, URL][];
}

const DEFAULT_PORTS: Record<string, number> = {
  'http:': 80,
  'https:': 443,
  'postgres:': 5432,
  'postgresql:': 5432,
  'amqp:': 5672,
  'redis:': 6379,
  'smtp:': 25,
};
const portOf = (url: URL) => Number(url.port || DEFAULT_PORTS[url.protocol]);

/** `SERVICE_CLIENTS` as auth reads it: client id → secret. */
const serviceClientsOf = (auth: Record<string, unknown>) =>
  auth.SERVICE_CLIENTS as Record<string, string>;

/** Each `CREATE ROLE … PASSWORD` and `CREATE DATABASE … OWNER` of the local init script. */
function initScript(): { roles: Map<string, string>; owners: Map<string, string> } {
  const sql = readFileSync(
    join(DEPLOY, 'kubernetes/overlays/local/postgres/init-databases.sql'),
    'utf8',
  );
  return {
    roles: new Map(
      [...sql.matchAll(/CREATE ROLE (\w+) LOGIN PASSWORD '([^']+)'/g)].map((m) => [m[1]!, m[2]!]),
    ),
    owners: new Map(
      [...sql.matchAll(/CREATE DATABASE (\w+) OWNER (\w+)/g)].map((m) => [m[1]!, m[2]!]),
    ),
  };
}

/**
 * A service's DATABASE_URL against the init script: its database should be the service's, owned
 * by the URL's role, whose password the URL carries.
 */
function expectedGrant(url: URL, service: string) {
  return {
    database: spec(service).database,
    owner: url.username,
    password: decodeURIComponent(url.password),
  };
}

function grantOf(url: URL) {
  const database = url.pathname.slice(1);
  const { roles, owners } = initScript();
  return { database, owner: owners.get(database), password: roles.get(url.username) };
}

const DOCKERFILE = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

/** The ENV of the images' runtime stage: what every container starts with, before its own. */
function imageEnv(): Record<string, string> {
  const runtime = DOCKERFILE.slice(DOCKERFILE.indexOf('AS runtime')).replace(/\\\n\s*/g, ' ');
  const line = /^ENV (.+)$/m.exec(runtime)?.[1] ?? '';
  return Object.fromEntries(
    line
      .trim()
      .split(/\s+/)
      .map((pair) => pair.split('=') as [string, string]),
  );
}

describe('the Dockerfile', () => {
  const dockerfile = DOCKERFILE;
  const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));

  it('sets the environment a service needs in a container', () => {
    expect(imageEnv()).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    // Where the gateway's image carries the web app (bundle-service.mjs copies it there).
    expect(imageEnv().WEB_DIST_DIR).toBe('/app/apps/web/dist');
  });

  it('builds once, then runs each service from its own folder as a non-root user', () => {
    expect(dockerfile).toMatch(/^FROM \S+ AS build$/m);
    // The build stage depends on no SERVICE: every service's image reuses its layers.
    expect(dockerfile.slice(0, dockerfile.indexOf('AS bundle'))).not.toMatch(/ARG SERVICE/);
    expect(dockerfile).toMatch(/RUN npm ci --ignore-scripts/);
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^WORKDIR \/app\/services\/\$\{SERVICE\}$/m);
    expect(runtime).toMatch(/CMD \["node", "--max-semi-space-size=16", "dist\/main\.js"\]/);
  });

  it('checks liveness on the path every service serves', () => {
    const health = readFileSync(join(ROOT, 'packages/platform/src/http/health.ts'), 'utf8');
    expect(health).toContain("app.get('/health/live'");
    expect(runtime).toMatch(
      /HEALTHCHECK[^\n]*\\\n\s+CMD \["node", "\/app\/healthcheck\.mjs", "\/health\/live"\]/,
    );
  });

  it('gives every service with a database the one-shot migration its image runs', () => {
    for (const { name } of WITH_DATABASE) {
      expect(existsSync(join(ROOT, 'services', name, 'src', 'migrate.ts')), name).toBe(true);
      expect(existsSync(join(ROOT, 'services', name, 'prisma', 'migrations')), name).toBe(true);
    }
  });
});

describe('deploy/compose.yaml', () => {
  const text = readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8');
  const compose = parse(text, { merge: true }) as {
    services: Record<string, ComposeService>;
    volumes?: Record<string, unknown>;
  };
  const services = compose.services;

  it('is valid by the Compose Specification (the schema `docker compose config` applies)', () => {
    const schema = JSON.parse(readFileSync(join(DEPLOY, 'test', 'compose-spec.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('leaves compose nothing to interpolate (every value is literal)', () => {
    const dollars = JSON.stringify(compose).match(/\$[^$]/g) ?? [];
    expect(dollars).toEqual([]);
  });

  it('starts each service after its migration, and the infrastructure it waits for is healthy', () => {
    const problems = Object.entries(services).flatMap(([name, service]) =>
      Object.entries(service.depends_on ?? {}).flatMap(([target, { condition }]) => {
        const dependency = services[target];
        if (!dependency) return [`${name} depends on ${target}, which is not defined`];
        if (condition === 'service_healthy' && !dependency.healthcheck) {
          return [`${name} waits for ${target} to be healthy, which has no healthcheck`];
        }
        const runsOnce =
          dependency.restart === 'no' && dependency.command?.join(' ') === 'node dist/migrate.js';
        if (condition === 'service_completed_successfully' && !runsOnce) {
          return [`${name} waits for ${target} to complete, which is not a one-shot migration`];
        }
        return [];
      }),
    );
    expect(problems).toEqual([]);
    for (const { name } of WITH_DATABASE) {
      expect(services[name]!.depends_on?.[`${name}-migrate`]?.condition).toBe(
        'service_completed_successfully',
      );
      const migrate = services[`${name}-migrate`]!;
      expect(migrate.image).toBe(services[name]!.image);
      expect(migrate.build?.args?.SERVICE).toBe(name);
      expect(migrate.environment?.DATABASE_URL).toBe(services[name]!.environment?.DATABASE_URL);
    }
  });

  it('builds every Slotwise image from the one Dockerfile, its SERVICE naming a service', () => {
    const built = Object.entries(services).filter(([, service]) => service.build);
    for (const [name, { build, image }] of built) {
      expect(build!.dockerfile, name).toBe('Dockerfile');
      expect(existsSync(join(DEPLOY, build!.context!, 'Dockerfile')), name).toBe(true);
      expect(SERVICES, name).toContain(build!.args?.SERVICE);
      expect(image, name).toBe(`slotwise/${build!.args!.SERVICE!}:local`);
    }
    expect(SERVICES.filter((name) => !services[name]?.build)).toEqual([]);
  });

  it('runs 2 gateways and 3 bookings, none of them with a fixed host port or name', () => {
    expect(services.gateway!.deploy?.replicas).toBe(2);
    expect(services.booking!.deploy?.replicas).toBe(3);
    const replicated = Object.entries(services).filter(([, s]) => (s.deploy?.replicas ?? 1) > 1);
    for (const [name, service] of replicated) {
      expect(service.ports, name).toBeUndefined();
      expect(service.container_name, name).toBeUndefined();
    }
  });

  it('mounts files that exist and volumes it declares', () => {
    const missing = Object.entries(services).flatMap(([name, service]) =>
      (service.volumes ?? [])
        .map((volume) => volume.split(':')[0]!)
        .filter((source) =>
          source.startsWith('.')
            ? !existsSync(join(DEPLOY, source))
            : !Object.hasOwn(compose.volumes ?? {}, source),
        )
        .map((source) => `${name}: ${source}`),
    );
    expect(missing).toEqual([]);
  });

  /** A container's environment: the image's ENV, then the service's `environment`. */
  const environmentOf = (name: string): Record<string, string> => ({
    ...imageEnv(),
    ...Object.fromEntries(
      Object.entries(services[name]?.environment ?? {}).map(([key, value]) => [key, String(value)]),
    ),
  });

  /** Every service `name` waits for, directly or through those it waits for. */
  function startsAfter(name: string, seen = new Set<string>()): Set<string> {
    for (const dependency of Object.keys(services[name]?.depends_on ?? {})) {
      if (!seen.has(dependency)) {
        seen.add(dependency);
        startsAfter(dependency, seen);
      }
    }
    return seen;
  }

  describe.each(SERVICES)('%s', (name) => {
    const environment = environmentOf(name);

    it('gets an environment its own config accepts, listening where the others look for it', () => {
      const config = configOf(name, environment);
      expect(config.HOST).toBe('0.0.0.0');
      expect(config.PORT).toBe(spec(name).defaultPort);
      expect(config.NODE_ENV).toBe('production');
    });

    it('dials only other containers of the stack, on the ports they serve, started before it', () => {
      const infrastructure: Record<string, number> = {
        postgres: 5432,
        rabbitmq: 5672,
        redis: 6379,
        maildev: 1025,
      };
      const problems = dialedUrls(configOf(name, environment)).flatMap(([key, url]) => {
        const where = `${key}=${url.href}`;
        if (!services[url.hostname]) return [`${where}: no such service`];
        const served = SERVICES.includes(url.hostname)
          ? spec(url.hostname).defaultPort
          : infrastructure[url.hostname];
        if (portOf(url) !== served) return [`${where}: ${url.hostname} listens on ${served}`];
        if (url.hostname !== name && !startsAfter(name).has(url.hostname)) {
          return [`${where}: ${name} may start before ${url.hostname}`];
        }
        return [];
      });
      expect(problems).toEqual([]);
    });
  });

  it.each(WITH_DATABASE.map((s) => s.name))(
    '%s connects to a database of its own, as its owner',
    (name) => {
      const url = new URL(configOf(name, environmentOf(name)).DATABASE_URL as string);
      expect(grantOf(url)).toEqual(expectedGrant(url, name));
    },
  );

  it.each(WITH_EVENTS)('%s signs in to RabbitMQ as the broker was set up', (name) => {
    const amqp = new URL(configOf(name, environmentOf(name)).AMQP_URL as string);
    const broker = services.rabbitmq!.environment!;
    expect([amqp.username, amqp.password]).toEqual([
      broker.RABBITMQ_DEFAULT_USER,
      broker.RABBITMQ_DEFAULT_PASS,
    ]);
  });

  it.each(WITH_CLIENTS)('%s holds the service credentials auth knows it by', (name) => {
    const config = configOf(name, environmentOf(name));
    const auth = configOf('auth', environmentOf('auth'));
    expect(config.SERVICE_CLIENT_ID).toBe(name);
    expect(serviceClientsOf(auth)[name]).toBe(config.SERVICE_CLIENT_SECRET);
  });
});

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  command?: string[];
  restart?: string;
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
  deploy?: { replicas?: number };
  ports?: string[];
  container_name?: string;
  volumes?: string[];
}

describe('deploy/kubernetes/overlays/local, rendered', () => {
  const objects = renderKustomization(join(DEPLOY, 'kubernetes', 'overlays', 'local'));
  const NAMESPACE = 'slotwise';
  const of = (kind: string) => objects.filter((object) => object.kind === kind);
  const named = (kind: string, name: string) => of(kind).find((o) => o.metadata.name === name);
  const pods = podsOf(objects);
  const policies = policiesOf(objects);
  const podOf = (workload: string) => pods.find((pod) => pod.workload === workload)!;
  const appContainer = (name: string): Container =>
    podSpecOf(named('Deployment', name)!)!.containers.find((c) => c.name === name)!;
  // The images' own ENV first: a container's env is set over it.
  const envOf = (container: Container) => ({
    ...(container.image?.startsWith('slotwise/') ? imageEnv() : {}),
    ...containerEnv(container, objects, NAMESPACE),
  });

  /** The pods behind a Service, and the container port a URL's port reaches on them. */
  function target(url: URL): { pods: Pod[]; port: number } {
    const service = named('Service', url.hostname.split('.')[0]!);
    if (!service) throw new Error(`${url.hostname} is no Service of the render`);
    const { selector, ports } = service.spec as {
      selector: Record<string, string>;
      ports: { port: number; targetPort?: number | string }[];
    };
    const servicePort = ports.find((p) => p.port === portOf(url));
    if (!servicePort) throw new Error(`Service ${url.hostname} has no port ${portOf(url)}`);
    const selected = pods.filter((pod) => selects({ matchLabels: selector }, pod.labels));
    const targetPort = servicePort.targetPort ?? servicePort.port;
    const port =
      typeof targetPort === 'number'
        ? targetPort
        : selected[0]?.ports.find((p) => p.name === targetPort)?.containerPort;
    if (selected.length === 0 || port === undefined) {
      throw new Error(`Service ${url.hostname} leads to no pod port`);
    }
    return { pods: selected, port };
  }

  /** Every connection the configs ask for: client workload → server workload on a port. */
  function dialed(): { client: Pod; server: Pod; port: number; why: string }[] {
    const connections = [];
    for (const object of [...of('Deployment'), ...of('Job')]) {
      const spec = podSpecOf(object)!;
      for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
        // A migration step (the Job's containers, the init containers) dials its database only;
        // the infrastructure's containers (PostgreSQL, Redis…) dial nothing.
        const migrates = container.command?.join(' ') === 'node dist/migrate.js';
        if (!migrates && !SCHEMAS[container.name]) continue;
        const env = envOf(container);
        const urls: [string, URL][] = migrates
          ? [['DATABASE_URL', new URL(env.DATABASE_URL!)]]
          : dialedUrls(configOf(container.name, env));
        for (const [key, url] of urls) {
          const { pods: servers, port } = target(url);
          for (const server of servers) {
            connections.push({
              client: podOf(`${object.kind}/${object.metadata.name}`),
              server,
              port,
              why: `${object.metadata.name}/${container.name} ${key}`,
            });
          }
        }
      }
    }
    return connections;
  }

  it('renders objects that are valid Kubernetes objects, with no unknown field', () => {
    const models: Record<string, new (data: never) => { validate(): void }> = {
      Namespace,
      ConfigMap,
      Secret,
      Service,
      Deployment,
      StatefulSet,
      Job,
      HorizontalPodAutoscaler,
      PodDisruptionBudget,
      NetworkPolicy,
    };
    for (const object of objects) {
      const Model = models[object.kind];
      expect(Model, `a model for ${object.kind}`).toBeDefined();
      expect(
        () => new Model!(object as never).validate(),
        `${object.kind} ${object.metadata.name}`,
      ).not.toThrow();
      expect(object.metadata.namespace ?? NAMESPACE, object.metadata.name).toBe(NAMESPACE);
    }
    expect(unknownFields(objects, ROOT)).toEqual([]);
  }, 60_000);

  it('runs every service, probed on the health paths it serves, with limits and a graceful stop', () => {
    expect(
      of('Deployment')
        .filter((d) => SERVICES.includes(d.metadata.name))
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual([...SERVICES].sort());
    for (const name of SERVICES) {
      const container = appContainer(name);
      const podSpec = podSpecOf(named('Deployment', name)!)!;
      const http = container.ports?.find((p) => p.name === 'http');
      expect(http?.containerPort, name).toBe(spec(name).defaultPort);
      const probe = (kind: string) =>
        container[kind] as { httpGet?: { path: string; port: string } };
      expect(probe('readinessProbe').httpGet, name).toEqual({
        path: '/health/ready',
        port: 'http',
      });
      expect(probe('livenessProbe').httpGet, name).toEqual({ path: '/health/live', port: 'http' });
      const config = configOf(name, envOf(container));
      expect(config.HOST, name).toBe('0.0.0.0');
      expect(config.PORT, name).toBe(http?.containerPort);
      // preStop pauses, then SIGTERM; the shutdown may take SHUTDOWN_TIMEOUT_MS before it is forced.
      const preStop = (container.lifecycle as { preStop?: { exec?: { command: string[] } } })
        .preStop;
      expect(preStop?.exec?.command[0], name).toBe('sleep');
      const pause = Number(preStop!.exec!.command[1]);
      expect(podSpec.terminationGracePeriodSeconds, name).toBeGreaterThan(
        pause + Number(config.SHUTDOWN_TIMEOUT_MS) / 1000,
      );
    }
  });

  it('gives every container resource requests and limits', () => {
    for (const object of objects) {
      const podSpec = podSpecOf(object);
      for (const container of [
        ...(podSpec?.initContainers ?? []),
        ...(podSpec?.containers ?? []),
      ]) {
        const { requests, limits } = (container.resources ?? {}) as Record<
          string,
          Record<string, unknown>
        >;
        const where = `${object.metadata.name}/${container.name}`;
        expect(Object.keys(requests ?? {}).sort(), where).toEqual(['cpu', 'memory']);
        expect(Object.keys(limits ?? {}).sort(), where).toEqual(['cpu', 'memory']);
      }
    }
  });

  it('gives each service an environment its own config accepts, from the ConfigMap and Secret', () => {
    for (const name of SERVICES) {
      expect(configOf(name, envOf(appContainer(name))).NODE_ENV, name).toBe('production');
    }
  });

  it.each(WITH_DATABASE.map((s) => s.name))(
    '%s connects to a database of its own, as its owner',
    (name) => {
      const url = new URL(configOf(name, envOf(appContainer(name))).DATABASE_URL as string);
      expect(grantOf(url)).toEqual(expectedGrant(url, name));
    },
  );

  it.each(WITH_EVENTS)('%s signs in to RabbitMQ as the broker was set up', (name) => {
    const amqp = new URL(configOf(name, envOf(appContainer(name))).AMQP_URL as string);
    const broker = dataOf(objects, 'Secret', 'local-infrastructure', NAMESPACE)!;
    expect([amqp.username, amqp.password]).toEqual([
      broker['rabbitmq-user'],
      broker['rabbitmq-password'],
    ]);
  });

  it.each(WITH_CLIENTS)('%s holds the service credentials auth knows it by', (name) => {
    const config = configOf(name, envOf(appContainer(name)));
    const auth = configOf('auth', envOf(appContainer('auth')));
    expect(config.SERVICE_CLIENT_ID).toBe(name);
    expect(serviceClientsOf(auth)[name]).toBe(config.SERVICE_CLIENT_SECRET);
  });

  it('migrates every database before its service starts, in a Job and in each pod', () => {
    const job = podSpecOf(named('Job', 'migrate')!)!;
    expect(job.containers.map((c) => c.name).sort()).toEqual(
      WITH_DATABASE.map((s) => s.name).sort(),
    );
    for (const { name } of WITH_DATABASE) {
      const app = appContainer(name);
      const steps = [
        job.containers.find((c) => c.name === name)!,
        podSpecOf(named('Deployment', name)!)!.initContainers?.find((c) => c.name === 'migrate'),
      ];
      for (const step of steps) {
        expect(step, name).toBeDefined();
        expect(step!.image, name).toBe(app.image);
        expect(step!.command, name).toEqual(['node', 'dist/migrate.js']);
        expect(envOf(step!).DATABASE_URL, name).toBe(envOf(app).DATABASE_URL);
      }
    }
  });

  it('scales the gateway and booking on CPU, leaving them no fixed replica count', () => {
    const autoscaled = of('HorizontalPodAutoscaler').map((hpa) => {
      const { scaleTargetRef, minReplicas } = hpa.spec as {
        scaleTargetRef: { kind: string; name: string };
        minReplicas: number;
      };
      const deployment = named(scaleTargetRef.kind, scaleTargetRef.name)!;
      expect(deployment, hpa.metadata.name).toBeDefined();
      expect(
        (deployment.spec as { replicas?: number }).replicas,
        hpa.metadata.name,
      ).toBeUndefined();
      const requests = (
        podSpecOf(deployment)!.containers[0]!.resources as { requests: { cpu?: string } }
      ).requests;
      expect(
        requests.cpu,
        `${hpa.metadata.name} can be measured against its CPU request`,
      ).toBeDefined();
      return [scaleTargetRef.name, minReplicas];
    });
    expect(Object.fromEntries(autoscaled)).toEqual({ gateway: 2, booking: 3 });
  });

  it('keeps one pod of each service through a voluntary disruption, selecting real pods', () => {
    for (const name of SERVICES) {
      const budget = named('PodDisruptionBudget', name);
      expect(budget, name).toBeDefined();
      const { selector } = budget!.spec as { selector: { matchLabels: Record<string, string> } };
      expect(
        pods.filter((pod) => selects(selector, pod.labels)).map((pod) => pod.workload),
      ).toEqual([`Deployment/${name}`]);
    }
  });

  it('has network policies that each select real pods and name real peers and ports', () => {
    for (const policy of policies) {
      const {
        podSelector,
        ingress = [],
        egress = [],
      } = specOf(policy) as ReturnType<typeof specOf> & {
        ingress?: {
          from?: { podSelector?: object; namespaceSelector?: object }[];
          ports?: { port?: number }[];
        }[];
        egress?: { to?: { podSelector?: object; namespaceSelector?: object }[] }[];
      };
      const selected = pods.filter((pod) => selects(podSelector, pod.labels));
      expect(selected.length, `${policy.metadata.name} selects pods`).toBeGreaterThan(0);
      for (const peer of [
        ...ingress.flatMap((r) => r.from ?? []),
        ...egress.flatMap((r) => r.to ?? []),
      ]) {
        if (peer.namespaceSelector || !peer.podSelector) continue;
        expect(
          pods.some((pod) => selects(peer.podSelector!, pod.labels)),
          `${policy.metadata.name}: a peer selects pods`,
        ).toBe(true);
      }
      for (const { port } of ingress.flatMap((rule) => rule.ports ?? [])) {
        expect(
          selected.some((pod) => pod.ports.some((p) => p.containerPort === port)),
          `${policy.metadata.name}: port ${port}`,
        ).toBe(true);
      }
    }
  });

  it('lets through every connection a service is configured to make', () => {
    const connections = dialed();
    expect(connections.length).toBeGreaterThan(SERVICES.length);
    for (const { client, server, port, why } of connections) {
      expect(
        mayConnect(policies, client, server, port),
        `${why} → ${server.workload}:${port}`,
      ).toBe(true);
    }
  });

  it('lets no pod reach a service port but those configured to call it, and only the gateway in from outside', () => {
    const connections = dialed();
    for (const server of pods) {
      for (const { containerPort } of server.ports) {
        const expected = new Set(
          connections
            .filter((c) => c.server === server && c.port === containerPort && c.client !== server)
            .map((c) => c.client.workload),
        );
        const isGateway = server.workload === 'Deployment/gateway';
        expect(
          mayConnect(policies, 'outside', server, containerPort),
          `outside → ${server.workload}:${containerPort}`,
        ).toBe(isGateway);
        if (isGateway) continue;
        const allowed = pods
          .filter(
            (client) => client !== server && mayConnect(policies, client, server, containerPort),
          )
          .map((client) => client.workload);
        expect(allowed.sort(), `who reaches ${server.workload}:${containerPort}`).toEqual(
          [...expected].sort(),
        );
      }
    }
  });

  it('lets out of the cluster only mail from notification and provider calls from payment', () => {
    for (const name of SERVICES) {
      const pod = podOf(`Deployment/${name}`);
      expect(mayConnect(policies, pod, 'outside', 587), `${name} → SMTP`).toBe(
        name === 'notification',
      );
      expect(mayConnect(policies, pod, 'outside', 443), `${name} → HTTPS`).toBe(name === 'payment');
    }
  });
});

describe('deploy/prometheus/alerts.yaml', () => {
  interface Rule {
    alert: string;
    expr: string;
    for?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  }
  const file = parse(readFileSync(join(DEPLOY, 'prometheus', 'alerts.yaml'), 'utf8')) as {
    groups: { name: string; rules: Rule[] }[];
  };
  const rules = file.groups.flatMap((group) => group.rules);

  /** The name of the metric constructed at `index`: `name: 'x'`, or `name` from a `const name = 'x'`. */
  function metricNameAt(source: string, index: number): string | undefined {
    const options = source.slice(index, index + 300);
    const literal = /\bname: '([a-z_]+)'/.exec(options)?.[1];
    if (literal || !/\bname,/.test(options)) return literal;
    const before = source.slice(Math.max(0, index - 400), index);
    return [...before.matchAll(/\bname = '([a-z_]+)'/g)].pop()?.[1];
  }

  /** The names `new Gauge|Counter|Histogram|Summary({ name })` gives in the code, by type. */
  function codeMetrics(): Map<string, string> {
    const found = new Map<string, string>();
    const dirs = [
      join(ROOT, 'packages/platform/src'),
      ...SERVICES.map((s) => join(ROOT, 'services', s, 'src')),
    ];
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? entry.name === 'generated'
            ? []
            : walk(join(dir, entry.name))
          : entry.name.endsWith('.ts')
            ? [join(dir, entry.name)]
            : [],
      );
    for (const file of dirs.flatMap(walk)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/new (Gauge|Counter|Histogram|Summary)\(\{/g)) {
        const name = metricNameAt(source, match.index);
        if (name) found.set(name, match[1]!);
      }
      // installPoolMetrics' gauges go through a helper: gauge('name', help, read).
      for (const [, name] of source.matchAll(/\bgauge\('([a-z_]+)'/g)) found.set(name!, 'Gauge');
    }
    return found;
  }

  /** Every series name a Slotwise /metrics serves (a histogram's as _bucket, _sum, _count). */
  async function servedSeries(): Promise<Set<string>> {
    const defaults = await createMetricsRegistry('probe').getMetricsAsJSON();
    const series = new Set<string>();
    const add = (name: string, type: string) => {
      if (type.toLowerCase() === 'histogram')
        for (const suffix of ['_bucket', '_sum', '_count']) series.add(name + suffix);
      else series.add(name);
    };
    for (const metric of defaults) add(metric.name, String(metric.type));
    for (const [name, type] of codeMetrics()) add(name, type);
    return series;
  }

  /** Metric names and `by (...)` labels of a PromQL expression, or its syntax errors. */
  function analyse(expr: string): {
    metrics: string[];
    groupings: string[];
    aggregates: boolean;
    errors: number;
  } {
    const result = {
      metrics: [] as string[],
      groupings: [] as string[],
      aggregates: false,
      errors: 0,
    };
    const tree = promql.parse(expr);
    tree.iterate({
      enter(node) {
        if (node.type.isError) result.errors += 1;
        if (node.name === 'AggregateExpr') result.aggregates = true;
        if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') {
          result.metrics.push(expr.slice(node.from, node.to));
        }
        if (node.name === 'LabelName' && node.node.parent?.parent?.name === 'AggregateModifier') {
          result.groupings.push(expr.slice(node.from, node.to));
        }
      },
    });
    return result;
  }

  it('has the fields Prometheus needs, each alert named once', () => {
    expect(file.groups.length).toBeGreaterThan(0);
    expect(new Set(file.groups.map((g) => g.name)).size).toBe(file.groups.length);
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.alert).toMatch(/^Slotwise[A-Z][A-Za-z]+$/);
      expect(typeof rule.expr, rule.alert).toBe('string');
      expect(rule.for ?? '0s', rule.alert).toMatch(/^(\d+(ms|[smhdwy]))+$/);
      expect(['critical', 'warning'], rule.alert).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary, rule.alert).toBeTruthy();
      expect(rule.annotations?.description, rule.alert).toBeTruthy();
    }
  });

  it('writes PromQL that parses, on series the services export, templating labels the result has', async () => {
    const served = await servedSeries();
    // Prometheus' own, and RabbitMQ's per-queue series (its prometheus plugin, /metrics/per-object).
    const external = new Set(['up', 'rabbitmq_queue_messages']);
    for (const rule of rules) {
      const { metrics, groupings, aggregates, errors } = analyse(rule.expr);
      expect(errors, `${rule.alert}: ${rule.expr}`).toBe(0);
      expect(metrics.length, rule.alert).toBeGreaterThan(0);
      for (const metric of metrics) {
        expect(served.has(metric) || external.has(metric), `${rule.alert}: ${metric}`).toBe(true);
      }
      const templated = Object.values(rule.annotations ?? {}).flatMap((text) =>
        [...text.matchAll(/\$labels\.(\w+)/g)].map((m) => m[1]!),
      );
      // An aggregation keeps only its `by` labels: a template naming another prints nothing.
      const lost = aggregates ? templated.filter((label) => !groupings.includes(label)) : [];
      expect(lost, `${rule.alert}: labels its result lacks`).toEqual([]);
    }
  });

  it('is explained in docs/OPERATIONS.md, with every metric the code exports', () => {
    const operations = readFileSync(join(ROOT, 'docs', 'OPERATIONS.md'), 'utf8');
    for (const name of codeMetrics().keys()) expect(operations, name).toContain(`\`${name}\``);
    for (const rule of rules) expect(operations, rule.alert).toContain(rule.alert);
  });
});

describe('node dist/migrate.js, each service with a database', () => {
  /** Runs a service's migrate entry from its sources, as the image runs its build. */
  function runMigrate(
    service: string,
    env: Record<string, string>,
  ): Promise<{ code: number; output: string }> {
    const entry = join(ROOT, 'services', service, 'src', 'migrate.ts');
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', entry], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('close', (code) => resolve({ code: code ?? 1, output }));
    });
  }

  async function countRows(url: string, table: string): Promise<number> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE finished_at IS NOT NULL`,
      );
      return rows[0]!.n;
    } finally {
      await client.end();
    }
  }

  it.each(WITH_DATABASE.map((s) => s.name))(
    "%s: applies the platform's and its own migrations to an empty database",
    async (service) => {
      const database = await createTestDatabase({ label: `migrate ${service}` });
      try {
        const first = await runMigrate(service, { DATABASE_URL: database.url });
        expect(first.code, first.output).toBe(0);
        const own = readdirSync(join(ROOT, 'services', service, 'prisma', 'migrations'), {
          withFileTypes: true,
        }).filter((entry) => entry.isDirectory()).length;
        expect(await countRows(database.url, '_prisma_migrations')).toBe(own);
        expect(await countRows(database.url, '_platform_migrations')).toBe(
          PLATFORM_MIGRATIONS.length,
        );
      } finally {
        await database.drop();
      }
    },
    120_000,
  );

  it("has nothing to do the second time (a Job and the pods' init containers both run it)", async () => {
    const database = await createTestDatabase({ label: 'migrate again' });
    try {
      expect((await runMigrate('booking', { DATABASE_URL: database.url })).code).toBe(0);
      const again = await runMigrate('booking', { DATABASE_URL: database.url });
      expect(again.code, again.output).toBe(0);
      expect(again.output).toContain('schema is current (0 migration(s) applied)');
    } finally {
      await database.drop();
    }
  }, 120_000);

  it('fails with the reason when DATABASE_URL is not a PostgreSQL URL', async () => {
    const result = await runMigrate('booking', { DATABASE_URL: 'mysql://somewhere/booking' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
  }, 60_000);
});
