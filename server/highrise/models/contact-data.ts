import { list, record, integer, resource, text } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';

/** Contact data shared by people and companies (data_reference.md "Contact data"). */

const id = integer('id');

export const emailAddressSchema = { id, address: text('address', { writable: true }), location: text('location', { writable: true }) };
export const phoneNumberSchema = { id, number: text('number', { writable: true }), location: text('location', { writable: true }) };
export const addressSchema = {
  id,
  street: text('street', { writable: true }),
  city: text('city', { writable: true }),
  state: text('state', { writable: true }),
  zip: text('zip', { writable: true }),
  country: text('country', { writable: true }),
  location: text('location', { writable: true }),
};
export const instantMessengerSchema = {
  id,
  address: text('address', { writable: true }),
  protocol: text('protocol', { writable: true }),
  location: text('location', { writable: true }),
};
export const twitterAccountSchema = {
  id,
  username: text('username', { writable: true }),
  url: text('url'),
  location: text('location', { writable: true }),
};
export const webAddressSchema = { id, url: text('url', { writable: true }), location: text('location', { writable: true }) };

const rows = { writable: true, removableById: true } as const;

export const contactDataSchema = {
  emailAddresses: list('email-addresses', 'email-address', emailAddressSchema, rows),
  phoneNumbers: list('phone-numbers', 'phone-number', phoneNumberSchema, rows),
  addresses: list('addresses', 'address', addressSchema, rows),
  instantMessengers: list('instant-messengers', 'instant-messenger', instantMessengerSchema, rows),
  twitterAccounts: list('twitter-accounts', 'twitter-account', twitterAccountSchema, rows),
  webAddresses: list('web-addresses', 'web-address', webAddressSchema, rows),
};

export const contactData = record('contact-data', contactDataSchema, { writable: true, emptyWhenMissing: true });

/** Locations Highrise accepts per kind; a row without a valid one is rejected (REAL-WORLD #13). */
export const LOCATIONS = {
  emailAddresses: ['Work', 'Home', 'Other'],
  phoneNumbers: ['Work', 'Mobile', 'Fax', 'Pager', 'Home', 'Skype', 'Other'],
  addresses: ['Work', 'Home', 'Other'],
  instantMessengers: ['Work', 'Personal', 'Other'],
  twitterAccounts: ['Personal', 'Business', 'Other'],
  webAddresses: ['Work', 'Personal', 'Other'],
} as const;

export const IM_PROTOCOLS = ['AIM', 'MSN', 'ICQ', 'Jabber', 'Yahoo', 'Skype', 'QQ', 'Sametime', 'Gadu-Gadu', 'Google Talk', 'other'] as const;

/** A bare `<contact-data>` document (the data reference shows one on its own). */
export const contactDataResource = resource('contact-data', 'contact-data', contactDataSchema);
export type ContactData = Infer<typeof contactDataSchema>;
export type ContactDataWrite = Write<typeof contactDataSchema>;
