import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { emailLinkBody } from '../../../server/modules/links/links.schemas.ts';
import { defaultLinkDays, linksApi, longestLinkDays, type Link } from '../../api/links.ts';
import type { Thread } from '../../api/exchange.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { FormError, Notice } from '../../components/Notice.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { usePdfWindow } from '../../hooks/usePdfWindow.ts';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';

interface DeliveryValues {
  email: string;
  validDays: string;
}

const days = (value: string) => (value.trim() === '' ? undefined : Number(value));

/**
 * R-REF-5: the thread goes to a partner that is not on Koop — a one-time link by e-mail or a
 * letter with a code, printed once. The table shows how far each got, and withdraws one.
 * The list loads only when the panel is opened, since every look at it is audited.
 */
export function LinkDelivery({ thread }: { thread: Thread }) {
  const { t: tl } = useTranslation('links');
  const locale = currentLocale();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const openPdf = usePdfWindow();
  const links = useApi(open ? ['thread-links', thread.id] : null, (signal) =>
    linksApi.ofThread(thread.id, signal),
  );
  const send = useSubmit((body: z.output<typeof emailLinkBody>) => linksApi.email(thread.id, body));
  const letter = useSubmit((validDays: number | undefined) => linksApi.letter(thread.id, { validDays }));
  const revoke = useSubmit((id: string) => linksApi.revoke(id));
  const form = useSchemaForm({
    schema: emailLinkBody,
    defaultValues: {
      email: thread.partner.teamEmail ?? '',
      validDays: String(defaultLinkDays),
    } satisfies DeliveryValues,
    toBody: (values: DeliveryValues) => ({
      email: values.email.trim() === '' ? undefined : values.email,
      validDays: days(values.validDays),
    }),
    submission: send,
  });

  const submit = form.submit(async (body) => {
    setNotice(null);
    const result = await send.run(body);
    if (!result.ok) return;
    setNotice(tl('linkSent', { email: result.value.email ?? '' }));
    links.reload();
  });

  const printLetter = async () => {
    setNotice(null);
    const result = await letter.run(days(form.values.validDays));
    if (!result.ok) return;
    openPdf(result.value);
    links.reload();
    setNotice(tl('letterPrinted'));
  };

  const channelOf = (l: Link) =>
    l.channel === 'email'
      ? tl('channels.email', { email: l.email ?? '' })
      : tl('channels.letter', { number: l.number });
  const columns: Column<Link>[] = [
    { key: 'channel', header: tl('channel'), rowHeader: true, cell: channelOf },
    {
      key: 'created',
      header: tl('created'),
      cell: (l) => `${formatDateTime(l.createdAt, locale)}, ${l.createdBy}`,
    },
    { key: 'expires', header: tl('expires'), cell: (l) => formatDateTime(l.expiresAt, locale) },
    { key: 'status', header: tl('status'), cell: (l) => tl(`statuses.${l.status}`) },
    {
      key: 'actions',
      header: <span className="visually-hidden">{tl('revoke')}</span>,
      cell: (l) =>
        l.actions.includes('link.revoke') && (
          <ConfirmButton
            label={tl('revoke')}
            accessibleLabel={tl('revokeLabel', { channel: channelOf(l) })}
            question={tl('revokeQuestion')}
            confirmLabel={tl('revoke')}
            onConfirm={async () => {
              const result = await revoke.run(l.id);
              if (result.ok) {
                setNotice(tl('revoked'));
                links.reload();
              }
            }}
          />
        ),
    },
  ];

  return (
    <details className="consent-scope" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{tl('deliveryTitle')}</summary>
      <p className="field-hint">{tl('deliveryIntro')}</p>
      {notice && (
        <Notice tone="success" role="status">
          <p>{notice}</p>
        </Notice>
      )}
      <Form onSubmit={submit} error={send.error} pending={send.pending} aria-label={tl('deliveryTitle')}>
        <div className="form-grid">
          <TextField
            {...form.text('email')}
            label={tl('emailLabel')}
            hint={tl('emailHint')}
            type="email"
            autoComplete="off"
          />
          <TextField
            {...form.text('validDays')}
            label={tl('validDays')}
            hint={tl('validDaysHint', { max: longestLinkDays })}
            type="number"
            inputMode="numeric"
            min={1}
            max={longestLinkDays}
          />
        </div>
        <div className="form-actions">
          <SubmitButton>{tl('sendLink')}</SubmitButton>
          <Button onClick={() => void printLetter()} disabled={letter.pending}>
            {tl('printLetter')}
          </Button>
        </div>
        <p className="field-hint">{tl('letterHint')}</p>
      </Form>
      {letter.error && <FormError error={letter.error} />}
      {revoke.error && <FormError error={revoke.error} />}
      {open && (
        <LoadState resource={links}>
          {(data) => (
            <DataTable
              caption={tl('linksCaption')}
              columns={columns}
              rows={data.items}
              rowKey={(l) => l.id}
              emptyText={tl('none')}
            />
          )}
        </LoadState>
      )}
    </details>
  );
}
