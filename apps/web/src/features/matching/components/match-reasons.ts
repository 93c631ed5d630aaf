import type { TFunction } from 'i18next';
import { MODALITIES, type MatchReasonDetail } from '@pm/contracts';

type Params = MatchReasonDetail['params'];

const textParam = (params: Params, key: string): string | null => {
  const value = params[key];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : null;
};

const numberParam = (params: Params, key: string): number | null => {
  const value = params[key];
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
};

/**
 * One reason of a match in the reader's language, built from its code and parameters. The API's English
 * `text` is the fallback for a code this dashboard does not know yet, or parameters it cannot read: an English
 * sentence is better than a wrong one.
 */
export function describeReason(detail: MatchReasonDetail, t: TFunction): string {
  const { params } = detail;
  const code: string = detail.code;
  switch (code) {
    case 'shared_interest': {
      const interest = textParam(params, 'interest');
      return interest === null ? detail.text : t('matching.reasons.shared_interest', { interest });
    }
    case 'shared_language': {
      const language = textParam(params, 'language');
      return language === null ? detail.text : t('matching.reasons.shared_language', { language });
    }
    case 'same_campus': {
      const campus = textParam(params, 'campus');
      return campus === null ? t('matching.reasons.same_campus_unnamed') : t('matching.reasons.same_campus', { campus });
    }
    case 'shared_modality': {
      // libs/matching sends the shared ways to meet as "in_person,virtual"; a single `modality` is read too.
      const listed = (textParam(params, 'modalities') ?? textParam(params, 'modality') ?? '').split(',').map((item) => item.trim());
      const shared = MODALITIES.filter((modality) => listed.includes(modality));
      if (shared.length === MODALITIES.length) return t('matching.reasons.both_modalities');
      const [only] = shared;
      return only === undefined || shared.length !== listed.length ? detail.text : t('matching.reasons.shared_modality', { modality: t(`matching.reasons.modalityWord.${only}`) });
    }
    case 'year_gap': {
      const mentorYear = numberParam(params, 'mentorYear');
      const menteeYear = numberParam(params, 'menteeYear');
      return mentorYear === null || menteeYear === null ? detail.text : t('matching.reasons.year_gap', { mentorYear, menteeYear });
    }
    default:
      return detail.text;
  }
}

/**
 * This reason's share of the score, when the engine says. Reasons worth nothing (a shared way to meet is a rule,
 * a wide year gap earns no points) are still listed but without "(0 points)", which reads like a penalty.
 */
export const reasonPoints = (detail: MatchReasonDetail): number | null => {
  const points = numberParam(detail.params, 'points');
  return points === 0 ? null : points;
};
