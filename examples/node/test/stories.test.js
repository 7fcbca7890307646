'use strict';
// The stories of the problem reports, run as the application role against a real database.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { createAppPool, checkout, withRetry, paymentWebhook, registerWithInvite, query } = require('../src/stories');
const E = require('../src/errors');
const { uniq, adminClient, createVendorWithInvites, serverLogTail, logEventually } = require('./helpers');

let pool;
let admin;
let vendor;

before(async () => {
  admin = await adminClient();
  vendor = await createVendorWithInvites(admin, 'Vendor A');
  pool = createAppPool();
  const { rows: [who] } = await pool.query('SELECT current_user AS u, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS su');
  assert.equal(who.su, false, 'the examples must run as the (non-superuser) application role');
});

after(async () => {
  await pool.end();
  await admin.end();
});

// Reads one customer row as the application role.
async function customer(id) {
  return (await pool.query('SELECT * FROM customer_identity.customer WHERE id = $1', [id])).rows[0];
}

test('checkout twice: created, then found by user_id, same customer', async () => {
  const userId = uniq('u');
  const first = await checkout(pool, { userId, email: `${userId}@Example.com`, name: 'Ada' });
  const second = await checkout(pool, { userId });
  assert.equal(first.created, true);
  assert.equal(first.method, 'created');
  assert.equal(second.created, false);
  assert.equal(second.method, 'user_id');
  assert.equal(second.customerId, first.customerId);
  assert.equal((await customer(first.customerId)).email_normalized, `${userId}@example.com`);
});

test('webhook with provider id + an email nobody verified: a claim, nothing written (verified policy)', async () => {
  const userId = uniq('u');
  const email = `${userId}@example.com`;
  const bought = await checkout(pool, { userId, email, emailVerified: true });
  const extId = uniq('cus');
  const paid = await paymentWebhook(pool, { externalCustomerId: extId, email, eventId: 'evt_0' });
  assert.equal(paid.method, 'claim');
  assert.equal(paid.customerId, null);
  assert.ok(paid.claimId);
  const row = await customer(bought.customerId);
  assert.equal(row.external_customer_id, null);
  assert.equal(row.metadata.last_payment_event, undefined);
});

test('webhook of a checkout the platform opened (verified email) finds the checkout customer and fills in the provider id', async () => {
  const userId = uniq('u');
  const email = `${userId}@example.com`;
  const bought = await checkout(pool, { userId, email, emailVerified: true });
  const extId = uniq('cus');
  const paid = await paymentWebhook(pool,
    { externalCustomerId: extId, email: email.toUpperCase(), eventId: 'evt_1', emailVerified: true });
  assert.equal(paid.customerId, bought.customerId);
  assert.equal(paid.method, 'customer_email');
  assert.equal(paid.created, false);
  assert.equal(paid.attempts, 1);
  const row = await customer(bought.customerId);
  assert.equal(row.external_customer_id, extId);
  assert.equal(row.metadata.last_payment_event, 'evt_1');
  assert.notEqual(row.email_verified_at, null);
  const again = await paymentWebhook(pool, { externalCustomerId: extId, email });
  assert.equal(again.method, 'external_customer_id');
  assert.equal(again.customerId, bought.customerId);
});

test('webhook racing a concurrent commit gets a real 40001 and succeeds on retry', async () => {
  const extId = uniq('cus');
  const email = `${extId}@example.com`;
  const other = createAppPool();
  const seen = [];
  let concurrent;
  try {
    const paid = await paymentWebhook(pool, { externalCustomerId: extId, email }, {
      // After attempt 1 took its snapshot, another connection commits the same customer.
      afterSnapshot: async (attempt) => {
        if (attempt === 1) {
          const { rows } = await other.query(
            'SELECT customer_id FROM customer_identity.resolve_customer_identity(external_customer_id => $1, email => $2)',
            [extId, email]);
          concurrent = rows[0].customer_id;
        }
      },
      onRetry: (err, attempt) => seen.push({ err, attempt }),
    });
    assert.equal(seen.length, 1);
    assert.ok(seen[0].err instanceof E.SerializationFailure);
    assert.equal(seen[0].err.code, '40001');
    assert.equal(seen[0].err.retryable, true);
    assert.match(seen[0].err.detail, /external_customer_id/);
    assert.equal(paid.attempts, 2);
    assert.equal(paid.customerId, concurrent);
    assert.equal(paid.created, false);
    assert.equal(paid.method, 'external_customer_id');
  } finally {
    await other.end();
  }
  const { rows } = await pool.query(
    'SELECT count(*)::int AS n FROM customer_identity.customer WHERE external_customer_id = $1', [extId]);
  assert.equal(rows[0].n, 1);
});

test('retries are bounded: a 40001 on every attempt ends as SerializationFailure', async () => {
  let calls = 0;
  const always40001 = async () => {
    calls++;
    throw Object.assign(new Error('could not serialize access'), { code: '40001' });
  };
  await assert.rejects(withRetry(pool, always40001, { maxAttempts: 3, baseDelayMs: 1 }), E.SerializationFailure);
  assert.equal(calls, 3);
});

