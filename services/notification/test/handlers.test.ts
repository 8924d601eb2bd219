import { randomUUID } from 'node:crypto';
import { EventTypes } from '@slotwise/contracts';
import {
  createEvent,
  type EventEnvelope,
  type EventHandlerContext,
} from '@slotwise/platform/events';
import { createLogger } from '@slotwise/platform/logger';
import { describe, expect, it } from 'vitest';
import type { HandlerDependencies } from '../src/events/handlers/handler-dependencies.js';
import { notificationConsumer } from '../src/events/notification.consumer.js';
import {
  renderBusinessSuspendedMail,
  renderBusinessVerifiedMail,
} from '../src/templates/business.templates.js';
import { renderOtpMail } from '../src/templates/otp.templates.js';
import { renderResourceMaintenanceKeptMail } from '../src/templates/resource.templates.js';
import type { RenderedMail } from '../src/templates/template.js';
import { renderWelcomeMail } from '../src/templates/welcome.template.js';
import { buildPaymentData, buildPaymentEvent, buildPaymentFailed } from './factories.js';

const context: EventHandlerContext = {
  attempt: 1,
  logger: createLogger({ service: 'test', level: 'silent' }),
};
const templates = {
  productName: 'Slotwise',
  publicUrl: 'https://book.example.com',
  senderAddress: 'no-reply@slotwise.local',
};

function eventOf(type: string, data: Record<string, unknown> = {}): EventEnvelope {
  return createEvent({ type, aggregateId: randomUUID(), version: 1, data });
}

/** The consumer as the container builds it; no handler here gets far enough to use a service. */
const consumer = notificationConsumer({ templates } as HandlerDependencies, {
  retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 10 },
  concurrency: 1,
});

describe('the notification consumer', () => {
  it('handles every booking event that mails someone, rescheduling included, and binds exactly those', () => {
    expect(consumer.eventTypes).toEqual(
      expect.arrayContaining([
        EventTypes.bookingCreated,
        EventTypes.bookingConfirmed,
        EventTypes.bookingCancelled,
        EventTypes.bookingRescheduled,
      ]),
    );
    expect(consumer.eventTypes).not.toContain(EventTypes.bookingCompleted);
  });

  it('handles the reminder, every payment event and resource status changes, but no other resource event', () => {
    expect(consumer.eventTypes).toEqual(
      expect.arrayContaining([
        EventTypes.bookingReminderDue,
        EventTypes.paymentCreated,
        EventTypes.paymentSucceeded,
        EventTypes.paymentFailed,
        EventTypes.paymentRefunded,
        EventTypes.resourceStatusChanged,
      ]),
    );
    expect(consumer.eventTypes).not.toContain(EventTypes.resourceCreated);
    expect(consumer.eventTypes).not.toContain(EventTypes.resourceUpdated);
    expect(consumer.eventTypes).not.toContain(EventTypes.resourceDeleted);
  });

  it('sends nothing for a resource status change other than maintenance kept, without looking anyone up', async () => {
    // The consumer's dependencies hold no user read model or delivery: a lookup would throw.
    const resource = {
      id: randomUUID(),
      businessId: randomUUID(),
      name: 'Room 12',
      type: 'HOTEL_ROOM',
      categoryId: null,
      price: '120.00',
      currency: 'EUR',
      priceUnit: 'PER_NIGHT',
    };
    const quiet = [
      { ...resource, status: 'MAINTENANCE', ownerId: randomUUID(), maintenancePolicy: 'CANCEL' },
      { ...resource, status: 'MAINTENANCE', maintenancePolicy: 'KEEP' },
      { ...resource, status: 'MAINTENANCE' },
      { ...resource, status: 'INACTIVE', ownerId: randomUUID() },
      { ...resource, status: 'ACTIVE', ownerId: randomUUID(), maintenancePolicy: 'KEEP' },
    ];
    for (const data of quiet) {
      await expect(
        consumer.handle(eventOf(EventTypes.resourceStatusChanged, data), context),
      ).resolves.toBeUndefined();
    }
  });

  it('sends nothing for a payment cancelled with its booking, without looking anyone up', async () => {
    // The consumer's dependencies hold no user read model or delivery: a lookup would throw.
    const payment = buildPaymentData();
    const event = buildPaymentEvent(
      EventTypes.paymentFailed,
      buildPaymentFailed(payment, { reason: 'CANCELLED' }),
    );
    await expect(consumer.handle(event, context)).resolves.toBeUndefined();
  });

  it('acknowledges an event type it has no handler for', async () => {
    await expect(
      consumer.handle(eventOf('user.password_changed'), context),
    ).resolves.toBeUndefined();
  });

  it('rejects a payload that breaks the contract, naming the field but not its value', async () => {
    const failure = consumer.handle(eventOf('user.otp_requested', { otp: 'leaked-123' }), context);

    await expect(failure).rejects.toThrow(/Invalid user\.otp_requested data: .*otp/);
    await expect(failure).rejects.not.toThrow(/leaked-123/);
    await expect(failure).rejects.toMatchObject({ name: 'UnprocessableEventError' });
  });
});

