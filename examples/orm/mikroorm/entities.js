'use strict';
// MikroORM 6 mappings of the customer_identity tables, as EntitySchema in plain JS.
// Columns the database owns are marked `generated`: MikroORM never puts them in an
// INSERT or UPDATE and reads them back (RETURNING) after each write.
const { EntitySchema, ArrayType } = require('@mikro-orm/core');

const SCHEMA = 'customer_identity';
// Written only by the extension: the `generated` text is a note, never sent (no schema generator is run).
const DB_OWNED = 'by the customer_identity extension';

class Customer {}
class Vendor {}
class VendorCustomer {}
class IdentityEvent {}

const CustomerSchema = new EntitySchema({
  class: Customer,
  schema: SCHEMA,
  tableName: 'customer',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true }, // GENERATED ALWAYS AS IDENTITY
    tenantId: { type: 'text', defaultRaw: "'default'" },
    name: { type: 'text', nullable: true },
    email: { type: 'text', nullable: true },
    emailNormalized: { type: 'text', nullable: true, generated: DB_OWNED }, // trigger-derived
    phone: { type: 'text', nullable: true },
    phoneNormalized: { type: 'text', nullable: true, generated: DB_OWNED }, // trigger-derived
    externalCustomerId: { type: 'text', nullable: true },
    userId: { type: 'text', nullable: true },
    roles: { type: ArrayType, columnType: 'text[]', defaultRaw: "'{customer}'" },
    metadata: { type: 'json', defaultRaw: "'{}'" },
    mergedInto: { type: 'bigint', nullable: true, generated: DB_OWNED }, // merge_customers only
    archivedAt: { type: 'Date', columnType: 'timestamptz', nullable: true, generated: DB_OWNED },
    createdAt: { type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' },
    updatedAt: { type: 'Date', columnType: 'timestamptz', generated: DB_OWNED }, // trigger sets it on UPDATE
  },
});

const VendorSchema = new EntitySchema({
  class: Vendor,
  schema: SCHEMA,
  tableName: 'vendor',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    tenantId: { type: 'text', defaultRaw: "'default'" },
    name: { type: 'text' },
    primaryContactEmail: { type: 'text', nullable: true },
    primaryContactEmailNormalized: { type: 'text', nullable: true, generated: DB_OWNED },
    metadata: { type: 'json', defaultRaw: "'{}'" },
    customerId: { type: 'bigint', nullable: true, generated: DB_OWNED }, // read-only link (CI006)
    createdAt: { type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' },
  },
});

const VendorCustomerSchema = new EntitySchema({
  class: VendorCustomer,
  schema: SCHEMA,
  tableName: 'vendor_customer',
  // The table's key is (vendor_id, customer_id, tenant_id); the vendor fixes the tenant (the
  // foreign keys carry it), so the pair alone names the row for MikroORM's identity map.
  properties: {
    vendor: { kind: 'm:1', entity: () => Vendor, primary: true, fieldName: 'vendor_id' },
    customer: { kind: 'm:1', entity: () => Customer, primary: true, fieldName: 'customer_id' },
    tenantId: { type: 'text', defaultRaw: "'default'" },
    source: { type: 'text', defaultRaw: "'api'" },
    inviteId: { type: 'bigint', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' },
  },
});

// Append-only audit: read-only for MikroORM (flush never writes it) and for the app role.
const IdentityEventSchema = new EntitySchema({
  class: IdentityEvent,
  schema: SCHEMA,
  tableName: 'identity_event',
  readonly: true,
  properties: {
    id: { type: 'bigint', primary: true },
    tenantId: { type: 'text' },
    eventType: { type: 'text' },
    customerId: { type: 'bigint', nullable: true },
    otherCustomerId: { type: 'bigint', nullable: true },
    vendorId: { type: 'bigint', nullable: true },
    method: { type: 'text', nullable: true },
    detail: { type: 'json' },
    actor: { type: 'text' },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
  },
});

// invite_token is not mapped: the application role may not read it (42501); use the functions.

module.exports = {
  Customer, Vendor, VendorCustomer, IdentityEvent,
  entities: [CustomerSchema, VendorSchema, VendorCustomerSchema, IdentityEventSchema],
};
