// Applying a <person>/<company> body to the store: shared validation and the contact-data and
// custom-field rules of Highrise (id → update, no id → create, negative id → remove).
import { CONTACT_ELEMENT_NAMES } from './render.js';
import {
  type ContactColumn, type ContactKind, type ContactValues, type Db, deleteContact, deleteSubjectDataByField, getContact,
  insertContact, setSubjectData, subjectFieldExists, updateContact, updateSubjectDataById,
} from './store.js';
import { type XmlNode, child, childrenNamed, intLeaf, leaf } from './xml-read.js';

/** Thrown inside a write transaction to roll it back and answer 422 with these messages. */
export class Unprocessable extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('; ') || 'unprocessable');
  }
}

const CONTACT_FIELDS: Record<ContactKind, { columns: ContactColumn[]; locations: string[]; label: string }> = {
  email: { columns: ['address'], locations: ['Work', 'Home', 'Other'], label: 'Email address' },
  phone: { columns: ['number'], locations: ['Work', 'Mobile', 'Fax', 'Pager', 'Home', 'Skype', 'Other'], label: 'Phone number' },
  address: { columns: ['street', 'city', 'state', 'zip', 'country'], locations: ['Work', 'Home', 'Other'], label: 'Address' },
  im: { columns: ['address', 'protocol'], locations: ['Work', 'Personal', 'Other'], label: 'Instant messenger' },
  twitter: { columns: ['username', 'url'], locations: ['Personal', 'Business', 'Other'], label: 'Twitter account' },
  web: { columns: ['url'], locations: ['Work', 'Personal', 'Other'], label: 'Web address' },
};

export const VISIBILITIES = ['Everyone', 'Owner', 'NamedGroup'];

function readContactValues(kind: ContactKind, row: XmlNode): ContactValues {
  const values: ContactValues = {};
  for (const col of CONTACT_FIELDS[kind].columns) {
    const v = leaf(row, col);
    if (v !== undefined) values[col] = v;
  }
  const loc = leaf(row, 'location');
  if (loc !== undefined) values.location = loc;
  return values;
}

/** Contact rows need a location from Highrise's list (REAL-WORLD #13), on create and when changed. */
export function applyContactData(db: Db, partyId: number, contactData: XmlNode | undefined): void {
  if (!contactData) return;
  const errors: string[] = [];
  for (const { kind, list, item } of CONTACT_ELEMENT_NAMES) {
    const listNode = child(contactData, list);
    if (!listNode) continue;
    const spec = CONTACT_FIELDS[kind];
    for (const row of childrenNamed(listNode, item)) {
      const id = intLeaf(row, 'id');
      const values = readContactValues(kind, row);
      if (id === 'invalid') { errors.push(`${spec.label} id is invalid`); continue; }
      if (typeof id === 'number' && id < 0) {
        deleteContact(db, partyId, -id);
        continue;
      }
      if (values.location !== undefined && (values.location === null || !spec.locations.includes(values.location))) {
        errors.push('Location is not included in the list');
        continue;
      }
      if (typeof id === 'number' && id > 0) {
        if (!getContact(db, partyId, kind, id)) { errors.push(`${spec.label} ${id} does not belong to this record`); continue; }
        updateContact(db, id, values);
        continue;
      }
      if (values.location === undefined) { errors.push('Location is not included in the list'); continue; }
      insertContact(db, partyId, kind, values);
    }
  }
  if (errors.length > 0) throw new Unprocessable([...new Set(errors)]);
}

/** Both spellings are accepted on input (REAL-WORLD #1); only the underscore one is ever written. */
export function applySubjectDatas(db: Db, accountId: number, partyId: number, root: XmlNode): void {
  const block = child(root, 'subject_datas', 'subject-datas');
  if (!block) return;
  for (const row of childrenNamed(block, 'subject_data', 'subject-data')) {
    const id = intLeaf(row, 'id');
    const fieldId = intLeaf(row, 'subject_field_id', 'subject-field-id');
    const value = leaf(row, 'value');
    if (typeof id === 'number' && id < 0) {
      updateSubjectDataById(db, partyId, -id, null);
    } else if (typeof id === 'number' && id > 0) {
      if (!updateSubjectDataById(db, partyId, id, value ?? null) && typeof fieldId === 'number') {
        applyByField(db, accountId, partyId, fieldId, value);
      }
    } else if (typeof fieldId === 'number') {
      applyByField(db, accountId, partyId, fieldId, value);
    }
  }
}

function applyByField(db: Db, accountId: number, partyId: number, fieldId: number, value: string | null | undefined): void {
  if (!subjectFieldExists(db, accountId, fieldId)) throw new Unprocessable([`Subject field ${fieldId} does not exist`]);
  if (value == null) deleteSubjectDataByField(db, partyId, fieldId);
  else setSubjectData(db, partyId, fieldId, value);
}
