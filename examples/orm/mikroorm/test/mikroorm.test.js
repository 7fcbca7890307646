'use strict';
// MikroORM against a real database, as the application role.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const pg = require('pg');
const { DriverException, UniqueConstraintViolationException } = require('@mikro-orm/core');
const { openOrm, resolveCustomer, registerWithInvite } = require('../orm');
const { Customer, Vendor, VendorCustomer, IdentityEvent } = require('../entities');
const { uniq, adminClient, createVendorWithInvites, serverLogTail, logEventually } = require('../../../node/test/helpers');

let orm;
let admin;
let vendor;

before(async () => {
  admin = await adminClient(pg.Client);
  vendor = await createVendorWithInvites(admin, 'Vendor M');
  orm = await openOrm();
});

after(async () => {
  await orm.close();
  await admin.end();
});

// Every SQL text MikroORM sends while fn runs (values inlined as the connection does).
async function capturingSql(fn) {
  const seen = [];
  const onQuery = orm.config.get('onQuery');
  const platform = orm.em.getPlatform();
  orm.config.set('onQuery', (sql, params) => {
    seen.push(platform.formatQuery(sql, params));
    return onQuery(sql, params);
  });
  try {
    await fn();
  } finally {
    orm.config.set('onQuery', onQuery);
  }
  return seen;
}

test('insert through the ORM: identity id and trigger-derived columns come back, never written', async () => {
  const em = orm.em.fork();
  const email = `  ${uniq('Ann')}@Example.COM `;
  const c = em.create(Customer, { name: 'Ann', email, emailNormalized: 'forged@example.com' });
  const sql = await capturingSql(() => em.flush());
  const columns = /^insert into "customer_identity"."customer" \(([^)]*)\)/.exec(sql.find((q) => q.startsWith('insert')));
  assert.equal(columns[1], '"name", "email"'); // no id, no normalized column, no defaults
  assert.equal(sql.some((q) => q.includes('forged')), false);
  assert.equal(typeof c.id, 'bigint');
  assert.equal(c.emailNormalized, email.trim().toLowerCase());
  assert.equal(c.tenantId, 'default');
  assert.deepEqual(c.roles, ['customer']);
  assert.deepEqual(c.metadata, {});
  assert.ok(c.createdAt instanceof Date);
});

test('duplicate identifier: UniqueConstraintViolationException carrying code 23505 and the DETAIL', async () => {
  const userId = uniq('u');
  const em = orm.em.fork();
  em.create(Customer, { userId });
  await em.flush();
  const em2 = orm.em.fork();
  em2.create(Customer, { userId });
  await assert.rejects(em2.flush(), (err) => {
    assert.ok(err instanceof UniqueConstraintViolationException);
    assert.equal(err.code, '23505');
    assert.equal(err.constraint, 'customer_user_id_key');
    assert.match(err.detail, /^Key \(tenant_id, user_id\)=/);
    return true;
  });
});

test('vendor.customer_id: the mapping never writes it; nativeUpdate gets CI006', async () => {
  const em = orm.em.fork();
  const v = await em.findOneOrFail(Vendor, { id: vendor.vendorId });
  assert.equal(String(v.customerId), vendor.ownerCustomerId);
  v.customerId = null;
  const sql = await capturingSql(() => em.flush());
  assert.deepEqual(sql, [], 'no UPDATE is issued for a db-owned property');
  await assert.rejects(orm.em.fork().nativeUpdate(Vendor, { id: vendor.vendorId }, { customerId: null }), (err) => {
    assert.equal(err.constructor, DriverException); // no dedicated class: generic, with `code`
    assert.equal(err.code, 'CI006');
    assert.match(err.message, /vendor.customer_id cannot be written directly/);
    return true;
  });
  const again = await orm.em.fork().findOneOrFail(Vendor, { id: vendor.vendorId });
  assert.equal(String(again.customerId), vendor.ownerCustomerId);
});

test('extension codes arrive as DriverException (flush) or pg DatabaseError (execute), with code', async () => {
  const em = orm.em.fork();
  em.create(Customer, { email: 'not an email' });
  await assert.rejects(em.flush(), (err) => err.constructor === DriverException && err.code === '22023');
  const userA = uniq('u');
  const emailB = `${uniq('b')}@example.com`;
  await resolveCustomer(orm.em.fork(), { userId: userA });
  await resolveCustomer(orm.em.fork(), { userId: uniq('u'), email: emailB });
  await assert.rejects(resolveCustomer(orm.em.fork(), { userId: userA, email: emailB }), (err) => {
    assert.ok(err instanceof pg.DatabaseError); // execute() does not convert errors
    assert.equal(err.code, 'CI001');
    assert.match(err.message, /identity conflict/);
    return true;
  });
});

