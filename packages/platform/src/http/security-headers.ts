import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Helmet's default security headers, worked out once. `@fastify/helmet` builds a new helmet
 * middleware (parsing the whole content security policy again) on every request: about 4 % of a
 * service's CPU on the booking hot path. The defaults depend on nothing in the request, so the
 * middleware is run once against a recorder and its headers are set on every reply as they are.
 */
export function securityHeaders(options?: Parameters<typeof helmet>[0]): Record<string, string> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]): void {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
    },
    removeHeader(name: string): void {
      headers.delete(name.toLowerCase());
    },
  };
  helmet(options)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    // Helmet 8 throws a bad option straight away instead of passing it here.
    () => undefined,
  );
  return Object.fromEntries(headers);
}
