import { useTranslation } from 'react-i18next';
import { Page, Section } from '../components/Page.tsx';
import { currentLocale } from '../i18n/index.ts';
import { accessibilityFeedbackEmail, accessibilityStatementDate } from '../lib/accessibility.ts';

const arbitrationBoard = {
  email: 'info@schlichtungsstelle-bgg.de',
  website: 'https://www.schlichtungsstelle-bgg.de',
};

const gaps = ['pdf', 'uploads', 'easyLanguage', 'review'] as const;

/** The statement date in the reader's language ("25. November 2026", "25 November 2026"). */
function statementDate(): string {
  const locale = currentLocale() === 'en' ? 'en-GB' : 'de-DE';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${accessibilityStatementDate}T00:00:00Z`),
  );
}

/**
 * The accessibility statement (BITV 2.0 § 7): standard, state of conformity with the known
 * gaps, how it was prepared, the feedback channel and the arbitration procedure. Public, so
 * it can be read before signing in.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();

  return (
    <Page title={t('accessibility.title')} intro={<p>{t('accessibility.intro')}</p>}>
      <Section title={t('accessibility.scopeHeading')} id="accessibility-scope">
        <p>{t('accessibility.scopeText')}</p>
      </Section>
      <Section title={t('accessibility.statusHeading')} id="accessibility-status">
        <p>{t('accessibility.statusText')}</p>
        <ul className="text-list">
          {gaps.map((gap) => (
            <li key={gap}>{t(`accessibility.gaps.${gap}`)}</li>
          ))}
        </ul>
        <p>{t('accessibility.statusAlternative')}</p>
      </Section>
      <Section title={t('accessibility.preparationHeading')} id="accessibility-preparation">
        <p>{t('accessibility.preparationText', { date: statementDate() })}</p>
      </Section>
      <Section title={t('accessibility.feedbackHeading')} id="accessibility-feedback">
        <p>{t('accessibility.feedbackText')}</p>
        <p>
          {t('accessibility.emailLabel')}{' '}
          <a href={`mailto:${accessibilityFeedbackEmail}`}>{accessibilityFeedbackEmail}</a>
        </p>
      </Section>
      <Section title={t('accessibility.enforcementHeading')} id="accessibility-enforcement">
        <p>{t('accessibility.enforcementText')}</p>
        <address className="postal">
          {t('accessibility.enforcementBody')}
          <br />
          {t('accessibility.enforcementAddress')}
          <br />
          {t('accessibility.enforcementPhone')}
          <br />
          {t('accessibility.emailLabel')}{' '}
          <a href={`mailto:${arbitrationBoard.email}`}>{arbitrationBoard.email}</a>
          <br />
          <a href={arbitrationBoard.website}>{arbitrationBoard.website.replace('https://', '')}</a>
        </address>
        <p>{t('accessibility.enforcementState')}</p>
      </Section>
    </Page>
  );
}
