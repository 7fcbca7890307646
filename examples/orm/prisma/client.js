'use strict';
// Prisma Client on the pg driver adapter (JS engine: no native engine), as the application role,
// plus the calls Prisma's model API cannot express.
const { PrismaPg } = require('@prisma/adapter-pg');
const { PrismaClient, Prisma } = require('./generated/client');

// A client for DATABASE_URL, e.g. postgresql://app@localhost/shop?host=/run/postgresql
function createPrisma(connectionString = process.env.DATABASE_URL) {
  if (!connectionString) throw new Error('DATABASE_URL is not set');
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

// The PostgreSQL SQLSTATE behind a Prisma error, wherever this Prisma version puts it.
function sqlState(err) {
  return err?.cause?.originalCode // DriverAdapterError thrown as is (model queries, unmapped codes)
    ?? err?.meta?.driverAdapterError?.cause?.originalCode; // PrismaClientKnownRequestError (P2002, P2010, P2034...)
}

// resolve_customer_identity through $queryRaw: the tagged template sends each value as $n.
async function resolveCustomer(prisma, { externalCustomerId = null, email = null, userId = null, name = null }) {
  const [row] = await prisma.$queryRaw`
    SELECT customer_id, vendor_id, method, created FROM customer_identity.resolve_customer_identity(
      external_customer_id => ${externalCustomerId}::text, email => ${email}::text,
      user_id => ${userId}::text, name => ${name}::text)`;
  return row;
}

// Registration through an invite: a model create; Prisma binds the metadata JSON as a parameter.
async function registerWithInvite(prisma, { name, email, inviteToken }) {
  return prisma.customer.create({ data: { name, email, metadata: { invite_token: inviteToken } } });
}

module.exports = { Prisma, createPrisma, sqlState, resolveCustomer, registerWithInvite };
