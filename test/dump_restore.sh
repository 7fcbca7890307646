#!/usr/bin/env bash
# pg_dump of a database using customer_identity, restored into a fresh database, keeps every
# row of every extension table, and the id sequences go on from where they were.
#
#   1. a private instance; database src; CREATE EXTENSION; rows made through the functions
#      (every resolution method, vendor links made every way, an unlinked vendor, clientele
#      rows, a merged-away customer, audit events of every kind, two tenants, awkward text)
#   2. pg_dump -f dump.sql src (plain format)
#   3. for information: a plain `psql -f dump.sql` restore, showing what the triggers do to it
#   4. the documented restore: PGOPTIONS='-c session_replication_role=replica' psql -f dump.sql dst
#   5. every row of customer, vendor, vendor_customer, invite_token, identity_event equal in src and dst,
#      the sequences at the same positions, new rows in dst get higher ids without error,
#      and the trigger rules still hold in dst.
# Usage: test/dump_restore.sh   (assumes the extension is installed; exits non-zero on failure)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
attach_major

work=$(pg_workdir dump_restore)
ok=0
cleanup() {
    stop_instance "$work"
    if [ "$ok" -eq 1 ]; then rm -rf "$work"; else echo "kept $work for inspection" >&2; fi
}
trap cleanup EXIT

fail() { echo "FAIL dump_restore: $*"; exit 1; }

# psql as the database superuser, unaligned and quiet: prints just the values.
q() { local db=$1; shift; psql_pg -d "$db" -At "$@"; }

log "starting a private instance in $work"
start_instance "$work"
psql_pg -d postgres -c "CREATE DATABASE src"
psql_pg -d src -c "CREATE EXTENSION customer_identity"

log "populating src through the extension's functions"
psql_pg -d src <<'SQL'
SET search_path = customer_identity, pg_catalog;
-- Results of the calls, to check each method was exercised (a temp table: not dumped).
CREATE TEMP TABLE calls (label text, customer_id bigint, vendor_id bigint, method text, created boolean,
                         claim_id bigint);
-- 'default' and 'acme' resolve by the reports' rules (`trusting`); 'ver' is `verified` and
-- fills the trust tables (a claim, a blocked value, a role binding).
SELECT set_trust_policy('trusting');
CREATE TEMP VIEW expect_methods(method) AS VALUES
    ('created'), ('external_customer_id'), ('user_id'), ('vendor_email'), ('customer_email'),
    ('phone'), ('customer_ref'), ('conflict'), ('claim');

-- tenant 'default' ------------------------------------------------------------------------
INSERT INTO calls SELECT 'alice new', * FROM resolve_customer_identity(email => 'alice@example.com', name => 'Alice Ánderson');
INSERT INTO calls SELECT 'alice by email, gains ext id', * FROM resolve_customer_identity(external_customer_id => 'cus_A1', email => ' Alice@Example.COM ');
INSERT INTO calls SELECT 'alice by ext id', * FROM resolve_customer_identity(external_customer_id => 'cus_A1');
INSERT INTO calls SELECT 'bob new', * FROM resolve_customer_identity(user_id => 'u-bob', phone => '+1 555-010-2000', name => 'Bob O''Brien');
INSERT INTO calls SELECT 'bob by user id', * FROM resolve_customer_identity(user_id => 'u-bob');
INSERT INTO calls SELECT 'bob by phone, gains email', * FROM resolve_customer_identity(phone => '+1 (555) 010 2000', email => 'bob@example.com');
INSERT INTO calls SELECT 'alice by ref', * FROM resolve_customer_identity(customer_ref => (SELECT customer_id FROM calls WHERE label = 'alice new'));
INSERT INTO calls SELECT 'conflict recorded', * FROM resolve_customer_identity(external_customer_id => 'cus_A1', user_id => 'u-bob', on_conflict => 'return');
INSERT INTO calls SELECT 'not created', * FROM resolve_customer_identity(email => 'nobody@example.com', create_missing => false);

