import { runCannon, summarise } from '../lib/cannon.js';
import { SEARCH_WORD } from '../lib/catalog.js';
import type { Scenario } from '../lib/context.js';
import { fixtures } from '../lib/fixtures.js';
import { call, expect } from '../lib/http.js';

const PATH = '/api/resources';

/**
 * GET /api/resources as a CUSTOMER over a catalog of --catalog-size (10,000) public resources:
 * the page query and its count(*) (both joined with the businesses read model for visibility)
 * run side by side on the resource service's pool. One scenario per query, same set-up.
 */
function listScenario(name: string, query: string, why: string): Scenario {
  const path = `${PATH}?${query}`;
  return {
    name,
    what: `GET ${path} as a customer over the whole catalog: ${why}`,
    async run(context) {
      const { gatewayUrl, options, measure } = context;
      const size = await fixtures(context).catalog();
      const [customer] = (await fixtures(context).people()).customers;
      if (!customer) throw new Error('no customer');
      const token = await customer.token();
      const request = {
        url: `${gatewayUrl}${path}`,
        headers: { authorization: `Bearer ${token}` },
      };

      // What one answer holds (not measured): the page and how many rows matched.
      const answer = expect(`GET ${path}`, await call(request.url, { token }), 200);
      const { data, meta } = answer.json as { data?: unknown[]; meta?: { total?: number } };

      await runCannon('warm-up', { ...request, connections: 10, amount: 500 });
      const run = await runCannon(
        name,
        { ...request, connections: options.listConnections, duration: options.duration },
        measure,
      );
      return summarise(name, run, [
        `${data?.length ?? '?'} rows a page, ${meta?.total ?? '?'} matching of ${size} public resources`,
      ]);
    },
  };
}

export const resourcesList = listScenario(
  'resources-list',
  'limit=20',
  'the default listing, newest first',
);

export const resourcesListFilter = listScenario(
  'resources-list-filter',
  'type=HOTEL_ROOM&minPrice=50.00&sort=price&limit=20',
  'a type and a price bound, cheapest first',
);

export const resourcesListSearch = listScenario(
  'resources-list-search',
  `search=${SEARCH_WORD}&limit=20`,
  'a name search (ILIKE, trigram index)',
);
