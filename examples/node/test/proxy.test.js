'use strict';
// The reports' stories through a sharded installation's proxy (README "Scaling out"), as the
// application role: every call is a function call, routed to the shard of its tenant, id or
// token.  Runs when PROXY_DATABASE_URL (the application role) and PROXY_ADMIN_URL (the owner)
// name a proxy database: test/scaleout/run.sh sets them; skipped otherwise.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { Client, Pool, types } = require('pg');
const { createAppPool, checkout, registerThroughFunction, query } = require('../src/stories');
const E = require('../src/errors');
const { uniq } = require('./helpers');

const skip = !process.env.PROXY_DATABASE_URL || !process.env.PROXY_ADMIN_URL;
let pool;
let admin;

before(async () => {
  if (skip) return;
  pool = createAppPool(process.env.PROXY_DATABASE_URL);
  admin = new Client({ connectionString: process.env.PROXY_ADMIN_URL });
  await admin.connect();
});

after(async () => {
  if (skip) return;
  await pool.end();
  await admin.end();
});

// One value of the owner's call through the proxy.
async function owner(text, values) {
  return (await admin.query(text, values)).rows[0];
}

test('002 through the proxy: checkout twice is one customer, and its id says its bucket', { skip }, async () => {
  const userId = uniq('u');
  const first = await checkout(pool, { userId, email: `${userId}@example.com`, emailVerified: true });
  const second = await checkout(pool, { userId });
  assert.equal(first.created, true);
  assert.equal(second.method, 'user_id');
  assert.equal(second.customerId, first.customerId);
  const { same } = await owner(
    "SELECT customer_identity.id_bucket($1) = customer_identity.tenant_bucket('default') AS same", [first.customerId]);
  assert.equal(same, true);
});

test('ids through the proxy are safe JavaScript integers, even parsed with parseInt', { skip }, async () => {
  // What many node-postgres users install: int8 (OID 20) as a JavaScript number.  Ids at or
  // above 2^53 would be rounded to another id without an error; the shards hand out ids
  // below 2^53 (README "Ids below 2^53"), whatever the tenant's bucket.
  const numbers = new Pool({ connectionString: process.env.PROXY_DATABASE_URL, max: 2,
    types: { getTypeParser: (oid, format) => (oid === 20 ? (v) => parseInt(v, 10) : types.getTypeParser(oid, format)) } });
  try {
    let highBuckets = 0;
    for (let i = 0; i < 40; i++) {
      const tenant = uniq(`js${i}`);
      const { rows: [r] } = await numbers.query(
        'SELECT customer_id, vendor_id, customer_identity.tenant_bucket($1) AS bucket FROM customer_identity.resolve_customer_identity(tenant_id => $1, email => $2)',
        [tenant, `owner@${tenant}.test`]);
      assert.equal(typeof r.customer_id, 'number');
      assert.ok(Number.isSafeInteger(r.customer_id), `customer id ${r.customer_id} of bucket ${r.bucket}`);
      if (r.bucket >= 32) highBuckets++;
      // the number, sent back, is the same id: it routes to its shard and finds the customer
      const { rows: [again] } = await numbers.query(
        'SELECT customer_id FROM customer_identity.resolve_customer_identity(tenant_id => $1, customer_ref => $2, create_missing => false)',
        [tenant, r.customer_id]);
      assert.equal(again.customer_id, r.customer_id);
      const { rows: [v] } = await admin.query('SELECT customer_identity.upgrade_customer_to_vendor($1, $2)::text AS id',
        [String(r.customer_id), 'Number Shop']);
      assert.ok(Number.isSafeInteger(Number(v.id)), `vendor id ${v.id}`);
      const { rows: [linked] } = await numbers.query('SELECT customer_identity.vendor_for_customer($1) AS id', [r.customer_id]);
      assert.equal(linked.id, Number(v.id));
    }
    assert.ok(highBuckets > 20, `${highBuckets} of 40 tenants in buckets 32-1023`);
  } finally {
    await numbers.end();
  }
});

test('000 through the proxy: a seller who buys is found with their vendor', { skip }, async () => {
  const userId = uniq('seller');
  const email = `${userId}@example.com`;
  const me = await checkout(pool, { userId, email, emailVerified: true });
  const { id: vendorId } = await owner('SELECT customer_identity.upgrade_customer_to_vendor($1, $2) AS id',
    [me.customerId, 'Seller Shop']);
  const again = await checkout(pool, { userId, email, emailVerified: true });
  assert.equal(again.customerId, me.customerId);
  assert.equal(again.vendorId, vendorId);
});

test('001 through the proxy: registration with the invite token uses it up', { skip }, async () => {
  const seller = await checkout(pool, { userId: uniq('v'), email: `${uniq('v')}@example.com`, emailVerified: true });
  const { id: vendorId } = await owner('SELECT customer_identity.upgrade_customer_to_vendor($1, $2) AS id',
    [seller.customerId, 'Invite Shop']);
  const { t: token } = await owner("SELECT customer_identity.create_invite_token($1, interval '1 day', 1) AS t", [vendorId]);
  const email = `${uniq('member')}@example.com`;
  const member = await registerThroughFunction(pool, { name: 'Member', email, inviteToken: token });
  assert.ok(member.customerId);
  // the one use is gone: a second registration with it is InviteUsedUpError (CI005)
  await assert.rejects(registerThroughFunction(pool, { name: 'Late', email: `${uniq('late')}@example.com`, inviteToken: token }),
    (err) => err instanceof E.InviteUsedUpError && err.code === 'CI005');
  await assert.rejects(registerThroughFunction(pool, { name: 'X', email: `${uniq('x')}@example.com`,
    inviteToken: 'cit_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
  (err) => err instanceof E.UnknownInviteTokenError && err.code === 'CI002');
});

test('003 through the proxy: a merged duplicate resolves to the canonical customer', { skip }, async () => {
  const a = await checkout(pool, { userId: uniq('a'), email: `${uniq('a')}@example.com`, emailVerified: true });
  const dupUser = uniq('dup');
  const b = await checkout(pool, { userId: dupUser });
  await owner('SELECT customer_identity.merge_customers($1, $2)', [a.customerId, b.customerId]);
  const found = await checkout(pool, { userId: dupUser });
  assert.equal(found.customerId, a.customerId);
});

test('errors keep their SQLSTATE through the proxy: CI001 is IdentityConflictError', { skip }, async () => {
  const otherUser = uniq('c2');
  await checkout(pool, { userId: otherUser });
  const email = `${uniq('c3')}@example.com`;
  await checkout(pool, { userId: uniq('c3'), email, emailVerified: true });
  // the login points at one customer, the verified email at another
  await assert.rejects(checkout(pool, { userId: otherUser, email, emailVerified: true }),
    (err) => err instanceof E.IdentityConflictError && err.code === 'CI001');
});
