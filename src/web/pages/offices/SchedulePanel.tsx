import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryApi } from '../../api/directory.ts';
import { organisationsApi } from '../../api/organisations.ts';
import type {
  ExceptionKind,
  HoursException,
  HoursKind,
  Office,
  Schedule,
  Service,
  WeeklyHours,
} from '../../api/types.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import { EditPanel } from '../../components/EditPanel.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { orNull } from '../../lib/validate.ts';

/** Partner kinds whose premises can host counselling hours (R-DIR-3). */
const partnerKinds = new Set(['jobcenter', 'abh', 'course_provider', 'other']);
const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

interface HoursRow {
  kind: HoursKind;
  service: '' | Service;
  weekday: string;
  opensAt: string;
  closesAt: string;
  validFrom: string;
  validTo: string;
  partnerOrganisationId: string;
  room: string;
  byAppointment: boolean;
  note: string;
}

interface ExceptionRow {
  kind: ExceptionKind;
  startsOn: string;
  endsOn: string;
  opensAt: string;
  closesAt: string;
  note: string;
}

const hoursRow = (h?: WeeklyHours): HoursRow => ({
  kind: h?.kind ?? 'counselling',
  service: h?.service ?? '',
  weekday: String(h?.weekday ?? 1),
  opensAt: h?.opensAt ?? '09:00',
  closesAt: h?.closesAt ?? '12:00',
  validFrom: h?.validFrom ?? '',
  validTo: h?.validTo ?? '',
  partnerOrganisationId: h?.partnerOrganisationId ?? '',
  room: h?.room ?? '',
  byAppointment: h?.byAppointment ?? false,
  note: h?.note ?? '',
});

const exceptionRow = (e?: HoursException): ExceptionRow => ({
  kind: e?.kind ?? 'closed',
  startsOn: e?.startsOn ?? '',
  endsOn: e?.endsOn ?? '',
  opensAt: e?.opensAt ?? '',
  closesAt: e?.closesAt ?? '',
  note: e?.note ?? '',
});

export interface SchedulePanelProps {
  office: Office;
  onSaved: () => void;
  onClose: () => void;
}

/** The weekly hours of an office with closures and extra dates, edited and saved as a whole. */
export function SchedulePanel({ office, onSaved, onClose }: SchedulePanelProps) {
  const { t } = useTranslation();
  const schedule = useApi(['schedule', office.id], (signal) => directoryApi.schedule(office.id, signal));
  const [saved, setSaved] = useState(false);
  return (
    <EditPanel title={t('schedule.title', { name: office.name })}>
      {saved && (
        <p role="status" className="notice notice-success">
          {t('schedule.saved')}
        </p>
      )}
      <LoadState resource={schedule}>
        {(data) => (
          <ScheduleForm
            key={data.version}
            office={office}
            schedule={data}
            onSaved={(fresh) => {
              schedule.setData(fresh);
              setSaved(true);
              onSaved();
            }}
            onChange={() => setSaved(false)}
            onReload={schedule.reload}
            onClose={onClose}
          />
        )}
      </LoadState>
    </EditPanel>
  );
}

