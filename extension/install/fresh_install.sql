-- Appended to the upgrade chain to make customer_identity--<default_version>.sql, the script
-- of a fresh install (CMakeLists.txt).  What a new database gets that an upgraded one keeps
-- as it was: the safe defaults.
UPDATE @extschema@.trust_policy SET policy = 'verified', builtin_blocklist = true
 WHERE tenant_id IS NULL;
