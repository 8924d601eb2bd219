import { randomUUID } from 'node:crypto';
import { forbidden, notFound, validationError } from '@slotwise/platform/errors';
import { mayManage, mayView, type Caller, type Viewer } from '../access/caller.js';
import type { BusinessDirectory } from '../businesses/business-directory.js';
import type { BusinessRecord } from '../businesses/business.repository.js';
import { ForeignKeyViolation, UniqueViolation } from '@slotwise/platform/db';
import type { Repositories, Store } from '../db/store.repository.js';
import { ResourceErrors } from '../resource.errors.js';
import type { CategoryChanges, CategoryRecord } from './category.types.js';

type CategoryWithBusiness = CategoryRecord & { business: BusinessRecord };

const withoutBusiness = ({
  business: _business,
  ...category
}: CategoryWithBusiness): CategoryRecord => category;

const nameTaken = (name: string): Error =>
  ResourceErrors.create('CATEGORY_EXISTS', 'Your business already has a category of that name', {
    details: { name },
  });

const inUse = (): Error =>
  ResourceErrors.create(
    'CATEGORY_IN_USE',
    'Resources still belong to this category: move or delete them first',
  );

/**
 * A business's categories. Creating one needs a business that is not DELETED, but not an ACTIVE,
 * verified one: a category publishes nothing, and a vendor awaiting verification may prepare.
 * Names are unique per business regardless of case; the database index decides, not a lookup.
 */
export class CategoryService {
  constructor(
    private readonly store: Store,
    private readonly directory: BusinessDirectory,
  ) {}

  async create(
    caller: Caller,
    input: { name: string; description?: string | undefined },
    requestId?: string,
  ): Promise<CategoryRecord> {
    const business = await this.directory.ofOwner(caller.id, requestId);
    if (!business || business.status === 'DELETED') {
      throw ResourceErrors.create('BUSINESS_NOT_ACTIVE', 'You need a business to add categories', {
        details: { status: business?.status ?? null },
      });
    }
    try {
      return await this.store.repos.categories.create({
        id: randomUUID(),
        businessId: business.id,
        name: input.name,
        description: input.description ?? null,
      });
    } catch (error) {
      if (error instanceof UniqueViolation) throw nameTaken(input.name);
      throw error;
    }
  }

  /**
   * A business's categories, by name; a vendor may leave `businessId` out for their own. Those of a
   * business that is not ACTIVE and verified are listed to its owner and ADMIN only (others, an
   * anonymous visitor included, get an empty list, as for an unknown business: categories exist
   * only for businesses the read model has).
   */
  async list(
    caller: Viewer,
    businessId: string | undefined,
    page: { skip: number; take: number },
  ): Promise<{ items: CategoryRecord[]; total: number }> {
    const { businesses, categories } = this.store.repos;
    let business: BusinessRecord | null;
    if (businessId) business = await businesses.findById(businessId);
    else if (caller.role === 'VENDOR') business = await businesses.findByOwner(caller.id);
    else throw validationError([{ field: 'querystring.businessId', message: 'Required' }]);
    if (!business || !mayView(caller, business)) return { items: [], total: 0 };
    return categories.listOfBusiness(business.id, page);
  }

  async get(caller: Viewer, id: string): Promise<CategoryRecord> {
    const found = await this.store.repos.categories.findWithBusiness(id);
    if (!found || !mayView(caller, found.business)) throw notFound('Category');
    return withoutBusiness(found);
  }

  async update(caller: Caller, id: string, changes: CategoryChanges): Promise<CategoryRecord> {
    const current = await this.manageable(this.store.repos, caller, id);
    try {
      return await this.store.repos.categories.update(current.id, changes);
    } catch (error) {
      if (error instanceof UniqueViolation) throw nameTaken(changes.name ?? current.name);
      throw error;
    }
  }

  /**
   * 409 CATEGORY_IN_USE while a resource that is not DELETED belongs to it. A resource given the
   * category while this runs makes the foreign key refuse the delete: the same 409, no race.
   */
  async delete(caller: Caller, id: string): Promise<void> {
    try {
      await this.store.transaction(async (tx) => {
        await this.manageable(tx, caller, id);
        if ((await tx.resources.countInCategory(id)) > 0) throw inUse();
        await tx.resources.detachDeletedFromCategory(id);
        await tx.categories.delete(id);
      });
    } catch (error) {
      if (error instanceof ForeignKeyViolation) throw inUse();
      throw error;
    }
  }

  private async manageable(
    repos: Repositories,
    caller: Caller,
    id: string,
  ): Promise<CategoryWithBusiness> {
    const found = await repos.categories.findWithBusiness(id);
    if (!found) throw notFound('Category');
    if (mayManage(caller, found.business)) return found;
    throw mayView(caller, found.business)
      ? forbidden('This category belongs to another business')
      : notFound('Category');
  }
}
