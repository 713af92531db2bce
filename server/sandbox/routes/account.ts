// Account-level reads: me, users, tags, custom field definitions, deletions and the account itself.
import { dropboxAddress, renderAccount, renderDeletions, renderSubjectFields, renderTags, renderUsers, userElement } from '../render.js';
import { countPeople, getUser, listDeletions, listSubjectFields, listTags, listUsers, sinceToIso } from '../store.js';
import { xmlDocument } from '../xml.js';
import { PAGE_SIZE } from './parties-list.js';
import { notFound, offsetParam, unprocessable, xml } from './respond.js';
import type { Route } from './types.js';

export const accountRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/me\.xml$/,
    handler: (r) => xml(r.c, xmlDocument(userElement(r.user, { dropbox: dropboxAddress(r.user, r.account) }))),
  },
  { method: 'GET', pattern: /^\/users\.xml$/, handler: (r) => xml(r.c, renderUsers(listUsers(r.db, r.account.id))) },
  {
    method: 'GET', pattern: /^\/users\/(\d+)\.xml$/,
    handler: (r) => {
      const u = getUser(r.db, r.account.id, Number(r.params[0]));
      return u ? xml(r.c, xmlDocument(userElement(u))) : notFound(r.c);
    },
  },
  { method: 'GET', pattern: /^\/tags\.xml$/, handler: (r) => xml(r.c, renderTags(listTags(r.db, r.account.id))) },
  {
    method: 'GET', pattern: /^\/subject_fields\.xml$/,
    handler: (r) => {
      const t = r.query.get('type') ?? 'party';
      const type = t === 'deal' || t === 'all' ? t : 'party';
      return xml(r.c, renderSubjectFields(listSubjectFields(r.db, r.account.id, type)));
    },
  },
  {
    method: 'GET', pattern: /^\/deletions\.xml$/,
    handler: (r) => {
      const since = r.query.get('since');
      const iso = since ? sinceToIso(since) : undefined;
      if (iso === null) return unprocessable(r.c, ['Since must be yyyymmddhhmmss']);
      return xml(r.c, renderDeletions(listDeletions(r.db, r.account.id, iso, offsetParam(r.query), PAGE_SIZE)));
    },
  },
  {
    method: 'GET', pattern: /^\/account\.xml$/,
    handler: (r) => {
      const owner = listUsers(r.db, r.account.id).find((u) => u.admin === 1);
      return xml(r.c, renderAccount(r.account, owner?.id ?? null, countPeople(r.db, r.account.id)));
    },
  },
];
