import { api, type Booking } from '../../api/client';
import { send, type Answer } from './form';

export type BookingStatus = Booking['status'];

export const STATUS_WORDS: Record<BookingStatus, string> = {
  PENDING: 'Waiting for your confirmation',
  CONFIRMED: 'Confirmed',
  IN_PROGRESS: 'Checked in',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'No-show',
};

export const STATUSES = Object.keys(STATUS_WORDS) as BookingStatus[];

const PAGE = 100;

/**
 * Every booking of the business that overlaps [from, to), earliest first, page after page
 * (a page holds at most 100).
 */
export async function bookingsBetween(
  businessId: string,
  from: Date,
  to: Date,
): Promise<Answer<Booking[]>> {
  const all: Booking[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await send(
      api.GET('/api/bookings', {
        params: {
          query: {
            businessId,
            from: from.toISOString(),
            to: to.toISOString(),
            sort: 'startTime',
            limit: PAGE,
            page,
          },
        },
      }),
    );
    if (!answer.data) return { error: answer.error };
    all.push(...answer.data.data);
    if (answer.data.data.length < PAGE || all.length >= answer.data.meta.total)
      return { data: all };
  }
}
