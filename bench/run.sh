#!/usr/bin/env bash
# The benchmark, one command from a fresh clone:  bash bench/run.sh
# Installs what is missing, builds and installs the extension, starts a private instance,
# grows its own data (100k, 1M, 10M customers; vendors and invite tokens in proportion),
# and prints, for every case, the extension's figure, its references' figures measured in
# the same run, and their ratio.  Writes bench/results/latest.md, .csv and per_call_cost.png.
#   BENCH_SIZES="100000 1000000 10000000"  BENCH_PGBENCH_SECONDS=10  BENCH_BULK_ROWS=1000000
set -euo pipefail
source "$(dirname "$0")/../test/lib/common.sh"
SIZES=${BENCH_SIZES:-"100000 1000000 10000000"}
SECONDS_PER_RUN=${BENCH_PGBENCH_SECONDS:-10}
BULK_ROWS=${BENCH_BULK_ROWS:-1000000}
OUT=$ROOT/bench/results

CI_PACKAGES="$CI_PACKAGES gnuplot-nox" prepare
mkdir -p "$OUT"
dir=$(pg_workdir bench)
trap 'stop_instance "$dir"; rm -rf "$dir"' EXIT
export PG_EXTRA_OPTS="-c shared_buffers=4GB -c max_wal_size=8GB -c synchronous_commit=off -c max_locks_per_transaction=256"
start_instance "$dir"
started=$(date +%s)
q() { psql_pg -d "$1" -At -c "$2"; }
# A phase of the run, with the seconds since the start: a slow spell of the machine then
# shows in the log as a phase that took longer, not only in the figures.
phase() { log "[$(( $(date +%s) - started ))s] $1"; }

for db in bench bulk; do
    psql_pg -d postgres -c "CREATE DATABASE $db" >/dev/null
    psql_pg -d "$db" -c "CREATE EXTENSION customer_identity" >/dev/null
    psql_pg -d "$db" < "$ROOT/bench/reference.sql" >/dev/null
    psql_pg -d "$db" < "$ROOT/bench/measure.sql" >/dev/null
    # The bench tenant reads phones in a region (issue 28): every phone it writes or resolves
    # goes through libphonenumber, the bulk insert's and the grown customers' too.
    psql_pg -d "$db" -c "SELECT customer_identity.set_phone_region('US', 'default')" >/dev/null
done

phase "bulk INSERT ... SELECT of $BULK_ROWS customers, with and without the triggers"
q bulk "SELECT bench.bulk_insert($BULK_ROWS)" >/dev/null
q bulk "COPY bench.result TO STDOUT" | psql_pg -d bench -c "COPY bench.result FROM STDIN"
# The bulk phase leaves gigabytes of WAL and dirty buffers behind: write them out now, not
# while the first size is measured.
q bulk "CHECKPOINT" >/dev/null

