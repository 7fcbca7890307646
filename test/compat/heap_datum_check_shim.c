/*
 * Test-only shim: what Debian's 17 headers (17.11 and later) call and a PostgreSQL 17
 * server older than 17.11 lacks.
 *
 * From 17.11 on, heap_getattr() calls heap_datum_check() on versioned datum tuples, and
 * DatumGetHeapTupleHeader() is a function of the server (it may return a marked copy of
 * such a tuple) where it was a macro around pg_detoast_datum().  npm's newest 17 server is
 * 17.10, which has neither the functions nor versioned datums; these definitions only let
 * the module load there, doing what 17.10 does: no check, and the detoasted datum.  The
 * tests preload it (LD_PRELOAD) into that server alone; nothing shipped contains it.
 */
#include <stdint.h>

void heap_datum_check(void *tuple_header, void *tuple_desc);
void *DatumGetHeapTupleHeader(uintptr_t datum);
extern void *pg_detoast_datum(void *datum);

/* 17.10 checks nothing. */
void heap_datum_check(void *tuple_header, void *tuple_desc)
{
	(void) tuple_header;
	(void) tuple_desc;
}

/* 17.10's macro: ((HeapTupleHeader) PG_DETOAST_DATUM(X)). */
void *DatumGetHeapTupleHeader(uintptr_t datum)
{
	return pg_detoast_datum((void *) datum);
}
