#include "tokdoc.h"

#include <string.h>

#include "docread.h"
#include "err.h"
#include "hygiene.h"
#include "tokemit.h"
#include "tokhead.h"

int tokdoc_init(struct tokdoc *d, const struct tokconf *tc, FILE *out, const char *outname,
                struct stats *stats)
{
    memset(d, 0, sizeof(*d));
    d->tc = tc;
    d->out = out;
    d->outname = outname;
    d->stats = stats;
    furniture_init(&d->furniture, tc);
    toksent_list_init(&d->sentences);
    toklex_list_init(&d->tokens);
    buf_init(&d->bytes);
    tokemit_bufs_init(&d->emit);
    return langid_init(&d->langid, tc);
}

void tokdoc_release(struct tokdoc *d)
{
    langid_release(&d->langid);
    furniture_release(&d->furniture);
    toksent_list_release(&d->sentences);
    toklex_list_release(&d->tokens);
    buf_release(&d->bytes);
    tokemit_bufs_release(&d->emit);
}

static int tokdoc_write_failed(struct tokdoc *d)
{
    return error_at(d->outname, 0, "write failed");
}

static int tokdoc_skip(struct tokdoc *d, const struct tokwalk_entry *e, const char *reason)
{
    if (stats_skip(d->stats, e->doc, e->rel, reason) < 0)
        return -1;
    if (tokemit_skip(d->out, e->doc, e->rel, reason) < 0)
        return tokdoc_write_failed(d);
    d->stats->records_out++;
    return 1;
}

struct tokdoc_lines {
    size_t para;
    bool pending; /* a paragraph break before the next sentence */
};

static bool tokdoc_has_text(const char *s, size_t a, size_t b)
{
    int32_t cp;
    bool bad;

    while (a < b) {
        size_t len = hygiene_char(s, b, a, &cp, &bad);
        if (bad || !toksent_is_space(cp))
            return true;
        a += len;
    }
    return false;
}

/* Split one stretch of a line; returns 1 when it had text, 0 if not, -1 memory. */
static int tokdoc_segment(struct tokdoc *d, const struct tokconf_lang *lang,
                          struct tokdoc_lines *dl, size_t a, size_t b)
{
    const char *s = d->bytes.data;

    if (!tokdoc_has_text(s, a, b))
        return 0;
    if (dl->pending && d->sentences.n > 0)
        dl->para++;
    dl->pending = false;
    return toksent_split(d->tc, lang, s, a, b, dl->para, &d->sentences) < 0 ? -1 : 1;
}

static int tokdoc_line(struct tokdoc *d, const struct tokconf_lang *lang, struct tokdoc_lines *dl,
                       size_t ls, size_t le)
{
    const char *s = d->bytes.data;
    size_t first = d->furniture.nspans, cursor = ls, last_a = 0, last_b = 0;
    bool text = false;

    if (furniture_line(&d->furniture, s, ls, le) < 0)
        return -1;
    for (size_t i = first; i <= d->furniture.nspans; i++) {
        size_t end = i < d->furniture.nspans ? d->furniture.spans[i].start : le;
        int rc = tokdoc_segment(d, lang, dl, cursor, end);
        if (rc < 0)
            return -1;
        if (rc > 0) {
            text = true;
            last_a = cursor;
            last_b = end;
        }
        if (i < d->furniture.nspans)
            cursor = d->furniture.spans[i].end;
    }
    if (!text || !toksent_ends_final(d->tc, s, last_a, last_b))
        dl->pending = true;
    return 0;
}

static int tokdoc_lines(struct tokdoc *d, const struct tokconf_lang *lang, size_t from)
{
    const char *s = d->bytes.data;
    size_t n = d->bytes.len;
    struct tokdoc_lines dl = {0, false};

    d->sentences.n = 0;
    furniture_start_doc(&d->furniture, s, n, from);
    for (size_t i = from, le; i < n;) {
        size_t next = furniture_next_line(s, n, i, &le);
        if (tokdoc_line(d, lang, &dl, i, le) < 0)
            return -1;
        i = next;
    }
    return 0;
}

