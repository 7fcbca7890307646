-- import_customers and reconcile (0.3.0, report 003 phase 3): a messy staging table
-- grouped into entities (in the batch and against existing customers), the dry-run plan,
-- the applied result, survivorship, conflicts and skips recorded once, an applied import
-- run again changing nothing; reconcile of rows written with the rules off (duplicates
-- by email/phone variants, a chain, stale normalized columns, vendors without customer),
-- dry run, applied result, events, a second run changing nothing.
-- Tenants: imp_t1 (main import), imp_t2 (a source without an id column), imp_other
-- (same identifiers in another tenant), rec_t1 (main reconcile), rec_other; and, at the
-- end, one tenant per defect found (imp_t3..imp_t6, rec_t2..rec_t5).
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(10000);

-- identity_event rows without timestamps; a merge's snapshots are summarized (they hold
-- whole rows, timestamps included).
CREATE FUNCTION pg_temp.events(tenant text)
RETURNS TABLE (id bigint, event_type text, customer_id bigint, other_customer_id bigint,
               vendor_id bigint, method text, detail jsonb)
LANGUAGE sql AS $$
    SELECT e.id, e.event_type, e.customer_id, e.other_customer_id, e.vendor_id, e.method,
           CASE WHEN e.event_type = 'merged'
                THEN jsonb_build_object(
                       'canonical_email', e.detail #>> '{canonical,email}',
                       'duplicate_email', e.detail #>> '{duplicate,email}',
                       'canonical_after_email', e.detail #>> '{canonical_after,email}',
                       'canonical_after_phone', e.detail #>> '{canonical_after,phone}',
                       'moved', jsonb_array_length(e.detail -> 'moved'),
                       'folded', jsonb_array_length(e.detail -> 'folded'))
                ELSE e.detail END
      FROM customer_identity.identity_event e
     WHERE e.tenant_id = tenant ORDER BY e.id;
$$;

------------------------------------------------------------------------------
-- import_customers: the tenant's existing customers
------------------------------------------------------------------------------
INSERT INTO customer (tenant_id, name, email) VALUES ('imp_t1', 'Existing One', 'existing1@imp.example') RETURNING id AS e1 \gset
INSERT INTO customer (tenant_id, name, email, external_customer_id) VALUES ('imp_t1', 'Existing Two', 'existing2@imp.example', 'cus_E2') RETURNING id AS e2 \gset
INSERT INTO customer (tenant_id, name, email, phone) VALUES ('imp_t1', 'Existing Three', 'existing3@imp.example', '555-020-0003') RETURNING id AS e3 \gset
INSERT INTO customer (tenant_id, name, email, external_customer_id) VALUES ('imp_t1', 'Existing Four', 'existing4@imp.example', 'cus_E4') RETURNING id AS e4 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('imp_t1', NULL, 'existing5@imp.example') RETURNING id AS e5 \gset
INSERT INTO customer (tenant_id, name, email, phone, user_id) VALUES ('imp_t1', 'Existing Six', 'existing6@imp.example', '+1 555 020 0006', 'u-six') RETURNING id AS e6 \gset
-- the same identifiers in another tenant do not count
INSERT INTO customer (tenant_id, name, email, external_customer_id) VALUES ('imp_other', 'Other tenant', 'other@imp.example', 'cus_bob');
SELECT * FROM regress.customers('imp_t1');

------------------------------------------------------------------------------
-- The staging table: customer's columns (and one more, ignored), 71 rows
------------------------------------------------------------------------------
CREATE TABLE regress.imp_staging (
    id                   integer PRIMARY KEY,
    name                 text,
    email                text,
    phone                text,
    external_customer_id text,
    user_id              text,
    metadata             jsonb,
    note                 text   -- not a customer column: ignored
);
-- rows 1..36: one customer each (every third with a phone)
INSERT INTO regress.imp_staging (id, name, email, phone, metadata, note)
SELECT g, 'Gen ' || g, 'gen' || g || '@imp.example',
       CASE WHEN g % 3 = 0 THEN '555-030-' || lpad(g::text, 4, '0') END,
       jsonb_build_object('batch', 'gen'), 'generated'
  FROM generate_series(1, 36) g;
-- rows 37..42: rows 1..6 again, upper-cased and padded, now with a user id
INSERT INTO regress.imp_staging (id, name, email, user_id, note)
SELECT 36 + g, 'GEN ' || g || ' AGAIN', ' GEN' || g || '@IMP.EXAMPLE ', 'u-gen' || g, 'generated again'
  FROM generate_series(1, 6) g;