-- A vendor without a customer: resolving its contact email creates its customer {customer,vendor}.
INSERT INTO vendor (name, primary_contact_email, metadata) VALUES ('Vendo', 'Sales@Vendo.example', '{"plan": "pro"}');
INSERT INTO calls SELECT 'vendo creates its customer', * FROM resolve_customer_identity(email => 'sales@vendo.example');
INSERT INTO calls SELECT 'vendo found', * FROM resolve_customer_identity(email => 'SALES@vendo.example');
-- A vendor whose customer already exists: resolving links them.
INSERT INTO customer (name, email, metadata) VALUES ('Carol', 'carol@shop.example', '{"tier": "gold", "tags": ["a", "b"]}');
INSERT INTO vendor (name, primary_contact_email) VALUES ('Carol''s Shop', 'carol@shop.example');
INSERT INTO calls SELECT 'carol linked', * FROM resolve_customer_identity(email => 'carol@shop.example');
-- upgrade_customer_to_vendor.
INSERT INTO customer (name, email, roles) VALUES ('Dave', 'dave@deals.example', '{customer,wholesale}');
SELECT upgrade_customer_to_vendor((SELECT id FROM customer WHERE name = 'Dave'), 'Dave Deals') IS NOT NULL AS upgraded;
-- link_vendor_to_customer, then unlink: an 'unlinked' event and a vendor left unlinked.
INSERT INTO customer (name, email) VALUES ('Erin', 'erin@example.com');
INSERT INTO vendor (name, primary_contact_email) VALUES ('Erin Temp', 'erin@example.com');
SELECT link_vendor_to_customer((SELECT id FROM vendor WHERE name = 'Erin Temp'), (SELECT id FROM customer WHERE name = 'Erin'));
SELECT unlink_vendor_from_customer((SELECT id FROM vendor WHERE name = 'Erin Temp'));
-- An unlinked vendor with no customer at all, and one with no contact email.
INSERT INTO vendor (name, primary_contact_email) VALUES ('Lonely Vendor', 'lonely@vendor.example');
INSERT INTO vendor (name) VALUES ('No Email Vendor');
-- Clientele rows inserted directly.
INSERT INTO vendor_customer (vendor_id, customer_id, source)
    SELECT v.id, c.id, 'api' FROM vendor v, customer c WHERE v.name = 'Vendo' AND c.name = 'Alice Ánderson';
-- Invites: one redeemed by function, one by registration (token in metadata), one revoked,
-- one rotated, one expired; the invite_id of the clientele rows points at real tokens.
SELECT create_invite_token((SELECT id FROM vendor WHERE name = 'Carol''s Shop'), max_uses => 5) AS carol_token \gset
SELECT * FROM redeem_invite_token(:'carol_token', (SELECT id FROM customer WHERE name = 'Bob O''Brien'));
INSERT INTO customer (name, email, metadata)
    VALUES ('Invited Ivy', 'ivy@example.com', jsonb_build_object('invite_token', :'carol_token', 'utm', 'mail'));
SELECT revoke_invite_token(create_invite_token((SELECT id FROM vendor WHERE name = 'Vendo')));
SELECT rotate_invite_token(create_invite_token((SELECT id FROM vendor WHERE name = 'Vendo'), '30 days', 10)) IS NOT NULL AS rotated;
SELECT create_invite_token((SELECT id FROM vendor WHERE name = 'Lonely Vendor'), NULL) IS NOT NULL AS never_expires;
UPDATE invite_token SET expires_at = now() - interval '1 day'
 WHERE id = (SELECT max(id) FROM invite_token WHERE vendor_id = (SELECT id FROM vendor WHERE name = 'Lonely Vendor'));
INSERT INTO vendor_customer (vendor_id, customer_id)
    SELECT v.id, c.id FROM vendor v, customer c WHERE v.name = 'Lonely Vendor' AND c.name = 'Erin';
-- A duplicate merged away: archived, merged_into set, its identifiers free again.
INSERT INTO customer (name, email, phone, metadata)
    VALUES (E'Alice dup\twith tab', 'alice.dup@example.com', '0049 30 1234567', E'{"note": "line1\\nline2 \\"quoted\\" \\\\ back"}');
SELECT merge_customers((SELECT id FROM customer WHERE name = 'Alice Ánderson'),
                       (SELECT id FROM customer WHERE name LIKE 'Alice dup%'));
-- Its email reused by an active customer (allowed: uniqueness is among active rows).
INSERT INTO customer (name, email) VALUES ('Alice new twin', 'alice.dup@example.com');

-- tenant 'acme': same identifiers, other tenant ----------------------------------------------
INSERT INTO calls SELECT 'acme alice new', * FROM resolve_customer_identity(tenant_id => 'acme', email => 'alice@example.com', external_customer_id => 'cus_A1', name => 'Zoë 東京');
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('acme', 'Acme Vendo', 'sales@vendo.example');
INSERT INTO calls SELECT 'acme vendo creates its customer', * FROM resolve_customer_identity(tenant_id => 'acme', email => 'sales@vendo.example', phone => '555 0199');
INSERT INTO vendor_customer (tenant_id, vendor_id, customer_id)
    SELECT 'acme', v.id, c.id FROM vendor v, customer c
     WHERE v.name = 'Acme Vendo' AND c.tenant_id = 'acme' AND c.email_normalized = 'alice@example.com';

