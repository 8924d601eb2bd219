import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badFields,
  errorOf,
  startBusiness,
  type BusinessHarness,
  type BusinessJson,
  type Person,
} from './harness.js';

interface ListBody {
  data: BusinessJson[];
  meta: { page: number; limit: number; total: number };
}

describe('GET /api/businesses?city=', () => {
  let h: BusinessHarness;
  let admin: Person;

  const namesIn = async (query: string, who?: Person): Promise<string[]> => {
    const response = await h.call('GET', `/api/businesses${query}&sort=name`, who);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ListBody>().data.map((business) => business.name);
  };

  beforeAll(async () => {
    h = await startBusiness();
    admin = await h.person('ADMIN');
    // [name, type, address, verified]
    const seeds: [string, string, string | undefined, boolean][] = [
      ['Sakura Inn', 'HOTEL', '1-2-3 Gion, Kyoto', true],
      ['Kyoto Station Desk', 'CO_WORKING', '8 Shiokoji, KYOTO 600-8216', true],
      ['Tokyo Tower Salon', 'SALON', '4-2-8 Shibakoen, Tokyo', true],
      ['Kyoto Name Only', 'SALON', 'Osaka', true],
      ['No Address Clinic', 'CLINIC', undefined, true],
      ['Pending Kyoto Clinic', 'CLINIC', 'Kyoto', false],
      ['Percent Place', 'OTHER', '100% Street, Lyon', true],
      ['Underscore Place', 'OTHER', 'Rue_Basse, Lyon', true],
    ];
    for (const [name, type, address, verified] of seeds) {
      await h.createBusiness(
        await h.person('VENDOR'),
        { name, type, ...(address ? { address } : {}) },
        verified ? { verifiedBy: admin } : {},
      );
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it('finds the city anywhere in the address, in any case, and never in the name', async () => {
    expect(await namesIn('?city=kyoto')).toEqual(['Kyoto Station Desk', 'Sakura Inn']);
    expect(await namesIn('?city=KyOtO')).toEqual(['Kyoto Station Desk', 'Sakura Inn']);
    expect(await namesIn('?city=tokyo')).toEqual(['Tokyo Tower Salon']);
    expect(await namesIn('?city=Nagoya')).toEqual([]);
  });

  it('shows non-admins ACTIVE businesses only, and admins every one in the city', async () => {
    expect(await namesIn('?city=kyoto', admin)).toEqual([
      'Kyoto Station Desk',
      'Pending Kyoto Clinic',
      'Sakura Inn',
    ]);
  });

  it('combines with type and name search', async () => {
    expect(await namesIn('?city=kyoto&type=HOTEL')).toEqual(['Sakura Inn']);
    expect(await namesIn('?city=kyoto&search=desk')).toEqual(['Kyoto Station Desk']);
    expect(await namesIn('?city=tokyo&type=HOTEL')).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    expect(await namesIn(`?city=${encodeURIComponent('100%')}`)).toEqual(['Percent Place']);
    expect(await namesIn(`?city=${encodeURIComponent('%')}`)).toEqual(['Percent Place']);
    expect(await namesIn('?city=_')).toEqual(['Underscore Place']);
    expect(await namesIn('?city=e_b')).toEqual(['Underscore Place']);
    expect(await namesIn('?city=r_e')).toEqual([]);
  });

  it.each([['?city='], [`?city=${'k'.repeat(101)}`], ['?city=%20%20']])(
    'refuses %s with 400',
    async (query) => {
      const response = await h.call('GET', `/api/businesses${query}`);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_ERROR');
      expect(badFields(response)).toContain('querystring.city');
    },
  );
});