-- rows 101..130, written by hand
INSERT INTO regress.imp_staging (id, name, email, phone, external_customer_id, user_id, metadata, note) VALUES
-- one person, three spellings of the email; the phone arrives in two formats
(101, 'Ann Lee',   ' Ann@X.example ',  NULL,                NULL, NULL, '{"src": "crm"}', 'case and space'),
(102, NULL,        'ann@x.example',    '+1 (555) 010-0001', NULL, NULL, NULL,             'same email'),
(103, 'Ann L.',    'ANN@x.EXAMPLE',    '+1-555-010-0001',   NULL, NULL, '{"src": "shop"}', 'same email and phone'),
-- the same digits without the +: different phone values, different customers
(104, 'Dot phone',    NULL, '555.010.0001', NULL, NULL, NULL, 'phone 5550100001'),
(105, 'Digits phone', NULL, '15550100001',  NULL, NULL, NULL, 'phone 15550100001'),
-- the same external id twice
(106, 'Bob', 'bob@imp.example', NULL,           'cus_bob', NULL, NULL, 'external id'),
(107, NULL,  NULL,              '555 010 0002', 'cus_bob', NULL, NULL, 'same external id'),
-- a chain: A-email = B-email, B-phone = C-phone: one entity
(108, 'Chain A', 'chain@imp.example',  NULL,             NULL,        NULL,      NULL, 'chain A'),
(109, NULL,      ' CHAIN@imp.example', '(555) 010-0003', NULL,        NULL,      NULL, 'chain B'),
(110, 'Chain C', NULL,                 '555-010-0003',   'cus_chain', 'u-chain', NULL, 'chain C'),
-- one entity by email, two external ids: conflict
(111, 'Dana', 'dana@imp.example',  NULL, 'cus_dana_1', NULL, NULL, 'dana 1'),
(112, NULL,   'Dana@Imp.example ', NULL, 'cus_dana_2', NULL, NULL, 'dana 2'),
-- email of existing customer 2, phone of existing customer 3: conflict
(113, 'Two customers', ' Existing2@IMP.example', '555 020 0003', NULL, NULL, NULL, 'two customers'),
-- email of existing customer 4, which has another external id: conflict
(114, 'Wrong ext', 'existing4@imp.example', NULL, 'cus_E4_other', NULL, NULL, 'other external id'),
-- existing customers gain what they lack and keep what they have
(115, 'Other Name',  ' EXISTING1@imp.example ', '+1 555 020 0001', NULL,     NULL,    NULL, 'enrich 1'),
(116, 'E2 new name', NULL,                      NULL,              'cus_E2', 'u-two', NULL, 'enrich 2'),
(117, 'Five',        'existing5@imp.example',   NULL,              NULL,     NULL,    NULL, 'enrich 5'),
(118, NULL,          'Existing6@imp.example',   '+1 (555) 020-0006', NULL,   NULL,    NULL, 'nothing new for 6'),
-- user id of existing customer 6, whose phone is +15550200006, not 15550200006: conflict
(119, NULL, NULL, '15550200006', NULL, 'u-six', NULL, 'phone without +'),
-- in-batch duplicates of generated rows
(120, 'Gen Seven', 'GEN7@imp.example', '(555) 030-0007', NULL,       NULL, NULL, 'gen 7 again'),
(121, NULL,        NULL,               '555 030 0009',   'cus_gen9', NULL, NULL, 'gen 9 by phone'),
-- malformed rows: skipped, never grouped
(122, 'Bad email',     'not-an-email',          NULL,           NULL,  NULL, NULL, 'no @'),
(123, 'Letters phone', 'letters@imp.example',   '555-CALL-NOW', NULL,  NULL, NULL, 'letters'),
(124, 'Blank ext',     'blankext@imp.example',  NULL,           '   ', NULL, NULL, 'blank external id'),
(125, 'Empty user',    'emptyuser@imp.example', NULL,           NULL,  '',   NULL, 'empty user id'),
(126, 'Space inside',  'ann @x.example',        NULL,           NULL,  NULL, NULL, 'space inside'),
(127, 'Ann bad phone', 'ann@x.example',         'n/a',          NULL,  NULL, NULL, 'Ann, bad phone'),
-- identifiers another tenant holds: a new customer here
(128, 'Other here', 'other@imp.example', NULL, NULL, NULL, NULL, 'other tenant'),
-- existing customer 1 again, with a user id
(130, NULL, 'existing1@imp.example', NULL, NULL, 'u-one', NULL, 'enrich 1 again');
SELECT count(*) AS staging_rows FROM regress.imp_staging;

