#!/usr/bin/env bash
# The probable-duplicates benchmark (issue 30):  bash bench/duplicates.sh
# A private PostgreSQL 15 instance; for each size N (BENCH_DUP_SIZES, default "100000"):
#   - N customers written through the triggers (names from 200 given x 5000 family names, made of syllables,
#     unique emails and phones), 1% of them a second record of the customer before them
#     (a letter missing in the family name, the email's domain mistyped, no phone);
#   - a full run of suggest_duplicates(dry_run => false, full_run => true): its time, the
#     customers it read, the pairs it suggested;
#   - N/100 new customers (1% of them second records, as above), then an
#     incremental run: its time against the full run's, and per customer written;
#   - an incremental run with nothing written (the fixed cost of a run).
# Writes bench/results/duplicates.md.   BENCH_DUP_SIZES="100000 1000000"
set -euo pipefail
source "$(dirname "$0")/../test/lib/common.sh"
SIZES=${BENCH_DUP_SIZES:-"100000"}
OUT=$ROOT/bench/results

prepare 15
mkdir -p "$OUT"
dir=$(pg_workdir bench_dup)
trap 'stop_instance "$dir"; rm -rf "$dir"' EXIT
export PG_EXTRA_OPTS="-c shared_buffers=1GB -c max_wal_size=8GB -c synchronous_commit=off -c work_mem=64MB"
start_instance "$dir"
q() { psql_pg -d bench -At -c "$1"; }
psql_pg -d postgres -c "CREATE DATABASE bench" >/dev/null
psql_pg -d bench -c "CREATE EXTENSION customer_identity" -c "CREATE EXTENSION pg_trgm" \
    -c "CREATE EXTENSION fuzzystrmatch" >/dev/null
psql_pg -d bench >/dev/null <<'SQL'
CREATE SCHEMA dupbench;
-- Customer i of the data set: a given name (200: two syllables) and a family name (5000:
-- three), an email and a phone of its own.  Syllables start with different consonants, as
-- real names do: Double Metaphone keeps 4 sounds, so names made of digits or of one prefix
-- would all share one key.
CREATE FUNCTION dupbench.person(i bigint, OUT name text, OUT email text, OUT phone text) LANGUAGE sql IMMUTABLE AS $$
    SELECT (ARRAY['An','Bel','Cal','Dor','El','Fin','Gus','Hal','Ing','Jor','Kas','Lev','Mar','Nil','Os','Pet','Ros','Sig','Tor','Ul'])[1 + i % 20]
           || (ARRAY['a','o','ie','en','us','ina','ard','el','ric','win'])[1 + (i / 20) % 10] || ' '
           || (ARRAY['Bar','Kel','Mor','Ran','Tis','Lun','Sad','Dev','Fol','Gri','Hab','Jun','Pel','Vor','Wes','Nam','Zik','Cor','Yal','Quin'])[1 + (i / 200) % 20]
           || (ARRAY['do','ma','ri','te','no','la','vi','so','ke','bu','fa','gi','pe','ru','ta','mo','ne','li','su','ko','da','fe','ho','ze','pa'])[1 + (i / 4000) % 25]
           || (ARRAY['son','berg','man','ez','ski','ton','ley','ard','ini','ov'])[1 + (i / 100000) % 10],
           'p' || i || '@' || (ARRAY['gmail.com', 'yahoo.com', 'web.example', 'mail.example'])[1 + i % 4],
           '+1' || (200 + i % 700) || lpad(((i * 7919) % 10000000)::text, 7, '0') $$;
-- Customers from .. to: every 100th a second record of customer i - 1 (its family name with a
-- letter missing, its email's domain mistyped: mail.example as mial.example, no phone).
CREATE FUNCTION dupbench.grow(from_i bigint, to_i bigint) RETURNS void LANGUAGE sql AS $$
    INSERT INTO customer_identity.customer (name, email, phone)
    SELECT CASE WHEN i % 100 = 0 THEN left(p.name, length(p.name) - 2) || right(p.name, 1) ELSE p.name END,
           CASE WHEN i % 100 = 0 THEN split_part(p.email, '@', 1) || '@' || replace(split_part(p.email, '@', 2), 'ai', 'ia')
                ELSE q.email END,
           CASE WHEN i % 100 = 0 THEN NULL ELSE q.phone END
      FROM generate_series(from_i, to_i) i
     CROSS JOIN LATERAL dupbench.person(CASE WHEN i % 100 = 0 THEN i - 1 ELSE i END) p
     CROSS JOIN LATERAL dupbench.person(i) q $$;
-- Seconds of a run, with what it read and suggested.
CREATE FUNCTION dupbench.timed(full_run boolean, OUT seconds numeric, OUT written bigint, OUT suggested bigint)
    LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
    PERFORM count(*) FROM customer_identity.suggest_duplicates('default', false, full_run);
    seconds := round(extract(epoch FROM clock_timestamp() - t0)::numeric, 3);
    SELECT r.written, r.suggested INTO written, suggested FROM customer_identity.duplicate_run r WHERE r.tenant_id = 'default';
END $$;
SQL
{
    echo "# Probable duplicates: suggest_duplicates run times"
    echo
    echo "PostgreSQL 15, one private instance, this machine; \`bash bench/duplicates.sh\` (BENCH_DUP_SIZES=\"$SIZES\")."
    echo
    echo "| customers | run | seconds | customers read | pairs suggested | seconds per 1000 read |"
    echo "|---:|---|---:|---:|---:|---:|"
} > "$OUT/duplicates.md"
grown=0
for size in $SIZES; do
    log "$size customers: writing them"
    q "SELECT dupbench.grow($((grown + 1)), $size)" >/dev/null
    grown=$size
    q "VACUUM ANALYZE customer_identity.customer" >/dev/null
    q "DELETE FROM customer_identity.identity_claim WHERE kind = 'duplicate'" >/dev/null
    log "$size customers: full run"
    full=$(q "SELECT seconds || '|' || written || '|' || suggested FROM dupbench.timed(true)")
    q "VACUUM ANALYZE customer_identity.duplicate_key" >/dev/null
    new=$((size / 100))
    log "$size customers: $new new customers, incremental run"
    q "SELECT dupbench.grow($((grown + 1)), $((grown + new)))" >/dev/null
    grown=$((grown + new))
    incr=$(q "SELECT seconds || '|' || written || '|' || suggested FROM dupbench.timed(false)")
    idle=$(q "SELECT seconds || '|' || written || '|' || suggested FROM dupbench.timed(false)")
    for row in "full|$full" "incremental after 1% new|$incr" "incremental, nothing written|$idle"; do
        IFS='|' read -r run seconds written suggested <<<"$row"
        per=$(awk -v s="$seconds" -v w="$written" 'BEGIN { printf (w > 0 ? "%.3f" : "-"), (w > 0 ? 1000 * s / w : 0) }')
        echo "| $size | $run | $seconds | $written | $suggested | $per |" | tee -a "$OUT/duplicates.md"
    done
done
log "written $OUT/duplicates.md"
