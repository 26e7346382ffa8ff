#include "zmem.h"

#include <stdlib.h>
#include <unistd.h>

void *zmem_alloc(size_t size)
{
    volatile unsigned char *p = calloc(1, size ? size : 1);
    long page = sysconf(_SC_PAGESIZE);
    size_t step = page > 0 ? (size_t)page : 4096;

    if (!p)
        return NULL;
    for (size_t i = 0; i < size; i += step)
        p[i] = 0;
    return (void *)p;
}
