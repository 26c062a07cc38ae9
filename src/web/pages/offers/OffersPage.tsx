import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offersApi } from '../../api/offers.ts';
import type { OfferInput } from '../../api/offers.ts';
import { offerKinds } from '../../api/types.ts';
import type { Offer, OfferKind, OrganisationKind } from '../../api/types.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import { EditPanel } from '../../components/EditPanel.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { FormError, Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { checkBody } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { orNull } from '../../lib/validate.ts';
import { publishOfferBody } from '../../../server/modules/offers/offers.schemas.ts';
import { useActiveSession } from '../../session/SessionProvider.tsx';

/** Which kind of offer an organisation publishes (the server enforces the same rule). */
const publishedKind: Partial<Record<OrganisationKind, OfferKind>> = {
  course_provider: 'course',
  jobcenter: 'measure',
  abh: 'regulation',
};

const dateText = (value: string | null, locale: string) =>
  value
    ? new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
        dateStyle: 'medium',
        timeZone: 'UTC',
      }).format(new Date(`${value}T12:00:00Z`))
    : '';

/**
 * Offers of the partners (R-OFF-1..3): course providers publish their courses, Jobcenters their
 * measures and the ABH new regulations; counselling staff read them all.
 */
export function OffersPage() {
  const { t } = useTranslation();
  const { user } = useActiveSession();
  const [kind, setKind] = useState<'' | OfferKind>('');
  const offers = useApi(['offers', kind], (signal) =>
    offersApi.list({ kind: kind || undefined, limit: 200 }, signal),
  );
  const ownKind = publishedKind[user.organisation.kind];
  const [editing, setEditing] = useState<{ offer?: Offer } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const remove = useSubmit((offer: Offer) => offersApi.remove(offer.id, offer.version));
  const locale = currentLocale();

  return (
    <Page
      title={t('offers.title')}
      intro={<p>{ownKind ? t(`offers.introPublisher.${ownKind}`) : t('offers.introReader')}</p>}
      actions={
        ownKind &&
        editing === null && (
          <Button variant="primary" onClick={() => (setMessage(null), setEditing({}))}>
            {t(`offers.publish.${ownKind}`)}
          </Button>
        )
      }
    >
      {message && (
        <Notice tone="success" role="status">
          <p>{message}</p>
        </Notice>
      )}
      {editing && ownKind && (
        <OfferForm
          kind={editing.offer?.kind ?? ownKind}
          offer={editing.offer}
          organisationId={user.organisation.id}
          onSaved={(offer) => {
            const edited = editing.offer !== undefined;
            setEditing(null);
            setMessage(t('offers.saved', { title: offer.title }));
            // A changed offer takes its card's place; a new one is read with the list, which the server orders.
            if (edited && offers.data) {
              offers.setData({
                ...offers.data,
                items: offers.data.items.map((item) => (item.id === offer.id ? offer : item)),
              });
            } else offers.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <div className="filter-bar">
        <SelectField
          name="kind"
          label={t('offers.kindFilter')}
          value={kind}
          emptyLabel={t('offers.allKinds')}
          options={offerKinds.map((k) => ({ value: k, label: t(`offers.kinds.${k}`) }))}
          onChange={(value) => setKind(value as '' | OfferKind)}
        />
      </div>
      {remove.error && <FormError error={remove.error} />}
      <LoadState resource={offers}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{t('offers.empty')}</p>
          ) : (
            <ul className="offer-list">
              {data.items.map((offer) => (
                <li key={offer.id}>
                  <OfferCard offer={offer} locale={locale} />
                  <div className="row-actions">
                    {offer.allowedActions.includes('offer.update') && (
                      <Button
                        aria-label={t('actions.editNamed', { name: offer.title })}
                        onClick={() => (setMessage(null), setEditing({ offer }))}
                      >
                        {t('actions.edit')}
                      </Button>
                    )}
                    {offer.allowedActions.includes('offer.delete') && (
                      <ConfirmButton
                        label={t('offers.withdraw')}
                        accessibleLabel={t('offers.withdrawNamed', { title: offer.title })}
                        question={t('offers.withdrawQuestion')}
                        confirmLabel={t('offers.withdrawConfirm')}
                        onConfirm={async () => {
                          const result = await remove.run(offer);
                          if (result.ok) {
                            setMessage(t('offers.withdrawn', { title: offer.title }));
                            // The withdrawal answers with nothing: the card leaves the cached list.
                            offers.setData({
                              ...data,
                              items: data.items.filter((item) => item.id !== offer.id),
                              total: data.total - 1,
                            });
                          }
                        }}
                      />
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </Page>
  );
}

/** One offer with the facts that matter for counselling. */
export function OfferCard({ offer, locale }: { offer: Offer; locale: string }) {
  const { t } = useTranslation();
  const facts = [
    offer.startsOn && t('offers.facts.starts', { date: dateText(offer.startsOn, locale) }),
    offer.endsOn && t('offers.facts.ends', { date: dateText(offer.endsOn, locale) }),
    offer.schedule,
    [offer.place, offer.city].filter(Boolean).join(', '),
    offer.freePlaces !== null && t('offers.facts.freePlaces', { count: offer.freePlaces }),
    offer.childcare === true && t('offers.facts.childcare'),
    offer.effectiveFrom && t('offers.facts.effectiveFrom', { date: dateText(offer.effectiveFrom, locale) }),
    offer.reference,
  ].filter((fact): fact is string => typeof fact === 'string' && fact !== '');
  return (
    <article className="card offer-card" aria-labelledby={`offer-${offer.id}`}>
      <h2 id={`offer-${offer.id}`}>{offer.title}</h2>
      <p className="muted">
        {t(`offers.kinds.${offer.kind}`)} · {offer.categoryLabel} · {offer.organisationName} ·{' '}
        {t('offers.publishedAt', { date: formatDateTime(offer.publishedAt, locale as 'de' | 'en') })}
      </p>
      {offer.summary && <p>{offer.summary}</p>}
      {facts.length > 0 && <p>{facts.join(' · ')}</p>}
      {offer.contact && <p>{t('offers.facts.contact', { contact: offer.contact })}</p>}
    </article>
  );
}

function OfferForm({
  kind,
  offer,
  organisationId,
  onSaved,
  onCancel,
}: {
  kind: OfferKind;
  offer?: Offer;
  organisationId: string;
  onSaved: (offer: Offer) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const categories = useApi(['reference', 'offer-categories'], (signal) => offersApi.categories(signal), {
    reference: true,
  });
  const locale = currentLocale();
  const [values, setValues] = useState({
    categoryId: offer?.categoryId ?? '',
    title: offer?.title ?? '',
    summary: offer?.summary ?? '',
    place: offer?.place ?? '',
    city: offer?.city ?? '',
    startsOn: offer?.startsOn ?? '',
    endsOn: offer?.endsOn ?? '',
    schedule: offer?.schedule ?? '',
    freePlaces: offer?.freePlaces === null || offer?.freePlaces === undefined ? '' : String(offer.freePlaces),
    childcare: offer?.childcare ?? false,
    reference: offer?.reference ?? '',
    effectiveFrom: offer?.effectiveFrom ?? '',
    contact: offer?.contact ?? '',
  });
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const save = useSubmit((input: OfferInput) =>
    offer
      ? offersApi.update(offer.id, { ...input, version: offer.version })
      : offersApi.publish(organisationId, input),
  );

  const submit = async () => {
    const common = {
      kind,
      categoryId: values.categoryId,
      title: values.title.trim(),
      summary: orNull(values.summary),
      contact: orNull(values.contact),
    };
    const freePlaces = values.freePlaces.trim();
    const body =
      kind === 'regulation'
        ? { ...common, reference: orNull(values.reference), effectiveFrom: orNull(values.effectiveFrom) }
        : {
            ...common,
            place: orNull(values.place),
            city: orNull(values.city),
            startsOn: orNull(values.startsOn),
            endsOn: orNull(values.endsOn),
            schedule: orNull(values.schedule),
            // Text that is no whole number stays as it is typed, so the schema names the problem.
            freePlaces: freePlaces === '' ? null : /^\d+$/.test(freePlaces) ? Number(freePlaces) : freePlaces,
            ...(kind === 'course' ? { childcare: values.childcare } : {}),
          };
    // The server's own rules: a category, a title of three characters, whole free places, the end after the start.
    const checked = checkBody(publishOfferBody, body, t('errors.validation_failed'));
    if (!checked.ok) {
      save.setError(checked.error);
      return;
    }
    const input: OfferInput = checked.body;
    const result = await save.run(input);
    if (result.ok) onSaved(result.value);
  };

  const categoryOptions = (categories.data?.items ?? [])
    .filter((c) => c.kind === kind)
    .map((c) => ({ value: c.id, label: locale === 'en' ? c.en : c.de }));

  return (
    <EditPanel title={offer ? t('offers.editTitle', { title: offer.title }) : t(`offers.publish.${kind}`)}>
      {isConflict(save.error) && <ConflictNotice onReload={onCancel} />}
      <Form
        onSubmit={() => void submit()}
        error={isConflict(save.error) ? null : save.error}
        pending={save.pending}
      >
        <div className="form-grid">
          <SelectField
            name="categoryId"
            label={t('offers.category')}
            value={values.categoryId}
            emptyLabel={t('common.pleaseChoose')}
            options={categoryOptions}
            onChange={(value) => set('categoryId', value)}
            required
          />
          <TextField
            name="title"
            label={t('offers.offerTitle')}
            value={values.title}
            onChange={(v) => set('title', v)}
            required
          />
          {kind !== 'regulation' && (
            <>
              <TextField
                name="place"
                label={t('offers.place')}
                value={values.place}
                onChange={(v) => set('place', v)}
              />
              <TextField
                name="city"
                label={t('fields.city')}
                value={values.city}
                onChange={(v) => set('city', v)}
              />
              <TextField
                name="startsOn"
                type="date"
                label={t('offers.startsOn')}
                value={values.startsOn}
                onChange={(v) => set('startsOn', v)}
              />
              <TextField
                name="endsOn"
                type="date"
                label={t('offers.endsOn')}
                value={values.endsOn}
                onChange={(v) => set('endsOn', v)}
              />
              <TextField
                name="schedule"
                label={t('offers.schedule')}
                hint={t('offers.scheduleHint')}
                value={values.schedule}
                onChange={(v) => set('schedule', v)}
              />
              <TextField
                name="freePlaces"
                label={t('offers.freePlaces')}
                inputMode="numeric"
                value={values.freePlaces}
                onChange={(v) => set('freePlaces', v)}
              />
            </>
          )}
          {kind === 'regulation' && (
            <>
              <TextField
                name="reference"
                label={t('offers.reference')}
                value={values.reference}
                onChange={(v) => set('reference', v)}
              />
              <TextField
                name="effectiveFrom"
                type="date"
                label={t('offers.effectiveFrom')}
                value={values.effectiveFrom}
                onChange={(v) => set('effectiveFrom', v)}
              />
            </>
          )}
          <TextField
            name="contact"
            label={t('offers.contact')}
            value={values.contact}
            onChange={(v) => set('contact', v)}
          />
        </div>
        <div className="field">
          <label htmlFor="offer-summary">{t('offers.summary')}</label>
          <textarea
            id="offer-summary"
            name="summary"
            rows={4}
            value={values.summary}
            onChange={(e) => set('summary', e.target.value)}
          />
        </div>
        {kind === 'course' && (
          <CheckboxField
            name="childcare"
            label={t('offers.childcare')}
            checked={values.childcare}
            onChange={(v) => set('childcare', v)}
          />
        )}
        <div className="form-actions">
          <SubmitButton>{offer ? t('actions.save') : t('offers.publishButton')}</SubmitButton>
          <Button onClick={onCancel}>{t('actions.cancel')}</Button>
        </div>
      </Form>
    </EditPanel>
  );
}
