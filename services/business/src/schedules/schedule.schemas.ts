import { schedule } from '@slotwise/contracts';
import { z } from 'zod';
import type { OpeningHours } from './schedule.service.js';

/** GET and PUT /api/businesses/:id/schedule answer this. */
export const openingHoursSchema = z
  .object({
    timezone: z.string().describe('The IANA zone the wall-clock times are in'),
    weekly: schedule.shape.weekly.describe('null: open around the clock (but for the overrides)'),
    overrides: schedule.shape.overrides.describe('Dated exceptions, by date; [] when none'),
  })
  .meta({ id: 'BusinessSchedule' });

export type OpeningHoursJson = z.infer<typeof openingHoursSchema>;

export const presentOpeningHours = (hours: OpeningHours): OpeningHoursJson => ({
  timezone: hours.timezone,
  weekly: hours.weekly,
  overrides: hours.overrides,
});
