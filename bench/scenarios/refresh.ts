import { sessionOf } from '../lib/accounts.js';
import { runCannon, summarise } from '../lib/cannon.js';
import { takeRefreshTokens, type Scenario } from '../lib/context.js';

export const REFRESH_PATH = '/api/auth/refresh';

/**
 * Refresh-token rotation over a fixed list: each request presents a distinct token never used
 * before (a used one would be a reuse, which revokes its family), so the run makes exactly as many
 * requests as there are tokens. The tokens come from the login scenario's answers (and from extra
 * unmeasured logins when there are fewer than --refresh-tokens).
 */
export const refresh: Scenario = {
  name: 'refresh',
  what: `POST ${REFRESH_PATH}, one distinct token per request, a fixed list: row lock + rotation + JWT`,
  async run(context) {
    const { tokens, fromLogins } = await takeRefreshTokens(context, context.options.refreshTokens);
    let next = 0;
    let overrun = 0;
    const run = await runCannon(
      this.name,
      {
        url: `${context.gatewayUrl}${REFRESH_PATH}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections: Math.min(context.options.refreshConnections, tokens.length),
        amount: tokens.length,
        requests: [
          {
            setupRequest: (request) => {
              const token = tokens[next++];
              if (token === undefined) overrun++;
              return { ...request, body: JSON.stringify({ refreshToken: token ?? 'exhausted' }) };
            },
            onResponse: (status, body) => {
              const session = status === 200 ? sessionOf(JSON.parse(body)) : null;
              // The rotated tokens are as good as the ones used: refresh-chain seeds from them.
              if (session) context.refreshTokens.push(session.refreshToken);
            },
          },
        ],
      },
      context.measure,
    );
    const notes = [
      `${tokens.length} distinct tokens (${tokens.length - fromLogins} from earlier answers, ${fromLogins} from extra logins)`,
      'a short run: p99 rests on few samples',
    ];
    if (overrun > 0) notes.push(`autocannon asked for ${overrun} request(s) beyond the list`);
    return summarise(this.name, run, notes);
  },
};
