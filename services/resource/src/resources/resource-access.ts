import { isBusinessBookable } from '@slotwise/contracts';
import { forbidden, notFound } from '@slotwise/platform/errors';
import { mayManage, mayView, type Caller, type Viewer } from '../access/caller.js';
import type { Repositories } from '../db/store.repository.js';
import type { ResourceRecord, ResourceWithBusiness } from './resource.types.js';

export const withoutBusiness = ({
  business: _business,
  schedule: _schedule,
  ...resource
}: ResourceWithBusiness): ResourceRecord => resource;

/**
 * Non-owners (anonymous visitors included) see an ACTIVE resource of an ACTIVE, verified business;
 * nobody sees a DELETED one. 404 otherwise, so its existence does not leak.
 */
export function visible(viewer: Viewer, found: ResourceWithBusiness | null): ResourceWithBusiness {
  if (!found || found.status === 'DELETED') throw notFound('Resource');
  if (mayManage(viewer, found.business)) return found;
  if (found.status === 'ACTIVE' && isBusinessBookable(found.business)) return found;
  throw notFound('Resource');
}

/** 404 when the caller may not even see it, 403 when they see it but it is someone else's. */
export async function manageable(
  tx: Repositories,
  caller: Caller,
  id: string,
): Promise<ResourceWithBusiness> {
  const found = await tx.resources.findWithBusiness(id);
  if (!found || found.status === 'DELETED') throw notFound('Resource');
  if (mayManage(caller, found.business)) return found;
  const seen = found.status === 'ACTIVE' && mayView(caller, found.business);
  throw seen ? forbidden('This resource belongs to another business') : notFound('Resource');
}
