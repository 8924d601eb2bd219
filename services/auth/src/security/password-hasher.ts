import { createHash } from 'node:crypto';
import { hash, verify } from '@node-rs/bcrypt';

/**
 * bcrypt over SHA-256 of the password: bcrypt reads only 72 bytes, and passwords may be 128
 * characters (or more bytes in UTF-8), so the digest keeps every character significant. The digest
 * is base64 so it has no NUL byte for bcrypt to stop at.
 */
function prehash(password: string): string {
  return createHash('sha256').update(password, 'utf8').digest('base64');
}

export class PasswordHasher {
  private readonly dummyHash: Promise<string>;

  constructor(private readonly cost: number) {
    // Verified against when no account matches, so a miss costs the same time as a wrong password.
    this.dummyHash = hash(prehash('no account has this password'), { cost });
  }

  hash(password: string): Promise<string> {
    return hash(prehash(password), { cost: this.cost });
  }

  verify(password: string, passwordHash: string): Promise<boolean> {
    return verify(prehash(password), passwordHash);
  }

  /** Spends a verification's time and answers false. */
  async verifyNothing(password: string): Promise<false> {
    await verify(prehash(password), await this.dummyHash);
    return false;
  }
}
