import { dataCategories, specialCategories } from '../../api/exchange.ts';
import type { CaseExchange, Consent, DataCategory, LegalBasisRecord } from '../../api/exchange.ts';

/**
 * The last day a consent starting on `validFrom` may run: the provider's longest validity in
 * months later, less a day (1 March + 12 → 28 February of the next year; 31 January + 1 month
 * ends with February) — the server's rule, so the default is what the server accepts.
 */
export function latestConsentEnd(validFrom: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(validFrom);
  if (!match) return '';
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const target = new Date(Date.UTC(y, m - 1 + months, d));
  if (target.getUTCDate() !== d) target.setUTCDate(0);
  target.setUTCDate(target.getUTCDate() - 1);
  return target.toISOString().slice(0, 10);
}

/** The data categories of a list in the order the form lists them, health last. */
export function orderedCategories(list: readonly string[]): DataCategory[] {
  return dataCategories.filter((c) => list.includes(c));
}

/** The categories everybody reads as ordinary, and those of Art. 9 DSGVO asked for apart. */
export const ordinaryCategories: readonly DataCategory[] = dataCategories.filter(
  (c) => !specialCategories.includes(c),
);

/**
 * Whether a consent can carry a new disclosure from the counselling side: valid today and
 * allowing the way to the partner. The server checks again when it is sent.
 */
export function usableForDisclosure(consent: Consent): boolean {
  return consent.state === 'valid' && consent.direction !== 'from_partner';
}

/** Whether a legal basis other than consent can still carry its one disclosure (R-RED-1). */
export function usableLegalBasis(basis: LegalBasisRecord): boolean {
  return basis.usedAt === null;
}

/**
 * Whether "Mitteilung senden" is offered on a case: the server lets the reader send from it, and
 * there is grounds to send under — a usable consent or an unused legal basis.
 */
export function canSendFrom(exchange: Pick<CaseExchange, 'allowedActions' | 'consents' | 'legalBases'>) {
  return (
    exchange.allowedActions.includes('disclosure.send') &&
    (exchange.consents.some(usableForDisclosure) || exchange.legalBases.some(usableLegalBasis))
  );
}

/** A calendar day `days` after `date` (JJJJ-MM-TT), or '' for a value that is no date. */
export function addDaysIso(date: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return '';
  const t = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return t.toISOString().slice(0, 10);
}
