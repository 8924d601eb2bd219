import { describe, expect, it } from 'vitest';
import {
  buildBookingCalendar,
  type BookingCalendarInput,
} from '../src/calendar/booking-calendar.js';
import { escapeText, foldLine } from '../src/calendar/ics-text.js';
import { component, property, readIcs } from './ics-lines.js';

function calendar(overrides: Partial<BookingCalendarInput> = {}): string {
  return buildBookingCalendar({
    method: 'PUBLISH',
    bookingId: '6f1c2d3e-0000-4000-8000-000000000001',
    sequence: 2,
    stamp: new Date('2026-10-01T08:00:00Z'),
    start: new Date('2026-12-01T08:00:00Z'),
    end: new Date('2026-12-01T09:30:00Z'),
    zone: 'Europe/Berlin',
    summary: 'Room 1 at Harbour Hotel',
    location: 'Harbour Hotel',
    description: 'Booking reference: 1',
    organizer: { name: 'Harbour Hotel', email: 'no-reply@slotwise.local' },
    productName: 'Slotwise',
    ...overrides,
  });
}

/** A property of the VEVENT (the VTIMEZONE's observances have a DTSTART too). */
function eventProperty(lines: string[], name: string): string | undefined {
  return property(component(lines, 'VEVENT'), name);
}

/**
 * Turns a DTSTART/DTEND line back into an instant with the object's own VTIMEZONE, as a calendar
 * would: the observance whose onset is the latest before the time gives the offset.
 */
function instantOf(lines: string[], name: string): Date {
  const line = eventProperty(lines, name) ?? '';
  const value = line.slice(line.lastIndexOf(':') + 1);
  const wall = Date.UTC(
    Number(value.slice(0, 4)),
    Number(value.slice(4, 6)) - 1,
    Number(value.slice(6, 8)),
    Number(value.slice(9, 11)),
    Number(value.slice(11, 13)),
    Number(value.slice(13, 15)),
  );
  if (value.endsWith('Z')) return new Date(wall);
  const offsets = observances(lines);
  const chosen = offsets.filter((o) => wall - o.to * 60_000 >= o.onset).at(-1);
  if (!chosen) throw new Error(`No observance covers ${value}`);
  return new Date(wall - chosen.to * 60_000);
}

