import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ENROLLMENT_ROLES, EnrollmentRole, type EnrollmentResponse } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { useRemoveEnrollment, useUpdateCapacity } from '@web/features/programs/hooks/use-enrollment-changes';
import { useEnrollments } from '@web/features/programs/hooks/use-enrollments';
import { useLanguage } from '@web/lib/use-language';
import { useNumberFormat } from '@web/lib/use-number-format';
import { DEFAULT_ENROLLMENT_VIEW, nextEnrollmentSort, viewEnrollments, type EnrollmentSortKey, type EnrollmentView, type MatchFilter, type RoleFilter } from './enrollment-view';

/** Programs enrol hundreds of students; rendering them all at once makes typing in the search lag. */
const PAGE_SIZE = 50;
const MIN_CAPACITY = 1;
const MAX_CAPACITY = 20;

function SortHeader({ sortKey, label, view, onSort }: { sortKey: EnrollmentSortKey; label: string; view: EnrollmentView; onSort: (key: EnrollmentSortKey) => void }) {
  const active = view.sort === sortKey;
  const icon = !active ? '↕' : view.direction === 'ascending' ? '↑' : '↓';
  return (
    <th scope="col" aria-sort={active ? view.direction : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)} data-testid={`enrollment-sort-${sortKey}`}>
        {label}
        <span className="sort-button__icon" aria-hidden="true">
          {icon}
        </span>
      </button>
    </th>
  );
}

