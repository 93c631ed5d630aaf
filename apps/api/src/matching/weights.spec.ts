import { DEFAULT_MATCHING_WEIGHTS, MATCHING_WEIGHT_KEYS, MAX_MATCHING_WEIGHT } from '@pm/contracts';
import { DEFAULT_WEIGHTS, MAX_WEIGHT } from '@pm/matching';

// The web page shows the contract's defaults and the engine scores with its own: they must not drift apart.
describe('score weights in the contract and in the engine', () => {
  it('have the same defaults, keys and bound', () => {
    expect(DEFAULT_MATCHING_WEIGHTS).toEqual(DEFAULT_WEIGHTS);
    expect([...MATCHING_WEIGHT_KEYS].sort()).toEqual(Object.keys(DEFAULT_WEIGHTS).sort());
    expect(MAX_MATCHING_WEIGHT).toBe(MAX_WEIGHT);
  });
});
