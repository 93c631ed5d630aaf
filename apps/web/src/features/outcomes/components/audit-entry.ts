import type { TFunction } from 'i18next';
import type { AuditEntryResponse } from '@pm/contracts';

type Details = AuditEntryResponse['details'];

const countOf = (details: Details, key: string): number | null => {
  const value = details[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/** What happened, in the reader's language; an action this dashboard does not know is shown as the API names it. */
export function describeAuditAction(entry: AuditEntryResponse, t: TFunction): string {
  switch (entry.action) {
    case 'records.import':
      return t('outcomes.audit.action.import');
    case 'records.read':
      return t('outcomes.audit.action.read');
    default:
      return entry.action;
  }
}

/** Whose records: one student, or the whole program when a coordinator read them all. */
export function describeAuditSubject(entry: AuditEntryResponse, t: TFunction): string {
  if (entry.subjectEmail) return entry.subjectEmail;
  if (entry.details['scope'] === 'program' || entry.action === 'records.import') return t('outcomes.audit.wholeProgram');
  return t('common.none');
}

/** The numbers the API logged with the action, e.g. how many records were read. */
export function describeAuditDetails(entry: AuditEntryResponse, t: TFunction): string | null {
  if (entry.action === 'records.import') {
    const rows = countOf(entry.details, 'rows');
    const imported = countOf(entry.details, 'imported');
    const updated = countOf(entry.details, 'updated');
    if (rows !== null && imported !== null && updated !== null) return t('outcomes.audit.importDetails', { count: rows, imported, updated });
  }
  if (entry.action === 'records.read') {
    const records = countOf(entry.details, 'records');
    if (records !== null) return t('outcomes.audit.readDetails', { count: records });
  }
  return null;
}
