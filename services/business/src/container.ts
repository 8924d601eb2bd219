import { authenticate, type PreHandler } from '@slotwise/platform/auth';
import type { Logger } from '@slotwise/platform/logger';
import { createInfrastructure, type Infrastructure } from '@slotwise/platform/service';
import { BusinessService } from './businesses/business.service.js';
import type { Config } from './config.js';
import { Store } from './db/store.repository.js';
import { PrismaClient } from './generated/prisma/client.js';
import { ScheduleService } from './schedules/schedule.service.js';

export interface Container extends Infrastructure<PrismaClient> {
  config: Config;
  businesses: BusinessService;
  schedules: ScheduleService;
  authenticate: PreHandler;
  /** For the public catalog: no token is an anonymous visitor; a bad one is still a 401. */
  authenticateOptional: PreHandler;
}

/** The composition root: infrastructure → repositories → services, wired by hand. */
export async function buildContainer(
  config: Config,
  overrides: { logger?: Logger } = {},
): Promise<Container> {
  const infrastructure = await createInfrastructure({
    service: 'business',
    config,
    createPrisma: (adapter) => new PrismaClient({ adapter }),
    ...(overrides.logger ? { logger: overrides.logger } : {}),
  });
  const store = new Store(infrastructure.prisma);
  return {
    ...infrastructure,
    config,
    businesses: new BusinessService(store),
    schedules: new ScheduleService(store),
    authenticate: authenticate(infrastructure.verifier),
    authenticateOptional: authenticate(infrastructure.verifier, { optional: true }),
  };
}
