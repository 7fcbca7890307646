'use strict';
// Test fixtures, shared with the ORM examples: a superuser connection (PGHOST/PGPORT/PGUSER/
// PGDATABASE) for setup only, unique identifiers per run, and the server log when it can be found.
const fs = require('node:fs');

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

// A value unique to this test run, e.g. uniq('user') -> 'user-lx2k9a1b'.
function uniq(prefix) {
  return `${prefix}-${RUN}-${Math.random().toString(36).slice(2, 7)}`;
}

// Connects as the superuser named by the PG* environment variables (Client: the caller's pg).
async function adminClient(Client = require('pg').Client) {
  const client = new Client();
  await client.connect();
  return client;
}

// As superuser, through the extension's functions: a vendor, a live invite and a revoked one.
async function createVendorWithInvites(admin, vendorName) {
  const email = `${uniq('vendor')}@example.com`;
  const { rows: [owner] } = await admin.query(
    'SELECT customer_id FROM customer_identity.resolve_customer_identity(email => $1, name => $2)', [email, vendorName]);
  const { rows: [v] } = await admin.query(
    'SELECT customer_identity.upgrade_customer_to_vendor($1, $2) AS id', [owner.customer_id, vendorName]);
  const token = async () => (await admin.query(
    "SELECT customer_identity.create_invite_token($1, interval '1 day', 100) AS t", [v.id])).rows[0].t;
  const inviteToken = await token();
  const revokedToken = await token();
  await admin.query('SELECT customer_identity.revoke_invite_token($1)', [revokedToken]);
  return { vendorId: v.id, ownerCustomerId: owner.customer_id, inviteToken, revokedToken };
}

// Returns read() -> text the server logged since this call, or null when the log is not reachable.
// CI_SERVER_LOG names the file; otherwise pg_current_logfile() (needs logging_collector) is read.
async function serverLogTail(admin) {
  const file = process.env.CI_SERVER_LOG;
  if (file && fs.existsSync(file)) {
    const start = fs.statSync(file).size;
    return async () => fs.readFileSync(file).subarray(start).toString('utf8');
  }
  const { rows: [r] } = await admin.query('SELECT pg_current_logfile() AS f');
  if (!r.f) return null;
  const read = async () => (await admin.query('SELECT pg_read_file($1) AS t', [r.f])).rows[0].t;
  const start = (await read()).length;
  return async () => (await read()).slice(start);
}

// Waits until the server log holds `needle` (true) or timeoutMs passed (false).
async function logEventually(readLog, needle, timeoutMs = 2000) {
  for (const t0 = Date.now(); Date.now() - t0 < timeoutMs;) {
    if ((await readLog()).includes(needle)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

module.exports = { uniq, adminClient, createVendorWithInvites, serverLogTail, logEventually };
