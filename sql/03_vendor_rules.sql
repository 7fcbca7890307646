-- Triggers on vendor and identity_event: vendor.customer_id is read-only for every
-- role (CI006), contact email normalization, tenant validation, append-only audit.
-- Tenants: vend_t1, vend_t2.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(3000);

-- Setup: vendor Linked Shop linked (through the extension) to customer Owner;
-- vendor Free Shop and customer Free are unlinked.
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('vend_t1', 'Linked Shop', 'owner@example.com');
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('vend_t1', 'Free Shop', 'free@example.com');
INSERT INTO customer (tenant_id, name, email) VALUES ('vend_t1', 'Owner', 'owner@example.com');
INSERT INTO customer (tenant_id, name, email) VALUES ('vend_t1', 'Free', 'free@example.com');
SELECT link_vendor_to_customer(
    (SELECT id FROM vendor WHERE tenant_id = 'vend_t1' AND name = 'Linked Shop'),
    (SELECT id FROM customer WHERE tenant_id = 'vend_t1' AND name = 'Owner'));
SELECT * FROM regress.vendors('vend_t1');

------------------------------------------------------------------------------
-- Direct writes of vendor.customer_id: CI006, even for the superuser / table owner
------------------------------------------------------------------------------
SELECT current_user = (SELECT tableowner FROM pg_tables
                        WHERE schemaname = 'customer_identity' AND tablename = 'vendor') AS is_owner,
       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS is_superuser;
-- INSERT with a customer_id
SELECT regress.save_state();
INSERT INTO vendor (tenant_id, name, primary_contact_email, customer_id)
VALUES ('vend_t1', 'Sneaky Shop', 'free@example.com', (SELECT id FROM customer WHERE tenant_id = 'vend_t1' AND name = 'Free'));
:sqlstate
SELECT regress.unchanged();
-- UPDATE of an unlinked vendor to a customer
SELECT regress.save_state();
UPDATE vendor SET customer_id = (SELECT id FROM customer WHERE tenant_id = 'vend_t1' AND name = 'Free')
 WHERE tenant_id = 'vend_t1' AND name = 'Free Shop';
:sqlstate
SELECT regress.unchanged();
-- UPDATE of a linked vendor to another customer
SELECT regress.save_state();
UPDATE vendor SET customer_id = (SELECT id FROM customer WHERE tenant_id = 'vend_t1' AND name = 'Free')
 WHERE tenant_id = 'vend_t1' AND name = 'Linked Shop';
:sqlstate
SELECT regress.unchanged();
-- UPDATE of a linked vendor to NULL
SELECT regress.save_state();
UPDATE vendor SET customer_id = NULL WHERE tenant_id = 'vend_t1' AND name = 'Linked Shop';
:sqlstate
SELECT regress.unchanged();
-- INSERT with an explicit NULL customer_id is no link, so it is fine
INSERT INTO vendor (tenant_id, name, customer_id) VALUES ('vend_t1', 'Null Shop', NULL) RETURNING name, customer_id;
-- updating other columns of a linked vendor is fine (customer_id unchanged)
UPDATE vendor SET name = 'Linked Shop Ltd', metadata = '{"tier": "gold"}'
 WHERE tenant_id = 'vend_t1' AND name = 'Linked Shop'
RETURNING name, metadata, customer_id = (SELECT id FROM customer WHERE tenant_id = 'vend_t1' AND name = 'Owner') AS still_linked;
UPDATE vendor SET customer_id = customer_id, name = 'Linked Shop'
 WHERE tenant_id = 'vend_t1' AND name = 'Linked Shop Ltd' RETURNING name;
