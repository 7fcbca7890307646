-- Every reference carries its tenant (composite foreign keys on (tenant_id, id)): a row of
-- tenant acme points only at rows of acme.  A cross-tenant write fails with 23503 whether
-- or not the row exists in the other tenant, so the errors tell acme nothing about globex.
-- The writes run as the application role bound to acme.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(21000);

-- globex: a vendor linked to its owner's customer, a buyer in its clientele through an invite
SELECT customer_id AS g_owner FROM resolve_customer_identity(tenant_id => 'globex', user_id => 'g-owner', email => 'owner@globex.test') \gset
SELECT upgrade_customer_to_vendor(:g_owner, 'Globex Shop') AS g_vendor \gset
SELECT customer_id AS g_buyer FROM resolve_customer_identity(tenant_id => 'globex', user_id => 'g-buyer') \gset
SELECT create_invite_token(:g_vendor) AS g_token \gset
SELECT created FROM redeem_invite_token(:'g_token', :g_buyer);
SELECT id AS g_invite FROM invite_token WHERE vendor_id = :g_vendor \gset
-- acme: a vendor and a buyer of its own
SELECT customer_id AS a_buyer FROM resolve_customer_identity(tenant_id => 'acme', user_id => 'a-buyer') \gset
INSERT INTO vendor (tenant_id, name) VALUES ('acme', 'Acme Shop') RETURNING id AS a_vendor \gset
SELECT create_invite_token(:a_vendor) AS a_token \gset
SELECT id AS a_invite FROM invite_token WHERE vendor_id = :a_vendor \gset

-- the keys
SELECT conrelid::regclass AS tbl, conname, pg_get_constraintdef(oid) AS definition, convalidated
  FROM pg_constraint
 WHERE connamespace = 'customer_identity'::regnamespace AND contype IN ('f', 'p', 'u')
   AND conrelid::regclass::text IN ('customer', 'vendor', 'vendor_customer', 'invite_token')
 ORDER BY 1, 2;

CREATE ROLE regress_ci_acme NOLOGIN;
SELECT grant_application_role('regress_ci_acme');
GRANT USAGE ON SCHEMA regress TO regress_ci_acme;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_acme;
SELECT bind_role_to_tenant('regress_ci_acme', 'acme');
SELECT regress.save_state();
SET ROLE regress_ci_acme;

-- the issue's insert: globex's vendor, customer and invite, written as acme: 23503
INSERT INTO vendor_customer VALUES (:g_vendor, :g_buyer, 'acme', 'invite', :g_invite);
:sqlstate
-- the same with ids no tenant has: the same error
INSERT INTO vendor_customer VALUES (:g_vendor + 1000000, :g_buyer + 1000000, 'acme', 'invite', :g_invite + 1000000);
:sqlstate
-- globex's pair exists (before 0.6.0 this was 23505, which told acme so); a pair that
-- exists nowhere: the same 23503
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id) VALUES (:g_vendor, :g_buyer, 'acme');
:sqlstate
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id) VALUES (:g_vendor, :g_owner, 'acme');
:sqlstate
-- acme's vendor with globex's customer, and with a customer that does not exist
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id) VALUES (:a_vendor, :g_buyer, 'acme');
:sqlstate
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id) VALUES (:a_vendor, :g_buyer + 1000000, 'acme');
:sqlstate
-- acme's pair with globex's invite, and with an invite that does not exist
INSERT INTO vendor_customer VALUES (:a_vendor, :a_buyer, 'acme', 'invite', :g_invite);
:sqlstate
INSERT INTO vendor_customer VALUES (:a_vendor, :a_buyer, 'acme', 'invite', :g_invite + 1000000);
:sqlstate
-- the clientele row in globex's name is refused by row-level security, as before (42501)
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id) VALUES (:g_vendor, :g_buyer, 'globex');
:sqlstate
-- the functions answer CI011 for globex's rows, as for rows that do not exist
SELECT link_vendor_to_customer(:a_vendor, :g_buyer);
:sqlstate
SELECT link_vendor_to_customer(:a_vendor, :g_buyer + 1000000);
:sqlstate
SELECT merge_customers(:a_buyer, :g_buyer);
:sqlstate
SELECT merge_customers(:a_buyer, :g_buyer + 1000000);
:sqlstate
RESET ROLE;
SELECT regress.unchanged();
-- a pair of acme's own is accepted, with acme's own invite
SET ROLE regress_ci_acme;
INSERT INTO vendor_customer VALUES (:a_vendor, :a_buyer, 'acme', 'invite', :a_invite)
RETURNING vendor_id = :a_vendor AS vendor_ok, customer_id = :a_buyer AS customer_ok, tenant_id;
RESET ROLE;
SELECT unbind_role_from_tenant('regress_ci_acme');
SELECT set_tenant_isolation(false);

-- The owner (no row-level security) cannot move a referenced row to another tenant either:
-- every reference would cross tenants.  23503, nothing changed.
SELECT regress.save_state();
UPDATE vendor_customer SET tenant_id = 'acme' WHERE vendor_id = :g_vendor;
:sqlstate
UPDATE customer SET tenant_id = 'acme' WHERE id = :g_buyer;
:sqlstate
UPDATE vendor SET tenant_id = 'acme' WHERE id = :g_vendor;
:sqlstate
UPDATE invite_token SET tenant_id = 'acme' WHERE id = :g_invite;
:sqlstate
SELECT regress.unchanged();
-- a merged-away duplicate stays with its canonical customer's tenant
SELECT customer_id AS g_dup FROM resolve_customer_identity(tenant_id => 'globex', user_id => 'g-dup') \gset
SELECT merge_customers(:g_buyer, :g_dup);
SELECT regress.save_state();
UPDATE customer SET tenant_id = 'acme' WHERE id = :g_dup;
:sqlstate
UPDATE customer SET tenant_id = 'acme' WHERE id = :g_buyer;
:sqlstate
SELECT regress.unchanged();
-- a customer nothing points at may still change tenant (as before)
SELECT customer_id AS loner FROM resolve_customer_identity(tenant_id => 'acme', user_id => 'loner') \gset
UPDATE customer SET tenant_id = 'acme2' WHERE id = :loner RETURNING tenant_id;
-- every tenant agrees; the one row: acme's clientele row above names its invite without a
-- redemption having counted it (a direct write may do that; check_integrity says so)
SELECT * FROM check_integrity();

DROP OWNED BY regress_ci_acme;
DROP ROLE regress_ci_acme;