-- tenant 'ver': verified, a claim, a blocked value, a bound role ---------------------------
SELECT set_trust_policy('verified', 'ver');
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('ver', 'Ver Shop', 'shop@ver.example');
INSERT INTO calls SELECT 'ver claim', * FROM resolve_customer_identity(tenant_id => 'ver', email => 'shop@ver.example', user_id => 'stranger');
INSERT INTO calls SELECT 'ver verified link', * FROM resolve_customer_identity(tenant_id => 'ver', email => 'shop@ver.example', external_customer_id => 'cus_ver', email_verified => true);
SELECT block_identifier('ver', 'email', 'family@ver.example', 'shared');
CREATE ROLE ci_dump_app NOLOGIN;
SELECT grant_application_role('ci_dump_app');
SELECT bind_role_to_tenant('ci_dump_app', 'ver');  -- (turns isolation on; the owner is not bound)
-- A short form the owner added to the extension's nickname list (dumped; the shipped rows are not).
INSERT INTO nickname (nickname, given_name) VALUES ('bubba', 'robert');

-- Every method was exercised, and the conflict returned its row.
DO $$
DECLARE missing text;
BEGIN
    SELECT string_agg(method, ', ') INTO missing FROM expect_methods
     WHERE method NOT IN (SELECT c.method FROM calls c WHERE c.method IS NOT NULL);
    IF missing IS NOT NULL THEN RAISE EXCEPTION 'methods not exercised: %', missing; END IF;
END $$;
SQL

counts_sql="SELECT (SELECT count(*) FROM customer_identity.customer) || ' customers, '
             || (SELECT count(*) FROM customer_identity.customer WHERE archived_at IS NOT NULL) || ' archived, '
             || (SELECT count(*) FROM customer_identity.vendor) || ' vendors ('
             || (SELECT count(*) FROM customer_identity.vendor WHERE customer_id IS NOT NULL) || ' linked), '
             || (SELECT count(*) FROM customer_identity.vendor_customer) || ' vendor_customer, '
             || (SELECT count(*) FROM customer_identity.identity_event) || ' events ('
             || (SELECT string_agg(DISTINCT event_type, ',') FROM customer_identity.identity_event) || '), '
             || (SELECT count(DISTINCT tenant_id) FROM customer_identity.customer) || ' tenants'"
echo "src: $(q src -c "$counts_sql")"

log "pg_dump (plain format)"
# (pg_dump warns about the self-reference customer.merged_into; the replica-mode restore
# below does not check foreign keys while loading, so the order does not matter.)
as_pg "$PG_BIN/pg_dump" -h "$PGHOST" -p "$PGPORT" -U postgres -f "$work/dump.sql" src 2>"$work/pg_dump.err" \
    || { cat "$work/pg_dump.err"; fail "pg_dump failed"; }
sed 's/^/    /' "$work/pg_dump.err"
grep -q 'COPY customer_identity.vendor ' "$work/dump.sql" || fail "the dump has no data for customer_identity.vendor"

# For information: what a plain restore does (triggers fire on the dumped rows).
log "plain restore, for information (no session_replication_role)"
psql_pg -d postgres -c "CREATE DATABASE dst_plain"
as_pg "$PG_BIN/psql" -X -q -h "$PGHOST" -p "$PGPORT" -U postgres -d dst_plain \
    -f "$work/dump.sql" >"$work/plain_restore.out" 2>&1 || true
echo "plain restore: $(grep -c 'ERROR' "$work/plain_restore.out" || true) error(s):"
grep -A1 'ERROR' "$work/plain_restore.out" | sed 's/^/    /' | head -20
echo "plain restore left: $(q dst_plain -c "$counts_sql" 2>&1)"

log "restore with session_replication_role = replica into dst"
psql_pg -d postgres -c "CREATE DATABASE dst"
as_pg env PGOPTIONS='-c session_replication_role=replica' "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h "$PGHOST" -p "$PGPORT" -U postgres -d dst -f "$work/dump.sql" >"$work/restore.out" 2>&1 \
    || { cat "$work/restore.out"; fail "restore with session_replication_role=replica failed"; }
if grep -q 'ERROR\|WARNING' "$work/restore.out"; then cat "$work/restore.out"; fail "the restore reported errors or warnings"; fi
echo "dst: $(q dst -c "$counts_sql")"

log "comparing every row of every extension table"
declare -A order_by=([customer]=id [vendor]=id [identity_event]=id [invite_token]=id
                     [vendor_customer]="vendor_id, customer_id" [identity_claim]=id
                     [trust_policy]="tenant_id NULLS FIRST" [blocked_identifier]="tenant_id, identifier, value"
                     [tenant_binding]=role_id [nickname]="nickname, given_name")
