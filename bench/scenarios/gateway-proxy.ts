import { runCannon, summarise } from '../lib/cannon.js';
import type { Scenario } from '../lib/context.js';

const PATH = '/api/auth/.well-known/jwks.json';

/**
 * A public route with a cheap upstream answer (auth keeps its JWKS in memory): what the gateway's
 * routing, rate limiting and proxying cost, plus one loopback hop to auth.
 */
export const gatewayProxy: Scenario = {
  name: 'gateway-proxy',
  what: `GET ${PATH}: gateway routing + proxy overhead, cheap public upstream`,
  async run({ gatewayUrl, options, measure }) {
    // Warm-up (not measured): JIT, the gateway's upstream sockets.
    await runCannon('warm-up', { url: `${gatewayUrl}${PATH}`, connections: 10, amount: 500 });
    const run = await runCannon(
      this.name,
      { url: `${gatewayUrl}${PATH}`, connections: options.connections, duration: options.duration },
      measure,
    );
    return summarise(this.name, run);
  },
};
