#include "manifest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "err.h"
#include "tokhead.h"

#define MANIFEST_COLS 5

struct manifest_parse {
    struct manifest *m;
    const struct tokconf *tc;
    char *fields[MANIFEST_COLS];
    size_t nfields;  /* fields seen in the current record */
    size_t line;     /* physical line being fed */
    size_t rec_line; /* line the current record started on, 0 before it starts */
    size_t records;
    int failed;
};

static const char *const manifest_header[MANIFEST_COLS] = {"doc", "date", "lang", "source", "url"};

void manifest_init(struct manifest *m)
{
    m->name = NULL;
    m->rows = NULL;
    m->n = 0;
}

static int manifest_fail(struct manifest_parse *p, size_t line, const char *what, const char *value)
{
    if (!p->failed)
        error_at(p->m->name, line, "%s%s%s%s", what, value ? " '" : "", value ? value : "",
                 value ? "'" : "");
    p->failed = 1;
    return -1;
}

static void manifest_field(void *data, size_t len, void *vp)
{
    struct manifest_parse *p = vp;

    if (p->failed)
        return;
    if (len > 0 && memchr(data, '\0', len)) {
        manifest_fail(p, p->rec_line, "NUL byte in a field", NULL);
        return;
    }
    if (p->nfields < MANIFEST_COLS) {
        char *copy = malloc(len + 1);
        if (!copy) {
            manifest_fail(p, p->rec_line, "out of memory", NULL);
            return;
        }
        memcpy(copy, data ? data : "", len);
        copy[len] = '\0';
        p->fields[p->nfields] = copy;
    }
    p->nfields++;
}

static void manifest_clear_fields(struct manifest_parse *p)
{
    for (size_t i = 0; i < MANIFEST_COLS; i++) {
        free(p->fields[i]);
        p->fields[i] = NULL;
    }
    p->nfields = 0;
}

static int manifest_check_header(struct manifest_parse *p)
{
    for (size_t i = 0; i < MANIFEST_COLS; i++) {
        const char *f = p->fields[i];
        if (i == 0 && strncmp(f, "\xEF\xBB\xBF", 3) == 0)
            f += 3;
        if (strcmp(f, manifest_header[i]) != 0)
            return manifest_fail(p, p->rec_line, "header must be 'doc,date,lang,source,url'", NULL);
    }
    return 0;
}

static int manifest_check_row(struct manifest_parse *p)
{
    char **f = p->fields;

    if (f[0][0] == '\0')
        return manifest_fail(p, p->rec_line, "empty doc", NULL);
    if (f[1][0] && !tokhead_valid_date(f[1], strlen(f[1])))
        return manifest_fail(p, p->rec_line, "date is not YYYY-MM or YYYY-MM-DD:", f[1]);
    if (f[2][0] && p->tc && !tokconf_lang_get(p->tc, f[2]))
        return manifest_fail(p, p->rec_line, "language is not configured:", f[2]);
    return 0;
}

static int manifest_add_row(struct manifest_parse *p)
{
    struct manifest *m = p->m;
    struct manifest_row *rows = realloc(m->rows, (m->n + 1) * sizeof(*rows));

    if (!rows)
        return manifest_fail(p, p->rec_line, "out of memory", NULL);
    m->rows = rows;
    rows += m->n++;
    rows->doc = p->fields[0];
    rows->date = p->fields[1];
    rows->lang = p->fields[2];
    rows->source = p->fields[3];
    rows->url = p->fields[4];
    rows->line = p->rec_line;
    rows->used = false;
    memset(p->fields, 0, sizeof(p->fields));
    return 0;
}

static void manifest_record(int c, void *vp)
{
    struct manifest_parse *p = vp;
    char want[64];

    (void)c;
    if (p->failed)
        return;
    p->records++;
    if (p->nfields != MANIFEST_COLS) {
        snprintf(want, sizeof(want), "%zu fields, want %d (doc,date,lang,source,url)", p->nfields,
                 MANIFEST_COLS);
        manifest_fail(p, p->rec_line, want, NULL);
    } else if (p->records == 1) {
        manifest_check_header(p);
    } else if (manifest_check_row(p) == 0) {
        manifest_add_row(p);
    }
    manifest_clear_fields(p);
    p->rec_line = 0;
}

static bool manifest_blank(const char *s, size_t len)
{
    return len == 0 || (len == 1 && (s[0] == '\n' || s[0] == '\r')) ||
           (len == 2 && s[0] == '\r' && s[1] == '\n');
}