------------------------------------------------------------------------------
-- The dry run (the default): the plan, and nothing written
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT * FROM import_customers('regress.imp_staging', 'imp_t1');
SELECT regress.unchanged();
-- dry_run => true says the same
SELECT regress.save_state();
SELECT count(*) AS plan_rows, count(*) FILTER (WHERE action = 'create') AS creates,
       count(*) FILTER (WHERE action = 'merge') AS merges, count(*) FILTER (WHERE action = 'match') AS matches,
       count(*) FILTER (WHERE action = 'conflict') AS conflicts, count(*) FILTER (WHERE action = 'skip') AS skips
  FROM import_customers('regress.imp_staging', 'imp_t1', dry_run => true);
SELECT regress.unchanged();
-- every staging row is in the plan once
SELECT count(*) = (SELECT count(*) FROM regress.imp_staging) AS every_row_once,
       count(DISTINCT source_row) = count(*) AS no_row_twice
  FROM import_customers('regress.imp_staging', 'imp_t1');

------------------------------------------------------------------------------
-- Bad input: an error, nothing changed
------------------------------------------------------------------------------
-- NULL source: 22004
SELECT regress.save_state();
SELECT * FROM import_customers(NULL, 'imp_t1', false);
:sqlstate
SELECT regress.unchanged();
-- blank or NULL tenant: 22023
SELECT regress.save_state();
SELECT * FROM import_customers('regress.imp_staging', '  ', false);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM import_customers('regress.imp_staging', NULL, false);
:sqlstate
SELECT regress.unchanged();
-- NULL dry_run: 22023
SELECT regress.save_state();
SELECT * FROM import_customers('regress.imp_staging', 'imp_t1', NULL);
:sqlstate
SELECT regress.unchanged();
-- a table that does not exist: the regclass cast fails before the call
SELECT regress.save_state();
SELECT * FROM import_customers('regress.no_such_staging', 'imp_t1', false);
:sqlstate
SELECT regress.unchanged();
-- an oid that is no relation: 42P01
SELECT regress.save_state();
SELECT * FROM import_customers(0::regclass, 'imp_t1', false);
:sqlstate
SELECT regress.unchanged();
-- a source without any identifier column: 22023
CREATE TABLE regress.imp_no_identifiers (id integer, name text, metadata jsonb);
INSERT INTO regress.imp_no_identifiers VALUES (1, 'Nameless', '{}');
SELECT regress.save_state();
SELECT * FROM import_customers('regress.imp_no_identifiers', 'imp_t1', false);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- Applied: the same plan, customer ids filled in, in one transaction
------------------------------------------------------------------------------
SELECT * FROM import_customers('regress.imp_staging', 'imp_t1', dry_run => false);
SELECT * FROM regress.customers('imp_t1');

-- one new customer per group; survivorship: the first non-null value of each column, in
-- row order (the email and phone as the first row that has them wrote them)
SELECT c.name, c.email, c.phone, c.external_customer_id, c.user_id, c.metadata
  FROM customer c
 WHERE c.tenant_id = 'imp_t1'
   AND c.email_normalized IN ('ann@x.example', 'chain@imp.example', 'bob@imp.example',
                              'gen1@imp.example', 'gen7@imp.example', 'gen9@imp.example')
 ORDER BY c.id;
-- existing customers keep their values and only gain what they lacked
SELECT c.id = :e1 AS is_e1, c.id = :e2 AS is_e2, c.id = :e5 AS is_e5, c.id = :e6 AS is_e6,
       c.name, c.email, c.phone, c.external_customer_id, c.user_id
  FROM customer c WHERE c.id IN (:e1, :e2, :e5, :e6) ORDER BY c.id;
-- customers 3 and 4 (conflicts) are untouched
SELECT c.name, c.email, c.phone, c.external_customer_id, c.user_id
  FROM customer c WHERE c.id IN (:e3, :e4) ORDER BY c.id;
-- conflict and skip rows created nothing
SELECT count(*) AS customers_from_left_alone_rows
  FROM customer c
 WHERE c.tenant_id = 'imp_t1'
   AND (c.email_normalized IN ('dana@imp.example', 'letters@imp.example', 'blankext@imp.example',
                               'emptyuser@imp.example')
        OR c.external_customer_id IN ('cus_dana_1', 'cus_dana_2', 'cus_E4_other')
        OR c.phone_normalized = '15550200006'
        OR c.name IN ('Two customers', 'Wrong ext', 'Bad email', 'Space inside', 'Ann bad phone'));
