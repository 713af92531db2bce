import { describe, expect, it } from 'vitest';
import { contactDataInput, emailAddressInput } from './contact-data.js';
import { personUpdateInput } from './person.js';

describe('contact-data rows', () => {
  it('accepts a removal with only the id, even when the text sent along is now invalid', () => {
    expect(emailAddressInput.parse({ id: 3, remove: true })).toEqual({ id: 3, remove: true });
    expect(emailAddressInput.safeParse({ id: 3, remove: true, address: 'no-at-sign' }).success).toBe(true);
  });

  it('reports a bad field of a kept row at that field, with a sentence', () => {
    const result = contactDataInput.safeParse({ emailAddresses: [{ address: 'a@b.example' }, { address: 'nope' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['emailAddresses', 1, 'address'], message: 'Enter an email address like name@example.com.' });
  });

  it('gives every new row a location (Highrise rejects rows without one)', () => {
    expect(emailAddressInput.parse({ address: 'a@b.example' })).toEqual({ address: 'a@b.example', location: 'Work' });
    expect(emailAddressInput.safeParse({ address: 'a@b.example', location: 'Moon' }).success).toBe(false);
  });

  it('a removal needs an id', () => {
    expect(emailAddressInput.safeParse({ remove: true }).success).toBe(false);
  });

  it('a NamedGroup visibility needs its group', () => {
    expect(personUpdateInput.safeParse({ visibleTo: 'NamedGroup' }).error?.issues[0].path).toEqual(['groupId']);
    expect(personUpdateInput.safeParse({ visibleTo: 'NamedGroup', groupId: 4 }).success).toBe(true);
  });
});
