-- Merge preview and survivorship rules (issue 30).  merge_preview runs merge_customers
-- itself in a subtransaction that is always rolled back: its blockers are the errors the
-- merge raises, its canonical_after the row the merge writes, and nothing stays.
-- set_survivorship is the owner's; merge_customers, reconcile and accepted claims (through
-- merge_customers) follow the rules; unmerge_customer restores the rows exactly.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(38000);

CREATE ROLE regress_ci_merger NOLOGIN NOSUPERUSER NOBYPASSRLS;
SELECT grant_application_role('regress_ci_merger');
GRANT USAGE ON SCHEMA regress TO regress_ci_merger;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_merger;

-- Where each column of a preview or a merge event comes from, one line a column.
CREATE FUNCTION regress.sources(sources jsonb) RETURNS TABLE ("column" text, "from" text, rule text)
LANGUAGE sql AS $$
    SELECT key, value->>'from', value->>'rule' FROM jsonb_each(sources) ORDER BY key;
$$;
-- A customer's content without timestamps, and whether its values are verified.
CREATE FUNCTION regress.content(id bigint) RETURNS TABLE (name text, email text, phone text,
    email_verified boolean, phone_verified boolean, external_customer_id text, roles text[],
    metadata jsonb, archived boolean, merged_into bigint)
LANGUAGE sql AS $$
    SELECT c.name, c.email, c.phone, c.email_verified_at IS NOT NULL, c.phone_verified_at IS NOT NULL,
           c.external_customer_id, c.roles, c.metadata, c.archived_at IS NOT NULL, c.merged_into
      FROM customer_identity.customer c WHERE c.id = $1;
$$;
-- A preview without the row's timestamps (they are the merge's clock).
CREATE FUNCTION regress.preview(canonical bigint, duplicate bigint) RETURNS TABLE (mergeable boolean,
    blockers jsonb, canonical_after jsonb, sources jsonb)
LANGUAGE sql AS $$
    SELECT (p->>'mergeable')::boolean, p->'blockers',
           CASE WHEN jsonb_typeof(p->'canonical_after') = 'object' THEN (p->'canonical_after')
                - ARRAY['created_at', 'updated_at', 'email_verified_at', 'phone_verified_at', 'identifiers_derived_by']
           ELSE p->'canonical_after' END,
           p->'sources'
      FROM customer_identity.merge_preview(canonical, duplicate) p;
