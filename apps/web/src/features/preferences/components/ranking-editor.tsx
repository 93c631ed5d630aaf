import { useEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PreferencesResponse, RankingCandidate } from '@pm/contracts';
import { ErrorAlert, SuccessMessage } from '@web/components/feedback';
import { useSavePreferences } from '@web/features/preferences/hooks/use-save-preferences';
import { useFormatDateTime } from '@web/lib/use-format-date';
import { useNumberFormat } from '@web/lib/use-number-format';
import { CandidateFacts } from './candidate-facts';
import { initialRanking, unrankedCandidates } from './ranking';

interface RankingValues {
  ranked: Array<{ userId: string }>;
}

interface RankingEditorProps {
  programId: string;
  candidates: readonly RankingCandidate[];
  saved: PreferencesResponse;
  /** Whom the student ranks: mentees rank mentors and mentors rank mentees. */
  otherSide: 'mentor' | 'mentee';
}

const RANKED_HEADING = 'ranked-heading';
const CANDIDATES_HEADING = 'candidates-heading';

/**
 * Builds an ordered list with buttons only (add, move up, move down, remove), so it works from a keyboard and a
 * screen reader. After each move, focus follows the moved person and a live region says where they are now.
 */
export function RankingEditor({ programId, candidates, saved, otherSide }: RankingEditorProps) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const formatDateTime = useFormatDateTime();
  const save = useSavePreferences(programId);
  const byId = useMemo(() => new Map(candidates.map((candidate) => [candidate.userId, candidate])), [candidates]);
  const {
    control,
    handleSubmit,
    reset,
    formState: { isDirty },
  } = useForm<RankingValues>({ defaultValues: { ranked: initialRanking(saved.rankedUserIds, candidates).map((userId) => ({ userId })) } });
  const { fields, append, remove, move } = useFieldArray({ control, name: 'ranked' });
  const [announcement, setAnnouncement] = useState('');

  const focusables = useRef(new Map<string, HTMLElement>());
  const pendingFocus = useRef<string | null>(null);
  const focusRef = (key: string) => (element: HTMLElement | null) => {
    if (element) focusables.current.set(key, element);
    else focusables.current.delete(key);
  };
  useEffect(() => {
    // Runs after every render: a move re-renders the list, and only then does the button to focus exist.
    if (pendingFocus.current === null) return;
    focusables.current.get(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const rankedIds = fields.map((field) => field.userId);
  const unranked = unrankedCandidates(candidates, rankedIds);
  const nameOf = (userId: string): string => byId.get(userId)?.fullName ?? userId;
  const total = fields.length;

  const moveUp = (index: number, userId: string): void => {
    move(index, index - 1);
    pendingFocus.current = index - 1 === 0 ? `${userId}:down` : `${userId}:up`;
    setAnnouncement(t('preferences.movedTo', { name: nameOf(userId), position: index, total }));
  };
  const moveDown = (index: number, userId: string): void => {
    move(index, index + 1);
    pendingFocus.current = index + 1 === total - 1 ? `${userId}:up` : `${userId}:down`;
    setAnnouncement(t('preferences.movedTo', { name: nameOf(userId), position: index + 2, total }));
  };
  const removeAt = (index: number, userId: string): void => {
    const neighbour = fields[index + 1] ?? fields[index - 1];
    remove(index);
    pendingFocus.current = neighbour ? `${neighbour.userId}:remove` : RANKED_HEADING;
    setAnnouncement(t('preferences.removed', { name: nameOf(userId) }));
  };
  const add = (candidate: RankingCandidate): void => {
    const index = unranked.findIndex((other) => other.userId === candidate.userId);
    const neighbour = unranked[index + 1] ?? unranked[index - 1];
    append({ userId: candidate.userId }, { shouldFocus: false });
    pendingFocus.current = neighbour ? `${neighbour.userId}:add` : CANDIDATES_HEADING;
    setAnnouncement(t('preferences.added', { name: candidate.fullName, position: total + 1 }));
  };

  const submit = handleSubmit((values) =>
    save.mutate(
      values.ranked.map((entry) => entry.userId),
      { onSuccess: (stored) => reset({ ranked: stored.rankedUserIds.map((userId) => ({ userId })) }) },
    ),
  );

  const savedState = (() => {
    if (isDirty) return <p className="notice notice--warning">{t('preferences.unsaved')}</p>;
    if (save.isSuccess) return <SuccessMessage>{t('preferences.saved', { count: save.data.rankedUserIds.length })}</SuccessMessage>;
    if (saved.updatedAt) return <p className="muted">{t('preferences.lastSaved', { when: formatDateTime(saved.updatedAt), count: saved.rankedUserIds.length })}</p>;
    return <p className="muted">{t('preferences.neverSaved')}</p>;
  })();

  return (
    <form className="stack" noValidate onSubmit={(event) => void submit(event)} data-testid="ranking-editor">
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div className="columns columns--halves">
        <section className="panel" aria-labelledby={RANKED_HEADING}>
          <h2 id={RANKED_HEADING} className="panel__title" tabIndex={-1} ref={focusRef(RANKED_HEADING)}>
            {t('preferences.rankedHeading', { count: total })}
          </h2>
          {total === 0 ? (
            <p className="muted">{t(`preferences.rankedEmpty.${otherSide}`)}</p>
          ) : (
            <ol className="ranking-list" data-testid="ranking-list">
              {fields.map((field, index) => {
                const name = nameOf(field.userId);
                const candidate = byId.get(field.userId);
                return (
                  <li key={field.id} className="ranking-list__item" data-testid="ranked-item">
                    <span className="ranking-list__position" aria-hidden="true">
                      {format.integer(index + 1)}
                    </span>
                    <div className="ranking-list__body">
                      <h3 className="ranking-list__name">{name}</h3>
                      {candidate ? (
                        <p className="muted">
                          {[
                            candidate.yearOfStudy === null ? null : t('common.yearOfStudy', { year: candidate.yearOfStudy }),
                            t('preferences.scoreValue', { value: candidate.score }),
                          ]
                            .filter((part) => part !== null)
                            .join(t('programs.separator'))}
                        </p>
                      ) : null}
                    </div>
                    <div className="ranking-list__actions">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('preferences.moveUpLabel', { name })}
                        disabled={index === 0}
                        ref={focusRef(`${field.userId}:up`)}
                        onClick={() => moveUp(index, field.userId)}
                      >
                        <span aria-hidden="true">↑</span> {t('preferences.moveUp')}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('preferences.moveDownLabel', { name })}
                        disabled={index === total - 1}
                        ref={focusRef(`${field.userId}:down`)}
                        onClick={() => moveDown(index, field.userId)}
                      >
                        <span aria-hidden="true">↓</span> {t('preferences.moveDown')}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('preferences.removeLabel', { name })}
                        ref={focusRef(`${field.userId}:remove`)}
                        onClick={() => removeAt(index, field.userId)}
                      >
                        {t('preferences.remove')}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
        <section className="panel" aria-labelledby={CANDIDATES_HEADING}>
          <h2 id={CANDIDATES_HEADING} className="panel__title" tabIndex={-1} ref={focusRef(CANDIDATES_HEADING)}>
            {t(`preferences.candidatesHeading.${otherSide}`, { count: unranked.length })}
          </h2>
          {candidates.length === 0 ? (
            <p className="muted">{t(`preferences.noCandidates.${otherSide}`)}</p>
          ) : unranked.length === 0 ? (
            <p className="muted">{t('preferences.allRanked')}</p>
          ) : (
            <ul className="candidate-list" data-testid="candidate-list">
              {unranked.map((candidate) => (
                <li key={candidate.userId} className="candidate" data-testid="candidate-item">
                  <div className="candidate__head">
                    <h3 className="candidate__name">{candidate.fullName}</h3>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('preferences.addLabel', { name: candidate.fullName })}
                      ref={focusRef(`${candidate.userId}:add`)}
                      onClick={() => add(candidate)}
                    >
                      {t('preferences.add')}
                    </button>
                  </div>
                  <CandidateFacts candidate={candidate} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="panel stack">
        {savedState}
        <ErrorAlert error={save.error} />
        <p className="field__hint">{t('preferences.partialHint')}</p>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="save-ranking">
            {save.isPending ? t('preferences.saving') : t('preferences.save')}
          </button>
        </div>
      </div>
    </form>
  );
}
