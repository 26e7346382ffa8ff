#include "tokset.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

int tokset_init(struct tokset *set, const char *utf8)
{
    size_t n = strlen(utf8);
    int32_t cp;

    memset(set, 0, sizeof(*set));
    set->utf8 = strdup(utf8);
    set->others = malloc((n ? n : 1) * sizeof(*set->others));
    if (!set->utf8 || !set->others) {
        tokset_release(set);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)utf8[i];
        if (c < 0x80)
            set->ascii[c >> 6] |= (uint64_t)1 << (c & 63);
    }
    for (size_t i = 0; i < n;) {
        size_t len = utf8_decode(utf8 + i, n - i, &cp);
        if (len == 0)
            break;
        if (cp >= 0x80)
            set->others[set->nothers++] = cp;
        i += len;
    }
    return 0;
}

void tokset_release(struct tokset *set)
{
    free(set->utf8);
    free(set->others);
    memset(set, 0, sizeof(*set));
}

bool tokset_has_other(const struct tokset *set, int32_t cp)
{
    for (size_t i = 0; i < set->nothers; i++)
        if (set->others[i] == cp)
            return true;
    return false;
}
