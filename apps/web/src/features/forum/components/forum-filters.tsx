import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORUM_TAGS, type ForumTag } from '@pm/contracts';
import type { ForumFilters as Filters } from '@web/features/forum/api/forum-api';
import { useDebouncedValue } from '@web/lib/use-debounced-value';

/** Search box, tag and "unanswered" filters; the search is sent once typing pauses. */
export function ForumFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q ?? '');
  const debounced = useDebouncedValue(q, 300);
  useEffect(() => {
    if ((value.q ?? '') !== debounced) onChange({ ...value, q: debounced });
  }, [debounced, onChange, value]);

  return (
    <form className="forum-filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label className="field__label" htmlFor="forum-search">{t('forum.search.label')}</label>
        <input className="field__control" id="forum-search" type="search" value={q} maxLength={200} placeholder={t('forum.search.placeholder')} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="forum-tag">{t('forum.search.tag')}</label>
        <select className="field__control" id="forum-tag" value={value.tag ?? ''} onChange={(e) => onChange({ ...value, tag: (e.target.value || undefined) as ForumTag | undefined })}>
          <option value="">{t('forum.search.anyTag')}</option>
          {FORUM_TAGS.map((tag) => (
            <option key={tag} value={tag}>
              {t(`forum.tags.${tag}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={value.unanswered ?? false} onChange={(e) => onChange({ ...value, unanswered: e.target.checked || undefined })} />
        {t('forum.search.unanswered')}
      </label>
    </form>
  );
}
