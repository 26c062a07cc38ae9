import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryApi } from '../../api/directory.ts';
import type { Flyer, Office } from '../../api/types.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { EditPanel } from '../../components/EditPanel.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { FormError } from '../../components/Notice.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useSubmit, validationError } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { FlyerFiles } from './FlyerFiles.tsx';

/** Information material of an office (R-DIR-5): flyers per language, each upload a new version. */
export function FlyersPanel({ office, onClose }: { office: Office; onClose: () => void }) {
  const { t } = useTranslation();
  const flyers = useApi(['office-flyers', office.id], (signal) => directoryApi.flyers(office.id, signal));
  const languages = useApi(['reference', 'flyer-languages'], (signal) => directoryApi.languages(signal), {
    reference: true,
  });
  const [title, setTitle] = useState('');
  const [flyerId, setFlyerId] = useState('');
  const [language, setLanguage] = useState('de');
  const [message, setMessage] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const canUpload = office.allowedActions.includes('office.update');

  const create = useSubmit(() => directoryApi.createFlyer(office.id, title.trim()));
  const upload = useSubmit(async () => {
    const file = fileRef.current?.files?.[0];
    if (!file)
      throw validationError(t('flyers.fileMissing'), [{ path: 'file', message: t('flyers.fileMissing') }]);
    return directoryApi.uploadFlyerFile(flyerId, language, file);
  });
  const remove = useSubmit((flyer: Flyer) => directoryApi.removeFlyer(flyer.id, flyer.version));
  const locale = currentLocale();
  const languageOptions = (languages.data?.items ?? []).map((l) => ({
    value: l.code,
    label: `${locale === 'en' ? l.en : l.de} (${l.code})`,
  }));

  return (
    <EditPanel title={t('flyers.title', { name: office.name })}>
      {message && (
        <p role="status" className="notice notice-success">
          {message}
        </p>
      )}
      <LoadState resource={flyers}>
        {(data) => (
          <>
            {data.items.length === 0 && <p>{t('flyers.empty')}</p>}
            <ul className="flyer-list">
              {data.items.map((flyer) => (
                <li key={flyer.id}>
                  <h3>{flyer.title}</h3>
                  <FlyerFiles flyer={flyer} />
                  {flyer.allowedActions.includes('flyer.delete') && (
                    <ConfirmButton
                      label={t('actions.delete')}
                      accessibleLabel={t('actions.deleteNamed', { name: flyer.title })}
                      question={t('flyers.deleteQuestion')}
                      confirmLabel={t('flyers.deleteConfirm')}
                      onConfirm={async () => {
                        const result = await remove.run(flyer);
                        if (result.ok) {
                          setMessage(t('flyers.deleted', { title: flyer.title }));
                          flyers.reload();
                        }
                      }}
                    />
                  )}
                </li>
              ))}
            </ul>
            {remove.error && <FormError error={remove.error} />}
            {canUpload && (
              <>
                <Form
                  onSubmit={() =>
                    void create.run().then((result) => {
                      if (result.ok) {
                        setTitle('');
                        setFlyerId(result.value.id);
                        setMessage(t('flyers.created', { title: result.value.title }));
                        flyers.reload();
                      }
                    })
                  }
                  error={create.error}
                  pending={create.pending}
                  markRequired={false}
                  aria-label={t('flyers.createHeading')}
                >
                  <h3>{t('flyers.createHeading')}</h3>
                  <TextField
                    name="title"
                    label={t('flyers.flyerTitle')}
                    value={title}
                    onChange={setTitle}
                    required
                  />
                  <div className="form-actions">
                    <SubmitButton>{t('flyers.create')}</SubmitButton>
                  </div>
                </Form>
                {data.items.length > 0 && (
                  <Form
                    onSubmit={() =>
                      void upload.run().then((result) => {
                        if (result.ok) {
                          setMessage(t('flyers.uploaded', { title: result.value.title }));
                          if (fileRef.current) fileRef.current.value = '';
                          flyers.reload();
                        }
                      })
                    }
                    error={upload.error}
                    pending={upload.pending}
                    aria-label={t('flyers.uploadHeading')}
                  >
                    <h3>{t('flyers.uploadHeading')}</h3>
                    <p className="field-hint">{t('flyers.uploadHint')}</p>
                    <div className="form-grid">
                      <SelectField
                        name="flyer"
                        label={t('flyers.flyer')}
                        value={flyerId}
                        emptyLabel={t('common.pleaseChoose')}
                        options={data.items.map((f) => ({ value: f.id, label: f.title }))}
                        onChange={setFlyerId}
                        required
                      />
                      <SelectField
                        name="language"
                        label={t('flyers.language')}
                        value={language}
                        options={languageOptions}
                        onChange={setLanguage}
                        required
                      />
                      <div className="field">
                        <label htmlFor="flyer-file">{t('flyers.file')}</label>
                        <input
                          id="flyer-file"
                          ref={fileRef}
                          type="file"
                          name="file"
                          accept="application/pdf,image/png,image/jpeg"
                        />
                      </div>
                    </div>
                    <div className="form-actions">
                      <SubmitButton disabled={flyerId === ''}>{t('flyers.upload')}</SubmitButton>
                    </div>
                  </Form>
                )}
              </>
            )}
          </>
        )}
      </LoadState>
      <div className="form-actions">
        <Button onClick={onClose}>{t('actions.close')}</Button>
      </div>
    </EditPanel>
  );
}