for size in $SIZES; do
    phase "$size customers: growing the data through the triggers"
    q bench "SELECT bench.grow($size)" >/dev/null
    q bench "VACUUM ANALYZE customer_identity.customer" >/dev/null
    q bench "VACUUM ANALYZE customer_identity.vendor" >/dev/null
    # The growth leaves up to gigabytes of dirty buffers: write them out before measuring,
    # not while (a timed checkpoint otherwise lands inside this size's measurements).
    q bench "CHECKPOINT" >/dev/null
    phase "$size customers: per-call cases inside the database"
    q bench "SELECT bench.measure($size)" >/dev/null
    phase "$size customers: pgbench, 2 clients, prepared statements, ${SECONDS_PER_RUN}s each"
    best() { awk -v a="$1" -v b="$2" 'BEGIN { print (a > b ? a : b) }'; }
    tps() {
        as_pg "$PG_BIN/pgbench" -h "$PGHOST" -p "$PGPORT" -U postgres -n -M prepared -c 2 -j 2 \
            -T "$SECONDS_PER_RUN" -D n="$size" -f "$1" bench 2>/dev/null |
            sed -n 's/^tps = \([0-9.]*\).*/\1/p'
    }
    # Three alternating rounds, best of each: one run of each moved by ±5% on a shared machine,
    # and with two rounds the ratio still moved by ±7% between runs of the same code.
    # pgbench_bare5.sql is the bare SELECT returning the call's five columns (not a target:
    # it shows what the result's shape costs on the wire).
    # The phone pair (not a target): a resolution by a random customer's phone in the national
    # format, parsed in the region (the cache rarely holds it), against the bare SELECT of
    # its E.164 form.
    bare=0 ext=0 bare5=0 bare_phone=0 ext_phone=0
    for round in 1 2 3; do
        bare=$(best "$bare" "$(tps "$ROOT/bench/pgbench_bare.sql")")
        ext=$(best "$ext" "$(tps "$ROOT/bench/pgbench_resolve.sql")")
        bare5=$(best "$bare5" "$(tps "$ROOT/bench/pgbench_bare5.sql")")
        bare_phone=$(best "$bare_phone" "$(tps "$ROOT/bench/pgbench_bare_phone.sql")")
        ext_phone=$(best "$ext_phone" "$(tps "$ROOT/bench/pgbench_resolve_phone.sql")")
    done
    q bench "INSERT INTO bench.result VALUES ($size, 'pgbench hit by external id', 'tps', round($ext), round($bare), NULL)" >/dev/null
    q bench "INSERT INTO bench.result VALUES ($size, 'floor: pgbench of the bare SELECT returning the call''s five columns', 'tps', round($bare5), round($bare), NULL)" >/dev/null
    q bench "INSERT INTO bench.result VALUES ($size, 'pgbench hit by phone, national format (vs the bare SELECT by phone)', 'tps', round($ext_phone), round($bare_phone), NULL)" >/dev/null
    # The hits once more, a minute later: each side keeps its best of both passes, so a slow
    # spell of the machine must last through the whole size to move a ratio.
    phase "$size customers: per-call hits, second pass"
    q bench "SELECT bench.measure_hits($size)" >/dev/null
done

log "results (ratio = extension / reference; for tps and calls/s higher is better)"
psql_pg -d bench -c "
SELECT size, case_name, unit, extension, bare AS bare_or_plain, plpgsql,
       round(extension / nullif(bare, 0), 2) AS ratio_to_bare,
       round(extension / nullif(plpgsql, 0), 2) AS ratio_to_plpgsql
  FROM bench.result ORDER BY case_name, size"
psql_pg -d bench -c "
SELECT a.case_name, round(b.extension / a.extension, 2) AS cost_at_largest_vs_smallest
  FROM bench.result a JOIN bench.result b USING (case_name)
 WHERE a.unit = 'us/call' AND a.size = (SELECT min(size) FROM bench.result WHERE unit = 'us/call')
   AND b.size = (SELECT max(size) FROM bench.result WHERE unit = 'us/call')"

