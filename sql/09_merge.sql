-- merge_customers and unmerge_customer (0.3.0): each merge rule (vendor link and clientele
-- moved, colliding pairs folded, survivorship, roles, the snapshot recorded), resolution
-- through a merged-away customer's identifiers (aliases), errors with nothing changed, and
-- unmerge restoring the exact prior state (whole rows compared).
-- Tenants: merge_t1 (the main pair), merge_t2 (canonical lacks name and email; merge
-- chains), merge_t3 (an identifier taken since the merge), merge_t4 (later changes kept,
-- unmerges out of order), merge_t5 (vendor unlinked or roles changed since the merge),
-- merge_t6 (errors), merge_t7 (a vendor deleted since the merge), merge_other.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(9000);

-- Whole rows (every column, timestamps included) of a tenant's customers, vendors and
-- clientele, as jsonb; snapshots of them under a label; and the difference between a
-- snapshot and the rows now (no row = exactly as snapshotted).
CREATE FUNCTION regress.merge_rows(tenant text) RETURNS TABLE (tbl text, r jsonb)
LANGUAGE sql AS $$
    SELECT 'customer', to_jsonb(c) FROM customer_identity.customer c WHERE c.tenant_id = tenant
    UNION ALL
    SELECT 'vendor', to_jsonb(v) FROM customer_identity.vendor v WHERE v.tenant_id = tenant
    UNION ALL
    SELECT 'vendor_customer', to_jsonb(vc) FROM customer_identity.vendor_customer vc
     WHERE vc.tenant_id = tenant;
$$;
CREATE TABLE regress.merge_snapshot (label text NOT NULL, tbl text NOT NULL, r jsonb NOT NULL);
CREATE FUNCTION regress.merge_snap(label text, tenant text) RETURNS TABLE (tbl text, n bigint)
LANGUAGE sql AS $$
    INSERT INTO regress.merge_snapshot SELECT label, m.tbl, m.r FROM regress.merge_rows(tenant) m;
    SELECT s.tbl, count(*) FROM regress.merge_snapshot s WHERE s.label = merge_snap.label
     GROUP BY s.tbl ORDER BY s.tbl;
$$;
CREATE FUNCTION regress.merge_diff(label text, tenant text) RETURNS TABLE (side text, tbl text, r jsonb)
LANGUAGE sql AS $$
    (SELECT 'only before', s.tbl, s.r FROM regress.merge_snapshot s WHERE s.label = merge_diff.label
     EXCEPT SELECT 'only before', m.tbl, m.r FROM regress.merge_rows(tenant) m)
    UNION ALL
    (SELECT 'only now', m.tbl, m.r FROM regress.merge_rows(tenant) m
     EXCEPT SELECT 'only now', s.tbl, s.r FROM regress.merge_snapshot s WHERE s.label = merge_diff.label)
    ORDER BY 1, 2, 3;
$$;
-- A customer's row in a snapshot.
CREATE FUNCTION regress.snap_customer(label text, id bigint) RETURNS jsonb LANGUAGE sql AS $$
    SELECT s.r FROM regress.merge_snapshot s
     WHERE s.label = snap_customer.label AND s.tbl = 'customer' AND (s.r->>'id')::bigint = id;
$$;
-- A tenant's clientele, readable: vendor and customer by name, without timestamps.
CREATE FUNCTION regress.clientele(tenant text)
RETURNS TABLE (vendor text, customer text, source text, via_invite boolean)
LANGUAGE sql AS $$
    SELECT v.name, c.name, vc.source, vc.invite_id IS NOT NULL
      FROM customer_identity.vendor_customer vc
      JOIN customer_identity.vendor v ON v.id = vc.vendor_id
      JOIN customer_identity.customer c ON c.id = vc.customer_id
     WHERE vc.tenant_id = tenant ORDER BY v.name, c.name;
$$;
-- The vendor role rule over this file's tenants: active customers with role vendor that
-- no vendor links to, and customers linked from a vendor without the role or archived
-- (both 0).
CREATE VIEW regress.vendor_role_violations AS
SELECT (SELECT count(*) FROM customer_identity.customer x
         WHERE x.tenant_id LIKE 'merge%' AND 'vendor' = ANY (x.roles) AND x.archived_at IS NULL
           AND NOT EXISTS (SELECT FROM customer_identity.vendor y WHERE y.customer_id = x.id)) AS role_without_link,
       (SELECT count(*) FROM customer_identity.vendor y JOIN customer_identity.customer x ON x.id = y.customer_id
         WHERE x.tenant_id LIKE 'merge%'
           AND (NOT ('vendor' = ANY (x.roles)) OR x.archived_at IS NOT NULL)) AS link_to_archived_or_without_role;
