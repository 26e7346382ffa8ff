/*
 * grow: room in a caller's array that grows by doubling.
 */
#ifndef GROW_H
#define GROW_H

#include <stddef.h>

/* Makes the array *(T **)p of *cap items of size bytes hold at least want items, at least doubling
 * it when it grows. Returns 0, or -1 (memory, or a size past SIZE_MAX) leaving it as it was. */
int grow_items(void *p, size_t *cap, size_t want, size_t size);

#endif
