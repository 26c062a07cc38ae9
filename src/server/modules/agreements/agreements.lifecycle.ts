import {
  renewalReminderDays,
  type AgreementModel,
  type AgreementStatus,
  type AgreementTransition,
} from './agreements.values.ts';

/**
 * The lifecycle of a cooperation agreement (R-AGR-4) as one pure function: which transitions are
 * allowed from where, the term's end when an agreement becomes active, the extension by one year
 * at a time (ABH models, Jobcenter and free agreements), the end of a course-provider agreement
 * with the course's approval period, termination at any time without notice for an important
 * reason, and informal arrangements without a signature. Dates are calendar days (YYYY-MM-DD).
 */

export interface LifecycleState {
  model: AgreementModel;
  status: AgreementStatus;
  startsOn: string | null;
  endsOn: string | null;
}

export type LifecycleEvent =
  | { type: 'start_negotiation' }
  | { type: 'sign' }
  /** `startsOn` defaults to today; `endsOn` is the course's approval end for a course provider. */
  | { type: 'activate'; startsOn?: string; endsOn?: string }
  | { type: 'mark_renewal_due' }
  | { type: 'renew' }
  | { type: 'expire' }
  | { type: 'terminate'; reason: string };

export type LifecycleRefusal =
  | 'agreement_transition_not_allowed'
  | 'termination_reason_required'
  | 'agreement_not_renewable'
  | 'agreement_term_required';

export interface TransitionRecord {
  transition: AgreementTransition;
  fromStatus: AgreementStatus;
  toStatus: AgreementStatus;
  by: string;
  on: string;
  reason: string | null;
}

export type LifecycleResult =
  { ok: true; state: LifecycleState; record: TransitionRecord } | { ok: false; refusal: LifecycleRefusal };

/** Models extended by one year at a time. */
const renewable: ReadonlySet<AgreementModel> = new Set<AgreementModel>([
  'abh_clearing',
  'abh',
  'jobcenter',
  'free',
]);

/** Where each transition may start from (informal arrangements skip `sign`). */
const from: Record<AgreementTransition, readonly AgreementStatus[]> = {
  start_negotiation: ['draft'],
  sign: ['negotiation'],
  activate: ['signed'],
  mark_renewal_due: ['active', 'renewed'],
  renew: ['renewal_due'],
  expire: ['active', 'renewal_due', 'renewed'],
  terminate: ['signed', 'active', 'renewal_due', 'renewed'],
};

const target: Record<AgreementTransition, AgreementStatus> = {
  start_negotiation: 'negotiation',
  sign: 'signed',
  activate: 'active',
  mark_renewal_due: 'renewal_due',
  renew: 'renewed',
  expire: 'expired',
  terminate: 'terminated',
};

function parse(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function format(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.toISOString().slice(0, 10);
}

/** The day `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const { y, m, d } = parse(date);
  return format(y, m, d + days);
}

/**
 * The last day of a term of one year starting on `start`: the day before its anniversary. The
 * anniversary of 29 February in a common year is 1 March, so such a term ends on 28 February.
 */
export function oneYearTermEnd(start: string): string {
  const { y, m, d } = parse(start);
  return format(y + 1, m, d - 1);
}

/** The last day of the next one-year term after a term that ended on `end`. */
export function extendedEnd(end: string): string {
  return oneYearTermEnd(addDays(end, 1));
}

/** Whether the model needs a signature before it becomes active. */
export function needsSignature(model: AgreementModel): boolean {
  return model !== 'informal';
}

function allowedFrom(model: AgreementModel, transition: AgreementTransition): readonly AgreementStatus[] {
  if (model === 'informal') {
    if (transition === 'sign') return [];
    if (transition === 'activate') return ['draft', 'negotiation'];
  }
  return from[transition];
}

/**
 * Applies `event` to `state` on day `on` by `by` (a user id). Refuses every transition the model
 * does not allow from the current status.
 */
export function applyTransition(
  state: LifecycleState,
  event: LifecycleEvent,
  by: string,
  on: string,
): LifecycleResult {
  const transition = event.type;
  if (!allowedFrom(state.model, transition).includes(state.status)) {
    return { ok: false, refusal: 'agreement_transition_not_allowed' };
  }
  let next: LifecycleState = { ...state, status: target[transition] };
  let reason: string | null = null;
  switch (event.type) {
    case 'activate': {
      const startsOn = event.startsOn ?? on;
      if (state.model === 'course_provider') {
        // bound to the approval period of the course (R-AGR-4)
        if (event.endsOn === undefined || event.endsOn < startsOn) {
          return { ok: false, refusal: 'agreement_term_required' };
        }
        next = { ...next, startsOn, endsOn: event.endsOn };
      } else if (state.model === 'informal') {
        next = { ...next, startsOn, endsOn: event.endsOn ?? null };
      } else {
        if (event.endsOn !== undefined && event.endsOn < startsOn) {
          return { ok: false, refusal: 'agreement_term_required' };
        }
        next = { ...next, startsOn, endsOn: event.endsOn ?? oneYearTermEnd(startsOn) };
      }
      break;
    }
    case 'mark_renewal_due':
      if (!renewable.has(state.model) || state.endsOn === null) {
        return { ok: false, refusal: 'agreement_not_renewable' };
      }
      break;
    case 'renew':
      if (!renewable.has(state.model) || state.endsOn === null) {
        return { ok: false, refusal: 'agreement_not_renewable' };
      }
      next = { ...next, endsOn: extendedEnd(state.endsOn) };
      break;
    case 'expire':
      if (state.endsOn === null || on <= state.endsOn) {
        return { ok: false, refusal: 'agreement_transition_not_allowed' };
      }
      break;
    case 'terminate':
      reason = event.reason.trim();
      if (reason.length === 0) return { ok: false, refusal: 'termination_reason_required' };
      // without notice: it ends on the day of termination (one that had not begun never starts)
      next = {
        ...next,
        endsOn: on,
        startsOn: state.startsOn !== null && state.startsOn > on ? on : state.startsOn,
      };
      break;
    case 'start_negotiation':
    case 'sign':
      break;
  }
  return {
    ok: true,
    state: next,
    record: { transition, fromStatus: state.status, toStatus: next.status, by, on, reason },
  };
}

/** What the clock does to an agreement on day `today`: expiry after the end, renewal due before it. */
export function dueTransition(state: LifecycleState, today: string): 'expire' | 'mark_renewal_due' | null {
  if (state.endsOn === null) return null;
  if (!['active', 'renewal_due', 'renewed'].includes(state.status)) return null;
  if (today > state.endsOn) return 'expire';
  if (
    (state.status === 'active' || state.status === 'renewed') &&
    renewable.has(state.model) &&
    today >= addDays(state.endsOn, -renewalReminderDays)
  ) {
    return 'mark_renewal_due';
  }
  return null;
}

/** The transitions a person could take next (the UI offers these, the service checks again). */
export function possibleTransitions(state: LifecycleState): AgreementTransition[] {
  return (Object.keys(from) as AgreementTransition[]).filter(
    (t) =>
      allowedFrom(state.model, t).includes(state.status) &&
      !((t === 'renew' || t === 'mark_renewal_due') && !renewable.has(state.model)),
  );
}
