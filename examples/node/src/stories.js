'use strict';
// What the applications of the problem reports do, through node-postgres, as the
// application role. Every value travels as a bind parameter ($1, $2, ...).
const { Pool } = require('pg');
const { toIdentityError, SerializationFailure } = require('./errors');

const RESOLVE = 'SELECT customer_id, vendor_id, method, created, claim_id FROM customer_identity.resolve_customer_identity';

// A pool for the application role: DATABASE_URL, e.g. postgresql://app@localhost/shop?host=/run/postgresql
function createAppPool(connectionString = process.env.DATABASE_URL) {
  if (!connectionString) throw new Error('DATABASE_URL is not set');
  return new Pool({ connectionString, max: 4 });
}

// Turns a resolve_customer_identity row into a plain object (ids stay strings: bigint).
// method 'claim': an unverified email or phone pointed at someone else's record under the
// tenant's `verified` policy; nothing was written, customerId is null, claimId is the claim
// the owner reviews (README "Trust").
function resolution(row) {
  return { customerId: row.customer_id, vendorId: row.vendor_id, method: row.method, created: row.created,
    claimId: row.claim_id };
}

// Runs a query and rethrows the extension's SQLSTATEs as typed errors.
async function query(db, text, values) {
  try {
    return await db.query(text, values);
  } catch (err) {
    throw toIdentityError(err);
  }
}

// Checkout (report 002): the logged-in app user gets its customer, created on first use.
// emailVerified: the login's email was confirmed at sign-up (a link the person clicked).
async function checkout(db, { userId, email = null, name = null, phone = null, emailVerified = false }) {
  const { rows } = await query(db,
    `${RESOLVE}(user_id => $1, email => $2, name => $3, phone => $4, email_verified => $5)`,
    [userId, email, name, phone, emailVerified]);
  return resolution(rows[0]);
}

// Sleeps for ms milliseconds.
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Runs fn(client, attempt) in a REPEATABLE READ transaction; retries on 40001 with backoff.
async function withRetry(pool, fn, { maxAttempts = 4, baseDelayMs = 10, onRetry } = {}) {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const result = await fn(client, attempt);
      await client.query('COMMIT');
      return { result, attempts: attempt };
    } catch (raw) {
      await client.query('ROLLBACK').catch(() => {});
      const err = toIdentityError(raw);
      if (!(err instanceof SerializationFailure) || attempt >= maxAttempts) throw err;
      if (onRetry) onRetry(err, attempt);
      await sleep(baseDelayMs * 2 ** (attempt - 1) + Math.random() * baseDelayMs);
    } finally {
      client.release();
    }
  }
}

// Payment webhook (report 003): provider id + email, one REPEATABLE READ transaction, retried on 40001.
// The email a payment provider reports was typed by whoever paid: emailVerified is true only when
// the platform knows better (the checkout session was opened by a login whose email it verified).
// hooks.afterSnapshot(attempt) runs once the transaction has its snapshot (tests race it there).
async function paymentWebhook(pool, { externalCustomerId, email, name = null, eventId, emailVerified = false },
  hooks = {}) {
  const { result, attempts } = await withRetry(pool, async (client, attempt) => {
    await client.query('SELECT now()'); // the webhook's first read: the snapshot is taken here
    if (hooks.afterSnapshot) await hooks.afterSnapshot(attempt);
    const { rows } = await query(client,
      `${RESOLVE}(external_customer_id => $1, email => $2, name => $3, email_verified => $4)`,
      [externalCustomerId, email, name, emailVerified]);
    const found = resolution(rows[0]);
    if (found.customerId !== null) {
      await query(client, `UPDATE customer_identity.customer
          SET metadata = metadata || jsonb_build_object('last_payment_event', $2::text) WHERE id = $1`,
        [found.customerId, eventId || null]);
    }
    return found;
  }, hooks);
  return { ...result, attempts };
}

// Registration through a vendor's invite link (report 001): a plain INSERT; the token is a
// bind parameter inside metadata, redeemed by the extension and removed from the stored row.
async function registerWithInvite(db, { name, email, inviteToken }) {
  const { rows } = await query(db, `INSERT INTO customer_identity.customer (name, email, metadata)
      VALUES ($1, $2, jsonb_build_object('invite_token', $3::text)) RETURNING id, metadata`,
    [name, email, inviteToken]);
  const vendors = await query(db,
    'SELECT vendor_id, source FROM customer_identity.vendor_customer WHERE customer_id = $1', [rows[0].id]);
  return { customerId: rows[0].id, metadata: rows[0].metadata, vendors: vendors.rows };
}

// The same registration as a function call, for an application that goes through a
// sharded installation's proxy (which routes calls, not statements; README "Scaling out").
async function registerThroughFunction(db, { tenantId = 'default', name, email, inviteToken }) {
  const { rows } = await query(db,
    'SELECT customer_identity.register_customer(tenant_id => $1, name => $2, email => $3, invite_token => $4) AS id',
    [tenantId, name, email, inviteToken]);
  return { customerId: rows[0].id };
}

module.exports = { createAppPool, query, checkout, withRetry, paymentWebhook, registerWithInvite,
  registerThroughFunction };