test('resolve_customer_identity through em.getConnection().execute: created, then found', async () => {
  const userId = uniq('u');
  const first = await resolveCustomer(orm.em.fork(), { userId, name: 'Bo' });
  const second = await resolveCustomer(orm.em.fork(), { userId });
  assert.equal(first.created, true);
  assert.equal(second.created, false);
  assert.equal(second.method, 'user_id');
  assert.equal(second.customer_id, first.customer_id);
  const c = await orm.em.fork().findOneOrFail(Customer, { id: BigInt(first.customer_id) });
  assert.equal(c.userId, userId);
});

test('registration with the token as a bind parameter: clientele row, token not stored', async () => {
  const row = await registerWithInvite(orm.em.fork(), { name: 'R', email: `${uniq('r')}@example.com`, inviteToken: vendor.inviteToken });
  assert.equal('invite_token' in row.metadata, false);
  const em = orm.em.fork();
  const links = await em.find(VendorCustomer, { customer: BigInt(row.id) });
  assert.equal(links.length, 1);
  assert.equal(String(links[0].vendor.id), vendor.vendorId);
  assert.equal(links[0].source, 'invite');
  const events = await em.find(IdentityEvent, { customerId: BigInt(row.id), eventType: 'invite_redeemed' });
  assert.equal(events.length, 1);
  assert.equal(JSON.stringify(events[0]).includes(vendor.inviteToken), false);
  const readLog = await serverLogTail(admin);
  await assert.rejects(registerWithInvite(orm.em.fork(), { name: 'R', email: `${uniq('r')}@example.com`, inviteToken: vendor.revokedToken }),
    (err) => err instanceof pg.DatabaseError && err.code === 'CI004' && !err.message.includes(vendor.revokedToken));
  if (readLog) {
    assert.equal(await logEventually(readLog, 'has been revoked'), true);
    assert.equal((await readLog()).includes(vendor.revokedToken), false, 'the bound token is not in the server log');
  }
});

test('registration by flush works, but the entity keeps the token in memory until refreshed', async () => {
  const em = orm.em.fork();
  const c = em.create(Customer, { email: `${uniq('m')}@example.com`, metadata: { invite_token: vendor.inviteToken } });
  await em.flush();
  assert.equal(c.metadata.invite_token, vendor.inviteToken); // what MikroORM sent, not what was stored
  await em.refresh(c);
  assert.deepEqual(c.metadata, {});
  assert.equal(await em.count(VendorCustomer, { customer: c.id, vendor: BigInt(vendor.vendorId) }), 1);
});

test('flush inlines values: a token in metadata reaches the SQL text (and the server log when it fails)', async () => {
  const token = `cit_${uniq('inlined')}`;
  const em = orm.em.fork();
  em.create(Customer, { email: `${uniq('f')}@example.com`, metadata: { invite_token: token } });
  const readLog = await serverLogTail(admin);
  const sent = await capturingSql(() => assert.rejects(em.flush(),
    (err) => err.constructor === DriverException && err.code === 'CI002'));
  assert.ok(sent.some((sql) => sql.startsWith('insert') && sql.includes(token)), 'the token is in the SQL text');
  if (readLog) assert.equal(await logEventually(readLog, token), true, 'the inlined token is in the server log');
});

test('ORM upsert cannot target the partial unique indexes', async () => {
  const userId = uniq('u');
  await assert.rejects(orm.em.fork().upsert(Customer, { userId, name: 'U' }, { onConflictFields: ['tenantId', 'userId'] }),
    (err) => err instanceof DriverException && err.code === '42P10'); // no constraint matching ON CONFLICT
  await orm.em.fork().upsert(Customer, { userId, name: 'U' }); // defaults to ON CONFLICT (id): a plain insert
  await assert.rejects(orm.em.fork().upsert(Customer, { userId, name: 'U again' }),
    (err) => err instanceof UniqueConstraintViolationException && err.code === '23505');
});

test('identity_event is read-only in the mapping: flush writes nothing', async () => {
  const em = orm.em.fork();
  const [ev] = await em.find(IdentityEvent, {}, { orderBy: { id: 'desc' }, limit: 1 });
  ev.method = 'tampered';
  assert.deepEqual(await capturingSql(() => em.flush()), []);
});
