-- one soak transaction; what it does and which errors it may end with: stress.resolve_miss() in setup.sql
SELECT stress.resolve_miss();