-- no two active customers of the tenant share an identifier
SELECT count(*) AS active_customers,
       count(DISTINCT email_normalized) = count(email_normalized) AS emails_unique,
       count(DISTINCT phone_normalized) = count(phone_normalized) AS phones_unique
  FROM customer WHERE tenant_id = 'imp_t1' AND archived_at IS NULL;
-- the other tenant's customer is untouched, and is not the one created here
SELECT tenant_id, name, email, external_customer_id FROM customer
 WHERE tenant_id IN ('imp_t1', 'imp_other')
   AND (email_normalized = 'other@imp.example' OR external_customer_id = 'cus_bob')
 ORDER BY tenant_id, id;
-- identity_event: created (with the leading row and the group's size), enriched, and
-- each row left alone with its reason
SELECT event_type, customer_id, other_customer_id, vendor_id, method, detail
  FROM pg_temp.events('imp_t1');
-- why was a row left alone? (what a user asks the audit trail)
SELECT detail ->> 'source_row' AS source_row, detail ->> 'reason' AS reason
  FROM identity_event
 WHERE tenant_id = 'imp_t1' AND event_type = 'import_left_alone'
   AND detail ->> 'source' = 'imp_staging' AND detail ->> 'source_row' IN ('113', '119')
 ORDER BY 1;

------------------------------------------------------------------------------
-- The applied import again: only match, conflict and skip, and strictly nothing written
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT * FROM import_customers('regress.imp_staging', 'imp_t1', dry_run => false);
SELECT regress.unchanged();
-- its dry run says the same
SELECT action, count(*) FROM import_customers('regress.imp_staging', 'imp_t1')
 GROUP BY action ORDER BY action;

------------------------------------------------------------------------------
-- A source without an id column: source_row is the row's position; any subset of the
-- columns; other columns are ignored
------------------------------------------------------------------------------
CREATE TABLE regress.imp_positions (email text, phone text, score integer);
INSERT INTO regress.imp_positions VALUES
    ('pos1@imp.example', NULL, 1),
    (NULL, '555-060-0001', 2),
    (' POS1@imp.example', '555 060 0001', 3),
    ('bad', NULL, 4),
    ('pos5@imp.example', '(555) 060-0005', 5);
SELECT regress.save_state();
SELECT * FROM import_customers('regress.imp_positions', 'imp_t2');
SELECT regress.unchanged();
SELECT * FROM import_customers('regress.imp_positions', 'imp_t2', false);
SELECT * FROM regress.customers('imp_t2');
SELECT event_type, customer_id, detail FROM pg_temp.events('imp_t2');
SELECT regress.save_state();
SELECT * FROM import_customers('regress.imp_positions', 'imp_t2', false);
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- reconcile: rows written with the rules off (triggers disabled, as a bulk load or a
-- restore with --disable-triggers would), in an id range of their own
------------------------------------------------------------------------------
SET session_replication_role = replica;
INSERT INTO customer (id, tenant_id, name, email, email_normalized, phone, phone_normalized,
                      external_customer_id, user_id, roles)
OVERRIDING SYSTEM VALUE VALUES
-- duplicates by case and space: the oldest is canonical
(10501, 'rec_t1', 'Ann Old', 'Ann@Legacy.example',    NULL, NULL,          NULL, NULL, NULL, '{customer}'),
(10502, 'rec_t1', 'Ann New', ' ann@legacy.example ', NULL, '555 040 0001', NULL, NULL, NULL, '{customer,retail}'),
-- duplicates by phone format: the one with an external id is canonical
(10503, 'rec_t1', 'Phone A', 'phone-a@legacy.example', NULL, '+1 (555) 040-0002', NULL, NULL,          NULL, '{customer}'),
(10504, 'rec_t1', NULL,      NULL,                     NULL, '+1.555.040.0002',   NULL, 'cus_phone', NULL, '{customer}'),
-- a chain: A-email = B-email, B-phone = C-phone; C has a user id and is canonical
(10505, 'rec_t1', 'Chain A', 'chain@legacy.example', NULL, NULL,            NULL, NULL, NULL,      '{customer}'),
(10506, 'rec_t1', 'Chain B', 'CHAIN@legacy.example', NULL, '555-040-0003',  NULL, NULL, NULL,      '{customer}'),
(10507, 'rec_t1', NULL,      NULL,                   NULL, '(555) 040-0003', NULL, NULL, 'u-chain', '{customer}'),
-- a malformed email: left alone
(10508, 'rec_t1', 'Bad Email', 'bad-email.example', NULL, NULL, NULL, NULL, NULL, '{customer}'),
-- stale normalized columns
(10509, 'rec_t1', 'Stale', 'Stale@Legacy.example', 'Stale@Legacy.example', '555 040 0009', NULL, NULL, NULL, '{customer}'),
-- the customer of a vendor without customer
(10510, 'rec_t1', 'Shop Owner', 'owner@shop.example', 'owner@shop.example', NULL, NULL, NULL, NULL, '{customer}'),
-- nothing to do
(10511, 'rec_t1', 'Clean', 'clean@legacy.example', 'clean@legacy.example', '5550400011', '5550400011', 'cus_clean', NULL, '{customer}'),
-- a duplicate of a vendor's customer: the linked one is canonical, though newer
(10512, 'rec_t1', 'Linked dup',   'Linked@Shop.example', NULL,                  '555-040-0012', NULL, 'cus_linked', NULL, '{customer,wholesale}'),
(10513, 'rec_t1', 'Linked Owner', 'linked@shop.example', 'linked@shop.example', NULL,           NULL, NULL,         NULL, '{customer,vendor}'),
-- another tenant: never looked at
(10514, 'rec_other', 'Ann elsewhere', 'ann@legacy.example', NULL, NULL, NULL, NULL, NULL, '{customer}'),
(10515, 'rec_other', 'Ann elsewhere 2', 'ANN@legacy.example', NULL, NULL, NULL, NULL, NULL, '{customer}');
INSERT INTO vendor (id, tenant_id, name, primary_contact_email, primary_contact_email_normalized, customer_id)
OVERRIDING SYSTEM VALUE VALUES
-- its contact email is customer 10510's (stored normalized form stale)
(10501, 'rec_t1', 'Owner Shop',       ' Owner@Shop.example', NULL,                  NULL),
-- linked (to the newer of two duplicates)
(10502, 'rec_t1', 'Linked Shop',      'linked@shop.example', 'linked@shop.example', 10513),
-- no customer has its email: one is created
(10503, 'rec_t1', 'New Shop',         'new@shop.example',    'new@shop.example',    NULL),
-- no contact email; a malformed one: left alone
(10504, 'rec_t1', 'No Email Shop',    NULL,                  NULL,                  NULL),
(10505, 'rec_t1', 'Bad Email Shop',   'shop at example',     NULL,                  NULL),
-- the same contact email as vendor 10503: the first one gets the customer
(10506, 'rec_t1', 'New Shop Twin',    'NEW@shop.example',    'new@shop.example',    NULL),
-- the email of the Ann duplicates: linked to their canonical customer
(10507, 'rec_t1', 'Ann Shop',         'ann@legacy.example',  'ann@legacy.example',  NULL),
-- the email of a customer linked to another vendor: left alone
(10508, 'rec_t1', 'Linked Shop Twin', 'Linked@shop.example', 'linked@shop.example', NULL),
(10509, 'rec_other', 'Other Shop',    'nobody@other.example', NULL,                 NULL);
RESET session_replication_role;
SELECT setval(pg_get_serial_sequence('customer_identity.customer', 'id'), 10600);
SELECT setval(pg_get_serial_sequence('customer_identity.vendor', 'id'), 10600);
-- clientele on a duplicate (moved by the merge) and on both of a pair (folded)
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source) VALUES
    (10502, 10502, 'rec_t1', 'api'),
    (10502, 10505, 'rec_t1', 'api'),
    (10502, 10507, 'rec_t1', 'api');
