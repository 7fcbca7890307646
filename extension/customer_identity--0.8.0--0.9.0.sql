-- customer_identity 0.8.0 -> 0.9.0: resolve_customer_identity runs with the caller's rights.
\echo Use "ALTER EXTENSION customer_identity UPDATE TO '0.9.0'" to load this file. \quit

------------------------------------------------------------------------------
-- The hit path without fmgr's SECURITY DEFINER wrapper
------------------------------------------------------------------------------
-- The wrapper costs every call a user switch and a PG_TRY around it (about 0.09 us of a
-- 3.8 us hit at 100k customers, measured in bench/ with perf).  Nothing a hit does needs
-- the owner's rights: it reads through direct index probes, which check no privilege.
-- What writes -- a creation, an enrichment, a vendor link, a claim, a conflict's audit
-- record -- switches to the table owner in C before its first statement and back after its
-- last (src/owner_rights.hpp, as PostgreSQL's ri_triggers.c does), so it runs as the owner
-- exactly as before: same triggers, same rights, same actor in identity_event.  The
-- caller's grants are unchanged (EXECUTE only), and the function still pins nothing the
-- caller can change: every statement it runs is schema-qualified (0.8.0, 12_security).
ALTER FUNCTION @extschema@.resolve_customer_identity(text, text, text, bigint, text, text, text, boolean, text, boolean, boolean)
    SECURITY INVOKER;
