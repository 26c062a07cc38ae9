import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offersApi } from '../../api/offers.ts';
import type { DigestFrequency } from '../../api/types.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { RadioGroup } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { FormError, Notice } from '../../components/Notice.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { OfferCard } from '../offers/OffersPage.tsx';

const frequencies: readonly DigestFrequency[] = ['daily', 'weekly', 'none'];

type MarkReadBody = { offerIds: string[] } | { all: true };
type Notifications = Awaited<ReturnType<typeof offersApi.notifications>>;

/**
 * The list after marking as read, from what was shown and the unread count the server answers:
 * marked notices leave the list of unread ones, and show as read in the list of all. Null when
 * the unread list would need notices that were not loaded (more than one page).
 */
function markedView(
  current: Notifications,
  body: MarkReadBody,
  unread: number,
  showAll: boolean,
): Notifications | null {
  const marked = (id: string) => 'all' in body || body.offerIds.includes(id);
  if (showAll) {
    return {
      ...current,
      unread,
      items: current.items.map((item) => (marked(item.id) ? { ...item, read: true } : item)),
    };
  }
  const items = current.items.filter((item) => !marked(item.id));
  return items.length === unread ? { items, total: unread, unread } : null;
}

/** New offers and notices of the partners for counselling staff, and the e-mail digest (R-OFF-4). */
export function NotificationsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [showAll, setShowAll] = useState(false);
  const list = useApi(['notifications', showAll], (signal) => offersApi.notifications(!showAll, signal));
  const digest = useApi(['digest'], (signal) => offersApi.digest(signal));
  const [message, setMessage] = useState<string | null>(null);
  const markRead = useSubmit((body: MarkReadBody) => offersApi.markRead(body));

  const mark = async (body: MarkReadBody, text: string) => {
    const result = await markRead.run(body);
    if (!result.ok) return;
    setMessage(text);
    const next = list.data && markedView(list.data, body, result.value.unread, showAll);
    // Without the loaded list, or with unread notifications beyond it, the list is read again.
    if (next) list.setData(next);
    else list.reload();
  };

  return (
    <Page
      title={t('notifications.title')}
      intro={list.data && <p>{t('notifications.unreadCount', { count: list.data.unread })}</p>}
      actions={
        list.data &&
        list.data.unread > 0 && (
          <Button onClick={() => void mark({ all: true }, t('notifications.allRead'))}>
            {t('notifications.markAllRead')}
          </Button>
        )
      }
    >
      {message && (
        <Notice tone="success" role="status">
          <p>{message}</p>
        </Notice>
      )}
      {markRead.error && <FormError error={markRead.error} />}
      <div className="filter-bar">
        <Button aria-pressed={!showAll} onClick={() => setShowAll(false)}>
          {t('notifications.showUnread')}
        </Button>
        <Button aria-pressed={showAll} onClick={() => setShowAll(true)}>
          {t('notifications.showAll')}
        </Button>
      </div>
      <LoadState resource={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{showAll ? t('notifications.none') : t('notifications.noneUnread')}</p>
          ) : (
            <ul className="offer-list">
              {data.items.map((item) => (
                <li key={item.id}>
                  <OfferCard offer={item} locale={locale} />
                  {!item.read && (
                    <Button
                      aria-label={t('notifications.markReadNamed', { title: item.title })}
                      onClick={() =>
                        void mark({ offerIds: [item.id] }, t('notifications.marked', { title: item.title }))
                      }
                    >
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
      <Section title={t('notifications.digestHeading')} id="digest">
        <LoadState resource={digest}>
          {(data) => (
            <DigestForm
              current={data.digest}
              lastSentAt={data.lastSentAt ? formatDateTime(data.lastSentAt, locale) : null}
              onSaved={(saved) => digest.setData(saved)}
            />
          )}
        </LoadState>
      </Section>
    </Page>
  );
}

function DigestForm({
  current,
  lastSentAt,
  onSaved,
}: {
  current: DigestFrequency;
  lastSentAt: string | null;
  onSaved: (value: { digest: DigestFrequency; lastSentAt: string | null }) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<DigestFrequency>(current);
  const [saved, setSaved] = useState(false);
  const save = useSubmit((digest: DigestFrequency) => offersApi.saveDigest(digest));
  return (
    <Form
      onSubmit={() =>
        void save.run(value).then((result) => {
          if (result.ok) {
            setSaved(true);
            onSaved(result.value);
          }
        })
      }
      error={save.error}
      pending={save.pending}
      markRequired={false}
    >
      {saved && (
        <p role="status" className="notice notice-success">
          {t('notifications.digestSaved')}
        </p>
      )}
      <RadioGroup
        name="digest"
        legend={t('notifications.digestLegend')}
        hint={lastSentAt ? t('notifications.lastSent', { date: lastSentAt }) : undefined}
        options={frequencies.map((f) => ({ value: f, label: t(`notifications.frequencies.${f}`) }))}
        value={value}
        onChange={(next) => {
          setSaved(false);
          setValue(next as DigestFrequency);
        }}
      />
      <div className="form-actions">
        <SubmitButton>{t('actions.save')}</SubmitButton>
      </div>
    </Form>
  );
}
