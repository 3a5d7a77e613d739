import * as assert from 'node:assert/strict';
import { isValidRegistrationNumber, registrationCheckDigit } from '../../server/src/core/rules/registration-number-checksum';

describe('registration number checksum (사업자등록번호)', () => {
  it('accepts known valid numbers', () => {
    for (const number of ['124-81-00998', '220-81-62517', '214-86-47312']) {
      assert.equal(isValidRegistrationNumber(number), true, number);
    }
  });

  it('rejects a number with any single digit changed', () => {
    const base = '124-81-00998';
    for (let i = 0; i < base.length; i++) {
      if (base[i] === '-') continue;
      const changed = base.slice(0, i) + String((Number(base[i]) + 1) % 10) + base.slice(i + 1);
      assert.equal(isValidRegistrationNumber(changed), false, changed);
    }
  });

  it('computes the check digit, including the ⌊5·d9/10⌋ term', () => {
    assert.equal(registrationCheckDigit([1, 2, 4, 8, 1, 0, 0, 9, 9]), 8);
    // A ninth digit of 0 adds nothing; 9 adds ⌊45/10⌋ = 4.
    assert.equal(registrationCheckDigit([1, 0, 1, 8, 6, 0, 0, 0, 0]), 6);
    assert.equal(registrationCheckDigit([1, 0, 1, 8, 6, 0, 0, 0, 9]), 7);
  });

  it('leaves numbers of the wrong shape to the schema', () => {
    assert.equal(isValidRegistrationNumber('1248100998'), undefined);
    assert.equal(isValidRegistrationNumber('124-81-0099'), undefined);
  });
});
