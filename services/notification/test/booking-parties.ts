import { EventTypes, type UserRole } from '@slotwise/contracts';
import { waitFor, type CapturedMail } from '@slotwise/testkit';
import { expect } from 'vitest';
import { buildOtpRequested, buildUserEvent, buildUserProfile } from './factories.js';
import type { Harness } from './harness.js';
import { component, readIcs } from './ics-lines.js';

/** 15:00 CEST on 24 October to 11:00 CET on 26 October: the clocks go back in between. */
export const BERLIN_RANGE =
  'Saturday 24 October 2026, 15:00 – Monday 26 October 2026, 11:00 (Europe/Berlin time)';

export type KnownUser = Awaited<ReturnType<typeof knownUser>>;

/** A user the read model holds, as `user.registered` puts them there. */
export async function knownUser(harness: Harness, role: UserRole, firstName: string) {
  const profile = buildUserProfile({ role, firstName, status: 'ACTIVE' });
  await harness.publish(buildUserEvent(EventTypes.userRegistered, profile.userId, 1, profile));
  await waitFor(async () => expect(await harness.user(profile.userId)).toBeDefined());
  return profile;
}

/**
 * Events of one aggregate are handled in queue order: once this mail, sent for an event of the
 * booking's aggregate, is out, every earlier event of that booking was handled.
 */
export async function drain(harness: Harness, bookingId: string): Promise<void> {
  const marker = buildOtpRequested({ userId: bookingId });
  await harness.publish(marker);
  await harness.smtp.waitFor(marker.data.email);
}

/** The content lines of a mail's one calendar attachment, and of its VEVENT. */
export function icsOf(mail: CapturedMail): { lines: string[]; vevent: string[] } {
  expect(mail.attachments).toHaveLength(1);
  const [attachment] = mail.attachments;
  expect(attachment?.filename).toBe('booking.ics');
  const { lines } = readIcs(attachment!.content.toString('utf8'));
  return { lines, vevent: component(lines, 'VEVENT') };
}
