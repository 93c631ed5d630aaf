import { appTokens } from '@web/lib/api-client';
import { apiErrorFrom } from '@web/lib/api-error';

export type ReportLanguage = 'en' | 'fa';

/**
 * The printable report's HTML. A plain link cannot carry the bearer token, so the page is fetched (renewing
 * the session once on a 401, as every call does) and shown in a sandboxed frame.
 */
export async function fetchReportHtml(programId: string, lang: ReportLanguage, signal?: AbortSignal): Promise<string> {
  const path = `/api/programs/${encodeURIComponent(programId)}/outcomes/report?lang=${lang}`;
  const send = (token: string | null): Promise<Response> => fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal });
  const sent = appTokens.getAccessToken();
  let response = await send(sent);
  if (response.status === 401 && sent) {
    const retry = await appTokens.refresh(sent);
    if (retry) response = await send(retry);
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return response.text();
}