SELECT * FROM regress.customers('rec_t1');
SELECT * FROM regress.vendors('rec_t1');

------------------------------------------------------------------------------
-- The dry run (the default): the plan, nothing written
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT * FROM reconcile('rec_t1');
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT count(*) AS plan_rows FROM reconcile('rec_t1', dry_run => true);
SELECT regress.unchanged();

-- bad input: 22023, nothing changed
SELECT regress.save_state();
SELECT * FROM reconcile('  ', false);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM reconcile(NULL, false);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM reconcile('rec_t1', NULL);
:sqlstate
SELECT regress.unchanged();
-- a tenant with nothing: an empty plan
SELECT * FROM reconcile('rec_nobody', false);

------------------------------------------------------------------------------
-- Applied
------------------------------------------------------------------------------
SELECT * FROM reconcile('rec_t1', dry_run => false);
SELECT * FROM regress.customers('rec_t1');
SELECT * FROM regress.vendors('rec_t1');
SELECT vendor_id, customer_id, source FROM vendor_customer WHERE tenant_id = 'rec_t1' ORDER BY 1, 2;
-- canonical customers' metadata and roles: roles united (vendor follows the link)
SELECT id, roles, metadata FROM customer WHERE tenant_id = 'rec_t1' AND archived_at IS NULL ORDER BY id;
-- every vendor's link is consistent: its customer has the vendor role and its email
SELECT v.id AS vendor_id, c.id AS customer_id, 'vendor' = ANY (c.roles) AS has_role,
       c.email_normalized = v.primary_contact_email_normalized AS same_email
  FROM vendor v JOIN customer c ON c.id = v.customer_id
 WHERE v.tenant_id = 'rec_t1' ORDER BY v.id;