static void tokdoc_warn_bad(struct tokdoc *d, const struct tokwalk_entry *e,
                            const struct hygiene_counts *hc)
{
    if (hc->invalid + hc->nul == 0)
        return;
    warn_at(e->rel, hygiene_line_of(d->bytes.data, hc->first_bad),
            "%zu invalid UTF-8 and %zu NUL bytes replaced by U+FFFD", hc->invalid, hc->nul);
    d->stats->warnings++;
}

static const char *const tokdoc_lang_sources[] = {"detected", "default"};

/* Fill the doc record's metadata; *lang gets the document's language. */
static void tokdoc_meta(struct tokdoc *d, const struct tokwalk_entry *e,
                        const struct manifest_row *row, struct tokhead *h, struct tokemit_doc *rec,
                        const struct tokconf_lang **lang)
{
    const char *s = d->bytes.data;
    size_t n = d->bytes.len;
    struct hygiene_counts hc;
    enum langid_source src;

    memset(rec, 0, sizeof(*rec));
    rec->doc = e->doc;
    rec->path = e->rel;
    rec->bytes = n;
    tokhead_parse(s, n, hygiene_bom(s, n), h);
    rec->text_start = h->end;
    hygiene_count(s, n, 0, &hc);
    rec->invalid_bytes = hc.invalid;
    rec->nul_bytes = hc.nul;
    d->emit.clean = hc.invalid + hc.nul == 0;
    tokdoc_warn_bad(d, e, &hc);
    rec->date = row && row->date[0] ? row->date : h->date[0] ? h->date : NULL;
    rec->date_source = row && row->date[0] ? "manifest" : h->date[0] ? "header" : NULL;
    rec->source = row ? row->source : "";
    rec->url = row ? row->url : "";
    if (row && row->lang[0]) {
        *lang = tokconf_lang_get(d->tc, row->lang);
        rec->lang_source = "manifest";
    } else {
        *lang = langid_detect(&d->langid, s + h->end, n - h->end, &src);
        rec->lang_source = tokdoc_lang_sources[src];
    }
    rec->lang = (*lang)->code;
}

static int tokdoc_emit(struct tokdoc *d, const struct tokconf_lang *lang,
                       const struct tokemit_doc *rec)
{
    buf_reset(&d->emit.line); /* nothing left pending by a document that failed */
    if (tokemit_doc(d->out, rec) < 0)
        return tokdoc_write_failed(d);
    for (size_t i = 0; i < d->sentences.n; i++) {
        const struct toksent_span *sp = &d->sentences.v[i];
        if (toklex_scan(d->tc, lang, d->bytes.data, sp->start, sp->end, &d->tokens) < 0)
            return error_at(rec->path, 0, "out of memory");
        if (tokemit_sentence(d->out, rec->doc, i, sp, d->bytes.data, &d->tokens, &d->emit) < 0)
            return tokdoc_write_failed(d);
    }
    if (tokemit_sentences_flush(d->out, &d->emit) < 0)
        return tokdoc_write_failed(d);
    d->stats->records_out += 1 + d->sentences.n;
    return 0;
}

int tokdoc_process(struct tokdoc *d, const struct tokwalk_entry *e, const struct manifest_row *row)
{
    char reason[512];
    struct tokemit_doc rec;
    struct tokhead h;
    const struct tokconf_lang *lang;

    if (e->reason)
        return tokdoc_skip(d, e, e->reason);
    int rc = docread_load(d->tc, e->path, &d->bytes, reason, sizeof(reason));
    if (rc < 0)
        return error_at(e->rel, 0, "out of memory");
    if (rc > 0)
        return tokdoc_skip(d, e, reason);
    tokdoc_meta(d, e, row, &h, &rec, &lang);
    if (tokdoc_lines(d, lang, rec.text_start) < 0)
        return error_at(e->rel, 0, "out of memory");
    rec.sentences = d->sentences.n;
    rec.furniture = d->furniture.spans;
    rec.nfurniture = d->furniture.nspans;
    d->stats->documents++;
    d->stats->bytes_in += d->bytes.len;
    return tokdoc_emit(d, lang, &rec);
}
