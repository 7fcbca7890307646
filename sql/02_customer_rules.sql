-- Triggers on customer: normalized columns, input validation, per-tenant uniqueness
-- among active customers, and the vendor role rule.  Tenants: cust_t1, cust_t2.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(2000);

------------------------------------------------------------------------------
-- Normalized columns: derived on INSERT and UPDATE, never taken from the caller
------------------------------------------------------------------------------
-- INSERT: forged normalized values are replaced by the derived ones
INSERT INTO customer (tenant_id, name, email, email_normalized, phone, phone_normalized,
                      external_customer_id, user_id)
VALUES ('cust_t1', 'Ann', '  Ann@Example.COM ', 'forged@example.com', '+1 (555) 010-0001', '999',
        'cus_ann', 'user_ann')
RETURNING id, email, email_normalized, phone, phone_normalized, roles;
-- UPDATE of email / phone recomputes them
UPDATE customer SET email = 'ANN.B@Example.com', phone = '555.010.0002'
 WHERE tenant_id = 'cust_t1' AND user_id = 'user_ann'
RETURNING email, email_normalized, phone, phone_normalized;
-- writing the normalized columns directly: recomputed from email / phone
UPDATE customer SET email_normalized = 'forged@example.com', phone_normalized = '0000'
 WHERE tenant_id = 'cust_t1' AND user_id = 'user_ann'
RETURNING email, email_normalized, phone, phone_normalized;
UPDATE customer SET email_normalized = NULL
 WHERE tenant_id = 'cust_t1' AND user_id = 'user_ann'
RETURNING email, email_normalized;
-- clearing email / phone clears their normalized forms
UPDATE customer SET email = NULL, phone = NULL
 WHERE tenant_id = 'cust_t1' AND user_id = 'user_ann'
RETURNING email, email_normalized, phone, phone_normalized;
-- ... and setting them back derives them again
UPDATE customer SET email = 'ann@example.com', phone = '+15550100001'
 WHERE tenant_id = 'cust_t1' AND user_id = 'user_ann'
RETURNING email, email_normalized, phone, phone_normalized;
-- updated_at is set on UPDATE, even when the caller writes an old value
UPDATE customer SET updated_at = '2000-01-01', created_at = '2000-01-01'
 WHERE tenant_id = 'cust_t1' AND user_id = 'user_ann';
SELECT updated_at > '2000-01-01' AS touched FROM customer
 WHERE tenant_id = 'cust_t1' AND user_id = 'user_ann';
UPDATE customer SET name = 'Ann B.'
 WHERE tenant_id = 'cust_t1' AND user_id = 'user_ann'
RETURNING name, updated_at = now() AS updated_at_is_now, created_at = '2000-01-01' AS created_kept;

