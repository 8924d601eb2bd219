import { randomUUID } from 'node:crypto';
import { forbidden, notFound } from '@slotwise/platform/errors';
import type { Logger } from '@slotwise/platform/logger';
import { AuthErrors } from '../auth.errors.js';
import type { Store } from '../db/store.repository.js';
import { UserEvents } from '../events/user-events.js';
import type { PasswordHasher } from '../security/password-hasher.js';
import { revocationInstant } from '../tokens/token-issuer.js';
import { UniqueViolation } from '@slotwise/platform/db';
import { toPublicUser, type PublicUser, type UserFilter } from '../users/user.types.js';

/** What an ADMIN does with accounts: list, read, suspend or reactivate, delete. */
export class AdminService {
  constructor(
    private readonly store: Store,
    private readonly hasher: PasswordHasher,
    private readonly logger: Logger,
  ) {}

  async list(
    filter: UserFilter,
    page: { skip: number; take: number },
  ): Promise<{ items: PublicUser[]; total: number }> {
    const { items, total } = await this.store.repos.users.list(filter, page);
    return { items: items.map(toPublicUser), total };
  }

  async get(id: string): Promise<PublicUser> {
    const user = await this.store.repos.users.findById(id);
    if (!user) throw notFound('User');
    return toPublicUser(user);
  }

  /**
   * ACTIVE ↔ SUSPENDED. Suspending ends the user's sessions and access tokens at once; a deleted
   * account stays deleted and an unverified one cannot be made active by hand.
   */
  async setStatus(
    adminId: string,
    id: string,
    status: 'ACTIVE' | 'SUSPENDED',
    requestId?: string,
  ): Promise<PublicUser> {
    if (adminId === id) throw forbidden('You cannot change your own status');
    const updated = await this.store.transaction(async (tx) => {
      const user = await tx.users.findById(id);
      if (!user) throw notFound('User');
      if (user.status === status) return user;
      const allowed = user.status !== 'DELETED' && (status === 'SUSPENDED' || user.isEmailVerified);
      if (!allowed) {
        throw AuthErrors.create(
          'INVALID_STATUS_TRANSITION',
          `A ${user.status} account cannot become ${status}`,
          { details: { from: user.status, to: status } },
        );
      }
      const changed = await tx.users.update(id, {
        status,
        ...(status === 'SUSPENDED' ? { tokensValidAfter: revocationInstant() } : {}),
      });
      if (status === 'SUSPENDED') await tx.refreshTokens.revokeAllOfUser(id, new Date());
      await tx.outbox.add(UserEvents.statusChanged(changed, user.status, adminId, requestId));
      return changed;
    });
    return toPublicUser(updated);
  }

  /** Soft delete: the row stays (bookings refer to it), sessions and tokens end. */
  async delete(adminId: string, id: string, requestId?: string): Promise<void> {
    if (adminId === id) throw forbidden('You cannot delete your own account');
    await this.store.transaction(async (tx) => {
      const user = await tx.users.findById(id);
      if (!user) throw notFound('User');
      if (user.status === 'DELETED') return;
      const deleted = await tx.users.update(id, {
        status: 'DELETED',
        tokensValidAfter: revocationInstant(),
      });
      await tx.refreshTokens.revokeAllOfUser(id, new Date());
      await tx.outbox.add(UserEvents.deleted(deleted, adminId, requestId));
    });
  }

  /**
   * Makes sure the configured admin account exists, active and verified. Idempotent across
   * restarts and instances; an existing account keeps its password (it may have been changed).
   */
  async ensureAdmin(email: string, password: string, username: string): Promise<void> {
    const existing = await this.store.repos.users.findByEmail(email);
    if (existing) {
      if (existing.role !== 'ADMIN' || existing.status !== 'ACTIVE' || !existing.isEmailVerified) {
        await this.store.repos.users.update(existing.id, {
          role: 'ADMIN',
          status: 'ACTIVE',
          isEmailVerified: true,
        });
        this.logger.warn(
          { userId: existing.id },
          'configured admin account restored to ACTIVE ADMIN',
        );
      }
      return;
    }
    const passwordHash = await this.hasher.hash(password);
    for (const candidate of [username, `${username}-${randomUUID().slice(0, 8)}`]) {
      try {
        await this.store.transaction(async (tx) => {
          const admin = await tx.users.create({
            id: randomUUID(),
            email,
            username: candidate,
            passwordHash,
            firstName: null,
            lastName: null,
            phone: null,
            role: 'ADMIN',
            status: 'ACTIVE',
            isEmailVerified: true,
            twoFactorEnabled: false,
            lastLoginAt: null,
            tokensValidAfter: null,
          });
          await tx.outbox.add(UserEvents.registered(admin));
        });
        this.logger.info({ email }, 'admin account created');
        return;
      } catch (error) {
        if (!(error instanceof UniqueViolation)) throw error;
        // Another instance created it at the same moment, or the username is someone else's.
        if (await this.store.repos.users.findByEmail(email)) return;
      }
    }
  }
}
