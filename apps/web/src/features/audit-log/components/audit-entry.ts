import type { TFunction } from 'i18next';
import type { AuditEntryResponse } from '@pm/contracts';

type Details = AuditEntryResponse['details'];

const countOf = (details: Details, key: string): number | null => {
  const value = details[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};
const textOf = (details: Details, key: string): string | null => {
  const value = details[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

/** The actions this dashboard words itself; any other is shown as the API names it. */
const KNOWN_ACTIONS = {
  'records.import': 'auditLog.action.recordsImport',
  'records.read': 'auditLog.action.recordsRead',
  'records.delete': 'auditLog.action.recordsDelete',
  'records.export': 'auditLog.action.recordsExport',
  'matching.commit': 'auditLog.action.matchingCommit',
  'mentorship.create': 'auditLog.action.mentorshipCreate',
  'mentorship.end': 'auditLog.action.mentorshipEnd',
  'program.coordinator.add': 'auditLog.action.coordinatorAdd',
} as const;

export type KnownAuditAction = keyof typeof KNOWN_ACTIONS;

const isKnown = (action: string): action is KnownAuditAction => Object.hasOwn(KNOWN_ACTIONS, action);

/** What happened, in the reader's language. */
export function describeAuditAction(entry: AuditEntryResponse, t: TFunction): string {
  return isKnown(entry.action) ? t(KNOWN_ACTIONS[entry.action]) : entry.action;
}

/** Whose data: one person, or the whole program when a coordinator read or imported them all. */
export function describeAuditSubject(entry: AuditEntryResponse, t: TFunction): string {
  if (entry.subjectEmail) return entry.subjectEmail;
  if (entry.details['scope'] === 'program' || entry.action === 'records.import' || entry.action === 'records.export' || entry.action === 'matching.commit') return t('auditLog.wholeProgram');
  return t('common.none');
}

/** The facts the API logged with the action, e.g. how many records were read or pairs committed. */
export function describeAuditDetails(entry: AuditEntryResponse, t: TFunction, formatDay: (day: string) => string): string | null {
  const d = entry.details;
  switch (entry.action) {
    case 'records.import': {
      const rows = countOf(d, 'rows');
      const imported = countOf(d, 'imported');
      const updated = countOf(d, 'updated');
      return rows !== null && imported !== null && updated !== null ? t('auditLog.details.import', { count: rows, imported, updated }) : null;
    }
    case 'records.read': {
      const records = countOf(d, 'records');
      return records !== null ? t('auditLog.details.read', { count: records }) : null;
    }
    case 'records.export': {
      const rows = countOf(d, 'rows');
      return rows !== null ? t('auditLog.details.export', { count: rows }) : null;
    }
    case 'records.delete': {
      const assessment = textOf(d, 'assessment');
      const takenOn = textOf(d, 'takenOn');
      return assessment && takenOn ? t('auditLog.details.delete', { assessment, day: formatDay(takenOn) }) : null;
    }
    case 'matching.commit': {
      const pairs = countOf(d, 'mentorships');
      return pairs !== null ? t('auditLog.details.commit', { count: pairs }) : null;
    }
    case 'mentorship.create': {
      const startedOn = textOf(d, 'startedOn');
      return startedOn ? t('auditLog.details.create', { day: formatDay(startedOn) }) : null;
    }
    case 'mentorship.end': {
      const reason = textOf(d, 'reason');
      return reason ? t('auditLog.details.end', { reason }) : null;
    }
    default:
      return null;
  }
}
