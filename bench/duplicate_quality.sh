#!/usr/bin/env bash
# How good the suggestions are (issue 30):  bash bench/duplicate_quality.sh
# A private PostgreSQL instance (CI_PG_MAJOR, default 15) with the labelled sets of
# bench/duplicate_quality.sql, each a tenant: TUNING, made as sql/39's set is made (the set
# the model's weights were set on); HELD-OUT and CHECK, other names, nicknames, domains,
# phones, variation generators and hard negatives; BLIND..BLIND9, each written by someone
# who never saw the model (the README says which market each models).  On every set, in one
# run:
#   - suggest_duplicates at the default threshold (0.9), a full run: precision, recall, F1,
#     the wrong pairs among hard negatives (namesakes, households, fathers and sons, twins),
#     its time;
#   - the afternoon's baseline (pg_trgm similarity of the names, fuzzystrmatch Levenshtein
#     of the email local parts and phones, over every pair), untuned (sql/39's rule) and
#     tuned: a grid of two rule shapes (AND of a name threshold with near contact data; a
#     weighted sum), the grid point with the best F1 on the TUNING set, then applied
#     unchanged to the others; and, for reference, the best grid point the HELD-OUT set
#     itself would pick (an upper bound no team gets).
# Writes bench/results/duplicate_quality.md.
set -euo pipefail
source "$(dirname "$0")/../test/lib/common.sh"
OUT=$ROOT/bench/results
MAJOR=${CI_PG_MAJOR:-15}

prepare "$MAJOR"
mkdir -p "$OUT"
dir=$(pg_workdir bench_dupq)
trap 'stop_instance "$dir"; rm -rf "$dir"' EXIT
start_instance "$dir"
q() { psql_pg -d bench -At -F' | ' -c "SET search_path = customer_identity, public" -c "$1"; }
psql_pg -d postgres -c "CREATE DATABASE bench TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'" >/dev/null
psql_pg -d bench -c "CREATE EXTENSION customer_identity" -c "CREATE EXTENSION pg_trgm" \
    -c "CREATE EXTENSION fuzzystrmatch" >/dev/null
psql_pg -d bench -c "SET search_path = public" -f - >/dev/null <"$ROOT/bench/duplicate_quality.sql"

# The sets, in order: each is made by dupq.<name>_set(<name>, seed), its seed its position.
SETS=(tuning heldout check blind blind2 blind3 blind4 blind5 blind6 blind7 blind8 blind9 blind10 blind11 blind12 blind13 blind14 blind15 blind16 blind17 blind18 blind19 blind20 blind21 blind22 blind23)
log "generating the sets"
calls=()
for i in "${!SETS[@]}"; do calls+=("dupq.${SETS[$i]}_set('${SETS[$i]}', $((i + 1)))"); done
q "SELECT $(IFS=,; echo "${calls[*]}")" >/dev/null
q "ANALYZE" >/dev/null

