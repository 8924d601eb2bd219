import { setTimeout as sleep } from 'node:timers/promises';
import { sessionOf, type Account } from './accounts.js';
import { call, dataOf, errorCode, expect } from './http.js';

/** Access tokens live 15 minutes (ACCESS_TOKEN_TTL_SEC): older than this, one is renewed first. */
const RENEW_AFTER_MS = 10 * 60_000;

/**
 * An account's session, renewed through POST /api/auth/refresh (no bcrypt) when its access token
 * gets old: a whole bench run with the 10,000-resource set-up can outlast one token.
 */
export class Session {
  private accessToken: string;
  private refreshToken: string;
  private issuedAt = Date.now();
  private renewing: Promise<void> | undefined;

  constructor(
    private readonly gatewayUrl: string,
    readonly account: Pick<Account, 'email' | 'accessToken' | 'refreshToken'>,
  ) {
    this.accessToken = account.accessToken;
    this.refreshToken = account.refreshToken;
  }

  /** A valid access token for at least the next five minutes. */
  async token(): Promise<string> {
    if (Date.now() - this.issuedAt >= RENEW_AFTER_MS) {
      this.renewing ??= this.renew().finally(() => (this.renewing = undefined));
      await this.renewing;
    }
    return this.accessToken;
  }

  private async renew(): Promise<void> {
    const answer = await call(`${this.gatewayUrl}/api/auth/refresh`, {
      method: 'POST',
      body: { refreshToken: this.refreshToken },
    });
    const session = sessionOf(expect(`refresh (${this.account.email})`, answer, 200).json);
    if (!session) throw new Error(`refresh gave no tokens: ${JSON.stringify(answer.json)}`);
    ({ accessToken: this.accessToken, refreshToken: this.refreshToken } = session);
    this.issuedAt = Date.now();
  }
}

/** The admin's session: one login (bcrypt) with the credentials the runner gave the platform. */
export async function adminSession(
  gatewayUrl: string,
  admin: { email: string; password: string },
): Promise<Session> {
  const answer = await call(`${gatewayUrl}/api/auth/login`, {
    method: 'POST',
    body: { identifier: admin.email, password: admin.password },
  });
  const session = sessionOf(expect('admin login', answer, 200).json);
  if (!session) throw new Error(`admin login gave no tokens: ${JSON.stringify(answer.json)}`);
  return new Session(gatewayUrl, { email: admin.email, ...session });
}

export type BusinessType = 'HOTEL' | 'CLINIC' | 'SALON' | 'CO_WORKING' | 'OTHER';

/** The vendor's business, created and then verified by the admin: ACTIVE, ready to publish. */
export async function openBusiness(
  gatewayUrl: string,
  vendor: Session,
  admin: Session,
  business: { name: string; type: BusinessType },
): Promise<string> {
  const created = await call(`${gatewayUrl}/api/businesses`, {
    method: 'POST',
    token: await vendor.token(),
    body: { ...business, timezone: 'UTC' },
  });
  const { id } = dataOf<{ id: string }>(expect('POST /api/businesses', created, 201));
  const verified = await call(`${gatewayUrl}/api/businesses/${id}/verify`, {
    method: 'PATCH',
    token: await admin.token(),
  });
  expect(`PATCH /api/businesses/${id}/verify`, verified, 200);
  return id;
}

export interface ResourceInput {
  name: string;
  type: 'HOTEL_ROOM' | 'DOCTOR_SLOT' | 'SALON_CHAIR' | 'DESK' | 'OTHER';
  price: string;
  currency: string;
  priceUnit?: 'PER_BOOKING' | 'PER_HOUR' | 'PER_DAY' | 'PER_NIGHT';
  description?: string;
  metadata?: Record<string, unknown>;
}

const BULK_MAX = 100;

/**
 * Creates the resources with POST /api/resources/bulk, 100 a request, `parallel` requests at once;
 * returns their ids in order. The resource service may still hold the business as it was before
 * verification (it caches an owner's business up to 10 s): 422 BUSINESS_NOT_ACTIVE is retried
 * for up to 30 s.
 */
export async function createResources(
  gatewayUrl: string,
  vendor: Session,
  inputs: readonly ResourceInput[],
  parallel = 4,
): Promise<string[]> {
  const chunks: ResourceInput[][] = [];
  for (let i = 0; i < inputs.length; i += BULK_MAX) chunks.push(inputs.slice(i, i + BULK_MAX));
  const ids: string[][] = [];
  const post = async (index: number) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const answer = await call(`${gatewayUrl}/api/resources/bulk`, {
        method: 'POST',
        token: await vendor.token(),
        body: { resources: chunks[index] },
      });
      const notYet =
        answer.status === 422 && errorCode(JSON.stringify(answer.json)) === 'BUSINESS_NOT_ACTIVE';
      if (!notYet || Date.now() > deadline) {
        ids[index] = dataOf<Array<{ id: string }>>(
          expect('POST /api/resources/bulk', answer, 201),
        ).map((resource) => resource.id);
        return;
      }
      await sleep(500);
    }
  };
  // The first chunk alone: it is the one that waits for the business to count as verified.
  if (chunks.length > 0) await post(0);
  let next = 1;
  const worker = async () => {
    while (next < chunks.length) await post(next++);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return ids.flat();
}
