import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import { anonymous, createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { buildOffice, type TestOrganisation } from '../../../../test/factories.ts';
import { testDatabaseKind } from '../../../../test/test-database.ts';
import {
  expectProblem,
  expectStatus,
  organisationWithAdmin,
  signedIn,
  type Page,
  type Person,
} from '../../../../test/api.ts';
import type { flyerSchema } from './flyers.routes.ts';
import { flyerMaxBytes } from './flyers.service.ts';

type Flyer = z.infer<typeof flyerSchema>;

/** A small but real PDF document. */
const pdfBytes = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A 1×1 PNG image. */
const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----koop${crypto.randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe(`R-DIR-5: flyers per office, versioned and per language (${testDatabaseKind})`, () => {
  let t: TestApp;
  let provider: TestOrganisation;
  let providerAdmin: Person;
  let office: { id: string };
  let otherAdmin: Person;
  let abhStaff: Person;
  let counsellor: Person;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    ({ organisation: provider, admin: providerAdmin } = await organisationWithAdmin(
      t.app,
      db,
      'welfare_provider',
    ));
    counsellor = await signedIn(t.app, db, provider, ['counsellor']);
    office = await buildOffice(db, provider, { name: 'Migrationsberatung Mitte' });
    ({ admin: otherAdmin } = await organisationWithAdmin(t.app, db, 'welfare_provider'));
    const { organisation: abh } = await organisationWithAdmin(t.app, db, 'abh');
    abhStaff = await signedIn(t.app, db, abh, ['partner_staff']);
  });
  afterAll(() => t.close());

  const upload = (
    client: Client | null,
    flyerId: string,
    fields: Record<string, string>,
    file?: { name: string; type: string; bytes: Buffer },
  ): Promise<LightMyRequestResponse> => {
    const body = multipart(fields, file);
    return t.app.inject({
      method: 'POST',
      url: `/api/flyers/${flyerId}/files`,
      headers: {
        'content-type': body.contentType,
        ...(client ? { cookie: client.cookie!, 'x-csrf-token': client.csrfToken! } : {}),
      },
      payload: body.payload,
    });
  };
  const newFlyer = async (title = 'Flyer Migrationsberatung') =>
    expectStatus<Flyer>(await providerAdmin.client.post(`/api/offices/${office.id}/flyers`, { title }), 201);
  const fileCount = async (flyerId: string) =>
    (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM flyer_files WHERE flyer_id = ${flyerId}`.execute(t.database.db)
    ).rows[0]!.n;

  it('R-DIR-5: without credentials the flyer endpoints answer 401', async () => {
    const flyer = await newFlyer();
    expectProblem(await anonymous(t.app).get(`/api/offices/${office.id}/flyers`), 401, 'not_authenticated');
    expectProblem(await anonymous(t.app).get('/api/flyers'), 401, 'not_authenticated');
    expectProblem(
      await upload(
        null,
        flyer.id,
        { language: 'de' },
        { name: 'a.pdf', type: 'application/pdf', bytes: pdfBytes },
      ),
      401,
      'not_authenticated',
    );
    expectProblem(await anonymous(t.app).get(`/api/flyers/${flyer.id}/files/de`), 401, 'not_authenticated');
    expect(await fileCount(flyer.id)).toBe(0);
  });

  it('R-DIR-5: a provider uploads versions per language and partners download the current one', async () => {
    const flyer = await newFlyer('Flyer MBE – Beratung für Erwachsene');
    const v1 = expectStatus<Flyer>(
      await upload(
        providerAdmin.client,
        flyer.id,
        { language: 'de' },
        { name: 'flyer.pdf', type: 'application/pdf', bytes: pdfBytes },
      ),
      201,
    );
    expect(v1.files).toMatchObject([
      { language: 'de', revision: 1, revisions: 1, mediaType: 'application/pdf' },
    ]);
    const pdf2 = Buffer.concat([pdfBytes, Buffer.from('% Fassung 2\n')]);
    expectStatus<Flyer>(
      await upload(
        providerAdmin.client,
        flyer.id,
        { language: 'de' },
        { name: 'flyer-neu.pdf', type: 'application/pdf', bytes: pdf2 },
      ),
      201,
    );
    const withArabic = expectStatus<Flyer>(
      await upload(
        providerAdmin.client,
        flyer.id,
        { language: 'ar' },
        { name: 'flyer-ar.png', type: 'image/png', bytes: pngBytes },
      ),
      201,
    );
    expect(withArabic.files.map((f) => [f.language, f.revision, f.revisions, f.mediaType])).toEqual([
      ['ar', 1, 1, 'image/png'],
      ['de', 2, 2, 'application/pdf'],
    ]);

    const current = await abhStaff.client.get(`/api/flyers/${flyer.id}/files/de`);
    expect(current.statusCode).toBe(200);
    expect(current.headers['content-type']).toBe('application/pdf');
    expect(current.headers['x-flyer-revision']).toBe('2');
    expect(current.rawPayload.equals(pdf2)).toBe(true);
    expect(current.headers['content-disposition']).toBe(
      'attachment; filename="flyer-mbe-beratung-fur-erwachsene-de-v2.pdf"',
    );
    const first = await abhStaff.client.get(`/api/flyers/${flyer.id}/files/de?revision=1`);
    expect(first.rawPayload.equals(pdfBytes)).toBe(true);

    const all = expectStatus<Page<Flyer>>(await abhStaff.client.get('/api/flyers?language=ar'), 200);
    expect(all.items.find((f) => f.id === flyer.id)?.files.map((f) => f.language)).toEqual(['ar']);
    expect(all.items.find((f) => f.id === flyer.id)?.allowedActions).toEqual([]);
    const own = expectStatus<Page<Flyer>>(
      await providerAdmin.client.get(`/api/offices/${office.id}/flyers`),
      200,
    );
    expect(own.items.find((f) => f.id === flyer.id)?.allowedActions).toEqual([
      'flyer.upload',
      'flyer.delete',
    ]);
  });

  it('R-DIR-5: a file that is not really a PDF or image is refused by its content, whatever its name, and nothing is stored', async () => {
    const flyer = await newFlyer();
    for (const bytes of [
      Buffer.from('Das ist nur Text, kein PDF.'),
      Buffer.concat([Buffer.from('MZ'), crypto.randomBytes(200)]),
      Buffer.from('<html><script>alert(1)</script></html>'),
    ]) {
      const response = await upload(
        providerAdmin.client,
        flyer.id,
        { language: 'de' },
        { name: 'flyer.pdf', type: 'application/pdf', bytes },
      );
      expectProblem(response, 415, 'file_type_not_allowed');
      expect(response.json<{ detail: string }>().detail).toMatch(/Geprüft wird der Inhalt der Datei/);
    }
    expect(await fileCount(flyer.id)).toBe(0);
  });

  it(`R-DIR-5: a file over ${flyerMaxBytes / 1024 / 1024} MB answers 413 in German and nothing is stored`, async () => {
    const flyer = await newFlyer();
    const big = Buffer.concat([pdfBytes, Buffer.alloc(flyerMaxBytes + 1, 0x20)]);
    const response = await upload(
      providerAdmin.client,
      flyer.id,
      { language: 'de' },
      { name: 'gross.pdf', type: 'application/pdf', bytes: big },
    );
    expectProblem(response, 413, 'file_too_large');
    expect(response.json<{ detail: string }>().detail).toMatch(/zu groß/);
    expect(await fileCount(flyer.id)).toBe(0);
  });

  it('R-DIR-5: an unknown language, a missing file or a JSON body are refused with a clear message', async () => {
    const flyer = await newFlyer();
    expect(
      expectProblem(
        await upload(
          providerAdmin.client,
          flyer.id,
          { language: 'xx' },
          { name: 'a.pdf', type: 'application/pdf', bytes: pdfBytes },
        ),
        400,
        'validation_failed',
      ),
    ).toEqual(['language']);
    expectProblem(await upload(providerAdmin.client, flyer.id, { language: 'de' }), 400, 'file_missing');
    expectProblem(
      await providerAdmin.client.post(`/api/flyers/${flyer.id}/files`, { language: 'de' }),
      415,
      'unsupported_media_type',
    );
    expect(await fileCount(flyer.id)).toBe(0);
  });

  it('R-DIR-5: only the owning provider uploads and deletes; others get 404 or 403 and nothing changes', async () => {
    const flyer = await newFlyer();
    const file = { name: 'a.pdf', type: 'application/pdf', bytes: pdfBytes };
    expectProblem(await upload(otherAdmin.client, flyer.id, { language: 'de' }, file), 404, 'not_found');
    expectProblem(await upload(abhStaff.client, flyer.id, { language: 'de' }, file), 404, 'not_found');
    expectProblem(await upload(counsellor.client, flyer.id, { language: 'de' }, file), 403, 'forbidden');
    expectProblem(await otherAdmin.client.delete(`/api/flyers/${flyer.id}?version=1`), 404, 'not_found');
    expectProblem(
      await otherAdmin.client.post(`/api/offices/${office.id}/flyers`, { title: 'Fremder Flyer' }),
      404,
      'not_found',
    );
    expect(await fileCount(flyer.id)).toBe(0);
    const deleted = await providerAdmin.client.delete(`/api/flyers/${flyer.id}?version=${flyer.version}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expectProblem(await abhStaff.client.get(`/api/flyers/${flyer.id}/files/de`), 404, 'not_found');
  });
});
