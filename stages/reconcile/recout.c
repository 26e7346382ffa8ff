#include "recout.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "csvout.h"
#include "jsonl.h"
#include "utf8.h"

#define RECOUT_QUOTE_CHARS 300

/* A number, or an empty cell for NAN. */
static int recout_num(struct csvout *c, double v)
{
    return isnan(v) ? csvout_empty(c) : csvout_num(c, v);
}

/* The quote, cut at RECOUT_QUOTE_CHARS characters (DESIGN.md). */
static int recout_quote(struct csvout *c, const char *q)
{
    size_t n = strlen(q), at = 0;
    int32_t cp;

    if (n <= RECOUT_QUOTE_CHARS) /* no more characters than bytes */
        return csvout_text(c, q);
    for (size_t chars = 0; at < n && chars < RECOUT_QUOTE_CHARS; chars++) {
        size_t len = utf8_decode(q + at, n - at, &cp);
        at += len ? len : 1;
    }
    if (at >= n)
        return csvout_text(c, q);
    struct buf b = BUF_INIT;
    if (buf_add(&b, q, at) < 0)
        return -1;
    int rc = csvout_text(c, buf_str(&b));
    buf_release(&b);
    return rc;
}

/* doc@start, built on the stack when the document id is short enough (it always is). */
static int recout_id(struct csvout *c, const struct recclaim *cl)
{
    char id[256];
    size_t n = strlen(cl->doc);

    if (n + 1 + JSONL_SIZE_DIGITS < sizeof(id)) {
        memcpy(id, cl->doc, n);
        id[n++] = '@';
        *jsonl_size_at(id + n, cl->start) = '\0';
        return csvout_text(c, id);
    }
    struct buf b = BUF_INIT;
    char start[32];
    snprintf(start, sizeof(start), "@%zu", cl->start);
    int rc =
        buf_addstr(&b, cl->doc) < 0 || buf_addstr(&b, start) < 0 ? -1 : csvout_text(c, buf_str(&b));
    buf_release(&b);
    return rc;
}

static int recout_claim(struct csvout *c, const struct recclaim *cl)
{
    if (recout_id(c, cl) < 0 || csvout_text(c, cl->doc) < 0 || csvout_text(c, cl->date) < 0 ||
        csvout_text(c, cl->lang) < 0 || csvout_text(c, cl->category) < 0 ||
        csvout_num(c, cl->value) < 0 || csvout_text(c, cl->qualifier) < 0 ||
        recout_num(c, cl->low) < 0 || recout_num(c, cl->high) < 0 || csvout_text(c, cl->unit) < 0 ||
        csvout_text(c, cl->subject) < 0 || csvout_text(c, cl->place) < 0 ||
        csvout_text(c, cl->attribution) < 0 || recout_quote(c, cl->quote) < 0 ||
        csvout_num(c, (double)cl->start) < 0 || csvout_num(c, (double)cl->end) < 0)
        return -1;
    return csvout_end(c);
}

int recout_claims(FILE *fp, const struct recclaim *claims, size_t n)
{
    struct csvout c;

    csvout_init(&c, fp);
    if (csvout_header(&c, RECOUT_CLAIMS_HEADER) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (recout_claim(&c, &claims[i]) < 0)
            return -1;
    return 0;
}

static int recout_conflict(struct csvout *c, const struct recrow *r)
{
    if (csvout_text(c, r->id) < 0 || csvout_text(c, r->kind) < 0 ||
        csvout_text(c, r->category) < 0 || csvout_text(c, r->subject) < 0 ||
        csvout_text(c, r->place) < 0 || csvout_text(c, r->period) < 0 ||
        csvout_num(c, (double)r->n_claims) < 0 || csvout_num(c, (double)r->est.n_docs) < 0 ||
        csvout_num(c, r->est.low) < 0 || csvout_num(c, r->est.best) < 0 ||
        csvout_num(c, r->est.high) < 0 || recout_num(c, r->est.ratio) < 0 ||
        csvout_text(c, r->claim_ids) < 0 || csvout_text(c, r->values) < 0 ||
        csvout_text(c, r->docs) < 0 || csvout_text(c, r->note) < 0)
        return -1;
    return csvout_end(c);
}

int recout_conflicts(FILE *fp, const struct recrow *rows, size_t n)
{
    struct csvout c;

    csvout_init(&c, fp);
    if (csvout_header(&c, RECOUT_CONFLICTS_HEADER) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (recout_conflict(&c, &rows[i]) < 0)
            return -1;
    return 0;
}