test('registration through the invite link: clientele row, token not stored', async () => {
  const email = `${uniq('reg')}@example.com`;
  const reg = await registerWithInvite(pool, { name: 'Customer A', email, inviteToken: vendor.inviteToken });
  assert.deepEqual(reg.vendors, [{ vendor_id: vendor.vendorId, source: 'invite' }]);
  assert.equal('invite_token' in reg.metadata, false);
  const { rows } = await pool.query('SELECT c::text AS row FROM customer_identity.customer c WHERE id = $1', [reg.customerId]);
  assert.equal(rows[0].row.includes(vendor.inviteToken), false);
  const events = await pool.query(
    "SELECT detail::text AS d FROM customer_identity.identity_event WHERE customer_id = $1 AND event_type = 'invite_redeemed'",
    [reg.customerId]);
  assert.equal(events.rows.length, 1);
  assert.equal(events.rows[0].d.includes(vendor.inviteToken), false);
});

test('unknown and revoked tokens surface as typed invite errors; nothing is created', async () => {
  const email = `${uniq('reg')}@example.com`;
  const unknown = `cit_${uniq('not-a-token')}`;
  await assert.rejects(registerWithInvite(pool, { name: 'B', email, inviteToken: unknown }),
    (err) => err instanceof E.UnknownInviteTokenError && err instanceof E.InviteError && err.code === 'CI002');
  await assert.rejects(registerWithInvite(pool, { name: 'B', email, inviteToken: vendor.revokedToken }),
    (err) => err instanceof E.RevokedInviteTokenError && err.code === 'CI004' && !err.message.includes(vendor.revokedToken));
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM customer_identity.customer WHERE email = $1', [email]);
  assert.equal(rows[0].n, 0);
});

test('a bound token never reaches the server log; an inlined one does', async (t) => {
  const readLog = await serverLogTail(admin);
  if (!readLog) return t.skip('server log not reachable (set CI_SERVER_LOG or enable logging_collector)');
  const bound = `cit_${uniq('bound')}`;
  const inlined = `cit_${uniq('inlined')}`;
  await assert.rejects(registerWithInvite(pool, { name: 'C', email: `${uniq('c')}@example.com`, inviteToken: bound }),
    E.UnknownInviteTokenError);
  await assert.rejects(pool.query( // what an ORM that inlines values sends: the token in the SQL text
    `INSERT INTO customer_identity.customer (name, metadata) VALUES ('C', '{"invite_token": "${inlined}"}')`),
    { code: 'CI002' });
  assert.equal(await logEventually(readLog, inlined), true, 'the inlined token is in the failed statement logged');
  assert.equal((await readLog()).includes(bound), false, 'the bound token is not');
});

test('identity conflict surfaces as IdentityConflictError (CI001) and changes nothing', async () => {
  const a = await checkout(pool, { userId: uniq('u'), email: `${uniq('a')}@example.com` });
  const bEmail = `${uniq('b')}@example.com`;
  await checkout(pool, { userId: uniq('u'), email: bEmail });
  const before = await customer(a.customerId);
  const userA = before.user_id;
  await assert.rejects(checkout(pool, { userId: userA, email: bEmail }), (err) => {
    assert.ok(err instanceof E.IdentityConflictError);
    assert.equal(err.code, 'CI001');
    assert.match(err.message, /identity conflict/);
    assert.ok(err.detail);
    return true;
  });
  assert.deepEqual(await customer(a.customerId), before);
});

test('malformed email is MalformedInputError (22023)', async () => {
  await assert.rejects(checkout(pool, { userId: uniq('u'), email: 'not an email' }),
    (err) => err instanceof E.MalformedInputError && err.code === '22023' && /whitespace/.test(err.detail));
});

test('plain INSERT of a taken identifier is DuplicateIdentifierError (23505) naming it', async () => {
  const userId = uniq('u');
  await checkout(pool, { userId });
  await assert.rejects(query(pool, 'INSERT INTO customer_identity.customer (user_id) VALUES ($1)', [userId]), (err) => {
    assert.ok(err instanceof E.DuplicateIdentifierError);
    assert.equal(err.code, '23505');
    assert.equal(err.identifier, 'user_id');
    assert.equal(err.constraint, 'customer_user_id_key');
    return true;
  });
});

test('the application role cannot write the vendor link or read invite tokens', async () => {
  await assert.rejects(query(pool, 'UPDATE customer_identity.vendor SET customer_id = NULL WHERE id = $1', [vendor.vendorId]),
    (err) => err instanceof E.ManualLinkWriteError && err.code === 'CI006');
  await assert.rejects(query(pool, 'SELECT * FROM customer_identity.invite_token'),
    (err) => err instanceof E.PermissionDeniedError && err.code === '42501');
  const { rows } = await pool.query('SELECT customer_id FROM customer_identity.vendor WHERE id = $1', [vendor.vendorId]);
  assert.equal(rows[0].customer_id, vendor.ownerCustomerId);
});