function ScheduleForm({
  office,
  schedule,
  onSaved,
  onReload,
  onClose,
  onChange,
}: {
  office: Office;
  schedule: Schedule;
  onSaved: (schedule: Schedule) => void;
  onReload: () => void;
  onClose: () => void;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [hours, setHours] = useState<HoursRow[]>(schedule.hours.map(hoursRow));
  const [exceptions, setExceptions] = useState<ExceptionRow[]>(schedule.exceptions.map(exceptionRow));
  const partners = useApi(['partner-organisations'], (signal) =>
    organisationsApi.list({ limit: 200 }, signal),
  );
  const partnerOptions = (partners.data?.items ?? [])
    .filter((o) => partnerKinds.has(o.kind))
    .map((o) => ({ value: o.id, label: o.name }));
  const canEdit = schedule.allowedActions.includes('office.update');

  const save = useSubmit(() =>
    directoryApi.saveSchedule(office.id, {
      version: schedule.version,
      hours: hours.map((h) => ({
        kind: h.kind,
        service: h.service === '' ? null : h.service,
        weekday: Number(h.weekday),
        opensAt: h.opensAt,
        closesAt: h.closesAt,
        validFrom: orNull(h.validFrom),
        validTo: orNull(h.validTo),
        partnerOrganisationId: orNull(h.partnerOrganisationId),
        room: orNull(h.room),
        byAppointment: h.byAppointment,
        note: orNull(h.note),
      })),
      exceptions: exceptions.map((e) => ({
        kind: e.kind,
        startsOn: e.startsOn,
        endsOn: e.endsOn.trim() === '' ? e.startsOn : e.endsOn,
        opensAt: e.kind === 'extra' ? orNull(e.opensAt) : null,
        closesAt: e.kind === 'extra' ? orNull(e.closesAt) : null,
        partnerOrganisationId: null,
        room: null,
        note: orNull(e.note),
      })),
    }),
  );

  const setHour = <K extends keyof HoursRow>(index: number, key: K, value: HoursRow[K]) => {
    onChange();
    setHours((rows) => rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  };
  const setException = <K extends keyof ExceptionRow>(index: number, key: K, value: ExceptionRow[K]) => {
    onChange();
    setExceptions((rows) => rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  };

  return (
    <Form
      onSubmit={() =>
        void save.run().then((result) => {
          if (result.ok) onSaved(result.value);
        })
      }
      error={isConflict(save.error) ? null : save.error}
      pending={save.pending}
      markRequired={false}
    >
      {isConflict(save.error) && <ConflictNotice onReload={onReload} />}
      <fieldset className="schedule-group">
        <legend>{t('schedule.weeklyHeading')}</legend>
        {hours.length === 0 && <p>{t('schedule.noHours')}</p>}
        <ol className="schedule-rows">
          {hours.map((row, i) => (
            <li key={i} className="schedule-row">
              <p className="schedule-row-title">{t('schedule.row', { number: i + 1 })}</p>
              <div className="form-grid">
                <SelectField
                  name={`hours.${i}.kind`}
                  label={t('schedule.kind')}
                  value={row.kind}
                  options={[
                    { value: 'counselling', label: t('schedule.kinds.counselling') },
                    { value: 'opening', label: t('schedule.kinds.opening') },
                  ]}
                  onChange={(value) => setHour(i, 'kind', value as HoursKind)}
                />
                <SelectField
                  name={`hours.${i}.service`}
                  label={t('schedule.service')}
                  value={row.service}
                  emptyLabel={t('schedule.allServices')}
                  options={office.services.map((s) => ({ value: s, label: s }))}
                  onChange={(value) => setHour(i, 'service', value as '' | Service)}
                />
                <SelectField
                  name={`hours.${i}.weekday`}
                  label={t('schedule.weekday')}
                  value={row.weekday}
                  options={weekdays.map((d) => ({ value: String(d), label: t(`schedule.weekdays.${d}`) }))}
                  onChange={(value) => setHour(i, 'weekday', value)}
                />
                <TextField
                  name={`hours.${i}.opensAt`}
                  label={t('schedule.opensAt')}
                  type="time"
                  value={row.opensAt}
                  onChange={(value) => setHour(i, 'opensAt', value)}
                />
                <TextField
                  name={`hours.${i}.closesAt`}
                  label={t('schedule.closesAt')}
                  type="time"
                  value={row.closesAt}
                  onChange={(value) => setHour(i, 'closesAt', value)}
                />
                <SelectField
                  name={`hours.${i}.partnerOrganisationId`}
                  label={t('schedule.place')}
                  value={row.partnerOrganisationId}
                  emptyLabel={t('schedule.inOffice')}
                  options={partnerOptions}
                  onChange={(value) => setHour(i, 'partnerOrganisationId', value)}
                />
                <TextField
                  name={`hours.${i}.room`}
                  label={t('schedule.room')}
                  value={row.room}
                  onChange={(value) => setHour(i, 'room', value)}
                />
                <TextField
                  name={`hours.${i}.validFrom`}
                  label={t('schedule.validFrom')}
                  type="date"
                  value={row.validFrom}
                  onChange={(value) => setHour(i, 'validFrom', value)}
                />
                <TextField
                  name={`hours.${i}.validTo`}
                  label={t('schedule.validTo')}
                  type="date"
                  value={row.validTo}
                  onChange={(value) => setHour(i, 'validTo', value)}
                />
                <TextField
                  name={`hours.${i}.note`}
                  label={t('schedule.note')}
                  value={row.note}
                  onChange={(value) => setHour(i, 'note', value)}
                />
              </div>
              <CheckboxField
                name={`hours.${i}.byAppointment`}
                label={t('schedule.byAppointment')}
                checked={row.byAppointment}
                onChange={(value) => setHour(i, 'byAppointment', value)}
              />
              {canEdit && (
                <Button onClick={() => setHours((rows) => rows.filter((_, j) => j !== i))}>
                  {t('schedule.removeRow', { number: i + 1 })}
                </Button>
              )}
            </li>
          ))}
        </ol>
        {canEdit && (
          <Button onClick={() => setHours((rows) => [...rows, hoursRow()])}>{t('schedule.addRow')}</Button>
        )}
      </fieldset>

      <fieldset className="schedule-group">
        <legend>{t('schedule.exceptionsHeading')}</legend>
        {exceptions.length === 0 && <p>{t('schedule.noExceptions')}</p>}
        <ol className="schedule-rows">
          {exceptions.map((row, i) => (
            <li key={i} className="schedule-row">
              <p className="schedule-row-title">{t('schedule.exceptionRow', { number: i + 1 })}</p>
              <div className="form-grid">
                <SelectField
                  name={`exceptions.${i}.kind`}
                  label={t('schedule.exceptionKind')}
                  value={row.kind}
                  options={(['closed', 'holiday', 'extra'] as const).map((k) => ({
                    value: k,
                    label: t(`schedule.exceptionKinds.${k}`),
                  }))}
                  onChange={(value) => setException(i, 'kind', value as ExceptionKind)}
                />
                <TextField
                  name={`exceptions.${i}.startsOn`}
                  label={t('schedule.startsOn')}
                  type="date"
                  value={row.startsOn}
                  onChange={(value) => setException(i, 'startsOn', value)}
                />
                <TextField
                  name={`exceptions.${i}.endsOn`}
                  label={t('schedule.endsOn')}
                  type="date"
                  value={row.endsOn}
                  onChange={(value) => setException(i, 'endsOn', value)}
                />
                {row.kind === 'extra' && (
                  <>
                    <TextField
                      name={`exceptions.${i}.opensAt`}
                      label={t('schedule.opensAt')}
                      type="time"
                      value={row.opensAt}
                      onChange={(value) => setException(i, 'opensAt', value)}
                    />
                    <TextField
                      name={`exceptions.${i}.closesAt`}
                      label={t('schedule.closesAt')}
                      type="time"
                      value={row.closesAt}
                      onChange={(value) => setException(i, 'closesAt', value)}
                    />
                  </>
                )}
                <TextField
                  name={`exceptions.${i}.note`}
                  label={t('schedule.note')}
                  value={row.note}
                  onChange={(value) => setException(i, 'note', value)}
                />
              </div>
              {canEdit && (
                <Button onClick={() => setExceptions((rows) => rows.filter((_, j) => j !== i))}>
                  {t('schedule.removeException', { number: i + 1 })}
                </Button>
              )}
            </li>
          ))}
        </ol>
        {canEdit && (
          <Button onClick={() => setExceptions((rows) => [...rows, exceptionRow()])}>
            {t('schedule.addException')}
          </Button>
        )}
      </fieldset>

      <div className="form-actions">
        {canEdit && <SubmitButton>{t('schedule.save')}</SubmitButton>}
        <Button onClick={onClose}>{t('actions.close')}</Button>
      </div>
    </Form>
  );
}
