#include "jsonl.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "utf8.h"

/* The fewest bytes a triple takes in a line: [0,0,"w"] */
#define JSONL_TRIPLE_MIN 9

/* The bytes a block reader reads at a time, at first (a longer line makes its block grow). */
#define JSONL_BLOCK 65536

void jsonl_open_stream(struct jsonl_reader *r, FILE *fp, const char *name)
{
    memset(r, 0, sizeof(*r));
    r->fp = fp;
    r->name = name;
    r->block = true;
}

int jsonl_open(struct jsonl_reader *r, const char *path)
{
    if (strcmp(path, "-") == 0) {
        jsonl_open_stream(r, stdin, "<stdin>");
        return 0;
    }
    jsonl_open_stream(r, fopen(path, "rb"), path);
    if (!r->fp)
        return error_at(path, 0, "cannot open: %s", strerror(errno));
    return 0;
}

int jsonl_open_range(struct jsonl_reader *r, const char *path, off_t start, off_t end, size_t line0)
{
    if (jsonl_open(r, path) < 0)
        return -1;
    if (fseeko(r->fp, start, SEEK_SET) != 0) {
        error_at(path, 0, "cannot seek: %s", strerror(errno));
        jsonl_close(r);
        return -1;
    }
    r->pos = start;
    r->end = end;
    r->ranged = end >= 0;
    r->line = line0;
    return 0;
}

int jsonl_parse(struct jsonl_reader *r, size_t len, json_t **rec)
{
    json_error_t jerr;

    *rec = json_loadb(r->buf, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!*rec)
        return error_at(r->name, r->line, "column %d: %s", jerr.column, jerr.text);
    if (!json_is_object(*rec)) {
        json_decref(*rec);
        *rec = NULL;
        return error_at(r->name, r->line, "record is not a JSON object");
    }
    return 1;
}

/*
 * Move what is left of the block to its start and read more after it, making room first when
 * the block is full. Returns 1, 0 when fp holds no more (r->eof is set), -1 on a read error or
 * when memory ran out (errno tells which).
 */
static int jsonl_fill(struct jsonl_reader *r)
{
    size_t left = r->blk_len - r->blk_next;

    if (r->blk_next > 0 && left > 0)
        memmove(r->blk, r->blk + r->blk_next, left);
    r->blk_len = left;
    r->blk_next = 0;
    if (r->blk_len == r->blk_cap) {
        size_t cap = r->blk_cap ? 2 * r->blk_cap : JSONL_BLOCK;
        char *p = realloc(r->blk, cap);
        if (!p)
            return -1;
        r->blk = p;
        r->blk_cap = cap;
    }
    size_t got = fread(r->blk + r->blk_len, 1, r->blk_cap - r->blk_len, r->fp);
    r->blk_len += got;
    if (got > 0)
        return 1;
    if (ferror(r->fp))
        return -1;
    r->eof = true;
    return 0;
}

/*
 * The next line in the block, as getline() gives it: r->buf[0..*n), the newline included when
 * there is one. Returns 1, 0 at the end of the file, -1 on a read error (errno set).
 */
static int jsonl_block_line(struct jsonl_reader *r, size_t *n)
{
    size_t seen = 0; /* bytes of the line already searched for its newline */

    for (;;) {
        char *s = r->blk + r->blk_next;
        size_t left = r->blk_len - r->blk_next;
        const char *nl = left > seen ? memchr(s + seen, '\n', left - seen) : NULL;
        if (nl || (r->eof && left > 0)) {
            *n = nl ? (size_t)(nl - s) + 1 : left;
            r->buf = s;
            r->blk_next += *n;
            return 1;
        }
        if (r->eof)
            return 0;
        seen = left;
        int rc = jsonl_fill(r);
        if (rc < 0)
            return -1;
    }
}

/* The next line as getline() reads it, into r->buf[0..*n) either way: 1, 0 at the end, -1. */
static int jsonl_read_line(struct jsonl_reader *r, size_t *n)
{
    if (r->block)
        return jsonl_block_line(r, n);
    ssize_t got = getline(&r->buf, &r->cap, r->fp);
    if (got < 0)
        return ferror(r->fp) ? -1 : 0;
    *n = (size_t)got;
    return 1;
}

int jsonl_next_line(struct jsonl_reader *r, size_t *len)
{
    for (;;) {
        if (r->ranged && r->pos >= r->end)
            return 0;
        errno = 0;
        size_t n;
        int rc = jsonl_read_line(r, &n);
        if (rc <= 0)
            return rc < 0 ? error_at(r->name, r->line, "read failed: %s", strerror(errno)) - 1 : 0;
        r->line++;
        r->pos += (off_t)n;
        *len = n;
        if (*len && r->buf[*len - 1] == '\n')
            --*len;
        else if (*len)
            return error_at(r->name, r->line, "last line is truncated (no newline)");
        if (*len)
            return 1;
    }
}

int jsonl_next(struct jsonl_reader *r, json_t **rec)
{
    size_t len;

    *rec = NULL;
    int rc = jsonl_next_line(r, &len);
    return rc == 1 ? jsonl_parse(r, len, rec) : rc;
}

/* The line jscan refused, judged by jansson: reported in its words, or as a shape jscan refuses. */
static int jsonl_refused(struct jsonl_reader *r, size_t len)
{
    json_t *rec;

    if (jsonl_parse(r, len, &rec) < 0)
        return -1;
    json_decref(rec);
    return error_at(r->name, r->line,
                    "record has a shape this stage does not read (a nested object, an escaped key "
                    "or more than %d fields)",
                    JSCAN_MAX);
}

