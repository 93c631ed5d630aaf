import { useId, useState } from 'react';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { ENROLLMENT_ROLES, type EnrollmentRole, type JoinCodeResponse } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { CopyButton } from '@web/features/invitations/components/copy-button';
import { useCreateJoinCode, useJoinCodes, useRevokeJoinCode } from '@web/features/invitations/hooks/use-invitations';

/** `ABCD-EFGH`: easier to read off a slide at the back of a lecture hall. */
const grouped = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

function JoinCodeItem({ code, onRevoke, revoking }: { code: JoinCodeResponse; onRevoke: () => void; revoking: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="panel" data-testid="join-code">
      <div className="stack">
        <p>
          <span className={`badge badge--${code.role}`}>{t(`relations.${code.role}`)}</span>
        </p>
        <p className="lead" dir="ltr" translate="no" data-testid="join-code-value">
          {grouped(code.code)}
        </p>
        {/* A QR code for the slide; the link under it for those who type. */}
        <QRCodeSVG value={code.url} size={192} marginSize={2} title={t('onboarding.joinCodes.qrTitle', { role: t(`relations.${code.role}`) })} />
        <p>
          <a href={code.url} dir="ltr" data-testid="join-code-url">
            {code.url}
          </a>
        </p>
        <div className="button-row">
          <CopyButton text={code.url} label={t('onboarding.joinCodes.copy')} />
          {confirming ? (
            <>
              <button type="button" className="button button--danger button--small" onClick={onRevoke} disabled={revoking} data-testid="join-code-revoke-confirm">
                {t('onboarding.joinCodes.revokeConfirm')}
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)} data-testid="join-code-revoke">
              {t('onboarding.joinCodes.revoke')}
            </button>
          )}
        </div>
        {confirming ? <p className="muted">{t('onboarding.joinCodes.revokeWarning')}</p> : null}
      </div>
    </li>
  );
}

/** Codes latecomers join with, per role, shown as a link and a QR code; revoking one ends it at once. */
export function JoinCodeCard({ programId, closed }: { programId: string; closed: boolean }) {
  const { t } = useTranslation();
  const codes = useJoinCodes(programId);
  const create = useCreateJoinCode(programId);
  const revoke = useRevokeJoinCode(programId);
  const [role, setRole] = useState<EnrollmentRole>('mentee');
  const roleId = useId();
  return (
    <section className="panel" aria-labelledby="join-codes-heading" data-testid="join-codes-card">
      <h2 id="join-codes-heading" className="panel__title">
        {t('onboarding.joinCodes.heading')}
      </h2>
      <div className="stack">
        <p className="muted">{t('onboarding.joinCodes.intro')}</p>
        {!closed ? (
          <div className="form__row">
            <div className="field">
              <label className="field__label" htmlFor={roleId}>
                {t('onboarding.joinCodes.role')}
              </label>
              <select id={roleId} className="field__control" value={role} onChange={(event) => setRole(event.target.value as EnrollmentRole)} data-testid="join-code-role">
                {ENROLLMENT_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`relations.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form__actions">
              <button type="button" className="button button--primary" disabled={create.isPending} onClick={() => create.mutate(role)} data-testid="join-code-create">
                {t('onboarding.joinCodes.create')}
              </button>
            </div>
          </div>
        ) : null}
        <ErrorAlert error={create.error ?? revoke.error} />
        {codes.isPending ? (
          <LoadingMessage />
        ) : codes.isError ? (
          <QueryError error={codes.error} onRetry={() => void codes.refetch()} />
        ) : codes.data.length === 0 ? (
          <p className="empty-state">{t('onboarding.joinCodes.none')}</p>
        ) : (
          <ul className="plain-list stack">
            {codes.data.map((c) => (
              <JoinCodeItem key={c.code} code={c} revoking={revoke.isPending} onRevoke={() => revoke.mutate(c.code)} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
