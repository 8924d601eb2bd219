import { createServer } from 'node:net';

export interface PortClaim {
  /** Who wants it, for the error message: e.g. "AUTH_PORT (auth)". */
  owner: string;
  port: number;
}

/**
 * Whether `port` can be listened on at `host`, the address every process of the launcher binds.
 * A listener on the wildcard address (0.0.0.0 or ::) conflicts too, so that case is caught.
 */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** The claims whose port is already taken, in the order given. */
export async function findBusyPorts(
  claims: readonly PortClaim[],
  host = '127.0.0.1',
): Promise<PortClaim[]> {
  const results = await Promise.all(claims.map((claim) => isPortFree(claim.port, host)));
  return claims.filter((_, index) => !results[index]);
}

export function describeBusyPorts(busy: readonly PortClaim[]): string {
  const list = busy.map((claim) => `${claim.port} (${claim.owner})`).join(', ');
  return `Port${busy.length > 1 ? 's' : ''} already in use: ${list}. Stop what is listening there, or choose another port with the variable named.`;
}
