import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  documentLanguageFor,
  documentLanguages,
  type DocumentLanguage,
} from '../../../server/documents/languages.ts';
import { casesApi } from '../../api/cases.ts';
import { currentLocale } from '../../i18n/index.ts';
import { languageName } from '../../lib/names.ts';

/**
 * The client documents of a case (summary, Art. 15 information) with the language they are
 * printed in beside German, preselected from the client's languages (R-UX-1, R-CON-5).
 */
export function DocumentDownloads({
  caseId,
  clientId,
  clientLanguages,
}: {
  caseId: string;
  clientId: string;
  clientLanguages: readonly string[];
}) {
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const id = useId();
  const [language, setLanguage] = useState<DocumentLanguage>(() => documentLanguageFor(clientLanguages));
  const query = `?language=${language}`;
  const optionLabel = (code: DocumentLanguage) =>
    code === 'de'
      ? tc('documentGermanOnly')
      : tc('documentGermanAnd', { language: languageName(code, locale), own: languageName(code, code) });
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {tc('documentLanguage')}
      </label>
      <select id={id} value={language} onChange={(e) => setLanguage(e.target.value as DocumentLanguage)}>
        {documentLanguages.map((code) => (
          <option key={code} value={code}>
            {optionLabel(code)}
          </option>
        ))}
      </select>
      <a
        className="button button-secondary"
        href={casesApi.summaryUrl(caseId) + query}
        target="_blank"
        rel="noreferrer"
      >
        {tc('summaryPdf')}
      </a>
      <a className="button button-secondary" href={casesApi.exportPdfUrl(clientId) + query}>
        {tc('exportPdf')}
      </a>
      <a className="button button-secondary" href={casesApi.exportJsonUrl(clientId) + query}>
        {tc('exportJson')}
      </a>
    </>
  );
}