$$;
-- The customer rows as saved before a merge, to compare after its unmerge.
CREATE TABLE regress.rows_before (label text, id bigint, row_json jsonb);
CREATE FUNCTION regress.keep_rows(label text, VARIADIC ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO regress.rows_before SELECT label, c.id, to_jsonb(c) FROM customer_identity.customer c
     WHERE c.id = ANY (ids);
$$;
CREATE FUNCTION regress.rows_as_kept(label text) RETURNS boolean LANGUAGE sql AS $$
    SELECT bool_and(to_jsonb(c) = b.row_json) FROM regress.rows_before b
      JOIN customer_identity.customer c ON c.id = b.id WHERE b.label = $1;
$$;

------------------------------------------------------------------------------
-- 1. The rules: defaults, the owner's setter, the reader, bad input, the application
------------------------------------------------------------------------------
SELECT survivorship('mp') AS fresh_install;
SELECT set_survivorship('name', 'longest', 'sv_long');
SELECT set_survivorship('email', 'verified');   -- the default of every tenant
SELECT set_survivorship('email', 'canonical', 'mp');
SELECT t, survivorship(t) FROM unnest(ARRAY['mp', 'sv_long', 'other']) t ORDER BY t;
SELECT tenant_id, column_name, rule FROM survivorship_rule ORDER BY tenant_id NULLS FIRST, column_name;
SELECT tenant_id, detail FROM identity_event WHERE event_type = 'survivorship_set' ORDER BY id;
-- refused, nothing written: an unknown column, an unknown rule, a rule that does not fit
-- the column (22023), NULLs (22004), a blank tenant (22023)
SELECT regress.save_state();
SELECT set_survivorship('metadata', 'duplicate', 'mp');
:sqlstate
SELECT set_survivorship('name', 'oldest', 'mp');
:sqlstate
SELECT set_survivorship('name', 'verified', 'mp');
:sqlstate
SELECT set_survivorship('phone', 'longest', 'mp');
:sqlstate
SELECT set_survivorship(NULL, 'canonical', 'mp');
:sqlstate
SELECT set_survivorship('name', NULL, 'mp');
:sqlstate
SELECT set_survivorship('name', 'canonical', ' ');
:sqlstate
SELECT survivorship(NULL);
:sqlstate
SELECT regress.unchanged();
-- the application reads the rules; it cannot set them (42501), nor write the table
SET ROLE regress_ci_merger;
SELECT survivorship('sv_long');
SELECT set_survivorship('name', 'duplicate', 'sv_long');
:sqlstate
SELECT set_survivorship('name', 'duplicate');
:sqlstate
INSERT INTO survivorship_rule (tenant_id, column_name, rule) VALUES ('sv_long', 'name', 'duplicate');
:sqlstate
RESET ROLE;
SELECT regress.unchanged();
SELECT survivorship('sv_long');
-- the default goes back to canonical for the rest of the file
DELETE FROM survivorship_rule WHERE tenant_id IS NULL;
SELECT survivorship('other');

------------------------------------------------------------------------------
-- 2. Preview of a mergeable pair: what the merge will write, nothing written
------------------------------------------------------------------------------
INSERT INTO customer (tenant_id, name, email, phone) VALUES ('mp', 'Kate Miller', 'kate@mp.example', '+1 212 555 0100')
RETURNING id AS kate \gset
INSERT INTO customer (tenant_id, name, email, email_verified_at, external_customer_id, metadata)
VALUES ('mp', 'Katherine Miller', 'kmiller@work.example', now(), 'ext-kate', '{"source": "pos"}')
RETURNING id AS katherine \gset
SELECT regress.save_state();
SELECT mergeable, blockers, jsonb_pretty(canonical_after) AS canonical_after FROM regress.preview(:kate, :katherine);
SELECT s.* FROM regress.preview(:kate, :katherine) p, LATERAL regress.sources(p.sources) s;
SELECT regress.unchanged();
-- no lock stays: none of the extension's identity locks, no lock on the customers' table
-- (the row locks the merge took belong to its rolled-back subtransaction: void)
BEGIN;
SELECT (merge_preview(:kate, :katherine))->>'mergeable' AS mergeable;
SELECT locktype, mode FROM pg_locks
 WHERE pid = pg_backend_pid() AND (locktype = 'advisory' OR relation = 'customer_identity.customer'::regclass);
COMMIT;
-- the merge writes what the preview showed, and records the same sources
SELECT merge_preview(:kate, :katherine) AS preview \gset
SELECT regress.keep_rows('kate', :kate, :katherine);
SELECT merge_customers(:kate, :katherine);
SELECT (detail->'canonical_after') - ARRAY['created_at', 'updated_at', 'email_verified_at', 'phone_verified_at']
     = (:'preview'::jsonb->'canonical_after') - ARRAY['created_at', 'updated_at', 'email_verified_at', 'phone_verified_at']
       AS row_as_previewed,
       detail->'survivorship' = :'preview'::jsonb->'sources' AS sources_as_previewed
  FROM identity_event WHERE event_type = 'merged' AND other_customer_id = :katherine;
SELECT * FROM regress.content(:kate);
SELECT unmerge_customer(:katherine);
SELECT regress.rows_as_kept('kate') AS unmerge_exact;

------------------------------------------------------------------------------
-- 3. Every blocker merge_customers has: the preview reports the SQLSTATE and message the
-- merge raises (each merge below fails with them), and changes nothing
------------------------------------------------------------------------------
INSERT INTO customer (tenant_id, name, email) VALUES ('mp_other', 'Elsewhere', 'else@mp.example')
RETURNING id AS elsewhere \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('mp', 'Merged Away', 'away@mp.example')
RETURNING id AS away \gset
SELECT merge_customers(:kate, :away);
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('mp', 'Kate''s Shop', 'kate@mp.example')
RETURNING id AS kate_shop \gset
SELECT link_vendor_to_customer(:kate_shop, :kate);
INSERT INTO customer (tenant_id, name, email) VALUES ('mp', 'Other Owner', 'owner@mp.example')
RETURNING id AS owner \gset
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('mp', 'Owner''s Shop', 'owner@mp.example')
RETURNING id AS owner_shop \gset
SELECT link_vendor_to_customer(:owner_shop, :owner);
INSERT INTO customer (tenant_id, name, email) VALUES ('mp', 'Plain', 'plain@mp.example')
RETURNING id AS plain \gset
SELECT regress.save_state();
SELECT pair, p.mergeable, p.blockers, p.canonical_after
  FROM (VALUES ('into itself', :kate::bigint, :kate::bigint),
               ('unknown canonical', -1, :katherine),
               ('unknown duplicate', :kate, -1),
               ('different tenants', :kate, :elsewhere),
               ('canonical merged away', :away, :katherine),
               ('duplicate merged away', :katherine, :away),
               ('both linked to vendors', :kate, :owner),
               ('vendor email rule', :plain, :owner)) AS t(pair, canonical, duplicate),
       LATERAL regress.preview(canonical, duplicate) p;
-- a pair with several blockers lists every one, in the order the merge checks them (the
-- merge raises the first): both archived; both linked, to vendors with different emails
INSERT INTO customer (tenant_id, name, email) VALUES ('mp', 'Also Away', 'also@mp.example') RETURNING id AS also_away \gset
SELECT merge_customers(:plain, :also_away);
SELECT regress.save_state();
SELECT jsonb_array_length(blockers) AS count, jsonb_path_query_array(blockers, '$[*].sqlstate') AS sqlstates,
       jsonb_path_query_array(blockers, '$[*].message') AS messages
  FROM regress.preview(:away, :also_away);
SELECT jsonb_array_length(blockers) AS count, jsonb_path_query_array(blockers, '$[*].sqlstate') AS sqlstates
  FROM regress.preview(:owner, :kate);
SELECT regress.unchanged();
SELECT merge_customers(:away, :also_away);
:sqlstate
SELECT merge_customers(:owner, :kate);
:sqlstate
SELECT regress.unchanged();
\set VERBOSITY default
SELECT merge_customers(:kate, :kate);
:sqlstate
SELECT merge_customers(-1, :katherine);
:sqlstate
SELECT merge_customers(:kate, -1);
:sqlstate
SELECT merge_customers(:kate, :elsewhere);
:sqlstate
SELECT merge_customers(:away, :katherine);
:sqlstate
SELECT merge_customers(:katherine, :away);
:sqlstate
SELECT merge_customers(:kate, :owner);
:sqlstate
SELECT merge_customers(:plain, :owner);
:sqlstate
\set VERBOSITY terse
SELECT regress.unchanged();
-- NULL ids are the call's error, not the pair's (22004)
SELECT merge_preview(NULL, :kate);
:sqlstate
SELECT merge_preview(:kate, NULL);
:sqlstate
-- the preview writes before it rolls back: a read-only transaction refuses it (25006)
BEGIN READ ONLY;
SELECT merge_preview(:katherine, :plain);
:sqlstate
ROLLBACK;
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- 4. The application previews as it merges: its own tenant's customers; a role bound to
-- a tenant sees another tenant's customers as unknown
------------------------------------------------------------------------------
SET ROLE regress_ci_merger;
SELECT mergeable, sources->'name' AS name FROM regress.preview(:katherine, :plain);
RESET ROLE;
SELECT set_tenant_isolation(true);
SELECT bind_role_to_tenant('regress_ci_merger', 'mp_other');
SELECT regress.save_state();
SET ROLE regress_ci_merger;
SELECT mergeable, blockers FROM regress.preview(:katherine, :plain);
SELECT mergeable, blockers FROM regress.preview(:elsewhere, :plain);
RESET ROLE;
SELECT regress.unchanged();
SELECT unbind_role_from_tenant('regress_ci_merger');
SELECT set_tenant_isolation(false);

------------------------------------------------------------------------------
-- 5. Each rule through merge_customers, and the exact unmerge after it
------------------------------------------------------------------------------
-- duplicate: every value of the duplicate wins; the canonical's old email identifies nobody
-- until the unmerge brings it back
SELECT set_survivorship(c, 'duplicate', 'sv_dup') FROM unnest(ARRAY['name', 'email', 'phone']) c;
INSERT INTO customer (tenant_id, name, email, email_verified_at, phone) VALUES ('sv_dup', 'Ann', 'ann@old.example', now(), '+1 212 555 0200')
RETURNING id AS ann \gset
INSERT INTO customer (tenant_id, name, email, phone) VALUES ('sv_dup', 'Ann Lee', 'ann@new.example', '+1 212 555 0201')
RETURNING id AS ann_lee \gset
SELECT s.* FROM regress.preview(:ann, :ann_lee) p, LATERAL regress.sources(p.sources) s;
SELECT regress.keep_rows('dup', :ann, :ann_lee);
SELECT merge_customers(:ann, :ann_lee);
SELECT * FROM regress.content(:ann);
SELECT count(*) AS holders_of_the_old_email FROM customer WHERE email_normalized = 'ann@old.example';
SELECT s.* FROM identity_event e, LATERAL regress.sources(e.detail->'survivorship') s
 WHERE e.event_type = 'merged' AND e.other_customer_id = :ann_lee AND s."from" <> 'canonical';
SELECT unmerge_customer(:ann_lee);
SELECT regress.rows_as_kept('dup') AS unmerge_exact;
SELECT * FROM regress.content(:ann);

-- newest: the row written last wins, whichever side it is
SELECT set_survivorship(c, 'newest', 'sv_new') FROM unnest(ARRAY['name', 'email', 'phone']) c;
INSERT INTO customer (tenant_id, name, email) VALUES ('sv_new', 'Bo', 'bo@first.example') RETURNING id AS bo \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('sv_new', 'Bo Chen', 'bo@second.example') RETURNING id AS bo_chen \gset
SELECT (canonical_after->>'name', canonical_after->>'email') AS duplicate_newer FROM regress.preview(:bo, :bo_chen);
UPDATE customer SET name = 'Bo C.' WHERE id = :bo;
SELECT (canonical_after->>'name', canonical_after->>'email') AS canonical_newer FROM regress.preview(:bo, :bo_chen);
SELECT regress.keep_rows('new', :bo, :bo_chen);
SELECT merge_customers(:bo, :bo_chen);
SELECT name, email FROM regress.content(:bo);
SELECT unmerge_customer(:bo_chen);
SELECT regress.rows_as_kept('new') AS unmerge_exact;

-- verified: a verified value wins over an unverified one and brings its verification;
-- between two verified or two unverified values the canonical one stays
SELECT set_survivorship('email', 'verified', 'sv_ver');
SELECT set_survivorship('phone', 'verified', 'sv_ver');
INSERT INTO customer (tenant_id, name, email, phone, phone_verified_at) VALUES ('sv_ver', 'Cy', 'cy@typed.example', '+1 212 555 0300', now())
RETURNING id AS cy \gset
INSERT INTO customer (tenant_id, name, email, email_verified_at, phone) VALUES ('sv_ver', 'Cy', 'cy@checked.example', now(), '+1 212 555 0301')
RETURNING id AS cy_checked \gset
SELECT regress.keep_rows('ver', :cy, :cy_checked);
SELECT merge_customers(:cy, :cy_checked);
SELECT email, phone, email_verified, phone_verified FROM regress.content(:cy);
SELECT email_verified_at = (SELECT email_verified_at FROM customer WHERE id = :cy_checked) AS stamp_of_the_value
  FROM customer WHERE id = :cy;
SELECT detail->'survivorship'->'email' AS email, detail->'survivorship'->'email_verified_at' AS stamp,
       detail->'survivorship'->'phone' AS phone
  FROM identity_event WHERE event_type = 'merged' AND other_customer_id = :cy_checked;
SELECT unmerge_customer(:cy_checked);
SELECT regress.rows_as_kept('ver') AS unmerge_exact;
-- a verified email another active customer holds now is not taken (uniqueness among active
-- customers): the canonical keeps its own.  (Two rows whose emails the tenant's new rules
-- make one, not derived again yet: the duplicate's is the holder's mailbox now.)
SELECT set_survivorship('email', 'verified', 'sv_ver2');
INSERT INTO customer (tenant_id, name, email) VALUES ('sv_ver2', 'Dee', 'dee@typed.example') RETURNING id AS dee \gset
INSERT INTO customer (tenant_id, name, email, email_verified_at) VALUES ('sv_ver2', 'Dee', 'dee.x@gmail.com', now())
RETURNING id AS dee_gmail \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('sv_ver2', 'Holder', 'deex@gmail.com') RETURNING id AS holder \gset
SELECT set_email_canonicalization('provider', 'sv_ver2');
SELECT sources->'email' AS email FROM regress.preview(:dee, :dee_gmail);
SELECT merge_customers(:dee, :dee_gmail);
SELECT email, email_verified FROM regress.content(:dee);

-- longest: the longer name wins
INSERT INTO customer (tenant_id, name, phone) VALUES ('sv_long', 'Kate Miller', '+1 212 555 0400') RETURNING id AS short_name \gset
INSERT INTO customer (tenant_id, name, phone) VALUES ('sv_long', 'Katherine Miller', '+1 212 555 0401') RETURNING id AS long_name \gset
SELECT regress.keep_rows('long', :short_name, :long_name);
SELECT merge_customers(:short_name, :long_name);
SELECT name, phone FROM regress.content(:short_name);
SELECT detail->'survivorship'->'name' AS name FROM identity_event WHERE event_type = 'merged' AND other_customer_id = :long_name;
SELECT unmerge_customer(:long_name);
SELECT regress.rows_as_kept('long') AS unmerge_exact;

-- a customer linked to a vendor keeps the email its vendor's contact email requires (CI007):
-- the email rule yields, the name rule does not
INSERT INTO customer (tenant_id, name, email) VALUES ('sv_dup', 'Eve', 'eve@shop.example') RETURNING id AS eve \gset
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('sv_dup', 'Eve''s Shop', 'eve@shop.example')
RETURNING id AS eve_shop \gset
SELECT link_vendor_to_customer(:eve_shop, :eve);
INSERT INTO customer (tenant_id, name, email) VALUES ('sv_dup', 'Eve Adams', 'eve@home.example') RETURNING id AS eve_home \gset
SELECT mergeable, sources->'email' AS email, sources->'name' AS name FROM regress.preview(:eve, :eve_home);
SELECT merge_customers(:eve, :eve_home);
SELECT name, email, roles FROM regress.content(:eve);
SELECT count(*) AS problems FROM check_integrity('sv_dup');

------------------------------------------------------------------------------
-- 6. reconcile's merges follow the rules too
------------------------------------------------------------------------------
SELECT set_survivorship('name', 'longest', 'sv_rec');
INSERT INTO customer (tenant_id, name, email) VALUES ('sv_rec', 'Fay', 'fay.moss@gmail.com') RETURNING id AS fay \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('sv_rec', 'Fay Moss-Taylor', 'faymoss@gmail.com') RETURNING id AS fay_moss \gset
-- the provider's mailbox makes them one person
SELECT set_email_canonicalization('provider', 'sv_rec');
SELECT action, customer_id = :fay AS into_fay, other_id = :fay_moss AS fay_moss_merged
  FROM reconcile('sv_rec', dry_run => false) WHERE action = 'merge';
SELECT name, email, archived FROM regress.content(:fay);
SELECT method, detail->'survivorship'->'name' AS name FROM identity_event
 WHERE event_type = 'merged' AND other_customer_id = :fay_moss;

DROP OWNED BY regress_ci_merger;
DROP ROLE regress_ci_merger;
