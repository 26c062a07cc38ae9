import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createTokenBody } from '../../../server/modules/auth/auth.schemas.ts';
import { authApi } from '../../api/auth.ts';
import type { ApiToken, TokenScope } from '../../api/types.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { RadioGroup, SelectField, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { FormError, Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { oneOf } from '../../lib/validate.ts';

type CreatedToken = Awaited<ReturnType<typeof authApi.createToken>>;

const lifetimes = ['30', '90', '365', ''] as const;

function tokenState(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() < Date.now()) return 'expired';
  return 'active';
}

/** Personal API tokens: list, create (the secret is shown once), revoke. */
export function TokensSection() {
  const { t } = useTranslation();
  const tokens = useApi(['api-tokens'], (signal) => authApi.tokens(signal));
  const revoke = useSubmit(authApi.revokeToken);
  const [created, setCreated] = useState<string | null>(null);
  const locale = currentLocale();

  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('tokens.name'), cell: (token) => token.name, rowHeader: true },
    { key: 'prefix', header: t('tokens.prefix'), cell: (token) => <code>{token.prefix}</code> },
    { key: 'scope', header: t('tokens.scope'), cell: (token) => t(`tokens.scopes.${token.scope}`) },
    {
      key: 'created',
      header: t('tokens.createdAt'),
      cell: (token) => formatDateTime(token.createdAt, locale),
    },
    {
      key: 'expires',
      header: t('tokens.expiresAt'),
      cell: (token) => formatDateTime(token.expiresAt, locale) || t('tokens.never'),
    },
    {
      key: 'used',
      header: t('tokens.lastUsedAt'),
      cell: (token) => formatDateTime(token.lastUsedAt, locale) || t('tokens.notUsed'),
    },
    { key: 'state', header: t('fields.status'), cell: (token) => t(`tokens.states.${tokenState(token)}`) },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      cell: (token) =>
        tokenState(token) === 'active' ? (
          <ConfirmButton
            label={t('tokens.revoke')}
            accessibleLabel={t('tokens.revokeNamed', { name: token.name })}
            question={t('tokens.revokeQuestion')}
            confirmLabel={t('tokens.revokeConfirm')}
            onConfirm={async () => {
              const result = await revoke.run(token.id);
              // The answer is empty: the revoked row (and its time) is read from the server.
              if (result.ok) tokens.reload();
            }}
          />
        ) : null,
    },
  ];

  return (
    <Section title={t('tokens.heading')} id="account-tokens">
      <p>{t('tokens.intro')}</p>
      {created && (
        <Notice tone="success" role="status" title={t('tokens.createdTitle')}>
          <CopyField label={t('tokens.newToken')} hint={t('tokens.shownOnce')} value={created} />
        </Notice>
      )}
      {revoke.error && <FormError error={revoke.error} />}
      <LoadState resource={tokens}>
        {(data) => (
          <DataTable
            caption={t('tokens.tableCaption')}
            columns={columns}
            rows={data.items}
            rowKey={(token) => token.id}
            emptyText={t('tokens.empty')}
            busy={tokens.loading}
          />
        )}
      </LoadState>
      <CreateTokenForm
        onCreated={({ token, item }) => {
          setCreated(token);
          // The answer holds the new row; the list is newest first.
          if (tokens.data) tokens.setData({ items: [item, ...tokens.data.items] });
          else tokens.reload();
        }}
      />
    </Section>
  );
}

interface TokenValues {
  name: string;
  scope: TokenScope;
  /** Days as offered in the list; empty for a token without expiry. */
  lifetime: (typeof lifetimes)[number];
}

const newToken: TokenValues = { name: '', scope: 'read', lifetime: '90' };

function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const { t } = useTranslation();
  const submission = useSubmit(authApi.createToken);
  const form = useSchemaForm({
    schema: createTokenBody,
    defaultValues: newToken,
    toBody: ({ name, scope, lifetime }: TokenValues) => ({
      name,
      scope,
      ...(lifetime ? { expiresInDays: Number(lifetime) } : {}),
    }),
    submission,
  });
  const { values, set, text } = form;

  const submit = form.submit(async (body) => {
    const result = await submission.run(body);
    if (result.ok) {
      set('name', '');
      onCreated(result.value);
    }
  });

  return (
    <div className="subsection">
      <h3 id="token-create">{t('tokens.createHeading')}</h3>
      <Form
        onSubmit={submit}
        error={submission.error}
        pending={submission.pending}
        aria-labelledby="token-create"
      >
        <div className="form-grid">
          <TextField
            {...text('name')}
            label={t('tokens.name')}
            hint={t('tokens.nameHint')}
            required
            autoComplete="off"
          />
          <SelectField
            name="expiresInDays"
            label={t('tokens.lifetime')}
            value={values.lifetime}
            options={lifetimes.map((days) => ({
              value: days,
              label: days ? t('tokens.days', { count: Number(days) }) : t('tokens.never'),
            }))}
            onChange={(value) => set('lifetime', oneOf(lifetimes, value) ?? '')}
          />
        </div>
        <RadioGroup
          name="scope"
          legend={t('tokens.scope')}
          inline
          options={[
            { value: 'read', label: t('tokens.scopes.read') },
            { value: 'write', label: t('tokens.scopes.write') },
          ]}
          value={values.scope}
          onChange={(value) => set('scope', value === 'write' ? 'write' : 'read')}
        />
        <div className="form-actions">
          <SubmitButton>{t('tokens.create')}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
