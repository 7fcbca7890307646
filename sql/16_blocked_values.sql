-- Blocked values: the built-in list (tenant blk_v, where it applies) and a tenant's own list.
-- They never match, never conflict, never make two customers one, and reconcile and import
-- grouping skip them; a row still carries them as raw values.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(16000);
SELECT set_builtin_blocklist(true, 'blk_v');
SELECT set_builtin_blocklist(false, 'blk_off');

CREATE ROLE regress_ci_blocked_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
SELECT grant_application_role('regress_ci_blocked_app');
GRANT USAGE ON SCHEMA regress TO regress_ci_blocked_app;
GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA regress TO regress_ci_blocked_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_blocked_app;

-- The built-in list, as the application asks about it
SET ROLE regress_ci_blocked_app;
SELECT v.value, is_blocked_identifier('blk_v', v.kind, v.value) AS blk_v,
       is_blocked_identifier('blk_off', v.kind, v.value) AS blk_off
  FROM (VALUES ('email', ' Test@Test.com'), ('email', 'noreply@shop.test'), ('email', 'no-reply@stripe.com'),
               ('email', 'ann@shop.test'), ('phone', '000-000-0000'), ('phone', '+1 123 456 7890'),
               ('phone', '+1 555 0160 001')) AS v(kind, value);
-- bad arguments: 22023
SELECT is_blocked_identifier('blk_v', 'user_id', 'x');
:sqlstate
SELECT is_blocked_identifier('blk_v', 'email', 'not an email');
:sqlstate

------------------------------------------------------------------------------
-- resolve: a blocked value identifies nobody
------------------------------------------------------------------------------
-- alone it is no identifier (22023), nothing written
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'blk_v', email => 'test@test.com');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'blk_v', phone => '0000000000');
:sqlstate
SELECT regress.unchanged();
-- two guests who typed test@test.com stay two customers, each carrying the raw value
SELECT customer_id AS guest1, method FROM resolve_customer_identity(tenant_id => 'blk_v',
    user_id => 'guest-1', email => 'test@test.com', phone => '0000000000') \gset
SELECT customer_id AS guest2, method FROM resolve_customer_identity(tenant_id => 'blk_v',
    user_id => 'guest-2', email => 'TEST@test.com', phone => '000 000 0000') \gset
SELECT :guest1 <> :guest2 AS two_customers;
SELECT id = :guest1 AS guest1, email, email_normalized, phone, phone_normalized
  FROM customer WHERE tenant_id = 'blk_v' ORDER BY id;
-- the second guest's user id with the blocked email finds the second guest, no conflict
SELECT customer_id = :guest2 AS guest2, method FROM resolve_customer_identity(tenant_id => 'blk_v',
    user_id => 'guest-2', email => 'test@test.com');
-- where the list is off, the value is an identifier like any other
SELECT customer_id AS off1 FROM resolve_customer_identity(tenant_id => 'blk_off', user_id => 'guest-1', email => 'test@test.com') \gset
SELECT * FROM resolve_customer_identity(tenant_id => 'blk_off', user_id => 'guest-2', email => 'test@test.com');
:sqlstate
-- a vendor whose contact email is blocked is never found by it
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('blk_v', 'Robot Shop', 'noreply@robot.test')
RETURNING primary_contact_email, primary_contact_email_normalized;
SELECT method, vendor_id FROM resolve_customer_identity(tenant_id => 'blk_v', user_id => 'robot',
    email => 'noreply@robot.test');

------------------------------------------------------------------------------
-- direct writes: the rows carry the raw value, the unique rules do not see it
------------------------------------------------------------------------------
INSERT INTO customer (tenant_id, name, email) VALUES
    ('blk_v', 'Direct 1', 'noreply@shop.test'), ('blk_v', 'Direct 2', 'NoReply@shop.test')
RETURNING name, email, email_normalized;
UPDATE customer SET phone = '1234567' WHERE tenant_id = 'blk_v' AND name LIKE 'Direct%'
RETURNING name, phone, phone_normalized;
RESET ROLE;