function CapacityEditor({ enrollment, programId, onDone }: { enrollment: EnrollmentResponse; programId: string; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateCapacity(programId);
  const [value, setValue] = useState(String(enrollment.capacity ?? MIN_CAPACITY));
  const [invalid, setInvalid] = useState(false);
  const save = () => {
    const capacity = Number(value);
    if (!Number.isInteger(capacity) || capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    update.mutate({ enrollmentId: enrollment.id, capacity }, { onSuccess: () => onDone(t('enrolments.capacitySaved', { name: enrollment.fullName, count: capacity })) });
  };
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      data-testid="capacity-form"
    >
      <ErrorAlert error={update.error} />
      <div className={invalid ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={id}>
          {t('enrolments.capacityFor', { name: enrollment.fullName })}
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          {t('enrolments.capacityHint', { count: enrollment.activeMentorships })}
        </p>
        <input
          id={id}
          className="field__control"
          type="number"
          inputMode="numeric"
          min={Math.max(MIN_CAPACITY, enrollment.activeMentorships)}
          max={MAX_CAPACITY}
          step={1}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(event) => setValue(event.target.value)}
          data-testid="capacity-input"
        />
        {invalid ? (
          <p className="field__error" id={`${id}-error`} role="alert">
            {t('validation.range', { min: MIN_CAPACITY, max: MAX_CAPACITY })}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={update.isPending} data-testid="capacity-save">
          {t('enrolments.save')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => onDone(null)}>
          {t('enrolments.cancel')}
        </button>
      </div>
    </form>
  );
}

function RemoveConfirm({ enrollment, programId, onDone }: { enrollment: EnrollmentResponse; programId: string; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const remove = useRemoveEnrollment(programId);
  const matched = enrollment.activeMentorships > 0;
  return (
    <div className="confirm" role="group" aria-labelledby="remove-enrolment-title" data-testid="remove-enrolment-confirm">
      <h3 id="remove-enrolment-title" className="confirm__title">
        {t('enrolments.removeTitle', { name: enrollment.fullName })}
      </h3>
      <ErrorAlert error={remove.error} />
      {matched ? (
        <p>
          {t('enrolments.removeBlocked')} <Link to={`/programs/${programId}/matching`}>{t('enrolments.toMatching')}</Link>
        </p>
      ) : (
        <p>{t('enrolments.removeBody')}</p>
      )}
      <div className="button-row">
        {matched ? null : (
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ enrollmentId: enrollment.id }, { onSuccess: () => onDone(t('enrolments.removed', { name: enrollment.fullName })) })}
            data-testid="remove-enrolment-submit"
          >
            {t('enrolments.remove')}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('enrolments.keep')}
        </button>
      </div>
    </div>
  );
}

export function EnrollmentTable({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useNumberFormat();
  const searchId = useId();
  const enrollments = useEnrollments(programId);
  const [view, setView] = useState<EnrollmentView>(DEFAULT_ENROLLMENT_VIEW);
  const [shown, setShown] = useState(PAGE_SIZE);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<EnrollmentResponse | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const collator = useMemo(() => new Intl.Collator(language, { sensitivity: 'base' }), [language]);
  const rows = useMemo(() => viewEnrollments(enrollments.data ?? [], view, collator), [enrollments.data, view, collator]);
  const change = (patch: Partial<EnrollmentView>) => {
    setView((current) => ({ ...current, ...patch }));
    setShown(PAGE_SIZE);
  };
  const finish = (message: string | null) => {
    setEditing(null);
    setRemoving(null);
    setDone(message);
  };

  const body = (() => {
    if (enrollments.isPending) return <LoadingMessage />;
    if (enrollments.isError) return <QueryError error={enrollments.error} onRetry={() => void enrollments.refetch()} />;
    if (enrollments.data.length === 0) return <p className="empty-state">{t('programs.enrollments.empty')}</p>;
    const visible = rows.slice(0, shown);
    const remaining = rows.length - visible.length;
    return (
      <>
        <div className="form__row" role="search" aria-label={t('enrolments.tools')}>
          <div className="field">
            <label className="field__label" htmlFor={searchId}>
              {t('enrolments.search')}
            </label>
            <input
              id={searchId}
              className="field__control"
              type="search"
              autoComplete="off"
              value={view.search}
              onChange={(event) => change({ search: event.target.value })}
              data-testid="enrollment-search"
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${searchId}-role`}>
              {t('enrolments.roleFilter')}
            </label>
            <select id={`${searchId}-role`} className="field__control" value={view.role} onChange={(event) => change({ role: event.target.value as RoleFilter })} data-testid="enrollment-role-filter">
              <option value="all">{t('enrolments.everyone')}</option>
              {ENROLLMENT_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`enrolments.only.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${searchId}-matched`}>
              {t('enrolments.matchFilter')}
            </label>
            <select id={`${searchId}-matched`} className="field__control" value={view.matched} onChange={(event) => change({ matched: event.target.value as MatchFilter })} data-testid="enrollment-match-filter">
              <option value="all">{t('enrolments.matchAll')}</option>
              <option value="matched">{t('enrolments.matched')}</option>
              <option value="unmatched">{t('enrolments.unmatched')}</option>
            </select>
          </div>
        </div>
        <p className="muted" role="status" data-testid="enrollment-count">
          {t('enrolments.count', { shown: format.integer(rows.length), total: format.integer(enrollments.data.length) })}
        </p>
        {done ? <SuccessMessage>{done}</SuccessMessage> : null}
        {removing ? <RemoveConfirm key={removing.id} enrollment={removing} programId={programId} onDone={finish} /> : null}
        {rows.length === 0 ? (
          <p className="empty-state">{t('enrolments.noneMatch')}</p>
        ) : (
          <TableScroll labelledBy="enrollments-heading">
            <table className="table" aria-labelledby="enrollments-heading" data-testid="enrollment-table">
              <thead>
                <tr>
                  <SortHeader sortKey="name" label={t('programs.enrollments.name')} view={view} onSort={(key) => change(nextEnrollmentSort(view, key))} />
                  <th scope="col">{t('programs.enrollments.email')}</th>
                  <SortHeader sortKey="role" label={t('programs.enrollments.role')} view={view} onSort={(key) => change(nextEnrollmentSort(view, key))} />
                  <SortHeader sortKey="year" label={t('programs.enrollments.year')} view={view} onSort={(key) => change(nextEnrollmentSort(view, key))} />
                  <th scope="col">{t('enrolments.modalities')}</th>
                  <SortHeader sortKey="load" label={t('enrolments.load')} view={view} onSort={(key) => change(nextEnrollmentSort(view, key))} />
                  <th scope="col">
                    <span className="visually-hidden">{t('enrolments.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {visible.map((enrollment) => (
                  <tr key={enrollment.id} data-testid="enrollment-row">
                    <th scope="row">{enrollment.fullName}</th>
                    <td>
                      <span dir="ltr">{enrollment.email}</span>
                    </td>
                    <td>
                      <span className={`badge badge--${enrollment.role}`}>{t(`relations.${enrollment.role}`)}</span>
                    </td>
                    <td className="numeric">{enrollment.yearOfStudy === null ? t('common.none') : t('common.number', { value: enrollment.yearOfStudy })}</td>
                    <td>{enrollment.modalities.length === 0 ? t('common.none') : enrollment.modalities.map((m) => t(`sessions.modality.${m}`)).join(t('programs.separator'))}</td>
                    <td>
                      {editing === enrollment.id ? (
                        <CapacityEditor enrollment={enrollment} programId={programId} onDone={finish} />
                      ) : enrollment.role === EnrollmentRole.Mentor ? (
                        t('enrolments.loadValue', { taken: format.integer(enrollment.activeMentorships), capacity: format.integer(enrollment.capacity ?? 0) })
                      ) : enrollment.activeMentorships > 0 ? (
                        <span className="badge badge--success">{t('enrolments.hasMentor')}</span>
                      ) : (
                        <span className="badge badge--neutral">{t('enrolments.noMentor')}</span>
                      )}
                    </td>
                    <td>
                      <div className="button-row">
                        {enrollment.role === EnrollmentRole.Mentor && editing !== enrollment.id ? (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => {
                              setDone(null);
                              setEditing(enrollment.id);
                            }}
                            aria-label={t('enrolments.editCapacityWho', { name: enrollment.fullName })}
                            data-testid="edit-capacity"
                          >
                            {t('enrolments.editCapacity')}
                          </button>
                        ) : null}
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => {
                            setDone(null);
                            setRemoving(enrollment);
                          }}
                          aria-label={t('enrolments.removeWho', { name: enrollment.fullName })}
                          data-testid="remove-enrolment"
                        >
                          {t('enrolments.remove')}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {remaining > 0 ? (
          <div className="table-more">
            <button type="button" className="button button--secondary" onClick={() => setShown((count) => count + PAGE_SIZE)}>
              {t('enrolments.showMore', { count: Math.min(PAGE_SIZE, remaining) })}
            </button>
          </div>
        ) : null}
      </>
    );
  })();

  return (
    <section className="panel stack">
      <h2 id="enrollments-heading" className="panel__title">
        {t('programs.enrollments.heading')}
      </h2>
      {body}
    </section>
  );
}
