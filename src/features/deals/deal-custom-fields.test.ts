import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../server/api/types';
import { customFieldChanges, customFieldValues } from './deal-custom-fields';

const deal = { customFields: [{ id: 8500001, subjectFieldId: 307, subjectFieldLabel: 'Expected close', value: 'End of Q2' }] } as Pick<Deal, 'customFields'>;

describe('deal custom fields', () => {
  it('reads the values by field id', () => {
    expect(customFieldValues(deal)).toEqual({ 307: 'End of Q2' });
    expect(customFieldValues(undefined)).toEqual({});
  });

  it('on create sends only non-blank values, by field id', () => {
    expect(customFieldChanges(undefined, { 307: 'June', 308: '  ' })).toEqual([{ subjectFieldId: 307, value: 'June' }]);
  });

  it('on update sends changed values by id, removes blanked ones, adds new ones by field id, and nothing when unchanged', () => {
    expect(customFieldChanges(deal, { 307: 'End of Q2' })).toEqual([]);
    expect(customFieldChanges(deal, { 307: 'July\r\n' })).toEqual([{ id: 8500001, value: 'July\r\n' }]);
    expect(customFieldChanges(deal, { 307: ' ' })).toEqual([{ id: 8500001, remove: true }]);
    expect(customFieldChanges(deal, { 307: 'End of Q2', 309: 'x' })).toEqual([{ subjectFieldId: 309, value: 'x' }]);
  });
});
