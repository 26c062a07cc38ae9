import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { createAgreementBody } from '../../../server/modules/agreements/agreements.schemas.ts';
import { agreementModels, agreementsApi, arrangementForms } from '../../api/agreements.ts';
import type { AgreementList, AgreementModel } from '../../api/agreements.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { CheckboxGroup, RadioGroup, SelectField, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatCalendarDate } from '../../i18n/format.ts';
import { navigationPaths } from '../../session/navigation.ts';

/** Where an agreement opens. */
export const agreementPath = (id: string) => `${navigationPaths.agreements}/${encodeURIComponent(id)}`;

type Item = AgreementList['items'][number];

/**
 * The organisation's cooperations (R-AGR-1): the list, and for a provider's managers the start of
 * a new one from a template, with the partner and the further providers of the place.
 */
export function AgreementsPage() {
  const { t: ta } = useTranslation('agreements');
  const locale = currentLocale();
  const list = useApi(['agreements'], (signal) => agreementsApi.list(signal));
  const columns: Column<Item>[] = [
    {
      key: 'title',
      header: ta('title'),
      rowHeader: true,
      cell: (x) => (
        <>
          <Link to={agreementPath(x.id)}>{x.title}</Link>
          <span className="cell-note">{ta(`models.${x.model}`)}</span>
        </>
      ),
    },
    {
      key: 'parties',
      header: ta('parties'),
      cell: (x) => x.parties.map((p) => p.name).join(', '),
    },
    { key: 'status', header: ta('status'), cell: (x) => ta(`statuses.${x.status}`) },
    {
      key: 'term',
      header: ta('term'),
      cell: (x) =>
        x.startsOn
          ? `${formatCalendarDate(x.startsOn, locale)} – ${x.endsOn ? formatCalendarDate(x.endsOn, locale) : ta('termOpen')}`
          : '–',
    },
  ];
  return (
    <Page title={ta('listTitle')} intro={<p>{ta('listIntro')}</p>}>
      <LoadState resource={list}>
        {(data) => (
          <>
            <Section title={ta('table')} id="agreements">
              <DataTable
                caption={ta('table')}
                captionHidden
                columns={columns}
                rows={data.items}
                rowKey={(x) => x.id}
                emptyText={ta('empty')}
                busy={list.loading}
              />
            </Section>
            {data.canCreate && <NewAgreement organisations={data.organisations} />}
          </>
        )}
      </LoadState>
    </Page>
  );
}

interface NewValues {
  model: string;
  partnerOrganisationId: string;
  providerOrganisationIds: string[];
  title: string;
  place: string;
  arrangementForm: string;
}

function NewAgreement({ organisations }: { organisations: AgreementList['organisations'] }) {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('agreements');
  const navigate = useNavigate();
  const create = useSubmit((body: z.output<typeof createAgreementBody>) => agreementsApi.create(body));
  const defaults: NewValues = {
    model: '',
    partnerOrganisationId: '',
    providerOrganisationIds: [],
    title: '',
    place: '',
    arrangementForm: 'written',
  };
  const form = useSchemaForm({
    schema: createAgreementBody,
    defaultValues: defaults,
    toBody: (v: NewValues) => ({
      model: v.model as AgreementModel,
      partnerOrganisationId: v.partnerOrganisationId,
      providerOrganisationIds: v.providerOrganisationIds,
      title: v.title,
      place: v.place,
      ...(v.model === 'informal' ? { arrangementForm: v.arrangementForm as 'written' } : {}),
    }),
    submission: create,
  });
  const { values, set, text } = form;
  const submit = form.submit(async (body) => {
    const result = await create.run(body);
    if (result.ok) await navigate(agreementPath(result.value.id));
  });
  const partners = organisations.filter((o) => o.kind !== 'welfare_provider');
  const providers = organisations.filter((o) => o.kind === 'welfare_provider');
  return (
    <Section title={ta('newTitle')} id="agreement-new">
      <Form onSubmit={submit} error={create.error} pending={create.pending} aria-label={ta('newTitle')}>
        <RadioGroup
          name="model"
          legend={ta('template')}
          required
          value={values.model}
          options={agreementModels.map((m) => ({ value: m, label: ta(`models.${m}`) }))}
          onChange={(value) => set('model', value)}
        />
        <SelectField
          {...text('partnerOrganisationId')}
          label={ta('partner')}
          required
          emptyLabel=""
          options={partners.map((o) => ({ value: o.id, label: `${o.name} (${t(`kinds.${o.kind}`)})` }))}
        />
        <CheckboxGroup
          name="providerOrganisationIds"
          legend={ta('furtherProviders')}
          values={values.providerOrganisationIds}
          options={providers.map((o) => ({ value: o.id, label: o.name }))}
          onChange={(value) => set('providerOrganisationIds', value)}
        />
        <TextField {...text('title')} label={ta('title')} hint={ta('titleHint')} maxLength={200} />
        <TextField {...text('place')} label={ta('place')} maxLength={100} />
        {values.model === 'informal' && (
          <RadioGroup
            name="arrangementForm"
            legend={ta('arrangementForm')}
            value={values.arrangementForm}
            options={arrangementForms.map((f) => ({ value: f, label: ta(`arrangementForms.${f}`) }))}
            onChange={(value) => set('arrangementForm', value)}
          />
        )}
        <div className="form-actions">
          <SubmitButton>{ta('start')}</SubmitButton>
        </div>
      </Form>
    </Section>
  );
}