# Issue 14's targets and issue 28's (phones), each against its reference from this run.
psql_pg -d bench -c "
SELECT t.target, t.measured,
       CASE WHEN t.met IS NULL THEN 'not measured' WHEN t.met THEN 'met' ELSE 'not met' END AS verdict
  FROM (
    SELECT 'hit ≤ 1.5× the bare probe: ' || case_name AS target,
           string_agg(round(extension / bare, 2) || ' at ' || size, ', ' ORDER BY size) AS measured,
           bool_and(extension / bare <= 1.5) AS met, 1 AS ord
      FROM bench.result WHERE case_name LIKE 'hit by %' AND case_name NOT LIKE 'hit by phone%' GROUP BY case_name
    UNION ALL
    SELECT 'pgbench ≥ 0.9× the bare SELECT''s tps',
           string_agg(round(extension / bare, 2) || ' at ' || size, ', ' ORDER BY size),
           bool_and(extension / bare >= 0.9), 2
      FROM bench.result WHERE case_name = 'pgbench hit by external id'
    UNION ALL
    SELECT 'bulk INSERT ≤ 1.10× no triggers', string_agg(round(extension / bare, 2) || ' at ' || size, ', '),
           bool_and(extension / bare <= 1.10), 3
      FROM bench.result WHERE case_name LIKE 'bulk%'
    UNION ALL
    SELECT 'issue 28: bulk INSERT with phones (region US) and emails ≤ 1.15× no triggers',
           string_agg(round(extension / bare, 3) || ' at ' || size, ', '),
           bool_and(extension / bare <= 1.15), 3
      FROM bench.result WHERE case_name LIKE 'bulk%'
    UNION ALL
    SELECT 'issue 28: hit by phone (region US) ≤ 1.5× the bare probe at 1M: ' || case_name,
           string_agg(round(extension / bare, 2) || ' at ' || size, ', ' ORDER BY size),
           bool_and(extension / bare <= 1.5) FILTER (WHERE size = 1000000), 3
      FROM bench.result WHERE case_name LIKE 'hit by phone%' GROUP BY case_name
    UNION ALL
    SELECT 'growth smallest → largest no worse than the bare probe''s: ' || a.case_name,
           round(b.extension / a.extension, 2) || ' vs bare ' || round(b.bare / a.bare, 2),
           b.extension / a.extension <= b.bare / a.bare, 4
      FROM bench.result a JOIN bench.result b USING (case_name)
     WHERE a.case_name LIKE 'hit by %' AND a.case_name NOT LIKE 'hit by phone%'
       AND a.size = (SELECT min(size) FROM bench.result WHERE unit = 'us/call')
       AND b.size = (SELECT max(size) FROM bench.result WHERE unit = 'us/call')
       AND b.size > a.size) t
 ORDER BY t.ord, t.target"

# Markdown table, CSV and the chart of per-call cost against table size.
psql_pg -d bench -At -F '|' -c "
SELECT '| ' || size || ' | ' || case_name || ' | ' || unit || ' | ' || extension || ' | ' ||
       coalesce(bare::text, '') || ' | ' || coalesce(plpgsql::text, '') || ' | ' ||
       coalesce(round(extension / nullif(bare, 0), 2)::text, '') || ' | ' ||
       coalesce(round(extension / nullif(plpgsql, 0), 2)::text, '') || ' |'
  FROM bench.result ORDER BY case_name, size" > "$OUT/table.md.part"
{
    echo "| customers | case | unit | extension | bare SELECT / plain INSERT / no triggers | PL/pgSQL | ratio to bare | ratio to PL/pgSQL |"
    echo "|---|---|---|---|---|---|---|---|"
    cat "$OUT/table.md.part"
} > "$OUT/latest.md"
rm -f "$OUT/table.md.part"
psql_pg -d bench -c "COPY (SELECT * FROM bench.result ORDER BY case_name, size) TO STDOUT WITH CSV HEADER" > "$OUT/latest.csv"
psql_pg -d bench -At -F ' ' -c "SELECT size, extension, bare, plpgsql FROM bench.result
    WHERE case_name = 'hit by external id' ORDER BY size" > "$OUT/per_call.dat"
gnuplot <<GNUPLOT
set terminal pngcairo size 900,560 noenhanced
set output "$OUT/per_call_cost.png"
set title "customer_identity: cost per resolution hit (by external id) against table size"
set logscale x
set xlabel "customers in the table"
set ylabel "microseconds per call (lower is better)"
set key top left
set grid
plot "$OUT/per_call.dat" using 1:2 with linespoints lw 2 title "resolve_customer_identity (C++)", \
     "" using 1:4 with linespoints lw 2 title "PL/pgSQL implementation", \
     "" using 1:3 with linespoints lw 2 title "bare indexed SELECT"
GNUPLOT
rm -f "$OUT/per_call.dat"
log "done in $(( $(date +%s) - started ))s; bench/results/latest.md, latest.csv, per_call_cost.png"
