import { Writable } from 'node:stream';
import { ConfigError, env, loadConfig } from '@slotwise/platform/config';
import { createLogger } from '@slotwise/platform/logger';
import { installShutdown } from '@slotwise/platform/shutdown';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';

const schema = z.object({
  PORT: env.port(3001),
  DATABASE_URL: env.postgresUrl(),
  DEBUG: env.bool(false),
  UPSTREAMS: env.urlList().optional(),
});

describe('config', () => {
  it('parses, applies defaults and freezes the result', () => {
    const config = loadConfig('demo', schema, {
      DATABASE_URL: 'postgresql://u@localhost/db',
      DEBUG: 'true',
      UPSTREAMS: 'http://a:1, http://b:2',
    });
    expect(config).toEqual({
      PORT: 3001,
      DATABASE_URL: 'postgresql://u@localhost/db',
      DEBUG: true,
      UPSTREAMS: ['http://a:1', 'http://b:2'],
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.UPSTREAMS)).toBe(true);
  });

  it('names every bad variable in one error, without echoing URLs', () => {
    let error: unknown;
    try {
      loadConfig('demo', schema, {
        PORT: 'eighty',
        DATABASE_URL: 'mysql://secret@x/y',
        DEBUG: 'maybe',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/DEBUG/);
    expect(message).not.toContain('secret');
    expect((error as ConfigError).problems).toHaveLength(3);
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig('demo', schema, { PORT: '', DATABASE_URL: 'postgres://h/d' });
    expect(config.PORT).toBe(3001);
  });
});

describe('logger', () => {
  it('redacts secrets wherever they appear', () => {
    const lines: string[] = [];
    const logger = createLogger({
      service: 'demo',
      level: 'info',
      destination: new Writable({
        write(chunk: Buffer, _enc, callback) {
          lines.push(chunk.toString());
          callback();
        },
      }),
    });
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def.ghi', cookie: 'accessToken=xyz' } },
        body: { email: 'a@b.c', password: 'hunter22', otp: '123456' },
        refreshToken: 'r-token',
        nested: { deeper: { newPassword: 'n3w' } },
      },
      'hello',
    );
    const line = lines.join('');
    for (const secret of [
      'abc.def.ghi',
      'accessToken=xyz',
      'hunter22',
      '123456',
      'r-token',
      'n3w',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('a@b.c');
    expect(JSON.parse(line)).toMatchObject({ service: 'demo', level: 'info', msg: 'hello' });
  });
});

describe('shutdown', () => {
  const silent = createLogger({ service: 'demo', level: 'silent' });

  it('runs every step in order, even after one fails, then exits', async () => {
    const ran: string[] = [];
    const codes: number[] = [];
    const handle = installShutdown({
      logger: silent,
      signals: [],
      exit: (code) => codes.push(code),
      steps: [
        { name: 'a', run: () => void ran.push('a') },
        {
          name: 'b',
          run: () => {
            ran.push('b');
            throw new Error('nope');
          },
        },
        { name: 'c', run: async () => void ran.push('c') },
      ],
    });
    await Promise.all([handle.shutdown('test'), handle.shutdown('again')]);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(codes).toEqual([1]);
    handle.dispose();
  });

  it('forces the exit when a step hangs past the timeout', async () => {
    const codes: number[] = [];
    const handle = installShutdown({
      logger: silent,
      signals: [],
      timeoutMs: 50,
      exit: (code) => codes.push(code),
      steps: [{ name: 'stuck', run: () => new Promise(() => undefined) }],
    });
    void handle.shutdown('test');
    await expect.poll(() => codes, { timeout: 5_000 }).toEqual([1]);
    handle.dispose();
  });

  it('exits on the signal, and a second signal forces', async () => {
    const codes: number[] = [];
    let release: () => void = () => undefined;
    const handle = installShutdown({
      logger: silent,
      signals: ['SIGUSR2'],
      exit: (code) => codes.push(code),
      steps: [{ name: 'slow', run: () => new Promise<void>((resolve) => (release = resolve)) }],
    });
    process.emit('SIGUSR2');
    process.emit('SIGUSR2');
    expect(codes).toEqual([1]);
    release();
    await expect.poll(() => codes, { timeout: 5_000 }).toEqual([1, 0]);
    handle.dispose();
  });
});
