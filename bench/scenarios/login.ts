import { sessionOf } from '../lib/accounts.js';
import { runCannon, summarise } from '../lib/cannon.js';
import type { Scenario } from '../lib/context.js';

const PATH = '/api/auth/login';

/**
 * Correct credentials of verified accounts: one bcrypt verification at cost 12 per request, which
 * dominates, plus the session's writes. The refresh tokens of the answers feed the refresh scenario.
 */
export const login: Scenario = {
  name: 'login',
  what: `POST ${PATH}, correct credentials: bcrypt cost 12 + session writes`,
  async run(context) {
    const accounts = await context.accounts();
    let next = 0;
    let collected = 0;
    const run = await runCannon(
      this.name,
      {
        url: `${context.gatewayUrl}${PATH}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections: context.options.loginConnections,
        duration: context.options.duration,
        requests: [
          {
            setupRequest: (request) => {
              const account = accounts[next++ % accounts.length];
              const body = { identifier: account?.email, password: account?.password };
              return { ...request, body: JSON.stringify(body) };
            },
            onResponse: (status, body) => {
              if (status !== 200) return;
              const session = sessionOf(JSON.parse(body));
              if (session) {
                context.refreshTokens.push(session.refreshToken);
                collected++;
              }
            },
          },
        ],
      },
      context.measure,
    );
    return summarise(this.name, run, [
      `round-robin over ${accounts.length} verified account(s)`,
      `${collected} refresh token(s) kept for refresh`,
    ]);
  },
};