-- no two active customers share an identifier now, and every normalized column is right
SELECT count(*) AS active_customers,
       count(DISTINCT email_normalized) = count(email_normalized) AS emails_unique,
       count(DISTINCT phone_normalized) = count(phone_normalized) AS phones_unique,
       bool_and(email_normalized IS NOT DISTINCT FROM normalize_email(email)) AS emails_normalized,
       bool_and(phone_normalized IS NOT DISTINCT FROM normalize_phone(phone)) AS phones_normalized
  FROM customer WHERE tenant_id = 'rec_t1' AND archived_at IS NULL AND id <> 10508;
-- the other tenant was not touched
SELECT * FROM regress.customers('rec_other');
SELECT * FROM regress.vendors('rec_other');
-- identity_event: why each row was merged, linked, created, renormalized or left alone
SELECT event_type, customer_id, other_customer_id, vendor_id, method, detail
  FROM pg_temp.events('rec_t1');

------------------------------------------------------------------------------
-- Applied again: only the rows left alone, and strictly nothing written
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT * FROM reconcile('rec_t1', false);
SELECT regress.unchanged();
SELECT * FROM reconcile('rec_t1');

------------------------------------------------------------------------------
-- unmerge after reconcile: a duplicate merged for sharing an identifier cannot come
-- back while its canonical customer holds that identifier (CI001, nothing changed);
-- one that shared nothing with the canonical customer itself (chain A) can
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT unmerge_customer(10503);
:sqlstate
SELECT regress.unchanged();
SELECT unmerge_customer(10505);
SELECT * FROM regress.customers('rec_t1') WHERE id IN (10505, 10506, 10507);
SELECT vendor_id, customer_id FROM vendor_customer WHERE tenant_id = 'rec_t1' AND vendor_id = 10502 ORDER BY 2;

------------------------------------------------------------------------------
-- Defects found while writing this file: each block asserts the behaviour the
-- contract asks for, in a tenant of its own, printing no generated id.
------------------------------------------------------------------------------

-- imp_t3: a row with no identifier at all (only a name, or nothing) cannot be matched
-- by any later run: it must be skipped, not created (else every run creates it again)
CREATE TABLE regress.imp_no_identifier_rows (id integer, name text, email text, phone text);
INSERT INTO regress.imp_no_identifier_rows VALUES
    (1, 'Only a name', NULL, NULL),
    (2, 'Has email', 'has@imp3.example', NULL),
    (3, NULL, NULL, NULL);
SELECT source_row, action FROM import_customers('regress.imp_no_identifier_rows', 'imp_t3', false)
 ORDER BY source_row;
SELECT name, email FROM customer WHERE tenant_id = 'imp_t3' ORDER BY id;
SELECT regress.save_state();
SELECT source_row, action FROM import_customers('regress.imp_no_identifier_rows', 'imp_t3', false)
 ORDER BY source_row;
SELECT regress.unchanged();
SELECT count(*) AS customers FROM customer WHERE tenant_id = 'imp_t3';

-- imp_t4: an existing customer gains the metadata keys it lacks (its own keys win), as
-- it gains a missing name or phone; whether or not another column is missing too
INSERT INTO customer (tenant_id, name, email, metadata)
VALUES ('imp_t4', 'Meta', 'meta@imp4.example', '{"tier": "silver"}');
CREATE TABLE regress.imp_metadata (id integer, email text, metadata jsonb);
INSERT INTO regress.imp_metadata VALUES (1, ' META@imp4.example', '{"tier": "gold", "since": 2020}');
SELECT source_row, action FROM import_customers('regress.imp_metadata', 'imp_t4', false);
SELECT name, email, metadata FROM customer WHERE tenant_id = 'imp_t4';
SELECT event_type, detail FROM identity_event WHERE tenant_id = 'imp_t4' ORDER BY id;
SELECT regress.save_state();
SELECT source_row, action FROM import_customers('regress.imp_metadata', 'imp_t4', false);
SELECT regress.unchanged();