function observances(lines: string[]): { onset: number; to: number }[] {
  const zone = component(lines, 'VTIMEZONE');
  const found: { onset: number; to: number }[] = [];
  zone.forEach((line, index) => {
    if (line !== 'BEGIN:STANDARD' && line !== 'BEGIN:DAYLIGHT') return;
    const block = zone.slice(index, index + 5);
    const minutes = (name: string): number => {
      const v = (property(block, name) ?? '').split(':')[1] ?? '+0000';
      const sign = v.startsWith('-') ? -1 : 1;
      return sign * (Number(v.slice(1, 3)) * 60 + Number(v.slice(3, 5)));
    };
    const start = (property(block, 'DTSTART') ?? '').split(':')[1] ?? '';
    const wall = Date.UTC(
      Number(start.slice(0, 4)),
      Number(start.slice(4, 6)) - 1,
      Number(start.slice(6, 8)),
      Number(start.slice(9, 11)),
      Number(start.slice(11, 13)),
    );
    found.push({ onset: wall - minutes('TZOFFSETFROM') * 60_000, to: minutes('TZOFFSETTO') });
  });
  return found.sort((a, b) => a.onset - b.onset);
}

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and every kind of line break', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf\rg')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng');
    expect(escapeText('tab\there, bell\u0007 gone')).toBe('tab\there\\, bell gone');
  });

  it('folds at 75 octets without cutting a multi-byte character', () => {
    const line = `DESCRIPTION:${'x'.repeat(70)}${'é'.repeat(40)}📅${'y'.repeat(80)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');

    expect(physical.length).toBeGreaterThan(3);
    for (const part of physical) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(physical.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });
});

describe('booking calendar file', () => {
  it('is one published VEVENT with CRLF lines, the booking uid and escaped text', () => {
    const ics = readIcs(
      calendar({
        summary: 'Room 1, sea view; "best" \\ at Harbour\nHotel',
        organizer: { name: 'Harbour: "Hotel"; Spa', email: 'no-reply@slotwise.local' },
      }),
    );

    expect(ics.lines[0]).toBe('BEGIN:VCALENDAR');
    expect(ics.lines.at(-1)).toBe('END:VCALENDAR');
    expect(ics.lines).toEqual(expect.arrayContaining(['VERSION:2.0', 'METHOD:PUBLISH']));
    for (const line of ics.physical) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const event = component(ics.lines, 'VEVENT');
    expect(event).toEqual(
      expect.arrayContaining([
        'UID:6f1c2d3e-0000-4000-8000-000000000001@slotwise',
        'DTSTAMP:20261001T080000Z',
        'SEQUENCE:2',
        'DTSTART;TZID=Europe/Berlin:20261201T090000',
        'DTEND;TZID=Europe/Berlin:20261201T103000',
        'SUMMARY:Room 1\\, sea view\\; "best" \\\\ at Harbour\\nHotel',
        'ORGANIZER;CN="Harbour: Hotel; Spa":mailto:no-reply@slotwise.local',
        'STATUS:CONFIRMED',
      ]),
    );
  });

  it('withdraws the same event with METHOD:CANCEL, a higher sequence and STATUS:CANCELLED', () => {
    const published = component(readIcs(calendar()).lines, 'VEVENT');
    const ics = readIcs(calendar({ method: 'CANCEL', sequence: 3 }));

    expect(ics.lines).toContain('METHOD:CANCEL');
    expect(ics.lines).not.toContain('METHOD:PUBLISH');
    const event = component(ics.lines, 'VEVENT');
    expect(property(event, 'UID')).toBe(property(published, 'UID'));
    expect(property(event, 'DTSTART')).toBe(property(published, 'DTSTART'));
    expect(event).toEqual(expect.arrayContaining(['SEQUENCE:3', 'STATUS:CANCELLED']));
    expect(event).not.toContain('STATUS:CONFIRMED');
    // RFC 5546 §3.2.5: a CANCEL names its organizer.
    expect(property(event, 'ORGANIZER')).toBe(property(published, 'ORGANIZER'));
  });

  it('publishes a reschedule as the same event with its new times and a higher sequence', () => {
    const published = component(readIcs(calendar()).lines, 'VEVENT');
    const ics = readIcs(
      calendar({
        sequence: 3,
        start: new Date('2026-12-08T08:00:00Z'),
        end: new Date('2026-12-08T09:30:00Z'),
      }),
    );

    expect(ics.lines).toContain('METHOD:PUBLISH');
    const event = component(ics.lines, 'VEVENT');
    expect(property(event, 'UID')).toBe(property(published, 'UID'));
    expect(event).toEqual(
      expect.arrayContaining([
        'SEQUENCE:3',
        'DTSTART;TZID=Europe/Berlin:20261208T090000',
        'DTEND;TZID=Europe/Berlin:20261208T103000',
        'STATUS:CONFIRMED',
      ]),
    );
  });

  it('keeps a stay across the end of summer time at the wall-clock times of the business', () => {
    // Berlin leaves summer time on 25 October 2026, 03:00 CEST → 02:00 CET.
    const start = new Date('2026-10-24T18:00:00Z');
    const end = new Date('2026-10-26T09:00:00Z');
    const { lines } = readIcs(calendar({ start, end }));

    expect(eventProperty(lines, 'DTSTART')).toBe('DTSTART;TZID=Europe/Berlin:20261024T200000');
    expect(eventProperty(lines, 'DTEND')).toBe('DTEND;TZID=Europe/Berlin:20261026T100000');
    const zone = component(lines, 'VTIMEZONE');
    expect(zone[1]).toBe('TZID:Europe/Berlin');
    expect(zone.join('\n')).toContain(
      'BEGIN:STANDARD\nDTSTART:20261025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD',
    );
    expect(instantOf(lines, 'DTSTART')).toEqual(start);
    expect(instantOf(lines, 'DTEND')).toEqual(end);
  });

  it('keeps a booking across the start of summer time in New York at 10:00 both days', () => {
    const start = new Date('2026-03-07T15:00:00Z');
    const end = new Date('2026-03-09T14:00:00Z');
    const { lines } = readIcs(calendar({ start, end, zone: 'America/New_York' }));

    expect(eventProperty(lines, 'DTSTART')).toBe('DTSTART;TZID=America/New_York:20260307T100000');
    expect(eventProperty(lines, 'DTEND')).toBe('DTEND;TZID=America/New_York:20260309T100000');
    expect(component(lines, 'VTIMEZONE').join('\n')).toContain(
      'BEGIN:DAYLIGHT\nDTSTART:20260308T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400',
    );
    expect(instantOf(lines, 'DTSTART')).toEqual(start);
    expect(instantOf(lines, 'DTEND')).toEqual(end);
  });

  it('writes a time in the repeated hour of a fold in UTC, where a local time would be the first', () => {
    // 02:30 happens twice in Berlin on 25 October 2026; 01:30Z is the second (CET) one.
    const start = new Date('2026-10-25T01:30:00Z');
    const end = new Date('2026-10-25T02:30:00Z');
    const { lines } = readIcs(calendar({ start, end }));

    expect(eventProperty(lines, 'DTSTART')).toBe('DTSTART:20261025T013000Z');
    expect(eventProperty(lines, 'DTEND')).toBe('DTEND;TZID=Europe/Berlin:20261025T033000');
    expect(instantOf(lines, 'DTEND')).toEqual(end);
  });

  it('describes a zone without summer time with its one offset', () => {
    const { lines } = readIcs(calendar({ zone: 'Asia/Kolkata' }));

    expect(component(lines, 'VTIMEZONE')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Kolkata',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0530',
      'TZOFFSETTO:+0530',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    expect(eventProperty(lines, 'DTSTART')).toBe('DTSTART;TZID=Asia/Kolkata:20261201T133000');
  });

  it('writes UTC times, with no VTIMEZONE, for a business on UTC', () => {
    const { lines } = readIcs(calendar({ zone: 'UTC' }));

    expect(eventProperty(lines, 'DTSTART')).toBe('DTSTART:20261201T080000Z');
    expect(eventProperty(lines, 'DTEND')).toBe('DTEND:20261201T093000Z');
    expect(component(lines, 'VTIMEZONE')).toEqual([]);
  });
});
