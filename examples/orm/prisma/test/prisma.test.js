'use strict';
// Prisma (engineType "client", pg driver adapter) against a real database, as the application role.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const pg = require('pg');
const { Prisma, createPrisma, sqlState, resolveCustomer, registerWithInvite } = require('../client');
const { uniq, adminClient, createVendorWithInvites, serverLogTail, logEventually } = require('../../../node/test/helpers');

let prisma;
let admin;
let vendor;

before(async () => {
  admin = await adminClient(pg.Client);
  vendor = await createVendorWithInvites(admin, 'Vendor P');
  prisma = createPrisma();
});

after(async () => {
  await prisma.$disconnect();
  await admin.end();
});

// Asserts err is the raw DriverAdapterError Prisma rethrows for an unmapped SQLSTATE.
function isDriverAdapterError(err, code) {
  assert.equal(err.name, 'DriverAdapterError');
  assert.equal(err instanceof Prisma.PrismaClientKnownRequestError, false);
  assert.equal(err.cause.kind, 'postgres');
  assert.equal(err.cause.code, code);
  assert.equal(sqlState(err), code);
  return true;
}

test('create: identity id and trigger-derived email come back; a written normalized value is replaced', async () => {
  const email = ` ${uniq('Pat')}@Example.COM`;
  const c = await prisma.customer.create({ data: { name: 'Pat', email, emailNormalized: 'forged@example.com' } });
  assert.equal(typeof c.id, 'bigint');
  assert.equal(c.emailNormalized, email.trim().toLowerCase());
  assert.equal(c.tenantId, 'default');
  assert.deepEqual(c.roles, ['customer']);
  assert.deepEqual(c.metadata, {});
  const u = await prisma.customer.update({ where: { id: c.id }, data: { emailNormalized: 'forged@example.com' } });
  assert.equal(u.emailNormalized, email.trim().toLowerCase());
  assert.ok(u.updatedAt > c.updatedAt);
  await assert.rejects(prisma.customer.create({ data: { id: 1n, name: 'x' } }), (err) => isDriverAdapterError(err, '428C9'));
});

test('duplicate identifier: P2002, the 23505 in meta.driverAdapterError.cause', async () => {
  const userId = uniq('u');
  await prisma.customer.create({ data: { userId } });
  await assert.rejects(prisma.customer.create({ data: { userId } }), (err) => {
    assert.ok(err instanceof Prisma.PrismaClientKnownRequestError);
    assert.equal(err.code, 'P2002');
    assert.equal(err.meta.driverAdapterError.cause.originalCode, '23505');
    assert.deepEqual(err.meta.driverAdapterError.cause.constraint.fields, ['tenant_id', 'user_id']);
    return true;
  });
});

test('vendor.customerId: an update raises CI006 as a DriverAdapterError; the link is unchanged', async () => {
  await assert.rejects(prisma.vendor.update({ where: { id: BigInt(vendor.vendorId) }, data: { customerId: null } }), (err) => {
    isDriverAdapterError(err, 'CI006');
    assert.match(err.cause.hint, /link_vendor_to_customer/);
    return true;
  });
  const v = await prisma.vendor.findUniqueOrThrow({ where: { id: BigInt(vendor.vendorId) }, include: { customer: true } });
  assert.equal(String(v.customerId), vendor.ownerCustomerId);
  assert.ok(v.customer.roles.includes('vendor'));
});