failures=0
for table in customer vendor vendor_customer invite_token identity_event identity_claim trust_policy \
             blocked_identifier tenant_binding nickname; do
    sql="SELECT count(*) || ' rows, md5 ' || coalesce(md5(string_agg(t::text, '|' ORDER BY ${order_by[$table]})), '-')
           FROM customer_identity.$table t"
    a=$(q src -c "$sql"); b=$(q dst -c "$sql")
    if [ "$a" = "$b" ] && [ "${a%% *}" != 0 ]; then
        echo "  same   $table: $a"
    else
        echo "  DIFFER $table: src $a / dst $b"; failures=$((failures + 1))
    fi
done
# The sequences are at the same positions.
seq_sql="SELECT string_agg(s.seqname || '=' || pg_sequence_last_value(s.seqname::regclass), ' ' ORDER BY s.seqname)
           FROM (VALUES (pg_get_serial_sequence('customer_identity.customer', 'id')),
                        (pg_get_serial_sequence('customer_identity.vendor', 'id')),
                        (pg_get_serial_sequence('customer_identity.invite_token', 'id')),
                        (pg_get_serial_sequence('customer_identity.identity_event', 'id')),
                        (pg_get_serial_sequence('customer_identity.identity_claim', 'id'))) s(seqname)"
a=$(q src -c "$seq_sql"); b=$(q dst -c "$seq_sql")
if [ "$a" = "$b" ]; then echo "  same   sequences: $a"; else echo "  DIFFER sequences: src $a / dst $b"; failures=$((failures + 1)); fi
[ $failures -eq 0 ] || fail "$failures difference(s) between src and dst"

log "new rows in dst continue the sequences"
# A fresh identity resolved, made a vendor, and the audit events they write: all ids above
# the restored ones, no error (a sequence left behind would collide with a restored id).
out=$(psql_pg -d dst -At <<'SQL'
SET search_path = customer_identity, pg_catalog;
CREATE TEMP TABLE before AS
SELECT (SELECT max(id) FROM customer) AS customer, (SELECT max(id) FROM vendor) AS vendor,
       (SELECT max(id) FROM identity_event) AS event;
CREATE TEMP TABLE r AS SELECT * FROM resolve_customer_identity(email => 'fresh@after.restore', name => 'Fresh');
CREATE TEMP TABLE u AS SELECT upgrade_customer_to_vendor((SELECT customer_id FROM r), 'Fresh Vendor') AS vendor_id;
SELECT concat_ws(' ',
    (SELECT created AND method = 'created' FROM r),
    (SELECT customer_id > (SELECT customer FROM before) FROM r),
    (SELECT vendor_id > (SELECT vendor FROM before) FROM u),
    (SELECT min(id) > (SELECT event FROM before) FROM identity_event WHERE customer_id = (SELECT customer_id FROM r)),
    (SELECT count(*) = 3 FROM identity_event WHERE id > (SELECT event FROM before)));
SQL
)
[ "$out" = "t t t t t" ] || fail "new rows after the restore: expected 't t t t t' (created, customer id, vendor id, event ids above the restored ones, 3 events), got '$out'"
echo "  resolved and upgraded a new customer: ids above the restored maxima"

log "the rules still hold in dst (normal session)"
# A manual write of vendor.customer_id is CI006; an existing identifier is 23505; resolving a
# restored identity finds the restored row.
check_error() {
    local want=$1 sql=$2 got
    got=$( (psql_pg -d dst -At -v VERBOSITY=verbose -c "$sql" 2>&1 || true) |
           sed -n 's/^ERROR:  \([0-9A-Z]\{5\}\):.*/\1/p' | head -1)
    [ "$got" = "$want" ] || fail "expected SQLSTATE $want from: $sql (got '${got:-no error}')"
    echo "  $want from: $sql"
}
check_error CI006 "UPDATE customer_identity.vendor SET customer_id = NULL WHERE name = 'Vendo'"
check_error 23505 "INSERT INTO customer_identity.customer (email) VALUES ('ALICE@example.com')"
out=$(q dst -c "SELECT method || ' ' || created || ' ' || (vendor_id IS NOT NULL)
                  FROM customer_identity.resolve_customer_identity(email => 'sales@vendo.example')")
[ "$out" = "vendor_email false true" ] || fail "resolving a restored vendor's email: got '$out'"
echo "  resolve_customer_identity(email => 'sales@vendo.example') in dst: $out"

ok=1
echo
echo "PASS dump_restore: every row of every extension table (customers to tenant bindings) restored; sequences continue"
