// Task and deal categories: the same CRUD on two URLs; color defaults to 000000.
import { Unprocessable } from '../party-write.js';
import { type CategoryKind, categoryElementsCount, categoryTable, getCategory, insertRow, listCategories, updateRow } from '../records.js';
import { categoryElement } from '../render-records.js';
import { isoSeconds, stmt } from '../store.js';
import { type XmlNode, leaf } from '../xml-read.js';
import { array, xmlDocument } from '../xml.js';
import { created, guard } from './common.js';
import { notFound, ok, readXmlBody, unprocessable, xml } from './respond.js';
import type { HighriseRequest, Route } from './types.js';

function readCategory(root: XmlNode, creating: boolean): { name?: string; color?: string } {
  const out: { name?: string; color?: string } = {};
  const name = leaf(root, 'name');
  if (name !== undefined || creating) {
    if (name == null || name.trim() === '') throw new Unprocessable(["Name can't be blank"]);
    out.name = name.trim();
  }
  const color = leaf(root, 'color');
  if (color != null) {
    const hex = color.trim().replace(/^#/, '');
    if (!/^[0-9a-fA-F]{6}$/.test(hex)) throw new Unprocessable(['Color must be a hexadecimal web color like ffcc33']);
    out.color = hex.toLowerCase();
  } else if (creating) out.color = '000000';
  return out;
}

function routesFor(kind: CategoryKind): Route[] {
  const seg = categoryTable(kind);
  const one = (r: HighriseRequest, id: number) => {
    const c = getCategory(r.db, kind, r.account.id, id);
    return c ? categoryElement(kind, c, categoryElementsCount(r.db, kind, c.id)) : undefined;
  };
  const rootNames = [`${kind}-category`, `${kind}_category`, 'category'];
  return [
    {
      method: 'GET', pattern: new RegExp(`^/${seg}\\.xml$`),
      handler: (r) => xml(r.c, xmlDocument(array(`${kind}-categories`,
        listCategories(r.db, kind, r.account.id).map((c) => categoryElement(kind, c, categoryElementsCount(r.db, kind, c.id)))))),
    },
    {
      method: 'GET', pattern: new RegExp(`^/${seg}/(\\d+)\\.xml$`),
      handler: (r) => {
        const el = one(r, Number(r.params[0]));
        return el ? xml(r.c, xmlDocument(el)) : notFound(r.c);
      },
    },
    {
      method: 'POST', pattern: new RegExp(`^/${seg}\\.xml$`),
      handler: async (r) => {
        const body = await readXmlBody(r.c);
        if (!body.ok) return body.response;
        if (!rootNames.includes(body.root.name)) return unprocessable(r.c, ["Name can't be blank"]);
        return guard(r, () => {
          const now = isoSeconds(r.nowMs);
          const id = insertRow(r.db, seg, { ...readCategory(body.root, true), account_id: r.account.id, created_at: now, updated_at: now });
          return created(r, `${seg}/${id}.xml`, xmlDocument(one(r, id)!));
        });
      },
    },
    {
      method: 'PUT', pattern: new RegExp(`^/${seg}/(\\d+)\\.xml$`),
      handler: async (r) => {
        const id = Number(r.params[0]);
        if (!getCategory(r.db, kind, r.account.id, id)) return notFound(r.c);
        const body = await readXmlBody(r.c);
        if (!body.ok) return body.response;
        return guard(r, () => {
          updateRow(r.db, seg, id, { ...readCategory(body.root, false), updated_at: isoSeconds(r.nowMs) });
          return ok(r.c);
        });
      },
    },
    {
      method: 'DELETE', pattern: new RegExp(`^/${seg}/(\\d+)\\.xml$`),
      handler: (r) => {
        const id = Number(r.params[0]);
        if (!getCategory(r.db, kind, r.account.id, id)) return notFound(r.c);
        r.db.transaction(() => {
          // Records keep existing without a category (a deal then has no <category> element).
          stmt(r.db, `UPDATE ${kind === 'task' ? 'tasks' : 'deals'} SET category_id = NULL WHERE category_id = ?`).run(id);
          stmt(r.db, `DELETE FROM ${seg} WHERE id = ?`).run(id);
        })();
        return ok(r.c);
      },
    },
  ];
}

export const categoryRoutes: Route[] = [...routesFor('task'), ...routesFor('deal')];
