import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Keys derived from AUTH_SECRET: a pepper for one-time codes (a six-digit code hashed without a
 * secret falls to a million guesses) and an AES-256-GCM key that seals the token pair kept for the
 * refresh grace period.
 */
export class Secrets {
  private readonly otpKey: Buffer;
  private readonly sealKey: Buffer;

  constructor(secret: string) {
    const derive = (info: string) =>
      Buffer.from(hkdfSync('sha256', secret, 'slotwise-auth', info, 32));
    this.otpKey = derive('otp');
    this.sealKey = derive('seal');
  }

  static random(): Secrets {
    return new Secrets(randomBytes(32).toString('base64'));
  }

  otpHash(userId: string, purpose: string, code: string): string {
    return createHmac('sha256', this.otpKey)
      .update(`${userId}:${purpose}:${code}`)
      .digest('base64url');
  }

  otpMatches(userId: string, purpose: string, code: string, stored: string): boolean {
    const computed = Buffer.from(this.otpHash(userId, purpose, code));
    const expected = Buffer.from(stored);
    return computed.length === expected.length && timingSafeEqual(computed, expected);
  }

  seal(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  unseal<T>(sealed: string): T | undefined {
    try {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.sealKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString(
        'utf8',
      );
      return JSON.parse(text) as T;
    } catch {
      return undefined;
    }
  }
}
