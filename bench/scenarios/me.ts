import { runCannon, summarise } from '../lib/cannon.js';
import type { Scenario } from '../lib/context.js';

const PATH = '/api/auth/me';

/**
 * An authenticated read: the gateway verifies the access token (JWKS, revocation list), auth
 * verifies it again and reads the user from PostgreSQL.
 */
export const me: Scenario = {
  name: 'me',
  what: `GET ${PATH} with a valid access token: JWT checks in gateway and auth + one DB read`,
  async run(context) {
    const [account] = await context.accounts();
    if (!account) throw new Error('no account to read /me with');
    const request = {
      url: `${context.gatewayUrl}${PATH}`,
      headers: { authorization: `Bearer ${account.accessToken}` },
    };
    await runCannon('warm-up', { ...request, connections: 10, amount: 500 });
    const run = await runCannon(
      this.name,
      { ...request, connections: context.options.connections, duration: context.options.duration },
      context.measure,
    );
    return summarise(this.name, run, [`one account (${account.username})`]);
  },
};
