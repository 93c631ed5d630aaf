import type { OutcomeGroup, OutcomesResponse } from '@pm/contracts';

export type GroupKey = 'mentored' | 'comparison' | 'in_person' | 'virtual';

export interface NamedGroup {
  key: GroupKey;
  group: OutcomeGroup;
}

export const mainGroups = (outcomes: OutcomesResponse): NamedGroup[] => [
  { key: 'mentored', group: outcomes.mentored },
  { key: 'comparison', group: outcomes.comparison },
];

export const modalityGroups = (outcomes: OutcomesResponse): NamedGroup[] => [
  { key: 'in_person', group: outcomes.byModality.in_person },
  { key: 'virtual', group: outcomes.byModality.virtual },
];

/** Chart colours per group; each pair is told apart by hue and lightness, and the legend names them too. */
export const GROUP_COLOURS: Record<GroupKey, string> = {
  mentored: '#1d4ed8',
  comparison: '#b45309',
  in_person: '#047857',
  virtual: '#7c3aed',
};
