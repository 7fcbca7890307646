-- check_integrity(): one row per broken rule, none when all hold.  A clean tenant has none;
-- rows written with the rules off (a restore without them, a hand edit as superuser) are
-- each reported; the whole database is checked without stopping at a malformed row.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(19000);

-- a clean tenant: a vendor and its customer, clientele through an invite, a merge
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('integ_ok', 'Shop', 'shop@ok.test') RETURNING id AS ok_shop \gset
SELECT customer_id AS ok_owner FROM resolve_customer_identity(tenant_id => 'integ_ok', email => 'shop@ok.test') \gset
SELECT customer_id AS ok_a FROM resolve_customer_identity(tenant_id => 'integ_ok', user_id => 'a') \gset
SELECT customer_id AS ok_b FROM resolve_customer_identity(tenant_id => 'integ_ok', user_id => 'b') \gset
SELECT create_invite_token(:ok_shop, max_uses => 2) AS ok_token \gset
SELECT created FROM redeem_invite_token(:'ok_token', :ok_a);
SELECT merge_customers(:ok_a, :ok_b);
SELECT count(*) AS violations FROM check_integrity('integ_ok');

-- a broken tenant: rows written with the triggers off, as a bad restore or a hand edit would
SET session_replication_role = replica;
INSERT INTO customer (id, tenant_id, email, email_normalized, user_id, roles, metadata, merged_into, archived_at)
OVERRIDING SYSTEM VALUE VALUES
    (19101, 'integ_bad', 'dup@bad.test', 'dup@bad.test', 'u1', '{customer}', '{}', NULL, NULL),
    (19102, 'integ_bad', 'DUP@bad.test', 'stale@bad.test', NULL, '{customer,admin}', '{"invite_token": "x"}', NULL, NULL),
    (19103, 'integ_bad', 'not an email', 'not an email', NULL, '{customer,vendor}', '{}', NULL, NULL),
    (19104, 'integ_bad', NULL, NULL, '  ', '{customer}', '{}', 19105, now()),
    (19105, 'integ_bad', NULL, NULL, NULL, '{customer}', '{}', 19104, now()),
    (19107, 'integ_bad', 'owner@bad.test', 'owner@bad.test', NULL, '{customer}', '{}', NULL, NULL),
    (19108, 'integ_other', 'other@bad.test', 'other@bad.test', NULL, '{customer}', '{}', NULL, NULL);
INSERT INTO vendor (id, tenant_id, name, primary_contact_email, primary_contact_email_normalized, customer_id)
OVERRIDING SYSTEM VALUE VALUES
    (19101, 'integ_bad', 'Mismatch', 'vendor@bad.test', 'vendor@bad.test', 19107),
    (19102, 'integ_bad', 'Across', NULL, NULL, 19108);
INSERT INTO invite_token (id, tenant_id, vendor_id, token_hash, max_uses, use_count)
OVERRIDING SYSTEM VALUE VALUES (19101, 'integ_other', 19101, '\x00', 2, 0);
-- (a rotated token that points at another tenant's token)
INSERT INTO invite_token (id, tenant_id, vendor_id, token_hash, max_uses, use_count, rotated_to)
OVERRIDING SYSTEM VALUE VALUES (19102, 'integ_bad', 19101, decode(repeat('00', 32), 'hex'), NULL, 0, 19101);
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source, invite_id) VALUES
    (19101, 19108, 'integ_bad', 'invite', 19101);
RESET session_replication_role;
SELECT invariant, tenant_id, subject, detail FROM check_integrity('integ_bad') ORDER BY 1, 3, 4;
-- the other tenant's half of the cross-tenant rows
SELECT invariant, subject FROM check_integrity('integ_other') ORDER BY 1, 2;
-- all tenants at once (the regress database holds earlier files' legacy rows too)
SELECT count(*) > 0 AS reports_across_tenants FROM check_integrity() WHERE tenant_id LIKE 'integ_%';

-- only the owner runs it
CREATE ROLE regress_ci_integrity_app NOLOGIN;
SELECT grant_application_role('regress_ci_integrity_app');
SET ROLE regress_ci_integrity_app;
SELECT * FROM check_integrity('integ_ok');
:sqlstate
RESET ROLE;
DROP OWNED BY regress_ci_integrity_app;
DROP ROLE regress_ci_integrity_app;
