'use strict';
// Opens MikroORM on DATABASE_URL as the application role, plus the two calls the ORM
// cannot express: resolution and registration through an invite.
const { MikroORM } = require('@mikro-orm/postgresql');
const { entities } = require('./entities');

// host/port/user/database from a postgresql:// URL; `?host=/socket/dir` selects a Unix socket
// (MikroORM's own clientUrl parsing ignores that parameter).
function connectionOptions(url) {
  const u = new URL(url);
  return {
    host: u.searchParams.get('host') || decodeURIComponent(u.hostname) || 'localhost',
    port: Number(u.searchParams.get('port') || u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password) || undefined,
    dbName: decodeURIComponent(u.pathname.slice(1)),
  };
}

// Starts MikroORM; compileSqlOnError: false keeps bound values out of knex's error messages.
async function openOrm(url = process.env.DATABASE_URL) {
  if (!url) throw new Error('DATABASE_URL is not set');
  return MikroORM.init({
    ...connectionOptions(url),
    entities,
    ensureDatabase: false,
    discovery: { warnWhenNoEntities: false },
    driverOptions: { compileSqlOnError: false },
  });
}

// resolve_customer_identity through the connection; MikroORM inlines the `?` values client-side.
async function resolveCustomer(em, { externalCustomerId = null, email = null, userId = null, name = null }) {
  const [row] = await em.getConnection().execute(
    `SELECT customer_id, vendor_id, method, created FROM customer_identity.resolve_customer_identity(
       external_customer_id => ?, email => ?, user_id => ?, name => ?)`,
    [externalCustomerId, email, userId, name]);
  return row;
}

// Registration through an invite with the token as a real bind parameter ($n on the wire):
// knex.raw sends `?` values as parameters, unlike em.getConnection().execute and flush.
async function registerWithInvite(em, { name, email, inviteToken }) {
  const knex = em.getConnection().getKnex();
  const res = await knex.raw(
    `INSERT INTO customer_identity.customer (name, email, metadata)
     VALUES (?, ?, jsonb_build_object('invite_token', ?::text)) RETURNING id, metadata`,
    [name, email, inviteToken]);
  return res.rows[0];
}

module.exports = { connectionOptions, openOrm, resolveCustomer, registerWithInvite };
