import { AppError } from '@slotwise/platform/errors';
import { describe, expect, it } from 'vitest';
import { ProviderRefusedError, TransientProviderError } from '../src/providers/provider.js';
import { callProvider } from '../src/providers/retry.js';
import { capturingLogger } from './harness.js';

const policy = { maxAttempts: 4, initialMs: 1, maxMs: 4 };

/** A hand-written provider call: fails as told, counting its calls. */
function flaky(failures: Error[]): { call: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    call: async () => {
      const failure = failures[calls];
      calls += 1;
      if (failure) throw failure;
      return 'done';
    },
    calls: () => calls,
  };
}

describe('calls to the provider', () => {
  it('tries again after transient failures, with growing, capped, jittered delays', async () => {
    const { logger, lines } = capturingLogger();
    const provider = flaky([new TransientProviderError('a'), new TransientProviderError('b')]);
    await expect(callProvider('op', provider.call, policy, logger)).resolves.toBe('done');
    expect(provider.calls()).toBe(3);
    const delays = lines
      .filter((l) => l.msg === 'provider call retried')
      .map((l) => l.delayMs as number);
    expect(delays).toHaveLength(2);
    // Equal jitter: attempt n waits between half and all of min(max, initial × 2^(n-1)).
    expect(delays[0]).toBeGreaterThanOrEqual(0);
    expect(delays[0]).toBeLessThanOrEqual(1);
    expect(delays[1]).toBeGreaterThanOrEqual(1);
    expect(delays[1]).toBeLessThanOrEqual(2);
  });

  it('gives up after maxAttempts with a 503 naming the provider', async () => {
    const { logger } = capturingLogger();
    const provider = flaky(Array.from({ length: 9 }, () => new TransientProviderError('down')));
    const error = await callProvider('op', provider.call, policy, logger).catch((e: unknown) => e);
    expect(provider.calls()).toBe(4);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: 5 });
  });

  it('does not retry a refusal (422 PROVIDER_REFUSED) or an unexpected error', async () => {
    const { logger } = capturingLogger();
    const refused = flaky([new ProviderRefusedError('no')]);
    await expect(callProvider('op', refused.call, policy, logger)).rejects.toMatchObject({
      status: 422,
      code: 'PROVIDER_REFUSED',
    });
    expect(refused.calls()).toBe(1);
    const broken = flaky([new TypeError('bug')]);
    await expect(callProvider('op', broken.call, policy, logger)).rejects.toBeInstanceOf(TypeError);
    expect(broken.calls()).toBe(1);
  });
});
