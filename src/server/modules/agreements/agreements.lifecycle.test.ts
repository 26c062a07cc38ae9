import { describe, expect, it } from 'vitest';
import {
  applyTransition,
  dueTransition,
  extendedEnd,
  oneYearTermEnd,
  possibleTransitions,
  type LifecycleEvent,
  type LifecycleState,
} from './agreements.lifecycle.ts';
import { agreementStatuses, type AgreementModel, type AgreementStatus } from './agreements.values.ts';

const by = '00000000-0000-4000-8000-000000000001';

function state(model: AgreementModel, status: AgreementStatus, endsOn: string | null = null): LifecycleState {
  return { model, status, startsOn: endsOn === null ? null : '2026-01-01', endsOn };
}

const events: LifecycleEvent[] = [
  { type: 'start_negotiation' },
  { type: 'sign' },
  { type: 'activate', endsOn: '2027-06-30' },
  { type: 'mark_renewal_due' },
  { type: 'renew' },
  { type: 'expire' },
  { type: 'terminate', reason: 'Wichtiger Grund' },
];

/** The transitions the ABH model allows, as the requirement lists them. */
const allowed: Record<string, readonly AgreementStatus[]> = {
  start_negotiation: ['draft'],
  sign: ['negotiation'],
  activate: ['signed'],
  mark_renewal_due: ['active', 'renewed'],
  renew: ['renewal_due'],
  expire: ['active', 'renewal_due', 'renewed'],
  terminate: ['signed', 'active', 'renewal_due', 'renewed'],
};

