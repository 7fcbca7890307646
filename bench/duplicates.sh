#!/usr/bin/env bash
# The probable-duplicates benchmark (issue 30):  bash bench/duplicates.sh
# A private PostgreSQL 15 instance; for each size N (BENCH_DUP_SIZES, default "100000"):
#   - N customers written through the triggers (names from 200 given x 5000 family names, made of syllables,
#     unique emails and phones), 1% of them a second record of the customer before them
#     (a letter missing in the family name, the email's domain mistyped, no phone);
#   - a full run of suggest_duplicates(dry_run => false, full_run => true): its time, the
#     customers it read, the candidate pairs it compared, the pairs it suggested;
#   - N/100 new customers named like the first N (1% of them second records, as above), then an
#     incremental run: its time against the full run's, and per customer written;
#   - an incremental run with nothing written (the fixed cost of a run).
# Each run's time per phase comes from pg_stat_statements (track = all: the run's own
# statements): finding the customers written and dropping their old keys, computing their
# keys, the candidate pairs, the profiles, scoring and opening claims (one statement); the
# load average is the machine's as the run ended (2 cores shared with other work), and the
# CPU seconds the run's backend used tell its work apart from its waiting for a core.
# Writes bench/results/duplicates.md.   BENCH_DUP_SIZES="100000 1000000"
set -euo pipefail
source "$(dirname "$0")/../test/lib/common.sh"
SIZES=${BENCH_DUP_SIZES:-"100000"}
OUT=$ROOT/bench/results

prepare 15
mkdir -p "$OUT"
dir=$(pg_workdir bench_dup)
trap 'stop_instance "$dir"; rm -rf "$dir"' EXIT
export PG_EXTRA_OPTS="-c shared_buffers=1GB -c max_wal_size=8GB -c synchronous_commit=off -c work_mem=64MB -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
start_instance "$dir"
q() { psql_pg -d bench -At -c "$1"; }
psql_pg -d postgres -c "CREATE DATABASE bench" >/dev/null
psql_pg -d bench -c "CREATE EXTENSION customer_identity" -c "CREATE EXTENSION pg_trgm" \
    -c "CREATE EXTENSION fuzzystrmatch" -c "CREATE EXTENSION pg_stat_statements" \
    -c "SELECT customer_identity.set_phone_region('US')" >/dev/null
psql_pg -d bench >/dev/null <<'SQL'
CREATE SCHEMA dupbench;
-- Customer i of the data set: a given name (200: two syllables) and a family name (5000:
-- three), an email and a phone of its own.  Syllables start with different consonants, as
-- real names do: Double Metaphone keeps 4 sounds, so names made of digits or of one prefix
-- would all share one key.  Past customer `names` (the new customers of an incremental run),
-- the name is one of the first `names` customers': a new customer is named like the tenant's
-- (without it the 1% new of the 100,000 run all had a family name nobody had yet).
CREATE FUNCTION dupbench.person(i bigint, names bigint, OUT name text, OUT email text, OUT phone text) LANGUAGE sql IMMUTABLE AS $$
    SELECT (ARRAY['An','Bel','Cal','Dor','El','Fin','Gus','Hal','Ing','Jor','Kas','Lev','Mar','Nil','Os','Pet','Ros','Sig','Tor','Ul'])[1 + n % 20]
           || (ARRAY['a','o','ie','en','us','ina','ard','el','ric','win'])[1 + (n / 20) % 10] || ' '
           || (ARRAY['Bar','Kel','Mor','Ran','Tis','Lun','Sad','Dev','Fol','Gri','Hab','Jun','Pel','Vor','Wes','Nam','Zik','Cor','Yal','Quin'])[1 + (n / 200) % 20]
           || (ARRAY['do','ma','ri','te','no','la','vi','so','ke','bu','fa','gi','pe','ru','ta','mo','ne','li','su','ko','da','fe','ho','ze','pa'])[1 + (n / 4000) % 25]
           || (ARRAY['son','berg','man','ez','ski','ton','ley','ard','ini','ov'])[1 + (n / 100000) % 10],
           'p' || i || '@' || (ARRAY['gmail.com', 'yahoo.com', 'web.example', 'mail.example'])[1 + i % 4],
           -- half of them typed as a US national number, "(212) 555-0123" (the tenant's phone
           -- region is US): their digits as typed differ from the number as read, so they have
           -- the two further phone keys such input costs
           CASE WHEN i % 2 = 0 THEN '+1' || (200 + i % 700) || x.number
                ELSE '(' || (200 + i % 700) || ') ' || substr(x.number, 1, 3) || '-' || substr(x.number, 4) END
      FROM (SELECT CASE WHEN i > names THEN 1 + (i * 7919) % names ELSE i END AS n,
                   lpad(((i * 7919) % 10000000)::text, 7, '0') AS number) AS x $$;
