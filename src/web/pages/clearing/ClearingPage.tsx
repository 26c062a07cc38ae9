import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contactBody } from '../../../server/modules/clearing/clearing.schemas.ts';
import {
  clearingAgeGroups,
  clearingApi,
  clearingGenders,
  clearingLabels,
  clearingLanguages,
  clearingReferrals,
  clearingRegions,
  clearingResidenceCategories,
  clearingTopics,
  clearingWaysIn,
  type ContactInput,
  type Settings,
} from '../../api/clearing.ts';
import type { ApiError } from '../../api/client.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { CheckboxGroup, RadioGroup, SelectField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { checkBody } from '../../hooks/useSchemaForm.ts';
import { toApiError } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { languageName } from '../../lib/names.ts';
import { enqueue, flushQueue, isTransient, readQueue } from './contactQueue.ts';
import { NearbyOffers } from './NearbyOffers.tsx';

type Choices = Omit<ContactInput, 'id' | 'date' | 'referrals'> & {
  referrals: NonNullable<ContactInput['referrals']>;
};

const lastKey = 'koop.clearing.last';

const firstChoices: Choices = {
  wayIn: 'abh',
  ageGroup: '27_44',
  gender: 'not_stated',
  region: 'not_stated',
  language: 'ar',
  residence: 'other',
  topics: ['counselling_offer'],
  otherTopic: null,
  referrals: [],
  welcomePackage: false,
};

/** The last choices of this session (codes only), so the next contact starts from them. */
function rememberedChoices(): Choices {
  try {
    const stored = sessionStorage.getItem(lastKey);
    return stored ? { ...firstChoices, ...(JSON.parse(stored) as Partial<Choices>) } : firstChoices;
  } catch {
    return firstChoices;
  }
}

function remember(choices: Choices): void {
  try {
    sessionStorage.setItem(lastKey, JSON.stringify(choices));
  } catch {
    // Storage may be disabled; the form then starts from the defaults.
  }
}

/**
 * "Clearingstelle" (R-CLR-1, R-CLR-2, R-CLR-4, R-UX-2): a contact recorded in a few seconds by
 * keyboard or touch. Every field is a choice — no field takes a name. One tab stop per group,
 * arrow keys choose, Enter saves from anywhere in the form (or Alt+S); the next contact starts
 * from the last choices of the session. A contact entered while the connection is down waits in
 * this browser and is sent when it returns, once (its id is made here, before the first attempt).
 */
