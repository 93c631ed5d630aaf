import { PairReason, PairStatus } from '@pm/contracts';
import { classify, type PairFlags } from './pair-status';

const none: PairFlags = { noShows: false, lowCheckIn: false, referral: false, noRecentSession: false, noAgreement: false };

describe('classify', () => {
  it('is on_track with no reason', () => {
    expect(classify(none)).toEqual({ status: PairStatus.OnTrack, reasons: [] });
  });

  it.each([
    ['noShows', PairReason.NoShows],
    ['lowCheckIn', PairReason.LowCheckIn],
    ['referral', PairReason.Referral],
  ] as const)('puts a pair at risk for %s alone', (flag, code) => {
    expect(classify({ ...none, [flag]: true })).toEqual({ status: PairStatus.AtRisk, reasons: [code] });
  });

  it.each([
    ['noRecentSession', PairReason.NoRecentSession],
    ['noAgreement', PairReason.NoAgreement],
  ] as const)('asks for a check-in for %s alone', (flag, code) => {
    expect(classify({ ...none, [flag]: true })).toEqual({ status: PairStatus.NeedsCheckIn, reasons: [code] });
  });

  it('lets at_risk win over needs_check_in, and names only its own reasons', () => {
    const all: PairFlags = { noShows: true, lowCheckIn: true, referral: true, noRecentSession: true, noAgreement: true };
    expect(classify(all)).toEqual({ status: PairStatus.AtRisk, reasons: [PairReason.NoShows, PairReason.LowCheckIn, PairReason.Referral] });
    expect(classify({ ...none, referral: true, noAgreement: true }).status).toBe(PairStatus.AtRisk);
  });
});
