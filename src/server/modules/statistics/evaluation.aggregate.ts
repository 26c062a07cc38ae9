import type { CategoryEntry, CategoryKey } from '../cases/cases.categories.ts';
import { partnerMessageKinds, providerMessageKinds } from '../exchange/exchange.values.ts';
import { publishCrossTable, type CrossFigure, type Published } from './disclosure-control.ts';
import type { Label } from './statistics.labels.ts';
import type { EvaluationSection } from './statistics.values.ts';
import { evaluationSections } from './statistics.values.ts';
import type { EvaluationCount } from './statistics.repository.ts';

/**
 * The pure part of the evaluation of a cooperation (R-STAT-3): per section a table of
 * half-years × categories with its totals, published through disclosure control. The sections
 * count different things (referrals, consents, messages, conflicts, meetings), so they share no
 * margin and each is protected on its own.
 */

const l = (de: string, en: string): Label => ({ de, en });

export const sectionTitles: Record<EvaluationSection, Label> = {
  referrals: l(
    'Verweisungen des Partners an die Beratung, nach Ergebnis',
    'Referrals from the partner, by outcome',
  ),
  consents: l('Einwilligungen zugunsten des Partners, nach Zweck', 'Consents naming the partner, by purpose'),
  disclosures: l('Übermittlungen an den Partner, nach Art', 'Disclosures to the partner, by kind'),
  notices: l('Mitteilungen des Partners, nach Art', 'Notices from the partner, by kind'),
  conflicts: l('Konflikte, nach Stand', 'Conflicts, by how they stand'),
  meetings: l('Besprechungen', 'Meetings'),
  actions: l('Vereinbarte Aufgaben', 'Agreed actions'),
};

const fixedLabels: Record<string, Label> = {
  taken_up: l('angenommen', 'taken up'),
  not_taken_up: l('nicht angenommen', 'not taken up'),
  undecided: l('noch offen', 'not yet decided'),
  assessment_result: l(
    'Ergebnis der Kompetenzanalyse und Bedarfe',
    'Result of the competence analysis and needs',
  ),
  dropout_notice: l('Drohender Abbruch', 'Threatened drop-out'),
  serious_change: l('Wichtige Änderung', 'Important change'),
  special_problem: l('Besondere Schwierigkeiten', 'Special difficulties'),
  answer: l('Antwort', 'Answer'),
  open: l('offen', 'open'),
  resolved: l('gelöst', 'resolved'),
  held: l('stattgefunden', 'held'),
  done: l('erledigt', 'done'),
};

function categoriesOf(
  section: EvaluationSection,
  categories: Record<CategoryKey, readonly CategoryEntry[]>,
): string[] {
  switch (section) {
    case 'referrals':
      return ['taken_up', 'not_taken_up', 'undecided'];
    case 'consents':
      return categories.consentPurposes.map((e) => e.code);
    case 'disclosures':
      return [...providerMessageKinds];
    case 'notices':
      return [...partnerMessageKinds];
    case 'conflicts':
      return ['open', 'resolved'];
    case 'meetings':
      return ['held'];
    case 'actions':
      return ['done'];
  }
}

function labelOf(code: string, categories: Record<CategoryKey, readonly CategoryEntry[]>): Label {
  const purpose = categories.consentPurposes.find((e) => e.code === code);
  return fixedLabels[code] ?? (purpose ? l(purpose.de, purpose.en) : l(code, code));
}

export interface EvaluationFigure {
  readonly sections: readonly {
    readonly key: EvaluationSection;
    readonly title: Label;
    readonly categories: readonly { readonly code: string; readonly label: Label }[];
    readonly figure: Published<CrossFigure>;
  }[];
}

/** Tables of counts per half-year and category, each published with its totals. */
export function buildEvaluation(
  halfYears: readonly string[],
  counts: Record<EvaluationSection, readonly EvaluationCount[]>,
  categories: Record<CategoryKey, readonly CategoryEntry[]>,
  k: number,
): EvaluationFigure {
  return {
    sections: evaluationSections.map((key) => {
      const rows = counts[key].filter((c) => halfYears.includes(c.halfYear));
      const listed = categoriesOf(key, categories);
      const extra = [...new Set(rows.map((r) => r.category))].filter((c) => !listed.includes(c)).sort();
      const codes = [...listed, ...extra];
      const matrix = halfYears.map((h) =>
        codes.map((c) =>
          rows.filter((r) => r.halfYear === h && r.category === c).reduce((a, r) => a + r.count, 0),
        ),
      );
      return {
        key,
        title: sectionTitles[key],
        categories: codes.map((code) => ({ code, label: labelOf(code, categories) })),
        figure: publishCrossTable(halfYears, codes, matrix, k),
      };
    }),
  };
}
