/** A category as the services see it. */
export interface CategoryRecord {
  id: string;
  businessId: string;
  name: string;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type CategoryChanges = Partial<Pick<CategoryRecord, 'name' | 'description'>>;
