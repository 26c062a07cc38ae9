import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { officesApi } from '../../api/offices.ts';
import type { OfficeInput } from '../../api/offices.ts';
import { organisationsApi } from '../../api/organisations.ts';
import type { Office } from '../../api/types.ts';
import { Button } from '../../components/Buttons.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { EditPanel } from '../../components/EditPanel.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { FormError, Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { useTargetOrganisationId } from '../../hooks/useTargetOrganisation.ts';
import { FlyersPanel } from './FlyersPanel.tsx';
import { OfficeForm } from './OfficeForm.tsx';
import { SchedulePanel } from './SchedulePanel.tsx';

type Editing =
  | { mode: 'create' }
  | { mode: 'edit'; office: Office }
  | { mode: 'schedule'; office: Office }
  | { mode: 'flyers'; office: Office }
  | null;

/** The counselling offices (Beratungsstellen) of a welfare provider. */
export function OfficesPage() {
  const { t } = useTranslation();
  const organisationId = useTargetOrganisationId();
  const organisation = useApi(['organisation', organisationId], (signal) =>
    organisationsApi.get(organisationId, signal),
  );
  const offices = useApi(['offices', organisationId], (signal) => officesApi.list(organisationId, signal));
  const [editing, setEditing] = useState<Editing>(null);
  const [formKey, setFormKey] = useState(0);
  const [message, setMessage] = useState<string | null>(null);

  const save = useSubmit((input: OfficeInput) =>
    editing?.mode === 'edit'
      ? officesApi.update(editing.office.id, { ...input, version: editing.office.version })
      : officesApi.create(organisationId, input),
  );
  const remove = useSubmit((office: Office) => officesApi.remove(office.id, office.version));

  const open = (next: Editing) => {
    save.reset();
    setMessage(null);
    setEditing(next);
  };

  const reloadAfterConflict = async () => {
    const fresh = await officesApi.list(organisationId);
    offices.setData(fresh);
    remove.reset();
    save.reset();
    if (editing?.mode === 'edit') {
      const current = fresh.items.find((office) => office.id === editing.office.id);
      setEditing(current ? { mode: 'edit', office: current } : null);
      setFormKey((value) => value + 1);
    }
  };

  const columns: Column<Office>[] = [
    { key: 'name', header: t('fields.officeName'), cell: (office) => office.name, rowHeader: true },
    {
      key: 'address',
      header: t('fields.address'),
      cell: (office) => `${office.street}, ${office.postcode} ${office.city}`,
    },
    { key: 'services', header: t('fields.services'), cell: (office) => office.services.join(', ') },
    { key: 'phone', header: t('fields.phone'), cell: (office) => office.phone ?? '' },
    { key: 'email', header: t('fields.email'), cell: (office) => office.email ?? '' },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      className: 'actions',
      cell: (office) => (
        <div className="row-actions">
          {office.allowedActions.includes('office.update') && (
            <Button
              aria-label={t('actions.editNamed', { name: office.name })}
              onClick={() => open({ mode: 'edit', office })}
            >
              {t('actions.edit')}
            </Button>
          )}
          <Button
            aria-label={t('schedule.openNamed', { name: office.name })}
            onClick={() => open({ mode: 'schedule', office })}
          >
            {t('schedule.open')}
          </Button>
          <Button
            aria-label={t('flyers.openNamed', { name: office.name })}
            onClick={() => open({ mode: 'flyers', office })}
          >
            {t('flyers.open')}
          </Button>
          {office.allowedActions.includes('office.delete') && (
            <ConfirmButton
              label={t('actions.delete')}
              accessibleLabel={t('actions.deleteNamed', { name: office.name })}
              question={t('offices.deleteQuestion')}
              confirmLabel={t('offices.deleteConfirm')}
              onConfirm={async () => {
                const result = await remove.run(office);
                if (result.ok) {
                  setMessage(t('offices.deleted', { name: office.name }));
                  if (editing?.mode === 'edit' && editing.office.id === office.id) setEditing(null);
                  // A deletion answers with nothing; the list (and its total) is read again.
                  offices.reload();
                }
              }}
            />
          )}
        </div>
      ),
    },
  ];

  const canCreate = organisation.data?.allowedActions.includes('office.create') ?? false;
  const notWelfare = organisation.data !== undefined && organisation.data.kind !== 'welfare_provider';

  return (
    <Page
      title={t('offices.title')}
      intro={organisation.data && <p>{organisation.data.name}</p>}
      actions={
        canCreate &&
        editing === null && (
          <Button variant="primary" onClick={() => open({ mode: 'create' })}>
            {t('offices.create')}
          </Button>
        )
      }
    >
      {notWelfare && (
        <Notice tone="info">
          <p>{t('offices.onlyWelfare')}</p>
        </Notice>
      )}
      {message && (
        <Notice tone="success" role="status">
          <p>{message}</p>
        </Notice>
      )}
      {editing?.mode === 'schedule' && (
        <SchedulePanel
          key={editing.office.id}
          office={editing.office}
          // The answer is the schedule, not the office: the list is read again for its new state.
          onSaved={() => offices.reload()}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.mode === 'flyers' && (
        <FlyersPanel key={editing.office.id} office={editing.office} onClose={() => setEditing(null)} />
      )}
      {(editing?.mode === 'create' || editing?.mode === 'edit') && (
        <EditPanel
          key={editing.mode === 'edit' ? editing.office.id : 'create'}
          title={
            editing.mode === 'edit'
              ? t('offices.editTitle', { name: editing.office.name })
              : t('offices.createTitle')
          }
        >
          {isConflict(save.error) && <ConflictNotice onReload={() => void reloadAfterConflict()} />}
          <OfficeForm
            key={formKey}
            office={editing.mode === 'edit' ? editing.office : undefined}
            submitLabel={editing.mode === 'edit' ? t('actions.save') : t('offices.create')}
            submission={save}
            hideError={isConflict(save.error)}
            onSaved={(office) => {
              const wasEdit = editing.mode === 'edit';
              setEditing(null);
              setMessage(t('offices.saved', { name: office.name }));
              // A changed office answers with its new view and takes its row's place; a new one
              // has to find its place in the sorted list, so the list is read again.
              if (wasEdit && offices.data) {
                offices.setData({
                  ...offices.data,
                  items: offices.data.items.map((row) => (row.id === office.id ? office : row)),
                });
              } else offices.reload();
            }}
            onCancel={() => setEditing(null)}
          />
        </EditPanel>
      )}
      {isConflict(remove.error) ? (
        <ConflictNotice onReload={() => void reloadAfterConflict()} />
      ) : (
        remove.error && <FormError error={remove.error} />
      )}
      <LoadState resource={offices}>
        {(data) => (
          <DataTable
            caption={t('offices.tableCaption', { count: data.total })}
            columns={columns}
            rows={data.items}
            rowKey={(office) => office.id}
            emptyText={t('offices.empty')}
            busy={offices.loading}
          />
        )}
      </LoadState>
    </Page>
  );
}