------------------------------------------------------------------------------
-- Malformed input: 22023, nothing written
------------------------------------------------------------------------------
-- malformed email / phone on INSERT and UPDATE
SELECT regress.save_state();
INSERT INTO customer (tenant_id, email) VALUES ('cust_t1', 'not-an-email');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO customer (tenant_id, phone) VALUES ('cust_t1', '12');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
UPDATE customer SET email = 'ann at example.com' WHERE tenant_id = 'cust_t1' AND user_id = 'user_ann';
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
UPDATE customer SET phone = 'call me' WHERE tenant_id = 'cust_t1' AND user_id = 'user_ann';
:sqlstate
SELECT regress.unchanged();
-- unknown role, NULL role, multi-dimensional roles
SELECT regress.save_state();
INSERT INTO customer (tenant_id, email, roles) VALUES ('cust_t1', 'r1@example.com', '{customer,admin}');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO customer (tenant_id, email, roles) VALUES ('cust_t1', 'r2@example.com', ARRAY['customer', NULL]);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO customer (tenant_id, email, roles) VALUES ('cust_t1', 'r3@example.com', '{{customer},{retail}}');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
UPDATE customer SET roles = '{customer,Retail}' WHERE tenant_id = 'cust_t1' AND user_id = 'user_ann';
:sqlstate
SELECT regress.unchanged();
-- the known roles are accepted
INSERT INTO customer (tenant_id, email, roles)
VALUES ('cust_t1', 'roles@example.com', '{customer,wholesale,retail}') RETURNING roles;
-- empty, blank or NULL tenant
SELECT regress.save_state();
INSERT INTO customer (tenant_id, email) VALUES ('', 't1@example.com');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO customer (tenant_id, email) VALUES (E' \t ', 't2@example.com');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO customer (tenant_id, email) VALUES (NULL, 't3@example.com');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
UPDATE customer SET tenant_id = ' ' WHERE tenant_id = 'cust_t1' AND user_id = 'user_ann';
:sqlstate
SELECT regress.unchanged();
-- blank external_customer_id / user_id
SELECT regress.save_state();
INSERT INTO customer (tenant_id, external_customer_id) VALUES ('cust_t1', '');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO customer (tenant_id, external_customer_id) VALUES ('cust_t1', '   ');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO customer (tenant_id, user_id) VALUES ('cust_t1', '');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
UPDATE customer SET user_id = ' ' WHERE tenant_id = 'cust_t1' AND user_id = 'user_ann';
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- Per-tenant uniqueness among active customers: 23505, DETAIL names the identifier
------------------------------------------------------------------------------
-- Ann holds cus_ann / user_ann / ann@example.com / +15550100001; Bob holds his own.
INSERT INTO customer (tenant_id, name, email, phone, external_customer_id, user_id)
VALUES ('cust_t1', 'Bob', 'bob@example.com', '+15550100003', 'cus_bob', 'user_bob');
-- INSERT colliding on each identifier (email and phone after normalization)
SELECT regress.save_state();
INSERT INTO customer (tenant_id, external_customer_id) VALUES ('cust_t1', 'cus_ann');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO customer (tenant_id, user_id) VALUES ('cust_t1', 'user_ann');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO customer (tenant_id, email) VALUES ('cust_t1', ' ANN@example.COM');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO customer (tenant_id, phone) VALUES ('cust_t1', '+1 555 010 0001');
:sqlstate
SELECT regress.unchanged();
-- UPDATE colliding on each identifier
SELECT regress.save_state();
UPDATE customer SET external_customer_id = 'cus_ann' WHERE tenant_id = 'cust_t1' AND user_id = 'user_bob';
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
UPDATE customer SET user_id = 'user_ann' WHERE tenant_id = 'cust_t1' AND user_id = 'user_bob';
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
UPDATE customer SET email = 'Ann@Example.com' WHERE tenant_id = 'cust_t1' AND user_id = 'user_bob';
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
UPDATE customer SET phone = '+1 (555) 010-0001', phone_normalized = '+15550100003'
 WHERE tenant_id = 'cust_t1' AND user_id = 'user_bob';
:sqlstate
SELECT regress.unchanged();
-- a row keeps its own identifiers when updated (no collision with itself)
UPDATE customer SET email = 'BOB@example.com', name = 'Bobby'
 WHERE tenant_id = 'cust_t1' AND user_id = 'user_bob' RETURNING name, email_normalized;
