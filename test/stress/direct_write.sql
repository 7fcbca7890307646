-- one soak transaction; what it does and which errors it may end with: stress.direct_write() in setup.sql
SELECT stress.direct_write();