describe('templates', () => {
  it('escapes what users typed into the HTML and keeps the text as typed', () => {
    const firstName = '<img src=x onerror="alert(1)">';
    const mail = renderWelcomeMail({ firstName, username: 'a&b', role: 'CUSTOMER' }, templates);

    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(mail.html).toContain('a&amp;b');
    expect(mail.text).toContain(`Hi ${firstName},`);
  });

  it('says until when a code is valid', () => {
    const mail = renderOtpMail(
      'PASSWORD_RESET',
      {
        email: 'ada@example.com',
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

describe('links into the web app', () => {
  /** The links of a mail besides its footer's (the home page), as the browser reads them. */
  const actions = (mail: RenderedMail): string[] =>
    [...mail.html.matchAll(/href="([^"]*)"/g)]
      .map((m) => m[1]!.replaceAll('&amp;', '&'))
      .filter((href) => href !== templates.publicUrl);
  const code = (purpose: 'EMAIL_VERIFICATION' | 'PASSWORD_RESET' | 'TWO_FACTOR_AUTH') =>
    renderOtpMail(
      purpose,
      {
        // `+` and `@` must reach the page as they are: encoded, not read as a space.
        email: 'ada+test@example.com',
        firstName: 'Ada',
        otp: '123456',
        issuedAt: new Date('2026-12-01T09:00:00Z'),
        expiresAt: new Date('2026-12-01T09:15:00Z'),
      },
      templates,
    );

  it('opens the page a code is entered on, for the address the code went to', () => {
    const verify = 'https://book.example.com/verify-email?email=ada%2Btest%40example.com';
    const reset = 'https://book.example.com/reset-password?email=ada%2Btest%40example.com';

    expect(actions(code('EMAIL_VERIFICATION'))).toEqual([verify]);
    expect(code('EMAIL_VERIFICATION').text).toContain(verify);
    expect(actions(code('PASSWORD_RESET'))).toEqual([reset]);
    expect(code('PASSWORD_RESET').text).toContain(reset);
    expect(new URL(verify).searchParams.get('email')).toBe('ada+test@example.com');
  });

  it('gives a sign-in code no link: it belongs to the sign-in already open', () => {
    expect(actions(code('TWO_FACTOR_AUTH'))).toEqual([]);
  });

  it('sends a new user to sign in, and a vendor to their business or their bookings', () => {
    const welcome = renderWelcomeMail(
      { firstName: null, username: 'ada', role: 'CUSTOMER' },
      templates,
    );
    const business = { firstName: 'Grace', businessName: 'Harbour Hotel' };
    const maintenance = renderResourceMaintenanceKeptMail(
      { firstName: 'Grace', resourceName: 'Room 12' },
      templates,
    );

    expect(actions(welcome)).toEqual(['https://book.example.com/sign-in']);
    expect(welcome.text).toContain('Sign in at https://book.example.com/sign-in');
    for (const mail of [
      renderBusinessVerifiedMail(business, templates),
      renderBusinessSuspendedMail(business, templates),
    ]) {
      expect(actions(mail), mail.subject).toEqual(['https://book.example.com/vendor']);
      expect(mail.text, mail.subject).toContain('https://book.example.com/vendor');
    }
    // A resource's event names no booking, so no day: the page opens at today.
    expect(actions(maintenance)).toEqual(['https://book.example.com/vendor/bookings?view=day']);
  });
});
