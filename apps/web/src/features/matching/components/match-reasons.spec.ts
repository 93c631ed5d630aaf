import { describe, expect, it } from 'vitest';
import type { MatchReasonDetail } from '@pm/contracts';
import { setupI18n } from '@web/lib/i18n';
import { describeReason, reasonPoints } from './match-reasons';

const reason = (code: string, params: MatchReasonDetail['params'], text = 'the English sentence'): MatchReasonDetail =>
  ({ code, params, text }) as MatchReasonDetail;

describe('describeReason', () => {
  it('translates each known code from its parameters, in English', async () => {
    const { t } = await setupI18n('en');
    expect(describeReason(reason('shared_interest', { interest: 'cardiology', points: 3 }), t)).toBe('both interested in cardiology');
    expect(describeReason(reason('shared_language', { language: 'Persian', points: 2 }), t)).toBe('both speak Persian');
    expect(describeReason(reason('same_campus', { campus: 'North campus', points: 2 }), t)).toBe('both at North campus');
    expect(describeReason(reason('shared_modality', { modalities: 'virtual', points: 0 }), t)).toBe('both can meet virtually');
    expect(describeReason(reason('shared_modality', { modalities: 'in_person,virtual', points: 1 }), t)).toBe('both can meet in person and virtually');
    expect(describeReason(reason('shared_modality', { modality: 'in_person', points: 0 }), t)).toBe('both can meet in person');
    expect(describeReason(reason('year_gap', { mentorYear: 4, menteeYear: 2, points: 2 }), t)).toBe('mentor in year 4, mentee in year 2');
  });

  it('translates into Persian with Persian digits, instead of showing the English text', async () => {
    const { t } = await setupI18n('fa');
    expect(describeReason(reason('shared_interest', { interest: 'قلب' }), t)).toBe('هر دو به قلب علاقه دارند');
    expect(describeReason(reason('year_gap', { mentorYear: 4, menteeYear: 2 }), t)).toBe('منتور در سال ۴، منتی در سال ۲');
  });

  it('falls back to the API text for an unknown code, or for parameters it cannot read', async () => {
    const { t } = await setupI18n('fa');
    expect(describeReason(reason('same_mother_tongue', { points: 5 }, 'both grew up speaking Kurdish'), t)).toBe('both grew up speaking Kurdish');
    expect(describeReason(reason('shared_interest', { topic: 'cardiology' }, 'both interested in cardiology'), t)).toBe('both interested in cardiology');
    expect(describeReason(reason('year_gap', { mentorYear: 'four', menteeYear: 2 }, 'a two-year gap'), t)).toBe('a two-year gap');
    expect(describeReason(reason('shared_modality', { modalities: 'in_person,by_post' }, 'both available by post'), t)).toBe('both available by post');
    expect(describeReason(reason('shared_modality', {}, 'both available somehow'), t)).toBe('both available somehow');
  });

  it('reads numbers sent as strings', async () => {
    const { t } = await setupI18n('en');
    expect(describeReason(reason('year_gap', { mentorYear: '5', menteeYear: '3' }), t)).toBe('mentor in year 5, mentee in year 3');
  });
});

describe('reasonPoints', () => {
  it('is the points parameter, or null without one or when it adds nothing', () => {
    expect(reasonPoints(reason('shared_interest', { interest: 'x', points: 3 }))).toBe(3);
    expect(reasonPoints(reason('shared_interest', { interest: 'x' }))).toBeNull();
    expect(reasonPoints(reason('shared_modality', { modalities: 'virtual', points: 0 }))).toBeNull();
  });
});
