#include "recrow.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csvout.h"
#include "err.h"
#include "jsonl.h"
#include "recnote.h"

static uint64_t recrow_fnv(uint64_t h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

void recrow_id(char id[RECROW_ID_LEN + 1], const char *key, const char *period)
{
    uint64_t h = recrow_fnv(UINT64_C(0xcbf29ce484222325), key);

    h = recrow_fnv(h, "|");
    h = recrow_fnv(h, period);
    /* A leading letter keeps a spreadsheet from reading the id as a number. */
    snprintf(id, RECROW_ID_LEN + 1, "c%011" PRIx64, h >> 20);
}

static const char *recrow_field(const struct recclaim *claims, const struct recconflict *cf,
                                size_t i, size_t offset)
{
    return *(const char *const *)((const char *)&claims[cf->members[i]] + offset);
}

struct recrow_text {
    const char *s;
    size_t i; /* member */
};

static int recrow_text_cmp(const void *pa, const void *pb)
{
    const struct recrow_text *x = pa, *y = pb;
    int d = strcmp(x->s, y->s);

    return d ? d : (x->i > y->i) - (x->i < y->i);
}

/*
 * Mark first[i] for each member whose non-empty field value no earlier
 * member has. Sorted, not compared with every earlier value: a conflict
 * may have thousands of members from as many documents.
 */
static int recrow_firsts(const struct recclaim *claims, const struct recconflict *cf, size_t offset,
                         bool *first)
{
    struct recrow_text *v = malloc((cf->n ? cf->n : 1) * sizeof(*v));
    size_t m = 0;

    if (!v)
        return -1;
    for (size_t i = 0; i < cf->n; i++) {
        const char *s = recrow_field(claims, cf, i, offset);
        if (*s)
            v[m++] = (struct recrow_text){s, i};
    }
    qsort(v, m, sizeof(*v), recrow_text_cmp);
    for (size_t k = 0; k < m; k++)
        first[v[k].i] = k == 0 || strcmp(v[k - 1].s, v[k].s) != 0;
    free(v);
    return 0;
}

/* Join the distinct non-empty values of one field of the members with sep. */
static char *recrow_join(const struct recclaim *claims, const struct recconflict *cf, size_t offset,
                         const char *sep)
{
    bool *first = calloc(cf->n ? cf->n : 1, sizeof(*first));
    struct buf b = BUF_INIT;
    int rc = first ? recrow_firsts(claims, cf, offset, first) : -1;

    for (size_t i = 0; i < cf->n && rc == 0; i++) {
        if (!first[i])
            continue;
        if ((b.data && buf_addstr(&b, sep) < 0) ||
            buf_addstr(&b, recrow_field(claims, cf, i, offset)) < 0)
            rc = -1;
    }
    free(first);
    if (rc < 0) {
        buf_release(&b);
        return NULL;
    }
    return b.data ? buf_detach(&b) : strdup("");
}

static char *recrow_ids_values(const struct recclaim *claims, const struct recconflict *cf,
                               bool values)
{
    struct buf b = BUF_INIT;
    char num[400], start[JSONL_SIZE_DIGITS + 1];
    int rc = 0;

    for (size_t i = 0; i < cf->n && rc == 0; i++) {
        const struct recclaim *c = &claims[cf->members[i]];
        *jsonl_size_at(start, c->start) = '\0';
        if (i && buf_addch(&b, ';') < 0)
            rc = -1;
        else if (values)
            rc = buf_addstr(&b, csvout_format_num(num, sizeof(num), c->value));
        else
            rc = buf_addstr(&b, c->doc) < 0 || buf_addch(&b, '@') < 0 || buf_addstr(&b, start) < 0
                     ? -1
                     : 0;
    }
    if (rc < 0) {
        buf_release(&b);
        return NULL;
    }
    return b.data ? buf_detach(&b) : strdup("");
}

int recrow_init(struct recrow *row, const struct recclaim *claims, const struct recgroup *g,
                const struct recconflict *cf)
{
    const struct recclaim *first = &claims[cf->members[0]];

    memset(row, 0, sizeof(*row));
    recrow_id(row->id, g->key, g->period);
    row->kind = recconflict_kind_name(cf->kind);
    row->category = first->category;
    row->place = first->place;
    row->period = g->period;
    row->n_claims = cf->n;
    row->first = cf->members[0];
    if (recestimate_compute(&row->est, claims, cf->members, cf->n) < 0)
        return -1;
    row->subject = *first->victim
                       ? strdup(first->victim)
                       : recrow_join(claims, cf, offsetof(struct recclaim, subject), " / ");
    row->claim_ids = recrow_ids_values(claims, cf, false);
    row->values = recrow_ids_values(claims, cf, true);
    row->docs = recrow_join(claims, cf, offsetof(struct recclaim, doc), ";");
    row->note = recnote_text(claims, cf);
    if (!row->subject || !row->claim_ids || !row->values || !row->docs || !row->note) {
        recrow_release(row);
        return error_at(NULL, 0, "out of memory");
    }
    return 0;
}

void recrow_release(struct recrow *row)
{
    free(row->subject);
    free(row->claim_ids);
    free(row->values);
    free(row->docs);
    free(row->note);
    row->subject = row->claim_ids = row->values = row->docs = row->note = NULL;
}

int recrow_cmp(const void *a, const void *b)
{
    const struct recrow *x = a, *y = b;

    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return strcmp(x->id, y->id);
}
