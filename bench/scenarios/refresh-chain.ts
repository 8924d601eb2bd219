import type autocannon from 'autocannon';
import { sessionOf } from '../lib/accounts.js';
import { failureRecorder, runCannon, summarise } from '../lib/cannon.js';
import { takeRefreshTokens, type Scenario } from '../lib/context.js';
import { REFRESH_PATH } from './refresh.js';

/**
 * Refresh-token rotation for a whole duration: each connection starts from a token of its own and
 * presents, each time, the token its previous answer rotated to. Every request still uses a
 * distinct token once, as a client that stays signed in does; only its families grow long.
 */
export const refreshChain: Scenario = {
  name: 'refresh-chain',
  what: `POST ${REFRESH_PATH}, sustained: each connection chains the tokens it is given`,
  async run(context) {
    const { refreshConnections: connections, duration } = context.options;
    // One seed per connection, and as many spares for a connection whose answer never came.
    const { tokens: spares, fromLogins } = await takeRefreshTokens(context, connections * 2);
    const failures = failureRecorder();
    let respawned = 0;
    // Where each chain stands: its token is good for another run unless a request was in flight.
    const chains: Array<() => string | undefined> = [];

    const setupClient = (client: autocannon.Client) => {
      let current = spares.shift();
      // True from sending `current` until its answer: a request without an answer (a timeout)
      // may have rotated the token, so the next one starts from a spare.
      let pending = false;
      chains.push(() => (pending ? undefined : current));
      client.setRequests([
        {
          method: 'POST',
          path: REFRESH_PATH,
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => {
            if (pending || current === undefined) {
              current = spares.shift();
              respawned++;
            }
            pending = true;
            return { ...request, body: JSON.stringify({ refreshToken: current ?? 'exhausted' }) };
          },
          onResponse: (status, body) => {
            failures.record(status, body);
            pending = false;
            const session = status === 200 ? sessionOf(JSON.parse(body)) : null;
            current = session?.refreshToken;
          },
        },
      ]);
    };
    const run = await runCannon(
      this.name,
      { url: `${context.gatewayUrl}${REFRESH_PATH}`, connections, duration, setupClient },
      context.measure,
    );
    const left = [...chains.map((chain) => chain()), ...spares];
    context.refreshTokens.push(...left.filter((token) => token !== undefined));
    return summarise(this.name, { ...run, sample: failures.sample() ?? run.sample }, [
      `${connections} chains seeded from earlier answers${fromLogins ? ` and ${fromLogins} extra logins` : ''}`,
      ...(respawned > 0 ? [`${respawned} chain(s) restarted from a spare token`] : []),
    ]);
  },
};
