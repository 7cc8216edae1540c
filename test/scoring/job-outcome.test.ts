import { isNotEnoughData, jobOutcome, notEnoughData, parseJobOutcome } from '../../src/scoring/job-outcome';

describe('job outcomes: a code and numbers, read back', () => {
  it('writes and parses a refusal with its counts', () => {
    const m = notEnoughData({ closed: 12, required: 2000, success: 5, failure: 7 });
    expect(m).toBe('not_enough_data closed=12 required=2000 success=5 failure=7');
    expect(parseJobOutcome(m)).toEqual({ code: 'not_enough_data', vars: { closed: 12, required: 2000, success: 5, failure: 7 } });
    expect(isNotEnoughData(m)).toBe(true);
    expect(parseJobOutcome(jobOutcome('timeout'))).toEqual({ code: 'timeout', vars: {} });
  });

  it('reads no code out of an exception\'s sentence, and inherits nothing', () => {
    expect(parseJobOutcome('not enough data: 12 closed leads of 2000')).toBeNull();
    expect(parseJobOutcome('connect ECONNREFUSED 127.0.0.1:443')).toBeNull();
    expect(parseJobOutcome(undefined)).toBeNull();
    expect(isNotEnoughData('model version 2 trained')).toBe(false);
    expect(parseJobOutcome('x __proto__=1')).toBeNull();
    const p = parseJobOutcome('x constructor=2');
    expect(p?.vars.constructor).toBe(2);
    expect(Object.getPrototypeOf(p!.vars)).toBeNull();
  });
});