-- the same identifiers in another tenant are fine
INSERT INTO customer (tenant_id, name, email, phone, external_customer_id, user_id)
VALUES ('cust_t2', 'Ann elsewhere', 'ann@example.com', '+15550100001', 'cus_ann', 'user_ann')
RETURNING tenant_id, name, email_normalized, phone_normalized, external_customer_id, user_id;
-- moving a customer into a tenant where its identifiers are taken collides
SELECT regress.save_state();
UPDATE customer SET tenant_id = 'cust_t1' WHERE tenant_id = 'cust_t2' AND user_id = 'user_ann';
:sqlstate
SELECT regress.unchanged();
-- archived customers do not block: an archived row, then an active one with the same email
INSERT INTO customer (tenant_id, name, email, user_id, archived_at)
VALUES ('cust_t1', 'Old Carl', 'carl@example.com', 'user_carl', now());
INSERT INTO customer (tenant_id, name, email, user_id)
VALUES ('cust_t1', 'New Carl', 'CARL@example.com', 'user_carl');
-- an archived row may even repeat an active customer's identifiers
INSERT INTO customer (tenant_id, name, email, archived_at)
VALUES ('cust_t1', 'Old Ann', 'ann@example.com', now());
SELECT name, email_normalized, user_id, archived FROM regress.customers('cust_t1')
 WHERE email_normalized IN ('carl@example.com', 'ann@example.com') ORDER BY id;
-- re-activating an archived duplicate collides
SELECT regress.save_state();
UPDATE customer SET archived_at = NULL WHERE tenant_id = 'cust_t1' AND name = 'Old Carl';
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
UPDATE customer SET archived_at = NULL WHERE tenant_id = 'cust_t1' AND name = 'Old Ann';
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- Vendor role rule: role vendor <=> linked from a vendor
------------------------------------------------------------------------------
-- an unlinked vendor of cust_t1, and one of cust_t2 with another email
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('cust_t1', 'Shop One', 'shop1@example.com');
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('cust_t2', 'Shop Three', 'shop3@example.com');
-- inserting a customer with role vendor and the vendor's email links that vendor
INSERT INTO customer (tenant_id, name, email, roles)
VALUES ('cust_t1', 'Shop One owner', ' Shop1@Example.com', '{customer,vendor}');
SELECT v.name AS vendor, c.name AS customer, c.roles
  FROM vendor v JOIN customer c ON c.id = v.customer_id WHERE v.tenant_id = 'cust_t1';
SELECT event_type, customer_id = (SELECT id FROM customer WHERE tenant_id = 'cust_t1' AND name = 'Shop One owner') AS customer_ok,
       vendor_id = (SELECT id FROM vendor WHERE tenant_id = 'cust_t1' AND name = 'Shop One') AS vendor_ok,
       method, detail
  FROM identity_event WHERE tenant_id = 'cust_t1' ORDER BY id;
-- role vendor with no matching unlinked vendor: CI007
SELECT regress.save_state();
INSERT INTO customer (tenant_id, email, roles) VALUES ('cust_t1', 'nobody@example.com', '{customer,vendor}');
:sqlstate
SELECT regress.unchanged();
-- ... nor without an email
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, roles) VALUES ('cust_t1', 'No email', '{vendor}');
:sqlstate
SELECT regress.unchanged();
-- ... nor when the vendor with that email belongs to another tenant
SELECT regress.save_state();
INSERT INTO customer (tenant_id, email, roles) VALUES ('cust_t1', 'shop3@example.com', '{customer,vendor}');
:sqlstate
SELECT regress.unchanged();
-- adding role vendor by UPDATE links the matching vendor
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('cust_t1', 'Shop Two', 'SHOP2@example.com');
INSERT INTO customer (tenant_id, name, email) VALUES ('cust_t1', 'Shop Two owner', 'shop2@example.com');
SELECT vendor_for_customer(id) IS NULL AS unlinked_before FROM customer WHERE tenant_id = 'cust_t1' AND name = 'Shop Two owner';
UPDATE customer SET roles = roles || '{vendor}' WHERE tenant_id = 'cust_t1' AND name = 'Shop Two owner' RETURNING roles;
SELECT v.name AS vendor, c.name AS customer
  FROM vendor v JOIN customer c ON c.id = v.customer_id WHERE v.tenant_id = 'cust_t1' ORDER BY v.id;