int jsonl_next_scan(struct jsonl_reader *r, struct jscan *js, const char **line, size_t *len)
{
    return jsonl_next_scan_triples(r, js, NULL, line, len);
}

/* Room in sink for every triple a line of len bytes could hold. Returns 0 or -1. */
static int jsonl_sink_reserve(struct jscan_triple_sink *sink, size_t len)
{
    size_t need = len / JSONL_TRIPLE_MIN + 1;

    if (need <= sink->max)
        return 0;
    struct jscan_triple *t = realloc(sink->t, need * sizeof(*t));
    if (!t)
        return -1;
    sink->t = t;
    sink->max = need;
    return 0;
}

int jsonl_next_scan_triples(struct jsonl_reader *r, struct jscan *js,
                            struct jscan_triple_sink *sink, const char **line, size_t *len)
{
    int rc = jsonl_next_line(r, len);
    if (rc != 1)
        return rc;
    *line = r->buf;
    if (sink && jsonl_sink_reserve(sink, *len) < 0)
        return error_at(NULL, 0, "out of memory") - 1;
    if (jscan_object_triples(js, r->buf, *len, sink) == 0)
        return 1;
    return jsonl_refused(r, *len);
}

void jsonl_close(struct jsonl_reader *r)
{
    if (r->fp && r->fp != stdin)
        fclose(r->fp);
    free(r->block ? r->blk : r->buf);
    r->fp = NULL;
    r->buf = NULL;
    r->blk = NULL;
}

/*
 * json_dumpf() writes a record in many small fwrite() calls, each taking the
 * stream's lock; dumping into memory first and writing once is several
 * times faster on token-heavy records.
 */
int jsonl_write(FILE *fp, const json_t *rec)
{
    char stack[8192];
    const size_t flags = JSON_COMPACT | JSON_SORT_KEYS;
    size_t need = json_dumpb(rec, stack, sizeof(stack) - 1, flags);
    char *text = stack;
    int rc = -1;

    if (need == 0)
        return -1;
    if (need > sizeof(stack) - 1) {
        text = malloc(need + 1);
        if (!text || json_dumpb(rec, text, need, flags) != need)
            goto out;
    }
    text[need] = '\n';
    rc = fwrite(text, 1, need + 1, fp) == need + 1 ? 0 : -1;
out:
    if (text != stack)
        free(text);
    return rc;
}

/* The escape jansson writes for an ASCII byte c, or NULL when c stands as it is. */
static const char *jsonl_escape(unsigned char c, char *seq)
{
    switch (c) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\b':
        return "\\b";
    case '\f':
        return "\\f";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    default:
        break;
    }
    if (c >= 0x20)
        return NULL;
    snprintf(seq, 7, "\\u%04X", (unsigned)c);
    return seq;
}

/* Length of the run at s[0..n) that needs no escape (valid UTF-8 included), stopping at bad UTF-8.
 */
static size_t jsonl_plain_run(const char *s, size_t n, bool *bad)
{
    size_t i = 0;
    int32_t cp;

    *bad = false;
    while (i < n) {
        i += jscan_plain_span(s + i, n - i);
        if (i == n || (unsigned char)s[i] < 0x80)
            break; /* the end, or an ASCII byte to escape */
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len == 0) {
            *bad = true;
            break;
        }
        i += len;
    }
    return i;
}

/* Append the bytes s[0..n) that need no escape; room was made for them. */
static void jsonl_put_raw(struct buf *b, const char *s, size_t n)
{
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* Room in b for extra more bytes (and the terminating NUL): buf_grow() only when there is none. */
static inline int jsonl_room(struct buf *b, size_t extra)
{
    return b->len + extra < b->cap ? 0 : buf_grow(b, extra);
}

int jsonl_put_string(struct buf *b, const char *s, size_t n)
{
    char seq[8];
    bool bad;

    /* room is kept for the rest of the text and the closing quote: escapes make more as they come
     */
    if (jsonl_room(b, n + 2) < 0)
        return -1;
    jsonl_put_raw(b, "\"", 1);
    for (size_t i = 0; i < n;) {
        size_t run = jsonl_plain_run(s + i, n - i, &bad);
        if (bad)
            return -1;
        jsonl_put_raw(b, s + i, run);
        i += run;
        if (i < n) {
            const char *e = jsonl_escape((unsigned char)s[i++], seq);
            size_t k = strlen(e);
            if (jsonl_room(b, k + (n - i) + 1) < 0)
                return -1;
            jsonl_put_raw(b, e, k);
        }
    }
    jsonl_put_raw(b, "\"", 1);
    return 0;
}

/* The digits are counted first, then written last first straight into p. */
char *jsonl_size_at(char *p, size_t v)
{
    size_t len = 1;

    for (size_t t = v / 10; t; t /= 10)
        len++;
    for (size_t k = len; k > 0; v /= 10)
        p[--k] = (char)('0' + v % 10);
    return p + len;
}

int jsonl_put_size(struct buf *b, size_t v)
{
    char digits[JSONL_SIZE_DIGITS];

    return buf_add(b, digits, (size_t)(jsonl_size_at(digits, v) - digits));
}

int jsonl_put_key(struct buf *b, const char *key)
{
    char last = b->len ? b->data[b->len - 1] : '{';
    bool comma = last != '{' && last != '[';
    size_t k = strlen(key);

    if (buf_grow(b, k + 4) < 0)
        return -1;
    if (comma)
        jsonl_put_raw(b, ",", 1);
    jsonl_put_raw(b, "\"", 1);
    jsonl_put_raw(b, key, k);
    jsonl_put_raw(b, "\":", 2);
    return 0;
}