-- imp_t5: identifiers of a merged-away customer are aliases of the customer it was
-- merged into (resolution finds it through them); an import must match that customer,
-- not create a second one
INSERT INTO customer (tenant_id, name, email) VALUES ('imp_t5', 'Alias canonical', 'canon@imp5.example') RETURNING id AS alias_canonical \gset
INSERT INTO customer (tenant_id, name, email, phone) VALUES ('imp_t5', 'Alias dup', 'dup@imp5.example', '555-070-0001') RETURNING id AS alias_dup \gset
SELECT merge_customers(:alias_canonical, :alias_dup);
SELECT customer_id = :alias_canonical AS resolves_to_canonical, method
  FROM resolve_customer_identity('imp_t5', email => 'DUP@imp5.example', create_missing => false);
CREATE TABLE regress.imp_aliases (id integer, email text, phone text);
INSERT INTO regress.imp_aliases VALUES (1, 'Dup@imp5.example', NULL), (2, NULL, '555.070.0001');
SELECT source_row, action, customer_id = :alias_canonical AS canonical
  FROM import_customers('regress.imp_aliases', 'imp_t5', false) ORDER BY source_row;
SELECT count(*) AS active_customers FROM customer WHERE tenant_id = 'imp_t5' AND archived_at IS NULL;

-- imp_t6: an id column with repeated values (or NULLs): each row still reports the
-- customer it became
CREATE TABLE regress.imp_repeated_ids (id integer, email text);
INSERT INTO regress.imp_repeated_ids VALUES
    (7, 'a@imp6.example'), (7, 'b@imp6.example'), (NULL, 'c@imp6.example'), (NULL, 'd@imp6.example');
CREATE TABLE regress.imp_repeated_ids_result AS
SELECT * FROM import_customers('regress.imp_repeated_ids', 'imp_t6', false);
SELECT r.action, c.email
  FROM regress.imp_repeated_ids_result r LEFT JOIN customer c ON c.id = r.customer_id
 ORDER BY c.email;

-- rec_t2: two customers linked to vendors share an email (possible only with a stale
-- normalized column): a conflict, left alone, recorded once; reconcile must not plan a
-- write it cannot make (renormalizing the second one collides with the first)
SET session_replication_role = replica;
INSERT INTO customer (id, tenant_id, name, email, email_normalized, roles) OVERRIDING SYSTEM VALUE VALUES
    (10701, 'rec_t2', 'Owner one', 'shared@rec2.example',   'shared@rec2.example', '{customer,vendor}'),
    (10702, 'rec_t2', 'Owner two', ' Shared@Rec2.example', NULL,                  '{customer,vendor}');
INSERT INTO vendor (id, tenant_id, name, primary_contact_email, primary_contact_email_normalized, customer_id)
OVERRIDING SYSTEM VALUE VALUES
    (10701, 'rec_t2', 'Shop one', 'shared@rec2.example', 'shared@rec2.example', 10701),
    (10702, 'rec_t2', 'Shop two', 'shared@rec2.example', 'shared@rec2.example', 10702);
RESET session_replication_role;
SELECT action, customer_id, other_id, vendor_id FROM reconcile('rec_t2') WHERE action = 'conflict';
SELECT count(*) AS writes_planned_for_the_conflict
  FROM reconcile('rec_t2')
 WHERE action IN ('merge', 'renormalize', 'link_vendor', 'create_customer')
   AND (customer_id = 10702 OR other_id = 10702);
SELECT action, customer_id, other_id, vendor_id FROM reconcile('rec_t2', false) WHERE action = 'conflict';
SELECT id, archived, vendor_for_customer(id) AS vendor FROM regress.customers('rec_t2');
SELECT event_type, customer_id, other_customer_id, vendor_id, detail ->> 'action' AS action
  FROM identity_event
 WHERE tenant_id = 'rec_t2' AND event_type = 'reconcile_left_alone' AND detail ->> 'action' = 'conflict';