describe('agreement lifecycle', () => {
  it('R-AGR-4: refuses every transition of the ABH model that is not allowed from the current status', () => {
    for (const status of agreementStatuses) {
      for (const event of events) {
        const result = applyTransition(state('abh_clearing', status, '2026-12-31'), event, by, '2027-02-01');
        const ok = (allowed[event.type] ?? []).includes(status);
        expect(result.ok, `${event.type} from ${status}`).toBe(ok);
      }
    }
  });

  it('R-AGR-4: walks draft → in negotiation → signed → active → renewal due → renewed, recording who and when', () => {
    let s = state('abh_clearing', 'draft');
    const steps: [LifecycleEvent, string, AgreementStatus][] = [
      [{ type: 'start_negotiation' }, '2026-10-01', 'negotiation'],
      [{ type: 'sign' }, '2026-11-15', 'signed'],
      [{ type: 'activate', startsOn: '2027-01-01' }, '2026-12-01', 'active'],
      [{ type: 'mark_renewal_due' }, '2027-11-01', 'renewal_due'],
      [{ type: 'renew' }, '2027-12-01', 'renewed'],
    ];
    for (const [event, on, status] of steps) {
      const result = applyTransition(s, event, by, on);
      if (!result.ok) throw new Error(result.refusal);
      expect(result.state.status).toBe(status);
      expect(result.record).toMatchObject({
        transition: event.type,
        fromStatus: s.status,
        toStatus: status,
        by,
        on,
      });
      s = result.state;
    }
    expect(s.startsOn).toBe('2027-01-01');
    expect(s.endsOn).toBe('2028-12-31');
  });

  it('R-AGR-4: the ABH model runs one year and extends by one year at a time, 29 February included', () => {
    expect(oneYearTermEnd('2027-01-01')).toBe('2027-12-31');
    expect(oneYearTermEnd('2028-02-29')).toBe('2029-02-28');
    expect(oneYearTermEnd('2027-03-01')).toBe('2028-02-29');
    expect(extendedEnd('2027-02-28')).toBe('2028-02-29');
    expect(extendedEnd('2028-02-28')).toBe('2029-02-28');
    expect(extendedEnd('2028-02-29')).toBe('2029-02-28');
    expect(extendedEnd('2027-12-31')).toBe('2028-12-31');
    const renewed = applyTransition(
      state('abh', 'renewal_due', '2028-02-29'),
      { type: 'renew' },
      by,
      '2028-02-01',
    );
    expect(renewed.ok && renewed.state.endsOn).toBe('2029-02-28');
    const started = applyTransition(
      state('abh', 'signed'),
      { type: 'activate', startsOn: '2028-02-29' },
      by,
      '2028-02-20',
    );
    expect(started.ok && started.state.endsOn).toBe('2029-02-28');
  });

  it('R-AGR-4: either party terminates at any time without notice, but only with an important reason', () => {
    for (const status of ['signed', 'active', 'renewal_due', 'renewed'] as const) {
      const noReason = applyTransition(
        state('abh_clearing', status, '2027-12-31'),
        { type: 'terminate', reason: '  ' },
        by,
        '2027-05-05',
      );
      expect(noReason).toEqual({ ok: false, refusal: 'termination_reason_required' });
      const result = applyTransition(
        state('abh_clearing', status, '2027-12-31'),
        { type: 'terminate', reason: ' Vertrauensbruch ' },
        by,
        '2027-05-05',
      );
      if (!result.ok) throw new Error(result.refusal);
      expect(result.state).toMatchObject({ status: 'terminated', endsOn: '2027-05-05' });
      expect(result.record.reason).toBe('Vertrauensbruch');
    }
  });

  it('R-AGR-4: the course-provider model ends with the approval period of the course and is not renewed', () => {
    const noEnd = applyTransition(
      state('course_provider', 'signed'),
      { type: 'activate', startsOn: '2027-01-01' },
      by,
      '2027-01-01',
    );
    expect(noEnd).toEqual({ ok: false, refusal: 'agreement_term_required' });
    const result = applyTransition(
      state('course_provider', 'signed'),
      { type: 'activate', startsOn: '2027-01-01', endsOn: '2027-09-30' },
      by,
      '2027-01-01',
    );
    if (!result.ok) throw new Error(result.refusal);
    expect(result.state.endsOn).toBe('2027-09-30');
    expect(dueTransition(result.state, '2027-09-01')).toBeNull();
    expect(dueTransition(result.state, '2027-09-30')).toBeNull();
    expect(dueTransition(result.state, '2027-10-01')).toBe('expire');
    expect(applyTransition(result.state, { type: 'mark_renewal_due' }, by, '2027-09-01')).toEqual({
      ok: false,
      refusal: 'agreement_not_renewable',
    });
    expect(possibleTransitions(result.state)).toEqual(['expire', 'terminate']);
    expect(applyTransition(result.state, { type: 'expire' }, by, '2027-09-30').ok).toBe(false);
    expect(applyTransition(result.state, { type: 'expire' }, by, '2027-10-01').ok).toBe(true);
  });

  it('R-AGR-4: informal arrangements have no signature step', () => {
    expect(applyTransition(state('informal', 'negotiation'), { type: 'sign' }, by, '2027-01-01')).toEqual({
      ok: false,
      refusal: 'agreement_transition_not_allowed',
    });
    const result = applyTransition(state('informal', 'draft'), { type: 'activate' }, by, '2027-01-01');
    expect(result.ok && result.state).toMatchObject({
      status: 'active',
      startsOn: '2027-01-01',
      endsOn: null,
    });
    expect(possibleTransitions(state('informal', 'draft'))).toEqual(['start_negotiation', 'activate']);
    // an ABH agreement cannot skip the signature
    expect(applyTransition(state('abh', 'draft'), { type: 'activate' }, by, '2027-01-01').ok).toBe(false);
  });

  it('R-AGR-4: the renewal comes due 60 days before the end of the term, expiry the day after it', () => {
    const s = state('abh_clearing', 'active', '2027-12-31');
    expect(dueTransition(s, '2027-10-31')).toBeNull();
    expect(dueTransition(s, '2027-11-01')).toBe('mark_renewal_due');
    expect(dueTransition({ ...s, status: 'renewal_due' }, '2027-12-31')).toBeNull();
    expect(dueTransition({ ...s, status: 'renewal_due' }, '2028-01-01')).toBe('expire');
    expect(dueTransition({ ...s, status: 'terminated' }, '2028-01-01')).toBeNull();
  });
});
