import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@web/components/feedback';
import { downloadResearchExport } from '@web/features/outcomes/api/outcomes-api';

/** The de-identified research file: one pseudonymous row per analysed student; the download is audited. */
export function ResearchExportButton({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const download = useMutation({ mutationFn: () => downloadResearchExport(programId) });
  return (
    <section className="panel stack" aria-labelledby="export-heading">
      <h2 id="export-heading" className="panel__title">
        {t('researchExport.heading')}
      </h2>
      <p className="field__hint">{t('researchExport.explain')}</p>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={() => download.mutate()} disabled={download.isPending} data-testid="research-export">
          {download.isPending ? t('researchExport.preparing') : t('researchExport.download')}
        </button>
      </div>
      {download.isSuccess ? (
        <p className="alert alert--success" role="status">
          {t('researchExport.done')}
        </p>
      ) : null}
      <ErrorAlert error={download.error} />
    </section>
  );
}
