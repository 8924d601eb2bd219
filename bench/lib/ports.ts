import { connect } from 'node:net';
import { ALL_SERVICES } from '../../scripts/launcher/services.js';

/** The ports of the benchmark's platform: its own block, away from a developer's `npm start`. */
export interface PortBlock {
  /** Port of each service by its launcher variable (GATEWAY_PORT, AUTH_PORT, …). */
  services: Record<string, number>;
  maildevSmtp: number;
  maildevWeb: number;
  postgres: number;
}

export function portBlock(base: number): PortBlock {
  // The service's default port relative to the gateway's 3000: gateway 21000, auth 21001, …
  const services = Object.fromEntries(
    ALL_SERVICES.map((s) => [s.portVar, base + (s.defaultPort - 3000)]),
  );
  return { services, maildevSmtp: base + 25, maildevWeb: base + 80, postgres: base + 329 };
}

export function allPorts(ports: PortBlock): number[] {
  return [...Object.values(ports.services), ports.maildevSmtp, ports.maildevWeb, ports.postgres];
}

export function isListening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const finish = (open: boolean) => {
      socket.destroy();
      done(open);
    };
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
    socket.setTimeout(1_000, () => finish(false));
  });
}