/* Length of the first line of s[0..len): up to a '\n', or a '\r' not before one. */
static size_t manifest_line_len(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n')))
            return i + 1;
    return len;
}

/* Feed one physical line, counting it (lines ended by a lone CR count too). */
static void manifest_feed_line(struct csv_parser *csv, struct manifest_parse *p, const char *s,
                               size_t len)
{
    p->line++;
    if (p->rec_line == 0 && !manifest_blank(s, len))
        p->rec_line = p->line;
    if (csv_parse(csv, s, len, manifest_field, manifest_record, p) < len)
        manifest_fail(p, p->line, csv_strerror(csv_error(csv)), NULL);
}

static int manifest_feed(struct csv_parser *csv, struct manifest_parse *p, FILE *fp)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;

    while (!p->failed && (len = getline(&line, &cap, fp)) > 0) {
        for (size_t at = 0, n; !p->failed && at < (size_t)len; at += n) {
            n = manifest_line_len(line + at, (size_t)len - at);
            manifest_feed_line(csv, p, line + at, n);
        }
    }
    free(line);
    if (!p->failed && ferror(fp))
        manifest_fail(p, p->line, strerror(errno), NULL);
    if (!p->failed && csv_fini(csv, manifest_field, manifest_record, p) != 0)
        manifest_fail(p, p->rec_line ? p->rec_line : p->line, "unterminated quoted field", NULL);
    return p->failed ? -1 : 0;
}

static int manifest_row_cmp(const void *a, const void *b)
{
    const struct manifest_row *x = a, *y = b;
    int c = strcmp(x->doc, y->doc);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int manifest_check_dups(struct manifest *m)
{
    if (m->n > 1)
        qsort(m->rows, m->n, sizeof(*m->rows), manifest_row_cmp);
    for (size_t i = 1; i < m->n; i++)
        if (strcmp(m->rows[i - 1].doc, m->rows[i].doc) == 0)
            return error_at(m->name, m->rows[i].line,
                            "duplicate row for doc '%s' (first at line %zu)", m->rows[i].doc,
                            m->rows[i - 1].line);
    return 0;
}

int manifest_read(struct manifest *m, FILE *fp, const char *name, const struct tokconf *tc)
{
    struct csv_parser csv;
    struct manifest_parse p = {.m = m, .tc = tc};

    manifest_init(m);
    m->name = strdup(name);
    if (!m->name || csv_init(&csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        manifest_release(m);
        return error_at(name, 0, "out of memory");
    }
    int rc = manifest_feed(&csv, &p, fp);
    csv_free(&csv);
    manifest_clear_fields(&p);
    if (rc == 0 && p.records == 0)
        rc = error_at(name, 1, "empty file, want header 'doc,date,lang,source,url'");
    if (rc == 0)
        rc = manifest_check_dups(m);
    if (rc < 0)
        manifest_release(m);
    return rc;
}

int manifest_load(struct manifest *m, const char *path, const struct tokconf *tc)
{
    FILE *fp = fopen(path, "rb");

    manifest_init(m);
    if (!fp)
        return error_at(path, 0, "cannot open: %s", strerror(errno));
    int rc = manifest_read(m, fp, path, tc);
    fclose(fp);
    return rc;
}

struct manifest_row *manifest_lookup(const struct manifest *m, const char *doc)
{
    size_t lo = 0, hi = m->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(m->rows[mid].doc, doc);
        if (c == 0)
            return &m->rows[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

struct manifest_row *manifest_find(struct manifest *m, const char *doc)
{
    struct manifest_row *row = manifest_lookup(m, doc);

    if (row)
        row->used = true;
    return row;
}

size_t manifest_warn_unused(const struct manifest *m)
{
    size_t n = 0;

    for (size_t i = 0; i < m->n; i++) {
        if (m->rows[i].used)
            continue;
        warn_at(m->name, m->rows[i].line, "no document '%s' for this row", m->rows[i].doc);
        n++;
    }
    return n;
}

void manifest_release(struct manifest *m)
{
    for (size_t i = 0; i < m->n; i++) {
        struct manifest_row *r = &m->rows[i];
        free(r->doc);
        free(r->date);
        free(r->lang);
        free(r->source);
        free(r->url);
    }
    free(m->rows);
    free(m->name);
    manifest_init(m);
}
