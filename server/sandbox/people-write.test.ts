import { describe, expect, it } from 'vitest';
import { ORIGIN, PEOPLE, makeSandbox, parse } from './test-helpers.js';

const personXml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<person>${inner}</person>`;

describe('Highrise people writes', () => {
  const t = makeSandbox();
  const post = (body: string, headers = t.xmlHeaders()) => t.request(PEOPLE, { method: 'POST', headers, body });
  const put = (id: string, body: string, query = '') => t.request(`/sandbox/highrise/1/people/${id}.xml${query}`, { method: 'PUT', headers: t.xmlHeaders(), body });
  const get = async (id: string) => parse(await (await t.request(`/sandbox/highrise/1/people/${id}.xml`, { headers: t.basic() })).text()).person[0];

  it('creates a person: 201, Location, full XML, company-name found case-insensitively', async () => {
    const res = await post(personXml(`<first-name>Ren&#233;e</first-name><last-name>O'Brien &amp; Co</last-name>
      <company-name>harbor &amp; finch ltd</company-name>
      <contact-data><email-addresses><email-address><address>renee@example.com</address><location>Work</location></email-address></email-addresses></contact-data>
      <subject_datas type="array"><subject_data><subject_field_id type="integer">302</subject_field_id><value>EMEA</value></subject_data></subject_datas>`));
    expect(res.status).toBe(201);
    const body = await res.text();
    const p = parse(body).person[0];
    expect(res.headers.get('location')).toBe(`${ORIGIN}/sandbox/highrise/1/people/${p.id['#text']}.xml`);
    expect(p['first-name']).toBe('Renée');
    expect(p['last-name']).toBe("O'Brien & Co");
    expect(p['company-name']).toBe('Harbor & Finch Ltd');
    expect(p['visible-to']).toBe('Everyone');
    expect(p['author-id']['#text']).toBe('70001');
    expect(p['contact-data']['email-addresses']['email-address'][0].address).toBe('renee@example.com');
    expect(p.subject_datas.subject_data[0].subject_field_label).toBe('Sales region');
    expect(body).not.toContain('<tags');
  });

  it('creates a missing company from company-name and accepts dashed subject-datas', async () => {
    const res = await post(personXml(`<first-name>Ada</first-name><company-name>Brand New &lt;Co&gt;</company-name>
      <subject-datas><subject-data><subject-field-id>301</subject-field-id><value>42</value></subject-data></subject-datas>`));
    expect(res.status).toBe(201);
    const p = parse(await res.text()).person[0];
    expect(p['company-name']).toBe('Brand New <Co>');
    const company = await t.request(`/sandbox/highrise/1/companies/${p['company-id']['#text']}.xml`, { headers: t.basic() });
    expect(company.status).toBe(200);
    expect(await company.text()).toContain('<author-id type="integer" nil="true"></author-id>');
    expect(p.subject_datas.subject_data[0].value).toBe('42');
  });

  it('refuses invalid creates with 422, 415 and 500 like Highrise', async () => {
    let res = await post(personXml('<last-name>Nobody</last-name>'));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("<errors>\n  <error>First name can't be blank</error>\n</errors>");
    res = await post(personXml('<first-name>A</first-name><contact-data><phone-numbers><phone-number><number>1</number></phone-number></phone-numbers></contact-data>'));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Location is not included in the list');
    res = await post(personXml('<first-name>A</first-name><contact-data><addresses><address><city>X</city><location>Moon</location></address></addresses></contact-data>'));
    expect(res.status).toBe(422);
    res = await post(personXml('<first-name>A</first-name><tags type="array"><tag><name>VIP</name></tag></tags>'));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('<errors/>');
    res = await post(personXml('<first-name>A</first-name><avatar_url>http://x/y.png</avatar_url>'));
    expect(res.status).toBe(422);
    res = await post('<person><first-name>Tom & Jerry</first-name></person>');
    expect(res.status).toBe(500);
    res = await post(personXml('<first-name>A</first-name>'), { ...t.basic(), 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    // Nothing above may have created anyone.
    const n = (t.sandbox.db.prepare("SELECT count(*) AS n FROM parties WHERE first_name = 'A'").get() as { n: number }).n;
    expect(n).toBe(0);
  });

  it('answers 507 when the account is full', async () => {
    const local = makeSandbox();
    local.sandbox.db.prepare('UPDATE accounts SET people_limit = 1 WHERE id = 1').run();
    const res = await local.request(PEOPLE, { method: 'POST', headers: local.xmlHeaders(), body: personXml('<first-name>Over</first-name>') });
    expect(res.status).toBe(507);
  });

  it('updates partially with an empty body, clears empty elements, edits contact data by id', async () => {
    const created = parse(await (await post(personXml(`<first-name>Kim</first-name><last-name>Lee</last-name><title>CEO</title><background>Keep me</background>
      <contact-data>
        <email-addresses><email-address><address>kim@a.example</address><location>Work</location></email-address></email-addresses>
        <phone-numbers><phone-number><number>555</number><location>Mobile</location></phone-number></phone-numbers>
      </contact-data>`))).text()).person[0];
    const id = created.id['#text'];
    const emailId = created['contact-data']['email-addresses']['email-address'][0].id['#text'];
    const phoneId = created['contact-data']['phone-numbers']['phone-number'][0].id['#text'];

    const res = await put(id, personXml(`<title></title><last-name>Lee-Park</last-name>
      <contact-data>
        <email-addresses>
          <email-address><id type="integer">${emailId}</id><address>kim@b.example</address></email-address>
          <email-address><address>kim@home.example</address><location>Home</location></email-address>
        </email-addresses>
        <phone-numbers><phone-number><id type="integer">-${phoneId}</id></phone-number></phone-numbers>
      </contact-data>`));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');

    const p = await get(id);
    expect(p['first-name']).toBe('Kim');
    expect(p['last-name']).toBe('Lee-Park');
    expect(p.title['@_nil']).toBe('true');
    expect(p.background).toBe('Keep me');
    const emails = p['contact-data']['email-addresses']['email-address'];
    expect(emails.map((e: { address: string; location: string }) => [e.address, e.location])).toEqual([['kim@b.example', 'Work'], ['kim@home.example', 'Home']]);
    expect(p['contact-data']['phone-numbers']).toEqual({ '@_type': 'array' });
    expect(p['updated-at']['#text'] >= created['updated-at']['#text']).toBe(true);
  });

  it('updates subject datas by id and by field, returns the record with reload=true', async () => {
    const created = parse(await (await post(personXml(`<first-name>Sub</first-name>
      <subject_datas type="array"><subject_data><subject_field_id>301</subject_field_id><value>1</value></subject_data></subject_datas>`))).text()).person[0];
    const id = created.id['#text'];
    const sdId = created.subject_datas.subject_data[0].id['#text'];
    const res = await put(id, personXml(`<subject_datas type="array">
      <subject_data><id type="integer">${sdId}</id><value>2</value></subject_data>
      <subject_data><subject_field_id type="integer">303</subject_field_id><value>1990-01-01</value></subject_data>
    </subject_datas>`), '?reload=true');
    expect(res.status).toBe(200);
    const p = parse(await res.text()).person[0];
    expect(p.subject_datas.subject_data.map((d: { subject_field_label: string; value: string }) => [d.subject_field_label, d.value]))
      .toEqual([['Customer number', '2'], ['Birthday', '1990-01-01']]);
    const removed = await put(id, personXml(`<subject_datas><subject_data><id>-${sdId}</id></subject_data></subject_datas><first-name></first-name>`));
    expect(removed.status).toBe(422); // blank first name rolls the whole update back
    expect((await get(id)).subject_datas.subject_data.length).toBe(2);
  });

  it('deletes: 200 empty, then 404, and a deletion row', async () => {
    const created = parse(await (await post(personXml('<first-name>Gone</first-name>'))).text()).person[0];
    const id = created.id['#text'];
    const res = await t.request(`/sandbox/highrise/1/people/${id}.xml`, { method: 'DELETE', headers: t.basic() });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect((await t.request(`/sandbox/highrise/1/people/${id}.xml`, { headers: t.basic() })).status).toBe(404);
    expect((await t.request(`/sandbox/highrise/1/people/${id}.xml`, { method: 'DELETE', headers: t.basic() })).status).toBe(404);
    const deletions = await (await t.request('/sandbox/highrise/1/deletions.xml', { headers: t.basic() })).text();
    expect(deletions).toContain(`<deletion type="Person">\n    <id type="integer">${id}</id>`);
  });

  it('keeps Owner-visible records private to their owner', async () => {
    const created = parse(await (await post(personXml('<first-name>Secret</first-name><visible-to>Owner</visible-to>'))).text()).person[0];
    expect(created['owner-id']['#text']).toBe('70001');
    const users = parse(await (await t.request('/sandbox/highrise/1/users.xml', { headers: t.basic() })).text()).users.user;
    const other = t.sandbox.db.prepare('SELECT token FROM users WHERE id = ?').get(Number(users[1].id['#text'])) as { token: string };
    expect((await t.request(`/sandbox/highrise/1/people/${created.id['#text']}.xml`, { headers: t.basic(other.token) })).status).toBe(404);
  });
});
