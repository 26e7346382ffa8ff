#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int grow_items(void *p, size_t *cap, size_t want, size_t size)
{
    void *old;

    if (want <= *cap)
        return 0;
    size_t n = *cap <= SIZE_MAX / 2 && want < 2 * *cap ? 2 * *cap : want;
    if (size == 0 || n > SIZE_MAX / size)
        return -1;
    memcpy(&old, p, sizeof(old));
    void *q = realloc(old, n * size);
    if (!q)
        return -1;
    memcpy(p, &q, sizeof(q));
    *cap = n;
    return 0;
}
