import type { Person } from '../../../server/api/types';

export function makePerson(overrides: Partial<Person> = {}): Person {
  return {
    id: 5,
    firstName: 'Ada',
    lastName: 'Lovelace',
    title: 'Analyst',
    background: 'Line one\nLine two',
    linkedinUrl: null,
    avatarUrl: null,
    companyId: 9,
    companyName: 'Analytical Engines',
    createdAt: '2024-01-02T03:04:05Z',
    updatedAt: '2024-02-03T04:05:06Z',
    visibleTo: 'Everyone',
    ownerId: null,
    groupId: null,
    authorId: 1,
    contactData: {
      emailAddresses: [
        { id: 11, address: 'ada@work.example', location: 'Work' },
        { id: 12, address: 'ada@home.example', location: 'Home' },
      ],
      phoneNumbers: [{ id: 21, number: '+44 20 7946 0000', location: 'Mobile' }],
      addresses: [],
      instantMessengers: [],
      twitterAccounts: [],
      webAddresses: [{ id: 31, url: 'https://ada.example', location: 'Personal' }],
    },
    customFields: [],
    tags: [{ id: 1, name: 'vip' }],
    ...overrides,
  };
}
