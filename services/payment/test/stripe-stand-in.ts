import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small local stand-in for the few Stripe endpoints the stripe provider calls, so the official
 * SDK can be tested here (no network): the SDK is pointed at it with its host/port/protocol
 * options. Like Stripe, it answers a repeated Idempotency-Key with the first answer, without
 * doing the work again; it can also be told to fail the next calls, before or after the work
 * (an answer lost on the way back).
 */

export interface StandInRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  /** The form-encoded body, flat: `line_items[0][price_data][unit_amount]` → `15000`. */
  form: Record<string, string>;
}

export interface StripeStandIn {
  host: string;
  port: number;
  secretKey: string;
  requests: StandInRequest[];
  /** Every distinct operation it performed (a repeated key is not one). */
  performed: { kind: 'session' | 'expire' | 'refund'; id: string; form: Record<string, string> }[];
  /** The next `count` calls answer 500; `after`: once the work is done (the answer is lost). */
  failNext(count: number, when?: 'before' | 'after'): void;
  /** The next refund is refused as Stripe refuses a bad one (400 invalid_request_error). */
  refuseNextRefund(): void;
  close(): Promise<void>;
}

type Answer = { status: number; body: unknown };

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const secretKey = 'sk_test_standin';
  const requests: StandInRequest[] = [];
  const performed: StripeStandIn['performed'] = [];
  const answered = new Map<string, Answer>();
  let failures: { count: number; when: 'before' | 'after' } = { count: 0, when: 'before' };
  let refuseRefund = false;
  let counter = 0;

  const perform = (method: string, path: string, form: Record<string, string>): Answer => {
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const id = `cs_test_${(counter += 1)}`;
      performed.push({ kind: 'session', id, form });
      return {
        status: 200,
        body: {
          id,
          object: 'checkout.session',
          url: `https://checkout.stripe.test/c/pay/${id}`,
          status: 'open',
          payment_status: 'unpaid',
          payment_intent: null,
          client_reference_id: form.client_reference_id ?? null,
          metadata: {
            paymentId: form['metadata[paymentId]'],
            bookingId: form['metadata[bookingId]'],
          },
          currency: form['line_items[0][price_data][currency]'],
          amount_total: Number(form['line_items[0][price_data][unit_amount]']),
          expires_at: form.expires_at ? Number(form.expires_at) : null,
        },
      };
    }
    const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
    if (method === 'POST' && expire) {
      performed.push({ kind: 'expire', id: expire[1]!, form });
      return {
        status: 200,
        body: { id: expire[1], object: 'checkout.session', status: 'expired' },
      };
    }
    if (method === 'POST' && path === '/v1/refunds') {
      if (refuseRefund) {
        refuseRefund = false;
        return {
          status: 400,
          body: {
            error: {
              type: 'invalid_request_error',
              code: 'charge_already_refunded',
              message: 'Charge has already been refunded.',
            },
          },
        };
      }
      const id = `re_test_${(counter += 1)}`;
      performed.push({ kind: 'refund', id, form });
      return {
        status: 200,
        body: {
          id,
          object: 'refund',
          amount: Number(form.amount),
          payment_intent: form.payment_intent,
          status: 'succeeded',
        },
      };
    }
    return {
      status: 404,
      body: { error: { type: 'invalid_request_error', message: `No route ${method} ${path}` } },
    };
  };

  const handle = (request: IncomingMessage, response: ServerResponse, raw: string): void => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const header = request.headers['idempotency-key'];
    const idempotencyKey = typeof header === 'string' ? header : undefined;
    const form = Object.fromEntries(new URLSearchParams(raw));
    requests.push({ method: request.method ?? '', path, idempotencyKey, form });
    const send = ({ status, body }: Answer): void => {
      response.writeHead(status, {
        'content-type': 'application/json',
        'request-id': `req_${counter}`,
      });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${secretKey}`) {
      send({ status: 401, body: { error: { type: 'invalid_request_error', message: 'bad key' } } });
      return;
    }
    const fail = failures.count > 0 ? failures.when : null;
    if (fail) failures = { ...failures, count: failures.count - 1 };
    const error = {
      status: 500,
      body: { error: { type: 'api_error', message: 'stand-in failure' } },
    };
    if (fail === 'before') return send(error);
    const key = idempotencyKey && `${request.method} ${path} ${idempotencyKey}`;
    const answer = (key && answered.get(key)) || perform(request.method ?? '', path, form);
    if (key && answer.status < 500) answered.set(key, answer);
    send(fail === 'after' ? error : answer);
  };

  const server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => handle(request, response, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    secretKey,
    requests,
    performed,
    failNext: (count, when = 'before') => {
      failures = { count, when };
    },
    refuseNextRefund: () => {
      refuseRefund = true;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
