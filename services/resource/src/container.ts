import { authenticate, type PreHandler } from '@slotwise/platform/auth';
import type { ServiceClient } from '@slotwise/platform/client';
import { serviceUnavailable } from '@slotwise/platform/errors';
import type { Logger } from '@slotwise/platform/logger';
import { createInfrastructure, type Infrastructure } from '@slotwise/platform/service';
import { BusinessDirectory } from './businesses/business-directory.js';
import { HttpBusinessLookup } from './businesses/business-lookup.js';
import { CategoryService } from './categories/category.service.js';
import type { Config } from './config.js';
import { Store } from './db/store.repository.js';
import { businessEventsConsumer } from './events/business-events.consumer.js';
import { PrismaClient } from './generated/prisma/client.js';
import { SnapshotService } from './internal/snapshot.service.js';
import { ResourceQueryService } from './resources/resource-query.service.js';
import { ResourceScheduleService } from './resources/resource-schedule.service.js';
import { ResourceService } from './resources/resource.service.js';

export interface Container extends Infrastructure<PrismaClient> {
  config: Config;
  store: Store;
  directory: BusinessDirectory;
  resources: ResourceService;
  queries: ResourceQueryService;
  categories: CategoryService;
  schedules: ResourceScheduleService;
  snapshots: SnapshotService;
  authenticate: PreHandler;
  /** For the public catalog: a token is read when there is one (a bad one is still 401). */
  identify: PreHandler;
}

/** The composition root: infrastructure → repositories → services, wired by hand. */
export async function buildContainer(
  config: Config,
  overrides: { logger?: Logger } = {},
): Promise<Container> {
  const infrastructure = await createInfrastructure({
    service: 'resource',
    config,
    createPrisma: (adapter) => new PrismaClient({ adapter }),
    ...(overrides.logger ? { logger: overrides.logger } : {}),
  });
  const { logger } = infrastructure;
  const store = new Store(infrastructure.prisma);

  // Made on first use, so that a process without service credentials still serves reads; creating
  // anything then answers 503, like the business service being down, and writes nothing.
  const credentials = Boolean(config.SERVICE_CLIENT_ID && config.SERVICE_CLIENT_SECRET);
  if (!credentials) {
    logger.warn('SERVICE_CLIENT_ID/SECRET are not set: resources cannot be created');
  }
  let businessClient: ServiceClient | undefined;
  const client = (): ServiceClient => {
    if (!credentials) {
      throw serviceUnavailable('business', 5, new Error('no service credentials configured'));
    }
    businessClient ??= infrastructure.serviceClient('business', config.BUSINESS_SERVICE_URL);
    return businessClient;
  };
  const directory = new BusinessDirectory(new HttpBusinessLookup(client), store.repos.businesses, {
    ttlMs: config.BUSINESS_CACHE_TTL_MS,
  });

  infrastructure.consume(businessEventsConsumer(store, directory));

  return {
    ...infrastructure,
    config,
    store,
    directory,
    resources: new ResourceService(store, directory),
    queries: new ResourceQueryService(store, directory),
    categories: new CategoryService(store, directory),
    schedules: new ResourceScheduleService(store),
    snapshots: new SnapshotService(store),
    authenticate: authenticate(infrastructure.verifier),
    identify: authenticate(infrastructure.verifier, { optional: true }),
  };
}
