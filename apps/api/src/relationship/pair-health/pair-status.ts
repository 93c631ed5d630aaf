import { PairReason, PairStatus } from '@pm/contracts';

export interface PairFlags {
  noShows: boolean;
  lowCheckIn: boolean;
  referral: boolean;
  noRecentSession: boolean;
  noAgreement: boolean;
}

const pick = (rules: Array<[boolean, PairReason]>): PairReason[] => rules.filter(([on]) => on).map(([, code]) => code);

/**
 * The contract's precedence: any at_risk reason wins; otherwise any needs_check_in reason; otherwise on_track.
 * The reasons returned are those of the status shown, in the contract's order.
 */
export function classify(f: PairFlags): { status: PairStatus; reasons: PairReason[] } {
  const atRisk = pick([[f.noShows, PairReason.NoShows], [f.lowCheckIn, PairReason.LowCheckIn], [f.referral, PairReason.Referral]]);
  if (atRisk.length > 0) return { status: PairStatus.AtRisk, reasons: atRisk };
  const needs = pick([[f.noRecentSession, PairReason.NoRecentSession], [f.noAgreement, PairReason.NoAgreement]]);
  if (needs.length > 0) return { status: PairStatus.NeedsCheckIn, reasons: needs };
  return { status: PairStatus.OnTrack, reasons: [] };
}
