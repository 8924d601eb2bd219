import { RepositoryStore } from '@slotwise/platform/db';
import { OutboxRepository } from '@slotwise/platform/events';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { OtpRepository } from '../otp/otp.repository.js';
import { ChallengeRepository } from '../sessions/challenge.repository.js';
import { LoginThrottleRepository } from '../sessions/login-throttle.repository.js';
import { RefreshTokenRepository } from '../sessions/refresh-token.repository.js';
import { SigningKeyRepository } from '../tokens/signing-key.repository.js';
import { UserRepository } from '../users/user.repository.js';

export interface Repositories {
  users: UserRepository;
  otps: OtpRepository;
  refreshTokens: RefreshTokenRepository;
  challenges: ChallengeRepository;
  throttles: LoginThrottleRepository;
  signingKeys: SigningKeyRepository;
  outbox: OutboxRepository;
}

function bind(db: PrismaClient | Prisma.TransactionClient): Repositories {
  return {
    users: new UserRepository(db),
    otps: new OtpRepository(db),
    refreshTokens: new RefreshTokenRepository(db),
    challenges: new ChallengeRepository(db),
    throttles: new LoginThrottleRepository(db),
    signingKeys: new SigningKeyRepository(db),
    outbox: new OutboxRepository(db),
  };
}

/** This service's repositories, in or out of a transaction (see `RepositoryStore`). */
export class Store extends RepositoryStore<PrismaClient, Prisma.TransactionClient, Repositories> {
  constructor(prisma: PrismaClient) {
    super(prisma, bind);
  }
}
