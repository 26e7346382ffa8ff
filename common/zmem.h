/*
 * zmem: zeroed memory whose pages are the process's own from the start.
 *
 * calloc() leaves a large block's pages untouched: reading one maps the
 * kernel's shared zero page, and the first write after that replaces it,
 * which in a process with several threads running costs a TLB shootdown on
 * every other core. A cache that is looked up before it is filled does that
 * once per page. zmem_alloc() writes each page first, so it gets its own page
 * at once.
 */
#ifndef ZMEM_H
#define ZMEM_H

#include <stddef.h>

/* size zeroed bytes (free() them), each page already written; NULL when memory ran out. */
void *zmem_alloc(size_t size);

#endif
