import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ADMIN, type Platform } from './platform.js';

export interface Session {
  user: { id: string; status: string; role: string };
  accessToken: string;
  refreshToken: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A client of the public API, through the gateway, as a person or a script would use it. */
export class ApiClient {
  constructor(private readonly platform: Platform) {}

  call(
    method: Method,
    url: string,
    payload?: object,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return this.platform.gateway.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
  }

  /** Registers, reads the code from the email, verifies: a signed-in, verified account. */
  async signUp(
    email: string,
    role: 'CUSTOMER' | 'VENDOR' = 'CUSTOMER',
    password = 'a long enough password',
  ): Promise<Session> {
    const username = email.split('@')[0]!.replace(/[^a-z0-9]/gi, '_');
    const registered = await this.call('POST', '/api/auth/register', {
      email,
      username,
      password,
      role,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const mail = await this.platform.smtp.waitFor(email);
    const otp = /\b(\d{6})\b/.exec(mail.text)?.[1] ?? '';
    const verified = await this.call('POST', '/api/auth/verify-email', { email, otp });
    expect(verified.statusCode, verified.body).toBe(200);
    return data<Session>(verified);
  }

  async admin(): Promise<Session> {
    const login = await this.call('POST', '/api/auth/login', {
      identifier: ADMIN.email,
      password: ADMIN.password,
    });
    expect(login.statusCode).toBe(200);
    return data<Session>(login);
  }
}

export const data = <T>(response: LightMyRequestResponse): T => response.json<{ data: T }>().data;
export const errorCode = (response: LightMyRequestResponse): string =>
  response.json<{ error: { code: string } }>().error.code;