test('CI codes: DriverAdapterError from model queries, P2010 from raw queries', async () => {
  await assert.rejects(prisma.customer.create({ data: { email: 'not an email' } }), (err) => {
    isDriverAdapterError(err, '22023');
    assert.match(err.cause.detail, /whitespace/);
    return true;
  });
  const userA = uniq('u');
  const emailB = `${uniq('b')}@example.com`;
  await resolveCustomer(prisma, { userId: userA });
  await resolveCustomer(prisma, { userId: uniq('u'), email: emailB });
  await assert.rejects(resolveCustomer(prisma, { userId: userA, email: emailB }), (err) => {
    assert.ok(err instanceof Prisma.PrismaClientKnownRequestError);
    assert.equal(err.code, 'P2010');
    assert.equal(err.meta.driverAdapterError.cause.code, 'CI001');
    assert.equal(sqlState(err), 'CI001');
    assert.match(err.message, /Raw query failed. Code: `CI001`/);
    return true;
  });
  await assert.rejects(prisma.identityEvent.deleteMany({ where: { id: -1n } }), (err) => isDriverAdapterError(err, '42501'));
});

test('resolve_customer_identity through $queryRaw: created, then found', async () => {
  const userId = uniq('u');
  const first = await resolveCustomer(prisma, { userId, name: 'Bo' });
  const second = await resolveCustomer(prisma, { userId });
  assert.deepEqual([first.created, first.method], [true, 'created']);
  assert.deepEqual([second.created, second.method], [false, 'user_id']);
  assert.equal(second.customer_id, first.customer_id);
  assert.equal((await prisma.customer.findUniqueOrThrow({ where: { id: first.customer_id } })).userId, userId);
});

test('registration: clientele row, token neither stored nor logged; bad tokens are CI002/CI004', async () => {
  const c = await registerWithInvite(prisma, { name: 'R', email: `${uniq('r')}@example.com`, inviteToken: vendor.inviteToken });
  assert.deepEqual(c.metadata, {});
  const links = await prisma.vendorCustomer.findMany({ where: { customerId: c.id } });
  assert.deepEqual(links.map((l) => [String(l.vendorId), l.source]), [[vendor.vendorId, 'invite']]);
  const readLog = await serverLogTail(admin);
  const unknown = `cit_${uniq('unknown')}`;
  await assert.rejects(registerWithInvite(prisma, { name: 'R', email: `${uniq('r')}@example.com`, inviteToken: unknown }),
    (err) => isDriverAdapterError(err, 'CI002') && !err.message.includes(unknown));
  await assert.rejects(registerWithInvite(prisma, { name: 'R', email: `${uniq('r')}@example.com`, inviteToken: vendor.revokedToken }),
    (err) => isDriverAdapterError(err, 'CI004'));
  if (readLog) {
    assert.equal(await logEventually(readLog, 'has been revoked'), true);
    const log = await readLog();
    assert.equal(log.includes(unknown) || log.includes(vendor.revokedToken), false, 'bound tokens are not in the server log');
  }
});

test('upsert cannot name a partial unique index: userId is not a unique input', async () => {
  const userId = uniq('u');
  await assert.rejects(prisma.customer.upsert({ where: { userId }, create: { userId }, update: {} }),
    (err) => err instanceof Prisma.PrismaClientValidationError && /CustomerWhereUniqueInput/.test(err.message));
});

test('a resolution racing a concurrent commit under REPEATABLE READ: P2010 carrying 40001, then a retry finds it', async () => {
  const extId = uniq('cus');
  const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  // One attempt: snapshot first, then (attempt 1 only) another session commits the same customer.
  const attempt = (n) => prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1`;
    if (n === 1) await other.query('SELECT customer_identity.resolve_customer_identity(external_customer_id => $1)', [extId]);
    return resolveCustomer(tx, { externalCustomerId: extId });
  }, { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead });
  try {
    await assert.rejects(attempt(1), (err) => {
      assert.ok(err instanceof Prisma.PrismaClientKnownRequestError);
      assert.equal(err.code, 'P2010');
      assert.equal(err.meta.driverAdapterError.cause.kind, 'TransactionWriteConflict');
      assert.equal(sqlState(err), '40001');
      return true;
    });
    const found = await attempt(2);
    assert.deepEqual([found.method, found.created], ['external_customer_id', false]);
  } finally {
    await other.end();
  }
});
