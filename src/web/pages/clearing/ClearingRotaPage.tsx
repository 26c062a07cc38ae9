import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearingApi, rotaWeekdays, type Rota, type RotaInput, type Settings } from '../../api/clearing.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';

type Entry = RotaInput['entries'][number];
type Weekday = Entry['weekday'];

/**
 * The clearing office's rota (R-CLR-3): which trained staff are on duty on which weekdays and
 * hours, beside the ABH's opening hours from the directory; the hours nobody covers are listed
 * as gaps. The manager changes it and chooses the ABH and its premises; staff on duty read it.
 */
export function ClearingRotaPage() {
  const { t } = useTranslation('clearing');
  const rota = useApi(['clearing-rota'], (signal) => clearingApi.rota(signal));
  const settings = useApi(['clearing-settings'], (signal) => clearingApi.settings(signal));
  return (
    <Page title={t('rota.title')} intro={<p>{t('rota.intro')}</p>}>
      <LoadState resource={rota}>{(data) => <RotaView rota={data} onSaved={rota.setData} />}</LoadState>
      <LoadState resource={settings}>
        {(data) =>
          data.actions.includes('settings.update') ? (
            <SettingsForm
              settings={data}
              onSaved={(s) => {
                settings.setData(s);
                rota.reload();
              }}
            />
          ) : null
        }
      </LoadState>
    </Page>
  );
}

function RotaView({ rota, onSaved }: { rota: Rota; onSaved: (rota: Rota) => void }) {
  const { t } = useTranslation('clearing');
  const { t: common } = useTranslation();
  const day = (weekday: number) => common(`schedule.weekdays.${String(weekday) as '1'}`);
  const editable = rota.actions.includes('rota.update');
  const [entries, setEntries] = useState<Entry[]>(() => rota.entries.map(toEntry));
  useEffect(() => setEntries(rota.entries.map(toEntry)), [rota]);
  const save = useSubmit(() => clearingApi.saveRota({ entries }));
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async () => {
    const result = await save.run();
    if (result.ok) {
      onSaved(result.value);
      setNotice(t('rota.saved'));
    }
  };
  const change = (i: number, patch: Partial<Entry>) =>
    setEntries((list) => list.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const nameOf = (id: string) =>
    rota.staff.find((s) => s.id === id)?.name ?? rota.entries.find((e) => e.userId === id)?.name ?? '';

  return (
    <>
      <Section title={t('rota.opening')}>
        {rota.openingHours === null ? (
          <p className="empty">{t('rota.noPremises')}</p>
        ) : rota.openingHours.length === 0 ? (
          <p className="empty">{t('rota.noOpeningHours')}</p>
        ) : (
          <ul className="plain-list">
            {rota.openingHours.map((h) => (
              <li key={`${h.weekday}-${h.from}`}>
                {day(h.weekday)}: {h.from}–{h.to}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('rota.gaps')}</h3>
        {rota.gaps.length === 0 ? (
          <p>{rota.openingHours ? t('rota.noGaps') : '–'}</p>
        ) : (
          <Notice tone="warning">
            <ul className="plain-list">
              {rota.gaps.map((g) => (
                <li key={`${g.weekday}-${g.from}`}>
                  {t('rota.gap', { day: day(g.weekday), from: g.from, to: g.to })}
                </li>
              ))}
            </ul>
          </Notice>
        )}
      </Section>
      <Section title={t('rota.duty')}>
        {notice && (
          <Notice tone="success" role="status">
            {notice}
          </Notice>
        )}
        {!editable ? (
          rota.entries.length === 0 ? (
            <p className="empty">{t('rota.empty')}</p>
          ) : (
            <ul className="plain-list">
              {rota.entries.map((e, i) => (
                <li key={i}>
                  {day(e.weekday)} {e.startsAt}–{e.endsAt}: {e.name}
                </li>
              ))}
            </ul>
          )
        ) : (
          <Form
            onSubmit={() => void submit()}
            error={save.error}
            pending={save.pending}
            markRequired={false}
            aria-label={t('rota.duty')}
          >
            {entries.length === 0 && <p className="empty">{t('rota.empty')}</p>}
            {entries.map((e, i) => (
              <fieldset key={i} className="field-row">
                <legend>{t('rota.entry', { n: i + 1, name: nameOf(e.userId) })}</legend>
                <SelectField
                  name={`entries.${i}.userId`}
                  label={t('rota.person')}
                  value={e.userId}
                  options={rota.staff.map((s) => ({ value: s.id, label: s.name }))}
                  onChange={(v) => change(i, { userId: v })}
                />
                <SelectField
                  name={`entries.${i}.weekday`}
                  label={common('schedule.weekday')}
                  value={String(e.weekday)}
                  options={rotaWeekdays.map((d) => ({ value: String(d), label: day(d) }))}
                  onChange={(v) => change(i, { weekday: Number(v) as Weekday })}
                />
                <TextField
                  name={`entries.${i}.startsAt`}
                  label={t('rota.from')}
                  type="time"
                  value={e.startsAt}
                  onChange={(v) => change(i, { startsAt: v })}
                />
                <TextField
                  name={`entries.${i}.endsAt`}
                  label={t('rota.to')}
                  type="time"
                  value={e.endsAt}
                  onChange={(v) => change(i, { endsAt: v })}
                />
                <Button onClick={() => setEntries((list) => list.filter((_, j) => j !== i))}>
                  {t('rota.remove')}
                </Button>
              </fieldset>
            ))}
            <Button
              disabled={rota.staff.length === 0}
              onClick={() =>
                setEntries((list) => [
                  ...list,
                  { userId: rota.staff[0]?.id ?? '', weekday: 1, startsAt: '08:00', endsAt: '12:00' },
                ])
              }
            >
              {t('rota.add')}
            </Button>{' '}
            <SubmitButton>{t('rota.save')}</SubmitButton>
          </Form>
        )}
      </Section>
    </>
  );
}

const toEntry = (e: Rota['entries'][number]): Entry => ({
  userId: e.userId,
  weekday: e.weekday as Weekday,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
});

function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation('clearing');
  const [abh, setAbh] = useState(settings.abhOrganisationId ?? '');
  const [office, setOffice] = useState(settings.abhOfficeId ?? '');
  const save = useSubmit(() =>
    clearingApi.saveSettings({
      abhOrganisationId: abh || null,
      abhOfficeId: office || null,
      otherTopics: settings.otherTopics,
      version: settings.version,
    }),
  );
  const offices = settings.authorities.find((a) => a.id === abh)?.offices ?? [];
  return (
    <Section title={t('settings.heading')}>
      <Form
        onSubmit={() => void save.run().then((r) => r.ok && onSaved(r.value))}
        error={save.error}
        pending={save.pending}
        markRequired={false}
        aria-label={t('settings.heading')}
      >
        <SelectField
          name="abhOrganisationId"
          label={t('settings.abh')}
          value={abh}
          emptyLabel={t('settings.none')}
          options={settings.authorities.map((a) => ({ value: a.id, label: a.name }))}
          onChange={(v) => {
            setAbh(v);
            setOffice('');
          }}
        />
        <SelectField
          name="abhOfficeId"
          label={t('settings.office')}
          value={office}
          emptyLabel={t('settings.none')}
          options={offices.map((o) => ({ value: o.id, label: o.name }))}
          onChange={setOffice}
        />
        <SubmitButton>{t('settings.save')}</SubmitButton>
      </Form>
    </Section>
  );
}
