import { ALL_SERVICES, type ServiceSpec } from './services.js';

/** The most instances of one service the launcher runs (each needs a port of its own). */
export const MAX_REPLICAS = 9;
/** Instance k of a service listens on the service's port + k × this. */
export const REPLICA_PORT_STEP = 100;

/**
 * `booking=3,gateway=2` (`--replicas` or REPLICAS): how many instances of each named service run;
 * a service not named runs once. Throws an Error whose message is one line naming the problem.
 */
export function parseReplicas(
  text: string,
  known: readonly string[] = ALL_SERVICES.map((service) => service.name),
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of text.split(',').map((part) => part.trim())) {
    const match = /^([a-z]+)=(\d+)$/.exec(item);
    if (!match) throw new Error(`"${item}" is not service=count (e.g. booking=3,gateway=2)`);
    const [, name = '', count = ''] = match;
    if (!known.includes(name))
      throw new Error(`unknown service "${name}" (one of ${known.join(', ')})`);
    if (name in counts) throw new Error(`${name} is given twice`);
    const value = Number(count);
    if (value < 1 || value > MAX_REPLICAS)
      throw new Error(`${name}=${count}: the count must be 1 to ${MAX_REPLICAS}`);
    counts[name] = value;
  }
  return counts;
}

/** One process of a service: the service itself when it runs once, else one of its replicas. */
export interface Instance {
  service: ServiceSpec;
  /** 0 for the first (the one other services call). */
  index: number;
  /** `booking` when it runs once, else `booking#0`, `booking#1`…: in logs, restarts, the table. */
  name: string;
  port: number;
}

/** Every instance of the services that run, in their start order, with its port. */
export function planInstances(
  running: readonly ServiceSpec[],
  settings: { ports: Record<string, number>; replicas: Record<string, number> },
): Instance[] {
  return running.flatMap((service) => {
    const count = settings.replicas[service.name] ?? 1;
    const base = settings.ports[service.name] ?? service.defaultPort;
    return Array.from({ length: count }, (_, index) => ({
      service,
      index,
      name: count > 1 ? `${service.name}#${index}` : service.name,
      port: base + REPLICA_PORT_STEP * index,
    }));
  });
}

export const instanceUrl = (instance: Instance): string => `http://127.0.0.1:${instance.port}`;
