-- one soak transaction; what it does and which errors it may end with: stress.vendor_op() in setup.sql
SELECT stress.vendor_op();