-- moving a linked vendor to another tenant: CI008
SELECT regress.save_state();
UPDATE vendor SET tenant_id = 'vend_t2' WHERE tenant_id = 'vend_t1' AND name = 'Linked Shop';
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- The same rule for an ordinary application role
------------------------------------------------------------------------------
CREATE ROLE regress_app NOLOGIN;
GRANT USAGE ON SCHEMA customer_identity TO regress_app;
GRANT SELECT, INSERT, UPDATE ON customer_identity.vendor, customer_identity.customer TO regress_app;
SELECT regress.save_state();
SET ROLE regress_app;
INSERT INTO vendor (tenant_id, name, customer_id)
VALUES ('vend_t1', 'App Shop', (SELECT id FROM customer WHERE tenant_id = 'vend_t1' AND name = 'Free'));
:sqlstate
RESET ROLE;
SELECT regress.unchanged();
SELECT regress.save_state();
SET ROLE regress_app;
UPDATE vendor SET customer_id = (SELECT id FROM customer WHERE tenant_id = 'vend_t1' AND name = 'Free')
 WHERE tenant_id = 'vend_t1' AND name = 'Free Shop';
:sqlstate
RESET ROLE;
SELECT regress.unchanged();
SELECT regress.save_state();
SET ROLE regress_app;
UPDATE vendor SET customer_id = NULL WHERE tenant_id = 'vend_t1' AND name = 'Linked Shop';
:sqlstate
RESET ROLE;
SELECT regress.unchanged();
-- the application role may still create vendors and edit other columns
SET ROLE regress_app;
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('vend_t1', 'App Shop', 'App@Example.com')
RETURNING name, primary_contact_email_normalized, customer_id;
UPDATE vendor SET name = 'Linked Shop (app)' WHERE tenant_id = 'vend_t1' AND name = 'Linked Shop' RETURNING name;
RESET ROLE;
SELECT current_user;

------------------------------------------------------------------------------
-- primary_contact_email is normalized; malformed email and blank tenant are 22023
------------------------------------------------------------------------------
INSERT INTO vendor (tenant_id, name, primary_contact_email, primary_contact_email_normalized)
VALUES ('vend_t1', 'Mail Shop', '  Sales@Mail-Shop.EXAMPLE ', 'forged@example.com')
RETURNING primary_contact_email, primary_contact_email_normalized;
UPDATE vendor SET primary_contact_email = 'ORDERS@mail-shop.example'
 WHERE tenant_id = 'vend_t1' AND name = 'Mail Shop'
RETURNING primary_contact_email, primary_contact_email_normalized;
UPDATE vendor SET primary_contact_email_normalized = 'forged@example.com'
 WHERE tenant_id = 'vend_t1' AND name = 'Mail Shop'
RETURNING primary_contact_email, primary_contact_email_normalized;
UPDATE vendor SET primary_contact_email = NULL
 WHERE tenant_id = 'vend_t1' AND name = 'Mail Shop'
RETURNING primary_contact_email, primary_contact_email_normalized;
SELECT regress.save_state();
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('vend_t1', 'Bad Mail', 'sales@');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
UPDATE vendor SET primary_contact_email = 'no at sign' WHERE tenant_id = 'vend_t1' AND name = 'Mail Shop';
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO vendor (tenant_id, name) VALUES ('', 'Blank Tenant');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO vendor (tenant_id, name) VALUES ('   ', 'Blank Tenant');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
UPDATE vendor SET tenant_id = ' ' WHERE tenant_id = 'vend_t1' AND name = 'Mail Shop';
:sqlstate
SELECT regress.unchanged();
SELECT * FROM regress.vendors('vend_t1');

------------------------------------------------------------------------------
-- identity_event is append-only: UPDATE, DELETE, TRUNCATE fail with 42501
------------------------------------------------------------------------------
SELECT count(*) AS events FROM identity_event WHERE tenant_id = 'vend_t1';
SELECT regress.save_state();
UPDATE identity_event SET method = 'forged' WHERE tenant_id = 'vend_t1';
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
DELETE FROM identity_event WHERE tenant_id = 'vend_t1';
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
TRUNCATE identity_event;
:sqlstate
SELECT regress.unchanged();
-- appending works
INSERT INTO identity_event (tenant_id, event_type, method, detail)
VALUES ('vend_t1', 'note', 'manual', '{"by": "03_vendor_rules"}');
SELECT * FROM regress.events('vend_t1');

-- cleanup of the application role
DROP OWNED BY regress_app;
DROP ROLE regress_app;