-- The columns of a tenant's customers that differ from a snapshot (updated_at left out).
CREATE FUNCTION regress.columns_changed(label text, tenant text)
RETURNS TABLE (name text, columns_changed text[]) LANGUAGE sql AS $$
    SELECT c.name,
           ARRAY(SELECT k.key FROM jsonb_each(to_jsonb(c)) k
                  WHERE k.key <> 'updated_at'
                    AND k.value IS DISTINCT FROM regress.snap_customer(label, c.id)->k.key
                  ORDER BY 1)
      FROM customer_identity.customer c WHERE c.tenant_id = tenant ORDER BY c.id;
$$;

------------------------------------------------------------------------------
-- merge_t1 setup.  Canonical 'Canonical' (own email and user_id, roles customer+retail)
-- and 'Duplicate' (email, phone, external id, user_id, roles customer+wholesale, linked
-- to vendor 'Dup Shop' whose contact email is its email).  Clientele:
--   Both Shop   -> Canonical (api) and Duplicate (invite): the pair collides, it is folded
--   Moved Shop  -> Duplicate (invite), Api Shop -> Duplicate (api): moved
--   Can Shop    -> Canonical (api): untouched
-- 'Spare' is a bystander used by the error cases.
------------------------------------------------------------------------------
-- (Dup Shop has no contact email: a link moves only onto a customer with the vendor's email,
-- or onto any customer when the vendor has none -- 18_vendor_email_rule covers the rule)
INSERT INTO vendor (tenant_id, name) VALUES ('merge_t1', 'Dup Shop') RETURNING id AS v_dup \gset
INSERT INTO vendor (tenant_id, name) VALUES ('merge_t1', 'Both Shop') RETURNING id AS v_both \gset
INSERT INTO vendor (tenant_id, name) VALUES ('merge_t1', 'Moved Shop') RETURNING id AS v_moved \gset
INSERT INTO vendor (tenant_id, name) VALUES ('merge_t1', 'Api Shop') RETURNING id AS v_api \gset
INSERT INTO vendor (tenant_id, name) VALUES ('merge_t1', 'Can Shop') RETURNING id AS v_can \gset
INSERT INTO customer (tenant_id, name, email, user_id, roles, metadata)
VALUES ('merge_t1', 'Canonical', 'can@merge.example', 'u-can', '{customer,retail}',
        '{"tier": "gold", "source": "checkout"}') RETURNING id AS can \gset
INSERT INTO customer (tenant_id, name, email, phone, external_customer_id, user_id, roles, metadata)
VALUES ('merge_t1', 'Duplicate', ' Dup@Merge.EXAMPLE ', '+1 (555) 010-0001', 'cus_dup', 'u-dup',
        '{customer,wholesale}', '{"source": "webhook", "stripe": true}') RETURNING id AS dup \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('merge_t1', 'Spare', 'spare@merge.example') RETURNING id AS spare \gset
SELECT link_vendor_to_customer(:v_dup, :dup);
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id)
VALUES (:v_both, :can, 'merge_t1'), (:v_can, :can, 'merge_t1'), (:v_api, :dup, 'merge_t1');
SELECT created FROM redeem_invite_token(create_invite_token(:v_both), :dup);
SELECT created FROM redeem_invite_token(create_invite_token(:v_moved), :dup);
SELECT * FROM regress.customers('merge_t1');
SELECT name, metadata FROM customer WHERE tenant_id = 'merge_t1' ORDER BY id;
SELECT * FROM regress.vendors('merge_t1');
SELECT * FROM regress.clientele('merge_t1');
-- every row of the tenant as it is before the merge
SELECT * FROM regress.merge_snap('t1 before merge', 'merge_t1');