export function ClearingPage() {
  const { t } = useTranslation('clearing');
  const locale = currentLocale();
  const settings = useApi(['clearing-settings'], (signal) => clearingApi.settings(signal));
  const [choices, setChoices] = useState<Choices>(rememberedChoices);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);
  const [waiting, setWaiting] = useState(() => readQueue(localStorage).length);
  const formRef = useRef<HTMLDivElement>(null);

  const word = (code: string) => clearingLabels[code]?.[locale] ?? code;
  const options = (codes: readonly string[]) => codes.map((value) => ({ value, label: word(value) }));
  const set = <K extends keyof Choices>(key: K, value: Choices[K]) =>
    setChoices((c) => ({ ...c, [key]: value }));

  const flush = useCallback(async () => {
    if (readQueue(localStorage).length === 0) return;
    const result = await flushQueue(localStorage, (contact) => clearingApi.record(contact));
    setWaiting(result.waiting);
    if (result.sent > 0) {
      setSaved((n) => n + result.sent);
      setStatus(t('queueSent', { count: result.sent }));
    }
  }, [t]);

  useEffect(() => {
    void flush();
    const retry = () => void flush();
    window.addEventListener('online', retry);
    const timer = window.setInterval(retry, 15_000);
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [flush]);

  /** Back to the first group, on its chosen option (Tab then leaves the group, arrows choose in it). */
  const focusFirst = () => {
    const form = formRef.current;
    (
      form?.querySelector<HTMLInputElement>('input[name="wayIn"]:checked') ??
      form?.querySelector<HTMLInputElement>('input[name="wayIn"]')
    )?.focus();
  };

  const submit = async () => {
    const body: ContactInput = {
      ...choices,
      otherTopic: (choices.topics as readonly string[]).includes('other') ? choices.otherTopic : null,
      id: crypto.randomUUID(),
    };
    const checked = checkBody(contactBody, body, t('invalid'));
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setError(null);
    setPending(true);
    remember(choices);
    try {
      await clearingApi.record(body);
      setSaved((n) => n + 1);
      setStatus(t('saved'));
    } catch (reason) {
      if (isTransient(reason)) {
        enqueue(localStorage, body);
        setWaiting(readQueue(localStorage).length);
        setStatus(t('queued'));
      } else {
        setError(toApiError(reason));
        setPending(false);
        return;
      }
    }
    setPending(false);
    focusFirst();
  };

  /** Enter saves from any choice of the form (a select keeps Enter for itself). */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target.tagName === 'INPUT') {
      event.preventDefault();
      void submit();
    }
  };

  const otherTopics: Settings['otherTopics'] = settings.data?.otherTopics ?? [];

  return (
    <Page title={t('title')} intro={<p>{t('intro')}</p>}>
      <div role="status" aria-live="polite" className="clearing-status">
        {status && <p>{status}</p>}
        <p>{t('savedCount', { count: saved })}</p>
        {waiting > 0 && <p>{t('waiting', { count: waiting })}</p>}
      </div>
      <Section title={t('contactHeading')}>
        <div ref={formRef} onKeyDown={onKeyDown}>
          <Form
            onSubmit={() => void submit()}
            error={error}
            pending={pending}
            markRequired={false}
            aria-label={t('contactHeading')}
          >
            <RadioGroup
              name="wayIn"
              legend={t('field.wayIn')}
              options={options(clearingWaysIn)}
              value={choices.wayIn}
              onChange={(v) => set('wayIn', v as Choices['wayIn'])}
              inline
            />
            <RadioGroup
              name="ageGroup"
              legend={t('field.ageGroup')}
              options={options(clearingAgeGroups)}
              value={choices.ageGroup}
              onChange={(v) => set('ageGroup', v as Choices['ageGroup'])}
              inline
            />
            <RadioGroup
              name="gender"
              legend={t('field.gender')}
              options={options(clearingGenders)}
              value={choices.gender}
              onChange={(v) => set('gender', v as Choices['gender'])}
              inline
            />
            <RadioGroup
              name="region"
              legend={t('field.region')}
              options={options(clearingRegions)}
              value={choices.region}
              onChange={(v) => set('region', v as Choices['region'])}
              inline
            />
            <RadioGroup
              name="language"
              legend={t('field.language')}
              options={clearingLanguages.map((value) => ({ value, label: languageName(value, locale) }))}
              value={choices.language}
              onChange={(v) => set('language', v)}
              inline
            />
            <RadioGroup
              name="residence"
              legend={t('field.residence')}
              options={options(clearingResidenceCategories)}
              value={choices.residence}
              onChange={(v) => set('residence', v as Choices['residence'])}
              inline
            />
            <RadioGroup
              name="welcomePackage"
              legend={t('field.welcomePackage')}
              options={options(['yes', 'no'])}
              value={choices.welcomePackage ? 'yes' : 'no'}
              onChange={(v) => set('welcomePackage', v === 'yes')}
              inline
            />
            <CheckboxGroup
              name="topics"
              legend={t('field.topics')}
              options={options(clearingTopics)}
              values={choices.topics}
              onChange={(v) => set('topics', v as Choices['topics'])}
              inline
            />
            {(choices.topics as readonly string[]).includes('other') && (
              <SelectField
                name="otherTopic"
                label={t('field.otherTopic')}
                value={choices.otherTopic ?? ''}
                emptyLabel={t('chooseOther')}
                options={otherTopics.map((o) => ({ value: o.code, label: o[locale] }))}
                onChange={(v) => set('otherTopic', v === '' ? null : v)}
              />
            )}
            <CheckboxGroup
              name="referrals"
              legend={t('field.referrals')}
              hint={t('referralHint')}
              options={options(clearingReferrals)}
              values={choices.referrals}
              onChange={(v) => set('referrals', v as Choices['referrals'])}
              inline
            />
            <SubmitButton accessKey="s" aria-keyshortcuts="Alt+S">
              {t('save')}
            </SubmitButton>
            <p className="form-note">{t('keyboardHint')}</p>
          </Form>
        </div>
      </Section>
      {choices.referrals.length > 0 && <NearbyOffers language={choices.language} />}
    </Page>
  );
}
