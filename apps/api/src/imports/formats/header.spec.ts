import { describe, expect, it } from '@jest/globals';
import { checkHeader, requireHeader, type HeaderSpec } from './header.js';
import { ImportFileError } from './types.js';

const spec: HeaderSpec = {
  required: ['period', 'value'],
  optional: ['channel', 'standard_id', 'agency', 'standard_code'],
  oneOf: [['standard_id'], ['agency', 'standard_code']],
};

describe('checkHeader', () => {
  it('matches names trimmed and case-insensitively, and maps them to the file spelling', () => {
    const check = checkHeader([' Standard_ID ', 'PERIOD', 'Value'], spec);
    expect(check.problem).toBeNull();
    expect(check.columns.get('period')).toBe('PERIOD');
    expect(check.columns.get('standard_id')).toBe(' Standard_ID ');
  });

  it('names every missing and unknown column', () => {
    const check = checkHeader(['standard_id', 'vaule', 'chanel'], spec);
    expect(check.missing).toEqual(['period', 'value']);
    expect(check.unknown).toEqual(['vaule', 'chanel']);
    expect(check.problem).toBe('missing columns: period, value; unknown columns: vaule, chanel');
  });

  it('asks for one way of naming the standard, completing the one the file started', () => {
    expect(checkHeader(['period', 'value'], spec).problem).toBe(
      'missing columns: standard_id (or agency and standard_code)',
    );
    expect(checkHeader(['agency', 'period', 'value'], spec).problem).toBe('missing columns: standard_code');
    expect(checkHeader(['agency', 'standard_code', 'period', 'value'], spec).problem).toBeNull();
  });

  it('reports a column given twice', () => {
    expect(checkHeader(['standard_id', 'period', 'value', 'Value'], spec).problem).toBe('repeated columns: Value');
  });

  it('says when the file is not comma-separated', () => {
    expect(checkHeader(['standard_id;period;value'], spec).problem).toContain(
      'the columns seem to be separated by ";": save the file as CSV UTF-8, comma-separated',
    );
  });

  it('accepts aliases', () => {
    const aliased: HeaderSpec = {
      required: ['Strategic Objective'],
      optional: [],
      alias: (name) => (/^\d{4} strategic objective$/.test(name) ? 'Strategic Objective' : undefined),
    };
    expect(checkHeader(['2018 Strategic  Objective'], aliased).problem).toBeNull();
  });

  it('throws an ImportFileError with the columns from requireHeader', () => {
    let error: unknown;
    try {
      requireHeader(['standard_id', 'vaule'], spec, 3);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({
      code: 'bad_header',
      line: 3,
      message: 'The header is not right: missing columns: period, value; unknown columns: vaule.',
      columns: { missing: ['period', 'value'], unknown: ['vaule'], duplicate: [] },
    });
  });
});