------------------------------------------------------------------------------
-- merge_customers(Canonical, Duplicate)
------------------------------------------------------------------------------
SELECT merge_customers(:can, :dup);
-- survivorship: the canonical keeps its name, email and user_id; it gains the phone and
-- external id it lacked; roles are united (wholesale added, vendor follows the link);
-- the duplicate is archived into the canonical and keeps its identifiers (as aliases),
-- losing only role vendor along with its link
SELECT * FROM regress.customers('merge_t1');
-- metadata: keys the canonical lacked come from the duplicate, its own values win
SELECT name, metadata FROM customer WHERE tenant_id = 'merge_t1' ORDER BY id;
SELECT name, archived_at IS NOT NULL AS archived,
       updated_at <> (regress.snap_customer('t1 before merge', id)->>'updated_at')::timestamptz AS updated_at_moved,
       created_at = (regress.snap_customer('t1 before merge', id)->>'created_at')::timestamptz AS created_at_kept
  FROM customer WHERE id IN (:can, :dup) ORDER BY id;
-- the vendor link moved to the canonical customer
SELECT * FROM regress.vendors('merge_t1');
SELECT vendor_for_customer(:can) = :v_dup AS canonical_has_dup_shop, vendor_for_customer(:dup) AS duplicate_vendor;
-- clientele: Moved Shop and Api Shop moved, Both Shop folded into the canonical's own row
-- (the duplicate's invite row is gone), Can Shop untouched; nothing left on the duplicate
SELECT * FROM regress.clientele('merge_t1');
-- every clientele row is one of before, only customer_id changed (created_at, source,
-- invite_id kept)
SELECT v.name AS vendor,
       EXISTS (SELECT FROM regress.merge_snapshot s
                WHERE s.label = 't1 before merge' AND s.tbl = 'vendor_customer'
                  AND s.r - 'customer_id' = to_jsonb(vc) - 'customer_id') AS row_kept
  FROM vendor_customer vc JOIN vendor v ON v.id = vc.vendor_id
 WHERE vc.tenant_id = 'merge_t1' ORDER BY v.name;
SELECT * FROM regress.vendor_role_violations;

------------------------------------------------------------------------------
-- The merge is recorded: one 'merged' event with the snapshot of both rows as they were
------------------------------------------------------------------------------
SELECT id AS merge_event FROM identity_event
 WHERE tenant_id = 'merge_t1' AND event_type = 'merged' \gset
SELECT event_type, customer_id = :can AS canonical, other_customer_id = :dup AS duplicate,
       vendor_id = :v_dup AS moved_vendor, method,
       ARRAY(SELECT jsonb_object_keys(detail) ORDER BY 1) AS detail_keys, detail->>'reason' AS reason
  FROM identity_event WHERE id = :merge_event;
-- the duplicate's email as it was given; both rows exactly as they were before, the
-- canonical as it is after
SELECT detail->'duplicate'->>'email' AS duplicate_email,
       detail->'canonical' = regress.snap_customer('t1 before merge', :can) AS canonical_is_before,
       detail->'duplicate' = regress.snap_customer('t1 before merge', :dup) AS duplicate_is_before,
       detail->'canonical_after' = (SELECT to_jsonb(c) FROM customer c WHERE c.id = :can) AS canonical_after_is_now
  FROM identity_event WHERE id = :merge_event;
-- moved and folded: the duplicate's clientele rows, whole, as they were
SELECT k AS list, v.name AS vendor, e->>'source' AS source,
       EXISTS (SELECT FROM regress.merge_snapshot s
                WHERE s.label = 't1 before merge' AND s.tbl = 'vendor_customer' AND s.r = e) AS whole_row
  FROM identity_event, unnest(ARRAY['moved', 'folded']) k,
       jsonb_array_elements(detail->k) e JOIN vendor v ON v.id = (e->>'vendor_id')::bigint
 WHERE identity_event.id = :merge_event ORDER BY k, v.name;

------------------------------------------------------------------------------
-- Resolution after the merge: the duplicate's identifiers find the canonical customer
-- (copied ones directly, the others as aliases), with the usual methods, and nothing is
-- written (no enrichment with alias values, no new customer, no event)
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT 'email (the duplicate''s)' AS given, customer_id = :can AS canonical, vendor_id = :v_dup AS dup_shop, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t1', email => 'DUP@merge.example')
UNION ALL
SELECT 'phone (copied)', customer_id = :can, vendor_id = :v_dup, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t1', phone => '+1 555 010 0001')
UNION ALL
SELECT 'external id (copied)', customer_id = :can, vendor_id = :v_dup, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t1', external_customer_id => 'cus_dup')
UNION ALL
SELECT 'user_id (alias)', customer_id = :can, vendor_id = :v_dup, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t1', user_id => 'u-dup')
UNION ALL
SELECT 'user_id (alias) + own email', customer_id = :can, vendor_id = :v_dup, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t1', user_id => 'u-dup', email => 'can@merge.example')
UNION ALL
SELECT 'user_id (alias), no create', customer_id = :can, vendor_id = :v_dup, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t1', user_id => 'u-dup', create_missing => false)
UNION ALL
SELECT 'customer_ref of the duplicate', customer_id = :can, vendor_id = :v_dup, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t1', customer_ref => :dup);
SELECT regress.unchanged();
-- an alias that points at the canonical while another input points at another customer
-- is an identity conflict like any other (CI001), nothing changed
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'merge_t1', user_id => 'u-dup', email => 'spare@merge.example');
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- merge_customers errors, each with nothing changed (merge_t6, merge_other, and the
-- archived duplicate of merge_t1)
------------------------------------------------------------------------------
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('merge_t6', 'Shop A', 'a@six.example') RETURNING id AS v6a \gset
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('merge_t6', 'Shop B', 'b@six.example') RETURNING id AS v6b \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('merge_t6', 'Linked A', 'a@six.example') RETURNING id AS linked_a \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('merge_t6', 'Linked B', 'b@six.example') RETURNING id AS linked_b \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('merge_t6', 'Plain', 'plain@six.example') RETURNING id AS plain \gset
INSERT INTO customer (tenant_id, name, email, archived_at) VALUES ('merge_t6', 'Archived directly', 'gone@six.example', now()) RETURNING id AS archived6 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('merge_other', 'Other tenant', 'plain@six.example') RETURNING id AS other \gset
SELECT link_vendor_to_customer(:v6a, :linked_a);
SELECT link_vendor_to_customer(:v6b, :linked_b);
-- NULL arguments: 22004
SELECT regress.save_state();
SELECT merge_customers(NULL, :plain);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT merge_customers(:plain, NULL);
:sqlstate
SELECT regress.unchanged();
-- a customer into itself: 22023
SELECT regress.save_state();
SELECT merge_customers(:plain, :plain);
:sqlstate
SELECT regress.unchanged();
-- unknown canonical, unknown duplicate: CI011
SELECT regress.save_state();
SELECT merge_customers(999999, :plain);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT merge_customers(:plain, 999999);
:sqlstate
SELECT regress.unchanged();
-- different tenants (either way round): CI008
SELECT regress.save_state();
SELECT merge_customers(:plain, :other);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT merge_customers(:other, :plain);
:sqlstate
SELECT regress.unchanged();
-- into an archived customer: merged away (merge_t1's Duplicate), or archived directly: CI010
SELECT regress.save_state();
SELECT merge_customers(:dup, :spare);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT merge_customers(:archived6, :plain);
:sqlstate
SELECT regress.unchanged();
-- a duplicate merged away already (into the canonical, or now into another): CI010
SELECT regress.save_state();
SELECT merge_customers(:spare, :dup);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT merge_customers(:can, :dup);
:sqlstate
SELECT regress.unchanged();
-- both customers linked to vendors: CI009 (either way round)
SELECT regress.save_state();
SELECT merge_customers(:linked_a, :linked_b);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT merge_customers(:linked_b, :linked_a);
:sqlstate
SELECT regress.unchanged();
-- (a linked canonical may take an unlinked duplicate: the link stays where it is)
BEGIN;
SELECT merge_customers(:linked_a, :plain);
SELECT * FROM regress.customers('merge_t6');
SELECT vendor_for_customer(:linked_a) = :v6a AS still_shop_a;
ROLLBACK;

------------------------------------------------------------------------------
-- unmerge_customer(Duplicate): both rows, the vendor link and every clientele row exactly
-- as they were before the merge -- whole rows, timestamps included
------------------------------------------------------------------------------
SELECT unmerge_customer(:dup);
SELECT * FROM regress.merge_diff('t1 before merge', 'merge_t1');
SELECT * FROM regress.customers('merge_t1');
SELECT * FROM regress.vendors('merge_t1');
SELECT * FROM regress.clientele('merge_t1');
SELECT * FROM regress.vendor_role_violations;
-- recorded: an 'unmerged' event naming the merge it undid
SELECT event_type, customer_id = :can AS canonical, other_customer_id = :dup AS duplicate,
       vendor_id = :v_dup AS dup_shop, method, (detail->>'merge_event_id')::bigint = :merge_event AS undoes_the_merge
  FROM identity_event WHERE tenant_id = 'merge_t1' AND id > :merge_event ORDER BY id;
-- the duplicate's identifiers find the duplicate again
SELECT 'email (the duplicate''s)' AS given, customer_id = :dup AS duplicate, vendor_id = :v_dup AS dup_shop, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t1', email => 'dup@merge.example')
UNION ALL
SELECT 'user_id', customer_id = :dup, vendor_id = :v_dup, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t1', user_id => 'u-dup')
UNION ALL
SELECT 'customer_ref', customer_id = :dup, vendor_id = :v_dup, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t1', customer_ref => :dup);
-- merged again and unmerged again: the latest merge is the one undone, exactly
SELECT merge_customers(:can, :dup);
SELECT id AS merge_event_2 FROM identity_event
 WHERE tenant_id = 'merge_t1' AND event_type = 'merged' AND id > :merge_event \gset
SELECT unmerge_customer(:dup);
SELECT * FROM regress.merge_diff('t1 before merge', 'merge_t1');
SELECT event_type, (detail->>'merge_event_id')::bigint = :merge_event_2 AS undoes_latest_merge
  FROM identity_event WHERE tenant_id = 'merge_t1' AND event_type = 'unmerged' ORDER BY id;

------------------------------------------------------------------------------
-- unmerge_customer errors, each with nothing changed
------------------------------------------------------------------------------
-- NULL: 22004; unknown: CI011
SELECT regress.save_state();
SELECT unmerge_customer(NULL);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT unmerge_customer(999999);
:sqlstate
SELECT regress.unchanged();
-- not merged (active, or unmerged already): 22023
SELECT regress.save_state();
SELECT unmerge_customer(:can);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT unmerge_customer(:dup);
:sqlstate
SELECT regress.unchanged();
-- archived by a direct write, not by a merge: 22023
SELECT regress.save_state();
SELECT unmerge_customer(:archived6);
:sqlstate
SELECT regress.unchanged();
-- merged_into written directly is refused (CI006: only merges write it), nothing changed
SELECT regress.save_state();
UPDATE customer SET merged_into = :plain WHERE id = :archived6;
:sqlstate
SELECT regress.unchanged();
-- ... and with merged_into written with the rules off (legacy data): no merge on record, 22023
SET session_replication_role = replica;
UPDATE customer SET merged_into = :plain WHERE id = :archived6;
RESET session_replication_role;
SELECT regress.save_state();
SELECT unmerge_customer(:archived6);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- merge_t2: a canonical without name, email or metadata takes the duplicate's; an alias
-- phone; chains of merges and the order unmerges must follow (CI010)
------------------------------------------------------------------------------
INSERT INTO customer (tenant_id, phone) VALUES ('merge_t2', '555-0200') RETURNING id AS can2 \gset
INSERT INTO customer (tenant_id, name, email, phone, roles, metadata)
VALUES ('merge_t2', 'Named', 'named@merge.example', '555-0299', '{wholesale,customer,retail}', '{"locale": "de"}')
RETURNING id AS dup2 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('merge_t2', 'Final', 'final@merge.example') RETURNING id AS final2 \gset
SELECT * FROM regress.merge_snap('t2 before merge', 'merge_t2');
SELECT merge_customers(:can2, :dup2);
-- name and email filled, its own phone kept; roles united in the canonical's order first
SELECT * FROM regress.customers('merge_t2');
SELECT id = :can2 AS canonical, metadata FROM customer WHERE id IN (:can2, :dup2) ORDER BY id;
-- the duplicate's phone (not copied) is an alias of the canonical; its email was copied
SELECT 'phone (alias)' AS given, customer_id = :can2 AS canonical, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t2', phone => '(555) 0299')
UNION ALL
SELECT 'email (copied)', customer_id = :can2, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t2', email => 'named@merge.example');
-- the canonical is merged in turn: the first duplicate's aliases and customer_ref follow
-- the chain to the end
SELECT merge_customers(:final2, :can2);
SELECT * FROM regress.customers('merge_t2');
SELECT 'phone (alias of an alias)' AS given, customer_id = :final2 AS final, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t2', phone => '555-0299')
UNION ALL
SELECT 'customer_ref of the first duplicate', customer_id = :final2, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t2', customer_ref => :dup2);
-- the first duplicate cannot be unmerged while its canonical is merged away: CI010
SELECT regress.save_state();
SELECT unmerge_customer(:dup2);
:sqlstate
SELECT regress.unchanged();
-- unmerged in reverse order, everything is as before both merges
SELECT unmerge_customer(:can2);
SELECT unmerge_customer(:dup2);
SELECT * FROM regress.merge_diff('t2 before merge', 'merge_t2');

------------------------------------------------------------------------------
-- merge_t3: unmerge is refused (CI001, nothing changed) when an identifier of the
-- duplicate is held by another active customer since the merge
------------------------------------------------------------------------------
INSERT INTO customer (tenant_id, name, email) VALUES ('merge_t3', 'Keeps Email', 'keep@merge.example') RETURNING id AS can3 \gset
INSERT INTO customer (tenant_id, name, email, user_id) VALUES ('merge_t3', 'Alias', 'alias@merge.example', 'u-alias') RETURNING id AS dup3 \gset
SELECT * FROM regress.merge_snap('t3 before merge', 'merge_t3');
SELECT merge_customers(:can3, :dup3);
-- the duplicate's email was not copied (the canonical has its own): it is an alias
SELECT customer_id = :can3 AS canonical, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t3', email => 'alias@merge.example');
-- the archived duplicate does not hold its email among active customers: another
-- customer may take it, and then resolution finds that one (an active holder wins)
INSERT INTO customer (tenant_id, name, email) VALUES ('merge_t3', 'Newcomer', 'Alias@merge.example') RETURNING id AS newcomer3 \gset
SELECT customer_id = :newcomer3 AS newcomer, method, created
  FROM resolve_customer_identity(tenant_id => 'merge_t3', email => 'alias@merge.example');
SELECT regress.save_state();
SELECT unmerge_customer(:dup3);
:sqlstate
SELECT regress.unchanged();
-- once the newcomer changes its email the unmerge goes through (the user_id the canonical
-- took from the duplicate is freed by the unmerge itself)
UPDATE customer SET email = 'newcomer@merge.example' WHERE id = :newcomer3;
SELECT unmerge_customer(:dup3);
SELECT * FROM regress.customers('merge_t3');
SELECT side, tbl, r->>'name' AS name FROM regress.merge_diff('t3 before merge', 'merge_t3');
-- an identifier the canonical itself took since the merge blocks the unmerge too
SELECT merge_customers(:can3, :dup3);
UPDATE customer SET email = 'alias@merge.example' WHERE id = :can3;
SELECT regress.save_state();
SELECT unmerge_customer(:dup3);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- merge_t4: unmerge keeps what changed on the canonical since the merge (three-way), and
-- merges into one canonical can be undone in any order
------------------------------------------------------------------------------
INSERT INTO customer (tenant_id, name, email, metadata) VALUES ('merge_t4', 'Keeper', 'keeper@merge.example', '{"a": 1}') RETURNING id AS can4 \gset
INSERT INTO customer (tenant_id, name, email, external_customer_id, roles, metadata)
VALUES ('merge_t4', 'Giver A', 'ga@merge.example', 'cus_4a', '{customer,retail}', '{"b": 2}') RETURNING id AS dup4a \gset
INSERT INTO customer (tenant_id, name, user_id, roles, metadata)
VALUES ('merge_t4', 'Giver B', 'u-4b', '{customer,wholesale}', '{"c": 3}') RETURNING id AS dup4b \gset
SELECT * FROM regress.merge_snap('t4 before merge', 'merge_t4');
SELECT merge_customers(:can4, :dup4a);
-- a phone set on the canonical after the merge
UPDATE customer SET phone = '555-0400' WHERE id = :can4;
SELECT updated_at AS can4_updated_at FROM customer WHERE id = :can4 \gset
SELECT unmerge_customer(:dup4a);
-- the phone stays (and with it the row's latest updated_at); what the merge wrote and
-- nobody changed since goes back (external id, roles, metadata)
SELECT name, email, phone, external_customer_id, roles, metadata,
       updated_at = :'can4_updated_at' AS updated_at_of_the_phone_change
  FROM customer WHERE id = :can4;
-- only the phone differs from before the merge; the duplicates are exactly as before
SELECT * FROM regress.columns_changed('t4 before merge', 'merge_t4');
SELECT side, tbl, r->>'name' AS name FROM regress.merge_diff('t4 before merge', 'merge_t4')
 WHERE tbl <> 'customer' OR (r->>'id')::bigint <> :can4;
-- two merges (each giving an identifier, a role and a metadata key), undone in the order
-- they were done (not the reverse)
SELECT * FROM regress.merge_snap('t4 before merges', 'merge_t4');
SELECT merge_customers(:can4, :dup4a);
SELECT merge_customers(:can4, :dup4b);
SELECT * FROM regress.customers('merge_t4');
SELECT name, metadata FROM customer WHERE tenant_id = 'merge_t4' ORDER BY id;
SELECT unmerge_customer(:dup4a);
-- the first merge's external id is gone, the second's user_id stays
SELECT name, external_customer_id, user_id, archived_at IS NOT NULL AS archived
  FROM customer WHERE tenant_id = 'merge_t4' ORDER BY id;
SELECT unmerge_customer(:dup4b);
-- every column of every row as before both merges -- roles and metadata included: what
-- the first merge added must not come back when the second one is undone (the
-- canonical's updated_at is not compared)
SELECT * FROM regress.columns_changed('t4 before merges', 'merge_t4');
SELECT name, roles, metadata FROM customer WHERE tenant_id = 'merge_t4' ORDER BY id;
SELECT side, tbl, r->>'name' AS name FROM regress.merge_diff('t4 before merges', 'merge_t4')
 WHERE tbl <> 'customer' OR (r->>'id')::bigint <> :can4;

------------------------------------------------------------------------------
-- merge_t5: the vendor link after the merge.  Unlinked since: the unmerge leaves it
-- unlinked and the duplicate comes back without role vendor.  Still linked, with the
-- canonical's roles changed since: the link and role vendor go back to the duplicate,
-- and the canonical keeps its other roles but not role vendor.
------------------------------------------------------------------------------
-- (no contact email: the link may then move onto the canonical customer's other email)
INSERT INTO vendor (tenant_id, name) VALUES ('merge_t5', 'Five Shop') RETURNING id AS v5 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('merge_t5', 'Five Canonical', 'c5@merge.example') RETURNING id AS can5 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('merge_t5', 'Five Duplicate', 'five@merge.example') RETURNING id AS dup5 \gset
SELECT link_vendor_to_customer(:v5, :dup5);
SELECT merge_customers(:can5, :dup5);
SELECT unlink_vendor_from_customer(:v5);
SELECT unmerge_customer(:dup5);
SELECT * FROM regress.customers('merge_t5');
SELECT * FROM regress.vendors('merge_t5');
SELECT * FROM regress.vendor_role_violations;
-- linked again, merged, and the canonical gains role retail after the merge
SELECT link_vendor_to_customer(:v5, :dup5);
SELECT merge_customers(:can5, :dup5);
UPDATE customer SET roles = roles || '{retail}' WHERE id = :can5;
SELECT * FROM regress.customers('merge_t5');
SELECT unmerge_customer(:dup5);
SELECT * FROM regress.customers('merge_t5');
SELECT * FROM regress.vendors('merge_t5');
SELECT * FROM regress.vendor_role_violations;

------------------------------------------------------------------------------
-- merge_t7: a vendor of a moved clientele row deleted since the merge (its clientele
-- goes with it, ON DELETE CASCADE, as it would have without the merge): the unmerge
-- restores the rest
------------------------------------------------------------------------------
INSERT INTO vendor (tenant_id, name) VALUES ('merge_t7', 'Gone Shop') RETURNING id AS v7gone \gset
INSERT INTO vendor (tenant_id, name) VALUES ('merge_t7', 'Stays Shop') RETURNING id AS v7stays \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('merge_t7', 'Seven Canonical', 'c7@merge.example') RETURNING id AS can7 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('merge_t7', 'Seven Duplicate', 'd7@merge.example') RETURNING id AS dup7 \gset
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id) VALUES (:v7gone, :dup7, 'merge_t7'), (:v7stays, :dup7, 'merge_t7');
SELECT merge_customers(:can7, :dup7);
DELETE FROM vendor WHERE id = :v7gone;
SELECT unmerge_customer(:dup7);
SELECT * FROM regress.customers('merge_t7');
SELECT * FROM regress.clientele('merge_t7');

DROP VIEW regress.vendor_role_violations;
DROP FUNCTION regress.columns_changed(text, text), regress.clientele(text), regress.snap_customer(text, bigint),
              regress.merge_diff(text, text), regress.merge_snap(text, text), regress.merge_rows(text);
DROP TABLE regress.merge_snapshot;
