import { createInfrastructure, type Infrastructure } from '@slotwise/platform/service';
import type { Config } from './config.js';
import { PrismaClient } from './generated/prisma/client.js';

export interface Container extends Infrastructure<PrismaClient> {
  config: Config;
}

/** The composition root: infrastructure → repositories → services, wired by hand. */
export async function buildContainer(config: Config): Promise<Container> {
  const infrastructure = await createInfrastructure({
    service: 'auth',
    config,
    createPrisma: (adapter) => new PrismaClient({ adapter }),
  });
  return { ...infrastructure, config };
}
