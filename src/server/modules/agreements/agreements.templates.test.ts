import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { legalTerms } from '../../terms.ts';
import { agreementTemplates, checklistClauses } from './agreements.templates.ts';
import { agreementModels } from './agreements.values.ts';

/** The recommendation's model agreements and checklists, vendored with the tests (BAGFW 2011). */
const source = readFileSync(
  path.resolve(import.meta.dirname, '../../../../test/vendor/bagfw-2011/kooperationsvereinbarungen.txt'),
  'utf8',
);

/** Joins the source's hyphenated line breaks and collapses white space. */
function normalise(text: string): string {
  return text
    .replace(/(\p{Ll})-[ \t]*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/-[ \t]*\n\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const bullet = '\uF0B7';

/** The bullet items between `from` and `to` in the source. */
function itemsBetween(from: string, to: string): string[] {
  const start = source.indexOf(from);
  const end = source.indexOf(to, start);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return source
    .slice(start + from.length, end)
    .split(bullet)
    .map(normalise)
    .filter((item) => item.length > 0);
}

function expectEveryItemIsAClause(items: string[], model: (typeof agreementModels)[number]) {
  const clauses = checklistClauses(model);
  for (const item of items) {
    const matching = clauses.filter((c) => item.startsWith(c.source ?? '\0'));
    expect(matching, item).toHaveLength(1);
  }
  // and no clause quotes something the source does not say
  for (const clause of clauses) {
    expect(
      items.some((item) => item.startsWith(clause.source ?? '\0')),
      clause.id,
    ).toBe(true);
  }
}

describe('agreement templates', () => {
  it('R-AGR-2: every item of the Jobcenter guidelines ("sollten konkret regeln") is a clause of the Jobcenter template', () => {
    const items = itemsBetween(
      'Die Kooperationsvereinbarungen sollten konkret regeln:',
      'Grundsätzlich ist dabei',
    );
    expect(items).toHaveLength(6);
    expectEveryItemIsAClause(items, 'jobcenter');
  });

  it('R-AGR-2: every item of the ABH list ("könnten konkret regeln") is a clause of both ABH templates', () => {
    const items = itemsBetween(
      'Die Kooperationsvereinbarungen könnten konkret regeln:',
      '(Muster-)Kooperationsvereinbarung',
    );
    expect(items).toHaveLength(9);
    expectEveryItemIsAClause(items, 'abh_clearing');
    expectEveryItemIsAClause(items, 'abh');
  });

  it('R-AGR-2: every task of the course-provider model is a clause, MBE and course provider alike', () => {
    const mbe = itemsBetween(
      'Aufgaben der sozialpädagogischen Fachkräfte der MBE:',
      'Aufgaben des Integrationskursträgers:',
    );
    const provider = itemsBetween(
      'übernimmt der Kurs',
      'Die Kooperationsvereinbarung ist an den Bewilligungszeitraum',
    );
    expect(mbe).toHaveLength(4);
    // the first piece is the rest of the introducing sentence
    expect(provider.slice(1)).toHaveLength(5);
    expectEveryItemIsAClause([...mbe, ...provider.slice(1)], 'course_provider');
  });

  it('R-AGR-2: the ABH model with clearing office has the preamble, §§ 1–6 and the optional annex', () => {
    const titles = agreementTemplates.abh_clearing.clauses.map((c) => c.title);
    expect(titles.slice(0, 8)).toEqual([
      'Präambel',
      '§ 1 Zweck der Vereinbarung',
      '§ 2 Ziele und Aufgaben der Clearingstelle',
      '§ 3 Besetzung der Clearingstelle',
      '§ 4 Räumlichkeiten',
      '§ 5 Kommunikationsstruktur',
      '§ 6 Laufzeit und Kündigung',
      'Anhang (fakultativ)',
    ]);
    for (const heading of [
      'Präambel',
      '§ 1 Zweck der Vereinbarung',
      '§ 5 Kommunikationsstruktur',
      '§ 6 Laufzeit und Kündigung',
    ]) {
      expect(normalise(source)).toContain(heading);
    }
    expect(agreementTemplates.abh_clearing.clauses.find((c) => c.id === 'abh.annex')?.selected).toBe(false);
    expect(
      agreementTemplates.abh_clearing.clauses
        .find((c) => c.id === 'abh.clearing_staffing')
        ?.placeholders.map((p) => p.key),
    ).toEqual(['days', 'hours']);
  });

  it("R-AGR-2: the texts speak in current terms: Jobcenter, Kooperationsplan, today's IntV, no ARGE or ALG II", () => {
    for (const model of agreementModels) {
      for (const clause of agreementTemplates[model].clauses) {
        expect(clause.text, clause.id).not.toMatch(/ARGE|ALG II|Eingliederungsvereinbarung|Zuwanderer\b/);
        for (const match of clause.text.matchAll(/\{(\w+)\}/g)) {
          expect(
            clause.placeholders.map((p) => p.key),
            clause.id,
          ).toContain(match[1]);
        }
      }
    }
    const jc = agreementTemplates.jobcenter.clauses.map((c) => c.text).join(' ');
    expect(jc).toContain(legalTerms.cooperationPlan.de);
    expect(jc).toContain(legalTerms.basicIncomeSupport.de);
    const course = agreementTemplates.course_provider.clauses.map((c) => c.text).join(' ');
    expect(course).toContain(legalTerms.courseProviderDuties.basis);
  });

  it('R-AGR-1: every model has a template; only the informal arrangement is not signed; clause ids are unique', () => {
    for (const model of agreementModels) {
      const template = agreementTemplates[model];
      expect(template.model).toBe(model);
      expect(template.signed).toBe(model !== 'informal');
      const ids = template.clauses.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