-- Customers from .. to: every 100th a second record of customer i - 1 (its family name with a
-- letter missing, its email's domain mistyped: mail.example as mial.example, no phone); names
-- as person's (default: each customer's own).
CREATE FUNCTION dupbench.grow(from_i bigint, to_i bigint, names bigint DEFAULT NULL) RETURNS void LANGUAGE sql AS $$
    INSERT INTO customer_identity.customer (name, email, phone)
    SELECT CASE WHEN i % 100 = 0 THEN left(p.name, length(p.name) - 2) || right(p.name, 1) ELSE p.name END,
           CASE WHEN i % 100 = 0 THEN split_part(p.email, '@', 1) || '@' || replace(split_part(p.email, '@', 2), 'ai', 'ia')
                ELSE q.email END,
           CASE WHEN i % 100 = 0 THEN NULL ELSE q.phone END
      FROM generate_series(from_i, to_i) i
     CROSS JOIN LATERAL dupbench.person(CASE WHEN i % 100 = 0 THEN i - 1 ELSE i END, COALESCE(names, to_i)) p
     CROSS JOIN LATERAL dupbench.person(i, COALESCE(names, to_i)) q $$;
-- Seconds of a run, with what it read, the candidate pairs it compared (its temporary table,
-- still there in this transaction), what it suggested, and its phases' seconds.
-- This backend's CPU seconds (user + system, /proc/self/stat): less at the mercy of the
-- machine's other work than the clock.
CREATE FUNCTION dupbench.cpu_seconds() RETURNS numeric LANGUAGE sql AS $$
    SELECT (f[12]::numeric + f[13]::numeric) / 100
      FROM (SELECT string_to_array(split_part(pg_read_file('/proc/self/stat'), ') ', 2), ' ') AS f) s $$;
CREATE FUNCTION dupbench.timed(full_run boolean, OUT seconds numeric, OUT cpu numeric, OUT written bigint, OUT pairs bigint,
                               OUT suggested bigint, OUT phases text)
    LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; c0 numeric;
