import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.ts';
import { testDatabaseKind } from '../../../test/test-database.ts';
import { expectStatus } from '../../../test/api.ts';
import type { inboxResponse, sentReferralsResponse } from '../modules/referrals/referrals.schemas.ts';
import { demoPassword, seedDemo } from './demo.ts';

describe(`the Musterstadt demo referrals (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db);
  });
  afterAll(() => t.close());

  it('R-REF-1, R-REF-4: the AWO office finds Yusuf Demir in its referral inbox; the Jobcenter sees it still open', async () => {
    const counsellor = await signIn(t.app, 'berater@awo.example', demoPassword);
    const inbox = expectStatus<z.infer<typeof inboxResponse>>(
      await counsellor.get('/api/referrals/inbox'),
      200,
    );
    expect(inbox.items.map((i) => `${i.person.givenName} ${i.person.familyName}`)).toEqual(['Yusuf Demir']);
    expect(inbox.items[0]).toMatchObject({
      callFirst: true,
      referrer: { organisationName: 'Jobcenter Musterstadt' },
    });
    const paula = await signIn(t.app, 'pap@jobcenter.example', demoPassword);
    const sent = expectStatus<z.infer<typeof sentReferralsResponse>>(
      await paula.get('/api/referrals/sent'),
      200,
    );
    expect(sent.items.map((i) => [i.person.familyName, i.outcome])).toEqual([['Demir', 'open']]);
    const abh = await signIn(t.app, 'sachbearbeitung@abh.example', demoPassword);
    const abhSent = expectStatus<z.infer<typeof sentReferralsResponse>>(
      await abh.get('/api/referrals/sent'),
      200,
    );
    expect(abhSent.items.map((i) => [i.person.familyName, i.outcome])).toEqual([['Kovalenko', null]]);
  });
});
