import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { teamBody, updateTeamBody } from '../../../server/modules/exchange/exchange.schemas.ts';
import { exchangeApi } from '../../api/exchange.ts';
import type { PartnerTeam } from '../../api/exchange.ts';
import type { Role, User } from '../../api/types.ts';
import { usersApi } from '../../api/users.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { EditPanel } from '../../components/EditPanel.tsx';
import { CheckboxGroup, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { orNull } from '../../lib/validate.ts';
import { useActiveSession } from '../../session/SessionProvider.tsx';

/** Whom a team can hold: the partner's case workers and central contacts. */
const teamRoles: readonly Role[] = ['partner_staff', 'central_contact'];
const isCaseWorker = (person: User) => person.roles.some((role) => teamRoles.includes(role));

interface TeamValues {
  name: string;
  email: string;
  phone: string;
  memberIds: string[];
}

type TeamBody = z.output<typeof teamBody> | z.output<typeof updateTeamBody>;

/** A team's name, contact and members, picked by name from the organisation's people. */
function TeamForm({
  organisationId,
  team,
  people,
  onSaved,
  onCancel,
  onReload,
}: {
  organisationId: string;
  team?: PartnerTeam;
  people: readonly User[];
  onSaved: (team: PartnerTeam) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { t: tx } = useTranslation('exchange');
  const save = useSubmit((body: TeamBody) =>
    team && 'version' in body
      ? exchangeApi.updateTeam(team.id, body)
      : exchangeApi.createTeam(organisationId, body),
  );
  const form = useSchemaForm({
    schema: team ? updateTeamBody : teamBody,
    defaultValues: {
      name: team?.name ?? '',
      email: team?.email ?? '',
      phone: team?.phone ?? '',
      memberIds: team?.members.map((m) => m.id) ?? [],
    },
    toBody: (values: TeamValues) => ({
      name: values.name,
      email: orNull(values.email),
      phone: orNull(values.phone),
      memberIds: values.memberIds,
      ...(team ? { version: team.version } : {}),
    }),
    submission: save,
  });
  const { values, set, text } = form;
  // Teams hold the organisation's case workers and central contacts (the server accepts no one
  // else); people already in the team stay choosable even if they are no longer listed as active.
  const options = [
    ...people.filter(isCaseWorker).map((p) => ({
      value: p.id,
      label: p.functionTitle ? `${p.displayName} (${p.functionTitle})` : p.displayName,
    })),
    ...(team?.members ?? [])
      .filter((m) => !people.some((p) => p.id === m.id))
      .map((m) => ({ value: m.id, label: m.name })),
  ];
  const submit = form.submit(async (body) => {
    const result = await save.run(body);
    if (result.ok) onSaved(result.value);
  });
  return (
    <Form onSubmit={submit} error={save.error} pending={save.pending}>
      {isConflict(save.error) && <ConflictNotice onReload={onReload} />}
      <div className="form-grid">
        <TextField {...text('name')} label={tx('teamName')} required maxLength={200} />
        <TextField {...text('email')} type="email" label={tx('teamEmail')} hint={tx('teamEmailHint')} />
        <TextField {...text('phone')} type="tel" label={tx('teamPhone')} />
      </div>
      <CheckboxGroup
        name="memberIds"
        legend={tx('members')}
        hint={tx('membersHint')}
        values={values.memberIds}
        options={options}
        onChange={(selected) => set('memberIds', selected)}
      />
      <div className="form-actions">
        <SubmitButton>{team ? t('actions.save') : tx('createTeam')}</SubmitButton>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </div>
    </Form>
  );
}

/**
 * R-EXC-4, R-CON-2: the teams of a partner organisation — the recipients a consent names (a team,
 * never "the authorities") — with their contact and members, for the organisation's administration.
 */
export function PartnerTeamsPage() {
  const { t } = useTranslation();
  const { t: tx } = useTranslation('exchange');
  const { user } = useActiveSession();
  const organisationId = user.organisation.id;
  const teams = useApi(['partner-teams', organisationId], (signal) =>
    exchangeApi.teams(organisationId, signal),
  );
  const people = useApi(['users', organisationId, 'active'], (signal) =>
    usersApi.list(organisationId, { status: 'active', limit: 200 }, signal),
  );
  // The id of the team being edited, or 'new'.
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const edited = teams.data?.items.find((x) => x.id === editing);
  const saveInList = (team: PartnerTeam) => {
    const items = teams.data?.items ?? [];
    const next = items.some((x) => x.id === team.id)
      ? items.map((x) => (x.id === team.id ? team : x))
      : [...items, team].sort((a, b) => a.name.localeCompare(b.name));
    teams.setData({ items: next });
    setEditing(null);
    setSaved(team.name);
    // Back to where the person started: the team's edit button or "Neues Team".
    requestAnimationFrame(() => document.getElementById(`team-edit-${team.id}`)?.focus());
  };
  const columns: Column<PartnerTeam>[] = [
    { key: 'name', header: tx('teamName'), rowHeader: true, cell: (x) => x.name },
    {
      key: 'contact',
      header: tx('teamContact'),
      cell: (x) => [x.email, x.phone].filter(Boolean).join(' · '),
    },
    { key: 'members', header: tx('members'), cell: (x) => x.members.map((m) => m.name).join(', ') },
    {
      key: 'edit',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      className: 'actions',
      cell: (x) => (
        <Button
          id={`team-edit-${x.id}`}
          aria-label={t('actions.editNamed', { name: x.name })}
          onClick={() => {
            setSaved(null);
            setEditing(x.id);
          }}
        >
          {t('actions.edit')}
        </Button>
      ),
    },
  ];
  return (
    <Page
      title={tx('teamsTitle')}
      intro={<p>{tx('teamsIntro')}</p>}
      actions={
        editing === null && (
          <Button
            id="team-new"
            variant="primary"
            onClick={() => {
              setSaved(null);
              setEditing('new');
            }}
          >
            {tx('newTeam')}
          </Button>
        )
      }
    >
      <div role="status">
        {saved && (
          <Notice tone="success">
            <p>{tx('teamSaved', { name: saved })}</p>
          </Notice>
        )}
      </div>
      {editing !== null && (
        <LoadState resource={people}>
          {(list) => (
            <EditPanel title={edited ? tx('editTeamTitle', { name: edited.name }) : tx('newTeam')}>
              <TeamForm
                key={edited ? `${edited.id}-${edited.version}` : 'new'}
                organisationId={organisationId}
                team={edited}
                people={list.items}
                onSaved={saveInList}
                onCancel={() => {
                  const back = editing === 'new' ? 'team-new' : `team-edit-${editing}`;
                  setEditing(null);
                  requestAnimationFrame(() => document.getElementById(back)?.focus());
                }}
                onReload={teams.reload}
              />
            </EditPanel>
          )}
        </LoadState>
      )}
      <Section title={tx('teamsList')} id="teams">
        <LoadState resource={teams}>
          {(data) => (
            <DataTable
              caption={tx('teamsList')}
              captionHidden
              columns={columns}
              rows={data.items}
              rowKey={(x) => x.id}
              emptyText={tx('noTeams')}
            />
          )}
        </LoadState>
      </Section>
    </Page>
  );
}
