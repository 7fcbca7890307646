/*
 * Test-only shim: heap_datum_check() for a PostgreSQL 17 server older than 17.11.
 *
 * Debian's 17 headers (17.11 and later) make heap_getattr() call heap_datum_check() on
 * versioned datum tuples.  npm's newest 17 server is 17.10, which has neither the function
 * nor versioned datums, so the call is never reached there; this definition only lets the
 * module load.  It does what 17.10 does: no check.  The tests preload it (LD_PRELOAD) into
 * that server alone; nothing shipped contains it.
 */
void heap_datum_check(void *tuple_header, void *tuple_desc);

void heap_datum_check(void *tuple_header, void *tuple_desc)
{
	(void) tuple_header;
	(void) tuple_desc;
}
