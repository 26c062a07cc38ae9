import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { specialCategories } from '../../api/exchange.ts';
import type { DataCategory, Partner } from '../../api/exchange.ts';
import { CheckboxField, CheckboxGroup, SelectField } from '../../components/Field.tsx';
import { ordinaryCategories } from '../exchange/exchangeFormat.ts';
import { useExchangeWords } from '../exchange/words.ts';

/** The categories ticked on a form, health (Art. 9 DSGVO) asked for apart. */
export interface CategoryChoice {
  categories: string[];
  health: boolean;
}

/** The ticked categories as the server takes them: in the form's order, health last. */
export function chosenCategories(choice: CategoryChoice): DataCategory[] {
  return [
    ...ordinaryCategories.filter((c) => choice.categories.includes(c)),
    ...(choice.health ? specialCategories : []),
  ];
}

/**
 * R-CON-1: the recipient is a team of a partner organisation, never "the authorities". Choosing
 * a partner with a single team chooses that team; further fields of the recipient (a person of
 * the team) go in as children.
 */
export function RecipientTeamPicker({
  partners,
  partnerId,
  teamId,
  teamHint,
  onPartner,
  onTeam,
  children,
}: {
  partners: readonly Partner[];
  partnerId: string;
  teamId: string;
  teamHint: string;
  onPartner: (partnerId: string, teamId: string) => void;
  onTeam: (teamId: string) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { t: tx } = useTranslation('exchange');
  const partner = partners.find((p) => p.id === partnerId);
  return (
    <div className="form-grid">
      <SelectField
        name="partnerId"
        label={tx('partner')}
        required
        value={partnerId}
        emptyLabel={t('common.pleaseChoose')}
        options={partners.map((p) => ({ value: p.id, label: p.name }))}
        onChange={(value) => {
          const only = partners.find((p) => p.id === value)?.teams;
          onPartner(value, only?.length === 1 ? (only[0]?.id ?? '') : '');
        }}
      />
      <SelectField
        name="recipientTeamId"
        label={tx('team')}
        required
        hint={teamHint}
        value={teamId}
        emptyLabel={t('common.pleaseChoose')}
        options={(partner?.teams ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
        onChange={onTeam}
      />
      {children}
    </div>
  );
}

/** R-CON-1: exactly which data, each category its own tick, health apart (Art. 9 DSGVO). */
export function DataCategoryPicker({
  legend,
  hint,
  healthHint,
  choice,
  onCategories,
  onHealth,
}: {
  legend: string;
  hint: string;
  healthHint: string;
  choice: CategoryChoice;
  onCategories: (categories: string[]) => void;
  onHealth: (health: boolean) => void;
}) {
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  return (
    <>
      <CheckboxGroup
        name="categories"
        legend={legend}
        hint={hint}
        required
        values={choice.categories}
        options={ordinaryCategories.map((cat) => ({ value: cat, label: w.category(cat) }))}
        onChange={onCategories}
      />
      <div className="special-category">
        <p className="field-label">{tx('specialLegend')}</p>
        {specialCategories.map((cat: DataCategory) => (
          <CheckboxField
            key={cat}
            name="health"
            label={w.category(cat)}
            hint={healthHint}
            checked={choice.health}
            onChange={onHealth}
          />
        ))}
      </div>
    </>
  );
}
