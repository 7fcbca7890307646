-- The commonest call -- one identifier and the tenant -- is answered without building the
-- general request (src/operations/resolve.cpp, single_identifier_hit) when it is a quiet hit.  Every
-- other case hands over to the general resolution, which must decide and raise exactly as
-- it does for any call: a vendor with the email, a miss, an alias, a name or a verification
-- to write, an unusual or bad argument.  As the application role.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(26000);
SELECT set_trust_policy('trusting', 'single');
SELECT block_identifier('single', 'email', 'nobody@single.example', 'placeholder');
CREATE ROLE regress_ci_single_app NOLOGIN;
SELECT grant_application_role('regress_ci_single_app');
GRANT USAGE ON SCHEMA regress TO regress_ci_single_app;
GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA regress TO regress_ci_single_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_single_app;
SET ROLE regress_ci_single_app;

INSERT INTO customer (tenant_id, name, external_customer_id, user_id, email, phone)
VALUES ('single', 'Ann', 'cus_ann', 'u_ann', 'ann@single.example', '+15550126001'),
       ('single', NULL, 'cus_noname', NULL, 'noname@single.example', NULL);
SELECT max(id) FILTER (WHERE name = 'Ann') AS ann, max(id) FILTER (WHERE name IS NULL) AS noname
  FROM customer WHERE tenant_id = 'single' \gset

-- quiet hits by each identifier, and with both conflict modes: the methods of the SPEC
SELECT * FROM resolve_customer_identity(tenant_id => 'single', external_customer_id => 'cus_ann');
SELECT * FROM resolve_customer_identity(tenant_id => 'single', user_id => 'u_ann', on_conflict => 'return');
SELECT * FROM resolve_customer_identity(tenant_id => 'single', email => ' ANN@single.example');
SELECT * FROM resolve_customer_identity(tenant_id => 'single', phone => '+1 555 012 6001', create_missing => false);
SELECT regress.save_state();
-- ... and they wrote nothing
SELECT regress.unchanged() AS unchanged_by_hits;

-- a vendor with the email comes first (step 3): linked now, by the general resolution
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('single', 'Ann''s Shop', 'ann@single.example');
SELECT * FROM resolve_customer_identity(tenant_id => 'single', email => 'ann@single.example');
SELECT * FROM regress.vendors('single');
-- the same email again: the linked vendor's customer, with its vendor
SELECT * FROM resolve_customer_identity(tenant_id => 'single', email => 'ann@single.example');

-- a name the customer lacks is filled in (enrichment)
SELECT * FROM resolve_customer_identity(tenant_id => 'single', external_customer_id => 'cus_noname', name => 'Nona');
SELECT name FROM customer WHERE id = :noname;
-- a verified email is stamped on the customer that has it
SELECT * FROM resolve_customer_identity(tenant_id => 'single', email => 'noname@single.example', email_verified => true);
SELECT email_verified_at IS NOT NULL AS email_verified FROM customer WHERE id = :noname;

-- a miss: nothing without create_missing, a new customer with it
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'single', user_id => 'u_new', create_missing => false);
SELECT regress.unchanged() AS unchanged_by_miss;
SELECT customer_id > :ann AS new_customer, method, created
  FROM resolve_customer_identity(tenant_id => 'single', user_id => 'u_new');
-- ... which the next call finds
SELECT r.customer_id = c.id AS same_customer, r.method, r.created
  FROM resolve_customer_identity(tenant_id => 'single', user_id => 'u_new') r
  JOIN customer c ON c.tenant_id = 'single' AND c.user_id = 'u_new';

-- bad arguments raise what the general resolution raises, and change nothing
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => ' ', external_customer_id => 'cus_ann');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'single', external_customer_id => ' ');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'single', email => 'not an email');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'single', email => 'nobody@single.example');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'single', external_customer_id => 'cus_ann', on_conflict => 'ignore');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'single', external_customer_id => 'cus_ann', email_verified => NULL);
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'single', external_customer_id => 'cus_ann', create_missing => NULL);
:sqlstate
-- the tenant is checked before the value (as make_resolve_request does)
SELECT * FROM resolve_customer_identity(tenant_id => '', email => 'not an email');
:sqlstate
SELECT regress.unchanged() AS unchanged_by_bad_input;

-- an identifier of a merged-away customer leads to the customer it was merged into
RESET ROLE;
INSERT INTO customer (tenant_id, name, external_customer_id) VALUES ('single', 'Ann again', 'cus_ann2');
SELECT merge_customers(:ann, (SELECT id FROM customer WHERE external_customer_id = 'cus_ann2'));
SET ROLE regress_ci_single_app;
SELECT customer_id = :ann AS survivor, method, created
  FROM resolve_customer_identity(tenant_id => 'single', external_customer_id => 'cus_ann2');

RESET ROLE;
DROP OWNED BY regress_ci_single_app;
DROP ROLE regress_ci_single_app;
