import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { OtpRepository } from '../otp/otp.repository.js';
import { ChallengeRepository } from '../sessions/challenge.repository.js';
import { LoginThrottleRepository } from '../sessions/login-throttle.repository.js';
import { RefreshTokenRepository } from '../sessions/refresh-token.repository.js';
import { SigningKeyRepository } from '../tokens/signing-key.repository.js';
import { UserRepository } from '../users/user.repository.js';
import { OutboxRepository } from './outbox.repository.js';

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

/**
 * The repositories, outside a transaction (`repos`) or inside one (`transaction`), so that a
 * service can change several tables and write its events atomically without touching Prisma.
 */
export class Store {
  readonly repos: Repositories;

  constructor(private readonly prisma: PrismaClient) {
    this.repos = bind(prisma);
  }

  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => work(bind(tx)), { maxWait: 5_000, timeout: 10_000 });
  }
}