SELECT event_type, method FROM identity_event WHERE tenant_id = 'cust_t1' ORDER BY id;
-- adding role vendor by UPDATE without a matching vendor: CI007
SELECT regress.save_state();
UPDATE customer SET roles = '{customer,vendor}' WHERE tenant_id = 'cust_t1' AND user_id = 'user_bob';
:sqlstate
SELECT regress.unchanged();
-- removing role vendor while linked: CI007
SELECT regress.save_state();
UPDATE customer SET roles = '{customer}' WHERE tenant_id = 'cust_t1' AND name = 'Shop One owner';
:sqlstate
SELECT regress.unchanged();
-- archiving a linked customer: CI010
SELECT regress.save_state();
UPDATE customer SET archived_at = now() WHERE tenant_id = 'cust_t1' AND name = 'Shop One owner';
:sqlstate
SELECT regress.unchanged();
-- moving a linked customer to another tenant: CI008
SELECT regress.save_state();
UPDATE customer SET tenant_id = 'cust_t2' WHERE tenant_id = 'cust_t1' AND name = 'Shop One owner';
:sqlstate
SELECT regress.unchanged();
-- deleting a vendor while it is linked: CI007
SELECT regress.save_state();
DELETE FROM vendor WHERE tenant_id = 'cust_t1' AND name = 'Shop One';
:sqlstate
SELECT regress.unchanged();
-- deleting a linked customer: the foreign key refuses (23503)
SELECT regress.save_state();
DELETE FROM customer WHERE tenant_id = 'cust_t1' AND name = 'Shop One owner';
:sqlstate
SELECT regress.unchanged();
-- other updates of a linked customer are fine
UPDATE customer SET name = 'Shop One Owner', phone = '+15550109999'
 WHERE tenant_id = 'cust_t1' AND name = 'Shop One owner' RETURNING name, phone_normalized, roles;
-- an unlinked vendor can be deleted, an unlinked customer too
DELETE FROM vendor WHERE tenant_id = 'cust_t2' AND name = 'Shop Three';
DELETE FROM customer WHERE tenant_id = 'cust_t1' AND email_normalized = 'roles@example.com';

-- final state of the two tenants
SELECT * FROM regress.customers('cust_t1');
SELECT * FROM regress.customers('cust_t2');
SELECT * FROM regress.vendors('cust_t1');
SELECT * FROM regress.vendors('cust_t2');
SELECT * FROM regress.events('cust_t1');
SELECT * FROM regress.events('cust_t2');

-- The trigger finds its columns by name whatever ALTER TABLE did since it last ran: on a
-- table of the customer's shape, a column dropped and added again comes back at a new position.
CREATE TABLE regress.customer_shape (LIKE customer INCLUDING DEFAULTS INCLUDING IDENTITY);
CREATE TRIGGER customer_before_write BEFORE INSERT OR UPDATE ON regress.customer_shape
    FOR EACH ROW EXECUTE FUNCTION customer_before_write();
INSERT INTO regress.customer_shape (tenant_id, name, email, phone)
VALUES ('cust_shape', 'Shape One', ' One@Example.COM ', '+1 (555) 010-0001')
RETURNING name, email_normalized, phone_normalized;
ALTER TABLE regress.customer_shape DROP COLUMN phone_normalized;
ALTER TABLE regress.customer_shape ADD COLUMN phone_normalized text;
INSERT INTO regress.customer_shape (tenant_id, name, email, phone)
VALUES ('cust_shape', 'Shape Two', 'Two@Example.com', '+1 555 010 0002')
RETURNING name, email_normalized, phone, phone_normalized;
-- ... and a column renamed away is missed, not read from where it used to be
ALTER TABLE regress.customer_shape RENAME COLUMN email_normalized TO email_key;
SELECT regress.save_state();
INSERT INTO regress.customer_shape (tenant_id, name, email) VALUES ('cust_shape', 'Shape Three', 'three@example.com');
:sqlstate
SELECT regress.unchanged();
SELECT name, email, email_key, phone_normalized FROM regress.customer_shape ORDER BY id;
DROP TABLE regress.customer_shape;