BEGIN
    PERFORM pg_stat_statements_reset();
    c0 := dupbench.cpu_seconds();
    t0 := clock_timestamp();
    PERFORM count(*) FROM customer_identity.suggest_duplicates('default', false, full_run);
    seconds := round(extract(epoch FROM clock_timestamp() - t0)::numeric, 3);
    cpu := round(dupbench.cpu_seconds() - c0, 2);
    SELECT r.written, r.suggested INTO written, suggested FROM customer_identity.duplicate_run r WHERE r.tenant_id = 'default';
    pairs := (SELECT count(*) FROM pg_temp.ci_duplicate_pair);
    -- the run's own statements (their time includes the functions they call)
    SELECT string_agg(coalesce(round(sum_ms / 1000, 2)::text, '0'), '|' ORDER BY o) INTO phases
      FROM (VALUES (1, 'written'), (2, 'keys'), (3, 'pairs'), (4, 'profiles'), (5, 'scoring')) AS ph(o, name)
      LEFT JOIN LATERAL (
        SELECT sum(s.total_exec_time)::numeric AS sum_ms FROM pg_stat_statements s
         WHERE CASE ph.name
                 WHEN 'written' THEN s.query ~ 'DELETE FROM customer_identity\.duplicate_key'
                                  OR s.query ~ 'ARRAY\(SELECT c\.id FROM customer_identity\.customer'
                 WHEN 'keys' THEN s.query ~ 'INSERT INTO customer_identity\.duplicate_key'
                 WHEN 'pairs' THEN s.query ~ 'ci_duplicate_pair ON COMMIT DROP' OR s.query ~ 'ANALYZE pg_temp\.ci_duplicate_pair'
                 WHEN 'profiles' THEN s.query ~ 'ci_duplicate_profile ON COMMIT DROP|ON pg_temp\.ci_duplicate_profile|ANALYZE pg_temp\.ci_duplicate_profile'
                 WHEN 'scoring' THEN s.query ~ 'WITH features AS'
               END) AS t ON true;
END $$;
SQL
{
    echo "# Probable duplicates: suggest_duplicates run times"
    echo
    echo "PostgreSQL 15, one private instance, this machine; \`bash bench/duplicates.sh\` (BENCH_DUP_SIZES=\"$SIZES\")."
    echo "Phases (seconds, pg_stat_statements): written = finding the customers written and dropping their keys;"
    echo "keys = computing their blocking keys; pairs = the candidate pairs; profiles; scoring = scoring and opening claims."
    echo
    echo "| customers | run | seconds | CPU seconds | customers read | candidate pairs | pairs per customer read | pairs suggested | ms per customer read | written | keys | pairs | profiles | scoring | load average |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} > "$OUT/duplicates.md"
timed() { q "SELECT seconds || '|' || cpu || '|' || written || '|' || pairs || '|' || suggested || '|' || phases FROM dupbench.timed($1)"; }
grown=0
for size in $SIZES; do
    log "$size customers: writing them"
    q "SELECT dupbench.grow($((grown + 1)), $size)" >/dev/null
    grown=$size
    q "VACUUM ANALYZE customer_identity.customer" >/dev/null
    q "DELETE FROM customer_identity.identity_claim WHERE kind = 'duplicate'" >/dev/null
    log "$size customers: full run"
    full="$(timed true)|$(cut -d' ' -f1-3 /proc/loadavg)"
    q "VACUUM ANALYZE customer_identity.duplicate_key" >/dev/null
    new=$((size / 100))
    log "$size customers: $new new customers, incremental run"
    q "SELECT dupbench.grow($((grown + 1)), $((grown + new)), $size)" >/dev/null
    grown=$((grown + new))
    incr="$(timed false)|$(cut -d' ' -f1-3 /proc/loadavg)"
    idle="$(timed false)|$(cut -d' ' -f1-3 /proc/loadavg)"
    for row in "full|$full" "incremental after 1% new|$incr" "incremental, nothing written|$idle"; do
        IFS='|' read -r run seconds cpu written pairs suggested p_written p_keys p_pairs p_profiles p_scoring load <<<"$row"
        per=$(awk -v s="$seconds" -v w="$written" 'BEGIN { printf (w > 0 ? "%.3f" : "-"), (w > 0 ? 1000 * s / w : 0) }')
        ppc=$(awk -v p="$pairs" -v w="$written" 'BEGIN { printf (w > 0 ? "%.2f" : "-"), (w > 0 ? p / w : 0) }')
        echo "| $size | $run | $seconds | $cpu | $written | $pairs | $ppc | $suggested | $per | $p_written | $p_keys | $p_pairs | $p_profiles | $p_scoring | $load |" | tee -a "$OUT/duplicates.md"
    done
done
log "written $OUT/duplicates.md"
