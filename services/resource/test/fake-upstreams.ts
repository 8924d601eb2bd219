import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ALWAYS_OPEN, type BusinessSummary, type Schedule } from '@slotwise/contracts';
import { createTokenVerifier } from '@slotwise/platform/auth';
import type { TestKeys } from '@slotwise/testkit';

export const CLIENT = { id: 'resource', secret: 'resource-secret-0123456789' };

/**
 * What the resource service calls, over real HTTP on 127.0.0.1: auth's client-credentials and
 * revocation endpoints, and the business service's two internal routes as its contract says
 * (`{ data: VersionedBusiness }`, 404 when unknown, a SERVICE token for audience 'business').
 * It stands for the business service, whose own tests live with it.
 */
export interface FakeUpstreams {
  url: string;
  /**
   * The businesses the fake business service knows, by id; answered at `version`, or 1 when a
   * test does not care (an answer no newer than the read model's row leaves the row alone), with
   * `schedule` (default: none, open around the clock).
   */
  businesses: Map<string, FakeBusiness>;
  /** Business lookups answered (any status), to observe caching. */
  readonly lookups: number;
  /** 'down': the business routes answer 503, as a dependency in trouble does. */
  setBusinessMode(mode: 'up' | 'down'): void;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

type FakeBusiness = BusinessSummary & { version?: number; schedule?: Schedule };

const refusal = (code: string) => ({ error: { code, message: code, requestId: 'fake' } });

async function readBody(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, string>;
}

export async function startFakeUpstreams(keys: TestKeys): Promise<FakeUpstreams> {
  const businesses = new Map<string, FakeBusiness>();
  let mode: 'up' | 'down' = 'up';
  let lookups = 0;
  const verifier = createTokenVerifier({
    jwksUrl: keys.jwksUrl,
    issuer: keys.issuer,
    audience: 'business',
  });

  async function issueToken(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (body.clientId !== CLIENT.id || body.clientSecret !== CLIENT.secret || !body.audience) {
      send(response, 401, refusal('INVALID_CLIENT'));
      return;
    }
    const accessToken = await keys.sign({
      sub: `service:${body.clientId}`,
      role: 'SERVICE',
      aud: body.audience,
    });
    send(response, 200, { data: { accessToken, expiresIn: 300 } });
  }

  async function lookUp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    lookups += 1;
    if (mode === 'down') {
      send(response, 503, refusal('SERVICE_UNAVAILABLE'));
      return;
    }
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const claims = token ? await verifier.verify(token).catch(() => undefined) : undefined;
    if (!claims || claims.role !== 'SERVICE') {
      send(response, 401, refusal('UNAUTHENTICATED'));
      return;
    }
    const path = request.url ?? '';
    const byOwner = /^\/internal\/businesses\/by-owner\/([^/?]+)$/.exec(path)?.[1];
    const byId = /^\/internal\/businesses\/([^/?]+)$/.exec(path)?.[1];
    const found = byOwner
      ? [...businesses.values()].find((business) => business.ownerId === byOwner)
      : businesses.get(byId ?? '');
    if (found) send(response, 200, { data: { version: 1, schedule: ALWAYS_OPEN, ...found } });
    else send(response, 404, refusal('NOT_FOUND'));
  }

  const server = createServer((request, response) => {
    const path = request.url ?? '';
    const route =
      request.method === 'POST' && path === '/internal/service-token'
        ? issueToken
        : request.method === 'GET' && path.startsWith('/internal/token-revocations')
          ? async () => send(response, 200, { data: [] })
          : request.method === 'GET' && path.startsWith('/internal/businesses/')
            ? lookUp
            : async () => send(response, 404, refusal('NOT_FOUND'));
    route(request, response).catch(() => send(response, 500, refusal('INTERNAL_ERROR')));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    businesses,
    get lookups() {
      return lookups;
    },
    setBusinessMode(next) {
      mode = next;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
