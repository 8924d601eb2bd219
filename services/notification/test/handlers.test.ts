import { randomUUID } from 'node:crypto';
import { EventTypes, userOtpRequestedData } from '@slotwise/contracts';
import {
  createEvent,
  type EventEnvelope,
  type EventHandlerContext,
} from '@slotwise/platform/events';
import { createLogger } from '@slotwise/platform/logger';
import { describe, expect, it } from 'vitest';
import {
  assertSubscribed,
  createDispatcher,
  defineHandler,
  type HandlerDependencies,
  type NotificationEventHandler,
} from '../src/events/handler-registry.js';
import { buildHandlerRegistry, SUBSCRIBED_PATTERNS } from '../src/events/handlers/index.js';
import { renderOtpMail } from '../src/templates/otp.templates.js';
import { renderWelcomeMail } from '../src/templates/welcome.template.js';

const context: EventHandlerContext = {
  attempt: 1,
  logger: createLogger({ service: 'test', level: 'silent' }),
};
const templates = {
  productName: 'Slotwise',
  publicUrl: 'https://book.example.com',
  senderAddress: 'no-reply@slotwise.local',
};

function recorder(): { handler: NotificationEventHandler; seen: string[] } {
  const seen: string[] = [];
  return { seen, handler: async (event) => void seen.push(event.type) };
}

function eventOf(type: string, data: Record<string, unknown> = {}): EventEnvelope {
  return createEvent({ type, aggregateId: randomUUID(), version: 1, data });
}

describe('event dispatch', () => {
  it('routes an event to the handler of its type and acknowledges types it has none for', async () => {
    const { handler, seen } = recorder();
    const dispatch = createDispatcher({ [EventTypes.userVerified]: handler });

    await dispatch(eventOf('user.verified'), context);
    await expect(dispatch(eventOf('user.password_changed'), context)).resolves.toBeUndefined();

    expect(seen).toEqual(['user.verified']);
  });

  it('refuses a handler whose event type no subscribed pattern binds', () => {
    const { handler } = recorder();
    expect(() => assertSubscribed({ [EventTypes.bookingCreated]: handler }, ['user.*'])).toThrow(
      /booking\.created/,
    );
    expect(() => assertSubscribed({ [EventTypes.userDeleted]: handler }, ['user.*'])).not.toThrow();
  });

  it('handles every booking event that mails someone, rescheduling included, on bound patterns', () => {
    const registry = buildHandlerRegistry({} as HandlerDependencies);

    expect(Object.keys(registry)).toEqual(
      expect.arrayContaining([
        EventTypes.bookingCreated,
        EventTypes.bookingConfirmed,
        EventTypes.bookingCancelled,
        EventTypes.bookingRescheduled,
      ]),
    );
    expect(() => assertSubscribed(registry, SUBSCRIBED_PATTERNS)).not.toThrow();
  });

  it('rejects a payload that breaks the contract, naming the field but not its value', async () => {
    const handle = defineHandler(userOtpRequestedData, async () => undefined);
    const event = eventOf('user.otp_requested', { otp: 'leaked-123' });

    const failure = handle(event, context);

    await expect(failure).rejects.toThrow(/Invalid user\.otp_requested data: .*otp/);
    await expect(failure).rejects.not.toThrow(/leaked-123/);
  });
});

describe('templates', () => {
  it('escapes what users typed into the HTML and keeps the text as typed', () => {
    const firstName = '<img src=x onerror="alert(1)">';
    const mail = renderWelcomeMail({ firstName, username: 'a&b', role: 'CUSTOMER' }, templates);

    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(mail.html).toContain('a&amp;b');
    expect(mail.html).toContain('href="https://book.example.com"');
    expect(mail.text).toContain(`Hi ${firstName},`);
  });

  it('says until when a code is valid', () => {
    const mail = renderOtpMail(
      'PASSWORD_RESET',
      {
        firstName: null,
        otp: '123456',
        issuedAt: new Date('2026-12-01T09:00:00Z'),
        expiresAt: new Date('2026-12-01T09:15:00Z'),
      },
      templates,
    );

    expect(mail.subject).toBe('Your Slotwise password reset code');
    expect(mail.text).toContain('Hi,');
    expect(mail.text).toContain('valid for 15 minutes, until 1 December 2026 at 09:15 UTC');
    expect(mail.html).toContain('123456');
  });
});
