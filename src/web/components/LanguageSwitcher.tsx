import { useTranslation } from 'react-i18next';
import { authApi } from '../api/auth.ts';
import type { Locale } from '../api/types.ts';
import { applyLocale, currentLocale } from '../i18n/index.ts';
import { useSession } from '../session/SessionProvider.tsx';

const languages: { locale: Locale; name: string }[] = [
  { locale: 'de', name: 'Deutsch' },
  { locale: 'en', name: 'English' },
];

/** Switches the interface language; remembered in the browser and, when signed in, in the profile. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { session, setUser } = useSession();
  const active = currentLocale();

  const choose = async (locale: Locale) => {
    await applyLocale(locale);
    if (session?.state === 'active' && session.user.locale !== locale) {
      try {
        setUser(await authApi.updateMe({ locale }));
      } catch {
        // The language already changed on screen; the profile keeps the old one until next time.
      }
    }
  };

  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {languages.map(({ locale, name }) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={active === locale}
          className="language-button"
          onClick={() => void choose(locale)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
