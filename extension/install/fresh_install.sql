-- Appended to the upgrade chain to make customer_identity--<default_version>.sql, the script
-- of a fresh install (CMakeLists.txt).  What a new database gets that an upgraded one keeps
-- as it was: the safe defaults.  With no default row in trust_policy, every tenant without
-- a row of its own is `verified` with the built-in blocked values (src/trust.cpp); the row
-- the upgrade wrote for 0.4.0 databases is data, so a pg_dump carries it to the restore.
DELETE FROM @extschema@.trust_policy WHERE tenant_id IS NULL;
-- The same for the identifier rules: without a default row a fresh install parses phones
-- written with their country code and canonicalizes emails exactly (src/rules/identifier_rules.hpp).
DELETE FROM @extschema@.identifier_rules WHERE tenant_id IS NULL;