SELECT regress.save_state();
SELECT action, customer_id, other_id, vendor_id FROM reconcile('rec_t2', false) WHERE action = 'conflict';
SELECT regress.unchanged();

-- rec_t3: a chain of three where the middle one was written with its email normalized
-- and the canonical one (external id) gains that email from the first duplicate merged:
-- all three become one customer, with no unique violation on the way
SET session_replication_role = replica;
INSERT INTO customer (id, tenant_id, name, email, email_normalized, phone, phone_normalized, external_customer_id)
OVERRIDING SYSTEM VALUE VALUES
    (10711, 'rec_t3', 'Chain A', 'Chain@rec3.example', NULL,                 NULL,           NULL,         NULL),
    (10712, 'rec_t3', 'Chain B', 'chain@rec3.example', 'chain@rec3.example', '555-080-0001', NULL,         NULL),
    (10713, 'rec_t3', 'Chain C', NULL,                 NULL,                 '5550800001',   '5550800001', 'cus_rec3');
RESET session_replication_role;
SELECT action, customer_id, other_id FROM reconcile('rec_t3') WHERE action = 'merge' ORDER BY other_id;
SELECT action, customer_id, other_id FROM reconcile('rec_t3', false) WHERE action = 'merge' ORDER BY other_id;
SELECT id, archived, merged_into, email_normalized, phone_normalized, external_customer_id
  FROM regress.customers('rec_t3');

-- rec_t4: a vendor whose contact email is that of a customer reconcile leaves alone
-- (malformed phone): the vendor is left alone too; no second customer with that email
-- is created, and reconcile does not fail
SET session_replication_role = replica;
INSERT INTO customer (id, tenant_id, name, email, email_normalized, phone) OVERRIDING SYSTEM VALUE VALUES
    (10721, 'rec_t4', 'Bad phone',   'Owner@Rec4.example',  NULL,                  'call me'),
    (10722, 'rec_t4', 'Bad phone 2', 'owner2@rec4.example', 'owner2@rec4.example', 'ext 12');
INSERT INTO vendor (id, tenant_id, name, primary_contact_email, primary_contact_email_normalized)
OVERRIDING SYSTEM VALUE VALUES
    (10721, 'rec_t4', 'Shop',   'owner@rec4.example',  'owner@rec4.example'),
    (10722, 'rec_t4', 'Shop 2', 'owner2@rec4.example', 'owner2@rec4.example');
RESET session_replication_role;
SELECT action, vendor_id FROM reconcile('rec_t4') WHERE vendor_id IS NOT NULL ORDER BY vendor_id;
SELECT action, vendor_id FROM reconcile('rec_t4', false) WHERE vendor_id IS NOT NULL ORDER BY vendor_id;
SELECT lower(trim(email)) AS email, count(*) AS active_customers
  FROM customer WHERE tenant_id = 'rec_t4' AND archived_at IS NULL GROUP BY 1 ORDER BY 1;
SELECT * FROM regress.vendors('rec_t4');

-- rec_t5: a vendor whose contact email is that of a duplicate merged into a canonical
-- customer with another email: reconcile must not plan a link the link rule refuses
-- (CI007); it merges the pair, and the vendor ends linked to a customer with its email
-- or left alone
SET session_replication_role = replica;
INSERT INTO customer (id, tenant_id, name, email, email_normalized, phone, phone_normalized)
OVERRIDING SYSTEM VALUE VALUES
    (10731, 'rec_t5', 'A', 'a@rec5.example', 'a@rec5.example', '+1 555 090 0001', NULL),
    (10732, 'rec_t5', 'B', 'b@rec5.example', 'b@rec5.example', '+1-555-090-0001', '+15550900001');
INSERT INTO vendor (id, tenant_id, name, primary_contact_email, primary_contact_email_normalized)
OVERRIDING SYSTEM VALUE VALUES (10731, 'rec_t5', 'Shop B', 'b@rec5.example', 'b@rec5.example');
RESET session_replication_role;
SELECT count(*) > 0 AS applied FROM reconcile('rec_t5', false);
SELECT count(*) AS active_customers FROM customer WHERE tenant_id = 'rec_t5' AND archived_at IS NULL;
SELECT v.customer_id IS NULL OR c.email_normalized = v.primary_contact_email_normalized AS link_consistent
  FROM vendor v LEFT JOIN customer c ON c.id = v.customer_id WHERE v.tenant_id = 'rec_t5';
SELECT regress.save_state();
SELECT count(*) >= 0 AS ran FROM reconcile('rec_t5', false);
SELECT regress.unchanged();
