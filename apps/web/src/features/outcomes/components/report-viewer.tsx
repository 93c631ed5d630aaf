import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { fetchReportHtml, type ReportLanguage } from '@web/features/outcomes/api/report-api';
import { queryKeys } from '@web/lib/query-keys';
import { useLanguage } from '@web/lib/use-language';

/**
 * The report as the dean will read it, in a frame that runs nothing (the API escapes every user string and sends
 * a no-script policy; the sandbox is a second lock), with print and save in either language.
 */
export function ReportViewer({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const [uiLanguage] = useLanguage();
  const [lang, setLang] = useState<ReportLanguage>(uiLanguage === 'fa' ? 'fa' : 'en');
  const frame = useRef<HTMLIFrameElement>(null);
  const report = useQuery({
    queryKey: [...queryKeys.programs.outcomes(programId), 'report', lang],
    queryFn: ({ signal }) => fetchReportHtml(programId, lang, signal),
  });

  const save = (html: string): void => {
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `evaluation-report-${lang}.html`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <section className="panel stack" aria-labelledby="report-heading" data-testid="report-viewer">
      <h2 id="report-heading" className="panel__title">
        {t('evaluation.report.heading')}
      </h2>
      <p className="muted">{t('evaluation.report.explain')}</p>
      <div className="form__actions">
        <label className="field__label" htmlFor="report-language">
          {t('evaluation.report.language')}
        </label>
        <select id="report-language" className="field__control" value={lang} onChange={(event) => setLang(event.target.value === 'fa' ? 'fa' : 'en')} data-testid="report-language">
          <option value="en">English</option>
          <option value="fa">فارسی</option>
        </select>
        <button type="button" className="button button--primary" disabled={!report.data} onClick={() => frame.current?.contentWindow?.print()} data-testid="report-print">
          {t('evaluation.report.print')}
        </button>
        <button type="button" className="button button--secondary" disabled={!report.data} onClick={() => report.data && save(report.data)} data-testid="report-save">
          {t('evaluation.report.save')}
        </button>
      </div>
      {report.isPending ? <LoadingMessage /> : null}
      {report.isError ? <QueryError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.data ? (
        <iframe
          ref={frame}
          className="report-frame"
          title={t('evaluation.report.frameTitle')}
          srcDoc={report.data}
          sandbox="allow-same-origin allow-modals"
          style={{ width: '100%', height: '80vh', border: '1px solid #d1d5db', background: '#fff' }}
          data-testid="report-frame"
        />
      ) : null}
    </section>
  );
}
