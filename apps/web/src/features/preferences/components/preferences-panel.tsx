import { useTranslation } from 'react-i18next';
import type { ProgramResponse } from '@pm/contracts';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { useMyPreferences } from '@web/features/preferences/hooks/use-my-preferences';
import { useRankingCandidates } from '@web/features/preferences/hooks/use-ranking-candidates';
import { RankingEditor } from './ranking-editor';

/** Loads who the student may rank and their saved ranking, then hands both to the editor. */
export function PreferencesPanel({ program }: { program: ProgramResponse }) {
  const { t } = useTranslation();
  const candidates = useRankingCandidates(program.id);
  const preferences = useMyPreferences(program.id);
  const isMentee = program.myRelations.includes('mentee');
  const isMentor = program.myRelations.includes('mentor');

  if (!isMentee && !isMentor) return <p className="empty-state">{t('preferences.notEnrolled')}</p>;
  if (candidates.isPending || preferences.isPending) return <LoadingMessage />;
  if (candidates.isError) return <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />;
  if (preferences.isError) return <QueryError error={preferences.error} onRetry={() => void preferences.refetch()} />;
  return <RankingEditor programId={program.id} candidates={candidates.data} saved={preferences.data} otherSide={isMentee ? 'mentor' : 'mentee'} />;
}
