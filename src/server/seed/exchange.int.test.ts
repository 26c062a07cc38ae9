import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.ts';
import { testDatabaseKind } from '../../../test/test-database.ts';
import { expectStatus } from '../../../test/api.ts';
import type { caseloadSchema } from '../modules/cases/cases.schemas.ts';
import type { caseExchangeSchema, inboxResponse, sentSchema } from '../modules/exchange/exchange.schemas.ts';
import { demoPassword, seedDemo } from './demo.ts';

describe(`the Musterstadt demo exchange (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db);
  });
  afterAll(() => t.close());

  it('R-CON-1, R-EXC-1, R-RED-4: Amina Haddad’s consent lets her counsellor write to the Jobcenter’s Team Integration, whose member reads it', async () => {
    const counsellor = await signIn(t.app, 'berater@awo.example', demoPassword);
    const caseload = expectStatus<z.infer<typeof caseloadSchema>>(await counsellor.get('/api/caseload'), 200);
    const amina = caseload.openCases.find((c) => c.clientName === 'Amina Haddad')!;
    const exchange = expectStatus<z.infer<typeof caseExchangeSchema>>(
      await counsellor.get(`/api/cases/${amina.id}/exchange`),
      200,
    );
    const [consent] = exchange.consents;
    expect(consent).toMatchObject({
      state: 'valid',
      recipient: { organisationName: 'Jobcenter Musterstadt', teamName: 'Team Integration' },
    });
    const sent = expectStatus<z.infer<typeof sentSchema>>(
      await counsellor.post(`/api/cases/${amina.id}/disclosures`, {
        consentId: consent!.id,
        purpose: consent!.purpose,
        kind: 'assessment_result',
        subject: 'Ergebnis der Kompetenzanalyse',
        sections: [{ category: 'language_courses', text: 'Deutsch A2, Integrationskurs läuft.' }],
      }),
      201,
    );
    const paula = await signIn(t.app, 'pap@jobcenter.example', demoPassword);
    const inbox = expectStatus<z.infer<typeof inboxResponse>>(await paula.get('/api/inbox'), 200);
    expect(inbox.items.map((i) => i.id)).toEqual([sent.thread.id]);
    expect(inbox.items[0]!.clientLabel).toContain('Amina Haddad');
  });
});