------------------------------------------------------------------------------
-- a tenant's own list: the owner blocks a shared family address
------------------------------------------------------------------------------
SELECT customer_id AS family FROM resolve_customer_identity(tenant_id => 'blk_v', user_id => 'mum',
    email => 'family@home.test') \gset
SELECT block_identifier('blk_v', 'email', ' Family@Home.test', 'shared by the whole family');
-- idempotent
SELECT block_identifier('blk_v', 'email', 'family@home.test');
SELECT tenant_id, identifier, value, reason FROM blocked_identifier;
-- the customer who had it keeps the raw value; it no longer identifies her
SELECT email, email_normalized FROM customer WHERE id = :family;
SELECT customer_id = :family AS same, method FROM resolve_customer_identity(tenant_id => 'blk_v',
    user_id => 'dad', email => 'family@home.test');
-- other tenants are not affected
SELECT is_blocked_identifier('blk_off', 'email', 'family@home.test') AS other_tenant;
-- bad arguments: 22023, nothing changed
SELECT regress.save_state();
SELECT block_identifier('blk_v', 'user_id', 'x');
:sqlstate
SELECT block_identifier('blk_v', 'phone', '12');
:sqlstate
SELECT block_identifier('', 'phone', '1234567');
:sqlstate
SELECT regress.unchanged();
-- unblocking: new writes derive the value again
SELECT unblock_identifier('blk_v', 'email', 'family@home.test');
SELECT is_blocked_identifier('blk_v', 'email', 'family@home.test') AS still_blocked;
UPDATE customer SET email = 'family@home.test' WHERE id = :family RETURNING email_normalized;
SELECT event_type, detail FROM regress.events('blk_v') WHERE event_type LIKE 'identifier_%';

------------------------------------------------------------------------------
-- reconcile and import never join customers or rows through a blocked value
------------------------------------------------------------------------------
-- Two guests' rows with test@test.com (written while the list applied: no normalized
-- value), and a row written while it did not (a stale normalized phone)
SELECT set_builtin_blocklist(true, 'blk_rec');
INSERT INTO customer (tenant_id, name, email) VALUES ('blk_rec', 'Rec 1', 'test@test.com'),
                                                     ('blk_rec', 'Rec 2', 'Test@Test.com');
SELECT set_builtin_blocklist(false, 'blk_rec');
INSERT INTO customer (tenant_id, name, phone) VALUES ('blk_rec', 'Rec 3', '0000000');
-- without the list, reconcile would make the two guests one customer
SELECT action, reason FROM reconcile('blk_rec') ORDER BY action, reason;
-- with it, they stay two; the stale normalized phone is repaired
SELECT set_builtin_blocklist(true, 'blk_rec');
SELECT action, reason FROM reconcile('blk_rec') ORDER BY action, reason;
SELECT action, reason FROM reconcile('blk_rec', dry_run => false) ORDER BY action, reason;
SELECT name, email, email_normalized, phone, phone_normalized, archived_at IS NOT NULL AS archived
  FROM customer WHERE tenant_id = 'blk_rec' ORDER BY id;
-- import: rows that share only a blocked value are separate; a row with nothing else is skipped
CREATE TABLE regress.blocked_staging (id int, email text, phone text, user_id text);
INSERT INTO regress.blocked_staging VALUES
    (1, 'test@test.com', NULL, 'imp-1'), (2, 'TEST@test.com', NULL, 'imp-2'),
    (3, 'noreply@shop.test', '0000000000', NULL), (4, 'real@import.test', '0000000000', NULL),
    (5, 'real@import.test', NULL, 'imp-5');
SELECT source_row, action, group_row, reason FROM import_customers('regress.blocked_staging', 'blk_v');
DROP TABLE regress.blocked_staging;

DROP OWNED BY regress_ci_blocked_app;
DROP ROLE regress_ci_blocked_app;