# The model: a full dry run per set, timed.
declare -A MODEL_SECONDS
for set in "${SETS[@]}"; do
    log "suggest_duplicates on $set"
    MODEL_SECONDS[$set]=$(q "DO \$\$ DECLARE t0 timestamptz := clock_timestamp(); BEGIN
        INSERT INTO dupq.suggested SELECT 'model', '$set', LEAST(s.customer_id, s.other_id), GREATEST(s.customer_id, s.other_id), s.score, s.evidence
          FROM customer_identity.suggest_duplicates('$set', true, true) s;
        PERFORM set_config('dupq.seconds', round(extract(epoch FROM clock_timestamp() - t0)::numeric, 2)::text, false); END \$\$;
        SELECT current_setting('dupq.seconds')" | tail -1)
done

# Every candidate pair the blocking keys give, whatever its score (the threshold set near 0
# for one more dry run): what the misses scored, or that no key brought them together.
for set in "${SETS[@]}"; do
    q "SELECT customer_identity.set_duplicate_threshold(0.000001, '$set');
       INSERT INTO dupq.suggested SELECT 'model, any score', '$set', LEAST(s.customer_id, s.other_id), GREATEST(s.customer_id, s.other_id), s.score, s.evidence
         FROM customer_identity.suggest_duplicates('$set', true, true) s;
       SELECT customer_identity.set_duplicate_threshold(NULL, '$set')" >/dev/null
done

# The baseline: the features of every pair, then the grid.
declare -A BASE_SECONDS
for set in "${SETS[@]}"; do
    log "baseline features on $set (every pair)"
    BASE_SECONDS[$set]=$(q "DO \$\$ DECLARE t0 timestamptz := clock_timestamp(); BEGIN
        PERFORM dupq.baseline_pairs('$set');
        PERFORM set_config('dupq.seconds', round(extract(epoch FROM clock_timestamp() - t0)::numeric, 2)::text, false); END \$\$;
        SELECT current_setting('dupq.seconds')" | tail -1)
done
log "baseline grid on both sets"
q "CREATE TABLE dupq.grid_scores AS SELECT 'tuning'::text AS tenant, * FROM dupq.baseline_scores('tuning')
   UNION ALL SELECT 'heldout', * FROM dupq.baseline_scores('heldout')" >/dev/null   # (the check set: the chosen point only)
# the point a team picks: best F1 on the tuning set (then precision, then the simpler rule)
q "CREATE TABLE dupq.chosen AS SELECT rule, t, e, p, wl, wp FROM dupq.grid_scores WHERE tenant = 'tuning'
   ORDER BY f1 DESC NULLS LAST, "precision" DESC NULLS LAST, rule, t, e, p, wl, wp LIMIT 1" >/dev/null
q "CREATE TABLE dupq.oracle AS SELECT rule, t, e, p, wl, wp FROM dupq.grid_scores WHERE tenant = 'heldout'
   ORDER BY f1 DESC NULLS LAST, "precision" DESC NULLS LAST, rule, t, e, p, wl, wp LIMIT 1" >/dev/null
q "INSERT INTO dupq.suggested (method, tenant, a, b)
   SELECT m.method, bp.tenant, bp.a, bp.b FROM dupq.baseline_pair bp
     CROSS JOIN LATERAL (SELECT 'baseline untuned' AS method, g FROM dupq.baseline_grid g WHERE g.rule = 'and' AND g.t = 0.5 AND g.e = 1 AND g.p = 2
                         UNION ALL SELECT 'baseline tuned', g FROM dupq.baseline_grid g JOIN dupq.chosen c USING (rule, t) WHERE g.e IS NOT DISTINCT FROM c.e AND g.p IS NOT DISTINCT FROM c.p AND g.wl IS NOT DISTINCT FROM c.wl AND g.wp IS NOT DISTINCT FROM c.wp
                         UNION ALL SELECT 'baseline tuned on held-out', g FROM dupq.baseline_grid g JOIN dupq.oracle c USING (rule, t) WHERE bp.tenant = 'heldout' AND g.e IS NOT DISTINCT FROM c.e AND g.p IS NOT DISTINCT FROM c.p AND g.wl IS NOT DISTINCT FROM c.wl AND g.wp IS NOT DISTINCT FROM c.wp) m
    WHERE dupq.baseline_hit(m.g, bp)" >/dev/null

rule_of() { q "SELECT CASE rule WHEN 'and' THEN format('similarity(name) >= %s AND (levenshtein(local) <= %s OR levenshtein(phone) <= %s)', t, e, p)
               ELSE format('similarity(name) + %s [levenshtein(local) <= 1] + %s [levenshtein(phone) <= 2] >= %s', wl, wp, t) END FROM dupq.$1"; }
{
    echo "# Probable duplicates: precision and recall, tuning and held-out sets"
    echo
    echo "PostgreSQL $MAJOR, one private instance; \`bash bench/duplicate_quality.sh\` ($(date -u +%Y-%m-%d), $(git -C "$ROOT" rev-parse --short HEAD))."
    echo "Name folding: $(q "SELECT customer_identity.duplicate_fold_version()")."
    echo
    echo "| set | records | true pairs | hard-negative pairs |"
    echo "|---|---:|---:|---:|"
    q "SELECT p.tenant, count(*), (SELECT count(*) FROM dupq.truth t WHERE t.tenant = p.tenant),
              count(*) FILTER (WHERE kind IN ('namesake', 'household', 'junior', 'twins', 'spouses')) / 2
         FROM dupq.person p GROUP BY p.tenant ORDER BY p.tenant DESC" | sed 's/^/| /; s/$/ |/'
    echo
    echo "Baseline tuned on the tuning set (best F1 of $(q "SELECT count(*) FROM dupq.baseline_grid") grid points): \`$(rule_of chosen)\`."
    echo "For reference, the grid point the held-out set would pick itself: \`$(rule_of oracle)\`."
    echo
    echo "| set | method | suggested | correct | precision | recall | F1 | hard-negative pairs suggested | seconds |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
    for set in "${SETS[@]}"; do
        for method in "model" "baseline untuned" "baseline tuned" "baseline tuned on held-out"; do
            [ "$method" = "baseline tuned on held-out" ] && [ "$set" != heldout ] && continue
            secs=${BASE_SECONDS[$set]}; label="baseline (pg_trgm + fuzzystrmatch), ${method#baseline }"
            [ "$method" = model ] && { secs=${MODEL_SECONDS[$set]}; label="suggest_duplicates, threshold 0.9"; }
            q "SELECT '$set', '$label', suggested, correct, "precision", recall, f1, hard_negative_pairs, '$secs'
                 FROM dupq.figures('$method', '$set')" | sed 's/^/| /; s/$/ |/'
        done
    done
    echo
    echo "Recall per kind of variation, and wrong pairs per kind of hard negative (model / tuned baseline):"
    echo
    echo "| set | kind | pairs | found by the model | found by the tuned baseline |"
    echo "|---|---|---:|---:|---:|"
    q "SELECT t.tenant, t.kind, count(*), count(m.a), count(b.a) FROM dupq.truth t
         LEFT JOIN dupq.suggested m ON m.method = 'model' AND m.tenant = t.tenant AND m.a = t.a AND m.b = t.b
         LEFT JOIN dupq.suggested b ON b.method = 'baseline tuned' AND b.tenant = t.tenant AND b.a = t.a AND b.b = t.b
        GROUP BY 1, 2 ORDER BY 1 DESC, 2" | sed 's/^/| /; s/$/ |/'
    echo
    echo "| set | wrong pair between | model | tuned baseline |"
    echo "|---|---|---:|---:|"
    q "SELECT s.tenant, CASE WHEN pa.kind = pb.kind THEN pa.kind ELSE pa.kind || ' / ' || pb.kind END,
              count(*) FILTER (WHERE s.method = 'model'), count(*) FILTER (WHERE s.method = 'baseline tuned')
         FROM dupq.suggested s JOIN dupq.person pa ON pa.tenant = s.tenant AND pa.customer_id = s.a
         JOIN dupq.person pb ON pb.tenant = s.tenant AND pb.customer_id = s.b
        WHERE pa.pid <> pb.pid AND s.method IN ('model', 'baseline tuned') GROUP BY 1, 2 ORDER BY 1 DESC, 2" | sed 's/^/| /; s/$/ |/'
    echo
    echo "The model's pairs missed on the held-out, check and blind sets: the score and levels of the evidence, or \"no shared blocking key\":"
    echo
    echo '```'
    q "SELECT t.tenant, t.kind, a.name, coalesce(a.email, '-'), coalesce(a.phone, '-'), b.name, coalesce(b.email, '-'), coalesce(b.phone, '-'),
              coalesce(round(x.score::numeric, 3)::text || ' ' || (SELECT string_agg(k || '=' || (x.evidence -> k ->> 'level') || ':' || (x.evidence -> k ->> 'weight'), ' ' ORDER BY k)
                                                                  FROM jsonb_object_keys(x.evidence - 'model') k), 'no shared blocking key')
         FROM dupq.truth t JOIN customer_identity.customer a ON a.id = t.a JOIN customer_identity.customer b ON b.id = t.b
         LEFT JOIN dupq.suggested x ON x.method = 'model, any score' AND x.tenant = t.tenant AND x.a = t.a AND x.b = t.b
        WHERE t.tenant <> 'tuning' AND NOT EXISTS (SELECT FROM dupq.suggested m WHERE m.method = 'model' AND m.tenant = t.tenant AND m.a = t.a AND m.b = t.b)
        ORDER BY t.tenant DESC, t.kind, t.a"
    echo '```'
    echo
    echo "The model at other thresholds (the same candidate pairs):"
    echo
    echo "| set | threshold | suggested | correct | precision | recall | hard-negative pairs |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    q "SELECT s.tenant, th, count(*), count(t.a), round(count(t.a)::numeric / NULLIF(count(*), 0), 3),
              round(count(t.a)::numeric / (SELECT count(*) FROM dupq.truth u WHERE u.tenant = s.tenant), 3),
              count(*) FILTER (WHERE pa.pid <> pb.pid AND pa.kind = pb.kind AND pa.kind IN ('namesake', 'household', 'junior', 'twins', 'spouses'))
         FROM dupq.suggested s CROSS JOIN unnest(ARRAY[0.5, 0.8, 0.9, 0.95, 0.99]) th
         LEFT JOIN dupq.truth t ON t.tenant = s.tenant AND t.a = s.a AND t.b = s.b
         JOIN dupq.person pa ON pa.tenant = s.tenant AND pa.customer_id = s.a JOIN dupq.person pb ON pb.tenant = s.tenant AND pb.customer_id = s.b
        WHERE s.method = 'model, any score' AND s.score >= th GROUP BY 1, 2 ORDER BY 1 DESC, 2" | sed 's/^/| /; s/$/ |/'
    echo
    echo "The model's wrong pairs (first 15 per set), with the levels of the evidence:"
    echo
    echo '```'
    q "SELECT s.tenant, pa.kind || '/' || pb.kind, a.name, coalesce(a.email, '-'), coalesce(a.phone, '-'), b.name, coalesce(b.email, '-'), coalesce(b.phone, '-'),
              round(s.score::numeric, 3), (SELECT string_agg(k || '=' || (s.evidence -> k ->> 'level') || ':' || (s.evidence -> k ->> 'weight'), ' ' ORDER BY k)
                                             FROM jsonb_object_keys(s.evidence - 'model') k)
         FROM dupq.suggested s JOIN dupq.person pa ON pa.tenant = s.tenant AND pa.customer_id = s.a
         JOIN dupq.person pb ON pb.tenant = s.tenant AND pb.customer_id = s.b
         JOIN customer_identity.customer a ON a.id = s.a JOIN customer_identity.customer b ON b.id = s.b
        WHERE s.method = 'model' AND pa.pid <> pb.pid ORDER BY 1 DESC, 2 LIMIT 30"
    echo '```'
} > "$OUT/duplicate_quality.md"
cat "$OUT/duplicate_quality.md"
