#include "recclaim.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

static const char *const recclaim_qualifiers[] = {"exact", "approx", "min", "max", "range", NULL};

static bool recclaim_listed(const char *s, const char *const *names)
{
    for (; *names; names++)
        if (strcmp(s, *names) == 0)
            return true;
    return false;
}

static int recclaim_bad(const char *file, size_t line, const char *field, const char *what)
{
    return error_at(file, line, "field '%s' %s", field, what);
}

static int recclaim_str(json_t *rec, const char *field, const char **out, const char *file,
                        size_t line)
{
    json_t *v = json_object_get(rec, field);

    if (!v)
        return recclaim_bad(file, line, field, "is missing");
    if (!json_is_string(v))
        return recclaim_bad(file, line, field, "is not a string");
    *out = json_string_value(v);
    return 0;
}

static int recclaim_size(json_t *rec, const char *field, size_t *out, const char *file, size_t line)
{
    json_t *v = json_object_get(rec, field);

    if (!v)
        return recclaim_bad(file, line, field, "is missing");
    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return recclaim_bad(file, line, field, "is not a non-negative integer");
    *out = (size_t)json_integer_value(v);
    return 0;
}

/* A number, or null (NAN) when nullable. */
static int recclaim_num(json_t *rec, const char *field, bool nullable, double *out,
                        const char *file, size_t line)
{
    json_t *v = json_object_get(rec, field);

    if (!v)
        return recclaim_bad(file, line, field, "is missing");
    if (nullable && json_is_null(v)) {
        *out = NAN;
        return 0;
    }
    if (!json_is_number(v))
        return recclaim_bad(file, line, field,
                            nullable ? "is not a number or null" : "is not a number");
    *out = json_number_value(v);
    return 0;
}

/* The fields DESIGN.md requires of every number record. */
static int recclaim_base(struct recclaim *c, json_t *rec, const char *file, size_t line)
{
    const char *kind;

    if (recclaim_str(rec, "doc", &c->doc, file, line) < 0 ||
        recclaim_size(rec, "start", &c->start, file, line) < 0 ||
        recclaim_size(rec, "end", &c->end, file, line) < 0 ||
        recclaim_str(rec, "text", &c->text, file, line) < 0 ||
        recclaim_num(rec, "value", false, &c->value, file, line) < 0 ||
        recclaim_num(rec, "low", true, &c->low, file, line) < 0 ||
        recclaim_num(rec, "high", true, &c->high, file, line) < 0 ||
        recclaim_str(rec, "qualifier", &c->qualifier, file, line) < 0 ||
        recclaim_str(rec, "kind", &kind, file, line) < 0 ||
        recclaim_str(rec, "unit", &c->unit, file, line) < 0 ||
        recclaim_str(rec, "lang", &c->lang, file, line) < 0)
        return -1;
    if (c->end < c->start)
        return recclaim_bad(file, line, "end", "is before 'start'");
    if (!recclaim_listed(c->qualifier, recclaim_qualifiers))
        return error_at(file, line, "field 'qualifier' has unknown value '%s'", c->qualifier);
    return 0;
}

/* The claim fields docs/FORMATS.md adds. */
static int recclaim_fields(struct recclaim *c, json_t *rec, const char *file, size_t line)
{
    json_t *amb = json_object_get(rec, "ambiguous");

    if (recclaim_size(rec, "sid", &c->sid, file, line) < 0)
        return -1;
    if (!amb)
        return recclaim_bad(file, line, "ambiguous", "is missing");
    if (!json_is_boolean(amb))
        return recclaim_bad(file, line, "ambiguous", "is not true or false");
    if (recclaim_str(rec, "date", &c->date, file, line) < 0 ||
        recclaim_str(rec, "as_of", &c->as_of, file, line) < 0 ||
        recclaim_str(rec, "subject", &c->subject, file, line) < 0 ||
        recclaim_str(rec, "victim", &c->victim, file, line) < 0 ||
        recclaim_str(rec, "side", &c->side, file, line) < 0 ||
        recclaim_str(rec, "scope", &c->scope, file, line) < 0 ||
        recclaim_str(rec, "place", &c->place, file, line) < 0 ||
        recclaim_str(rec, "attribution", &c->attribution, file, line) < 0 ||
        recclaim_str(rec, "quote", &c->quote, file, line) < 0 ||
        recclaim_str(rec, "source", &c->source, file, line) < 0)
        return -1;
    c->doc_place = "";
    if (json_object_get(rec, "doc_place") &&
        recclaim_str(rec, "doc_place", &c->doc_place, file, line) < 0)
        return -1;
    return 0;
}

static int recclaim_check(struct recclaim *c, const char *file, size_t line)
{
    int rc = recdate_parse(c->date, &c->when);

    if (rc < 0)
        return error_at(file, line, "field 'date' is not YYYY, YYYY-MM or YYYY-MM-DD: '%s'",
                        c->date);
    c->dated = rc == 1;
    if (!isfinite(c->value))
        return recclaim_bad(file, line, "value", "is not finite");
    if (strcmp(c->qualifier, "range") == 0 && (isnan(c->low) || isnan(c->high)))
        return recclaim_bad(file, line, isnan(c->low) ? "low" : "high", "is null in a range");
    if (!isnan(c->low) && !isnan(c->high) && c->low > c->high)
        return recclaim_bad(file, line, "low", "is above 'high'");
    return 0;
}

/*
 * Reconcile holds every claim: keeping each record's jansson tree cost about
 * 5 KB a claim, so the strings it needs are copied into one block instead.
 */
const size_t recclaim_string_fields[] = {
    offsetof(struct recclaim, doc),       offsetof(struct recclaim, date),
    offsetof(struct recclaim, lang),      offsetof(struct recclaim, category),
    offsetof(struct recclaim, qualifier), offsetof(struct recclaim, unit),
    offsetof(struct recclaim, subject),   offsetof(struct recclaim, victim),
    offsetof(struct recclaim, side),      offsetof(struct recclaim, scope),
    offsetof(struct recclaim, place),     offsetof(struct recclaim, attribution),
    offsetof(struct recclaim, quote),     offsetof(struct recclaim, as_of),
    offsetof(struct recclaim, source),    offsetof(struct recclaim, text),
    offsetof(struct recclaim, doc_place),
};

const size_t recclaim_nstrings = sizeof(recclaim_string_fields) / sizeof(recclaim_string_fields[0]);

static const char **recclaim_field(struct recclaim *c, size_t i)
{
    return (const char **)((char *)c + recclaim_string_fields[i]);
}

/* Copy the strings, of lengths len[] (in recclaim_string_fields order), into one block. */
static int recclaim_copy_strings(struct recclaim *c, const size_t *len)
{
    size_t total = 0;

    for (size_t i = 0; i < recclaim_nstrings; i++)
        total += len[i] + 1;
    c->strings = malloc(total);
    if (!c->strings)
        return -1;
    char *p = c->strings;
    for (size_t i = 0; i < recclaim_nstrings; i++) {
        const char **f = recclaim_field(c, i);
        memcpy(p, *f, len[i] + 1);
        *f = p;
        p += len[i] + 1;
    }
    return 0;
}

static int recclaim_copy_json_strings(struct recclaim *c)
{
    size_t len[sizeof(recclaim_string_fields) / sizeof(recclaim_string_fields[0])];

    for (size_t i = 0; i < recclaim_nstrings; i++)
        len[i] = strlen(*recclaim_field(c, i));
    return recclaim_copy_strings(c, len);
}

/* The field recscan reads for each of recclaim_string_fields. */
static const enum recscan_key recclaim_scan_keys[] = {
    RECSCAN_DOC,   RECSCAN_DATE,        RECSCAN_LANG,   RECSCAN_CATEGORY, RECSCAN_QUALIFIER,
    RECSCAN_UNIT,  RECSCAN_SUBJECT,     RECSCAN_VICTIM, RECSCAN_SIDE,     RECSCAN_SCOPE,
    RECSCAN_PLACE, RECSCAN_ATTRIBUTION, RECSCAN_QUOTE,  RECSCAN_AS_OF,    RECSCAN_SOURCE,
    RECSCAN_TEXT,  RECSCAN_DOC_PLACE,
};

_Static_assert(sizeof(recclaim_scan_keys) / sizeof(recclaim_scan_keys[0]) ==
                   sizeof(recclaim_string_fields) / sizeof(recclaim_string_fields[0]),
               "a recscan field for each string field");

/* The lengths recscan found (doc_place may be absent: ""). */
static int recclaim_copy_scan_strings(struct recclaim *c, const struct recscan *sc)
{
    size_t len[sizeof(recclaim_string_fields) / sizeof(recclaim_string_fields[0])];

    for (size_t i = 0; i < recclaim_nstrings; i++) {
        const struct recscan_value *v = &sc->v[recclaim_scan_keys[i]];
        len[i] = v->type == RECSCAN_STRING ? v->len : 0;
    }
    return recclaim_copy_strings(c, len);
}

int recclaim_from_json(struct recclaim *c, json_t *rec, const char *file, size_t line)
{
    json_t *cat = json_object_get(rec, "category");

    memset(c, 0, sizeof(*c));
    if (recclaim_base(c, rec, file, line) < 0)
        return -1;
    if (!cat)
        return recclaim_bad(file, line, "category", "is missing");
    if (json_is_null(cat))
        return 0;
    if (!json_is_string(cat) || json_string_length(cat) == 0)
        return recclaim_bad(file, line, "category", "is not a category name or null");
    c->category = json_string_value(cat);
    if (recclaim_fields(c, rec, file, line) < 0 || recclaim_check(c, file, line) < 0)
        return -1;
    if (recclaim_copy_json_strings(c) < 0)
        return error_at(file, line, "out of memory");
    return 1;
}

static bool recclaim_scan_str(const struct recscan *sc, enum recscan_key k, const char **out)
{
    if (sc->v[k].type != RECSCAN_STRING)
        return false;
    *out = sc->v[k].s;
    return true;
}

static bool recclaim_scan_size(const struct recscan *sc, enum recscan_key k, size_t *out)
{
    if (sc->v[k].type != RECSCAN_INTEGER || sc->v[k].i < 0)
        return false;
    *out = (size_t)sc->v[k].i;
    return true;
}

static bool recclaim_scan_num(const struct recscan *sc, enum recscan_key k, bool nullable,
                              double *out)
{
    enum recscan_type t = sc->v[k].type;

    if (nullable && t == RECSCAN_NULL) {
        *out = NAN;
        return true;
    }
    if (t != RECSCAN_INTEGER && t != RECSCAN_REAL)
        return false;
    *out = sc->v[k].d;
    return true;
}

/* recclaim_base() on a scanned line, silent: false for anything it would report. */
static bool recclaim_scan_base(struct recclaim *c, const struct recscan *sc)
{
    const char *kind;

    return recclaim_scan_str(sc, RECSCAN_DOC, &c->doc) &&
           recclaim_scan_size(sc, RECSCAN_START, &c->start) &&
           recclaim_scan_size(sc, RECSCAN_END, &c->end) &&
           recclaim_scan_str(sc, RECSCAN_TEXT, &c->text) &&
           recclaim_scan_num(sc, RECSCAN_VALUE, false, &c->value) &&
           recclaim_scan_num(sc, RECSCAN_LOW, true, &c->low) &&
           recclaim_scan_num(sc, RECSCAN_HIGH, true, &c->high) &&
           recclaim_scan_str(sc, RECSCAN_QUALIFIER, &c->qualifier) &&
           recclaim_scan_str(sc, RECSCAN_KIND, &kind) &&
           recclaim_scan_str(sc, RECSCAN_UNIT, &c->unit) &&
           recclaim_scan_str(sc, RECSCAN_LANG, &c->lang) && c->end >= c->start &&
           recclaim_listed(c->qualifier, recclaim_qualifiers);
}

/* recclaim_fields() and recclaim_check() on a scanned line, silent. */
static bool recclaim_scan_fields(struct recclaim *c, const struct recscan *sc)
{
    enum recscan_type amb = sc->v[RECSCAN_AMBIGUOUS].type;
    static const struct {
        enum recscan_key key;
        size_t offset;
    } strs[] = {
        {RECSCAN_DATE, offsetof(struct recclaim, date)},
        {RECSCAN_AS_OF, offsetof(struct recclaim, as_of)},
        {RECSCAN_SUBJECT, offsetof(struct recclaim, subject)},
        {RECSCAN_VICTIM, offsetof(struct recclaim, victim)},
        {RECSCAN_SIDE, offsetof(struct recclaim, side)},
        {RECSCAN_SCOPE, offsetof(struct recclaim, scope)},
        {RECSCAN_PLACE, offsetof(struct recclaim, place)},
        {RECSCAN_ATTRIBUTION, offsetof(struct recclaim, attribution)},
        {RECSCAN_QUOTE, offsetof(struct recclaim, quote)},
        {RECSCAN_SOURCE, offsetof(struct recclaim, source)},
    };

    if (!recclaim_scan_size(sc, RECSCAN_SID, &c->sid) ||
        (amb != RECSCAN_TRUE && amb != RECSCAN_FALSE))
        return false;
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
        if (!recclaim_scan_str(sc, strs[i].key, (const char **)((char *)c + strs[i].offset)))
            return false;
    c->doc_place = "";
    if (sc->v[RECSCAN_DOC_PLACE].type != RECSCAN_ABSENT &&
        !recclaim_scan_str(sc, RECSCAN_DOC_PLACE, &c->doc_place))
        return false;
    int dated = recdate_parse(c->date, &c->when);
    c->dated = dated == 1;
    return dated >= 0 && isfinite(c->value) &&
           !(strcmp(c->qualifier, "range") == 0 && (isnan(c->low) || isnan(c->high))) &&
           !(!isnan(c->low) && !isnan(c->high) && c->low > c->high);
}

int recclaim_from_scan(struct recclaim *c, const struct recscan *sc)
{
    const struct recscan_value *cat = &sc->v[RECSCAN_CATEGORY];

    memset(c, 0, sizeof(*c));
    if (!recclaim_scan_base(c, sc) || cat->type == RECSCAN_ABSENT)
        return -1;
    if (cat->type == RECSCAN_NULL)
        return 0;
    if (cat->type != RECSCAN_STRING || cat->len == 0)
        return -1;
    c->category = cat->s;
    if (!recclaim_scan_fields(c, sc) || recclaim_copy_scan_strings(c, sc) < 0)
        return -1;
    return 1;
}

void recclaim_release(struct recclaim *c)
{
    free(c->strings);
    c->strings = NULL;
}

double recclaim_rounding(double v, double max_share)
{
    double a = fabs(v);
    double unit = 1;

    if (a < 10 || a != floor(a))
        return 0;
    while (fmod(a, unit * 10) == 0)
        unit *= 10;
    if (unit == 1)
        return 0;
    double half = unit / 2;
    return half < a * max_share ? half : a * max_share;
}

static bool recclaim_has_digit(const char *s)
{
    return strpbrk(s, "0123456789") != NULL;
}

void recclaim_derive(struct recclaim *c, const struct recconf *cfg)
{
    double v = c->value;
    const char *q = c->qualifier;

    c->est = c->fig_lo = c->fig_hi = v;
    c->vague = false;
    if (strcmp(q, "approx") == 0) {
        c->lo = v * (1 - cfg->approx_tolerance);
        c->hi = v * (1 + cfg->approx_tolerance);
    } else if (strcmp(q, "min") == 0) {
        c->lo = isnan(c->low) ? v : c->low;
        c->hi = INFINITY;
        c->vague = !recclaim_has_digit(c->text);
    } else if (strcmp(q, "max") == 0) {
        c->lo = 0;
        c->hi = isnan(c->high) ? v : c->high;
    } else if (strcmp(q, "range") == 0) {
        c->lo = c->fig_lo = c->low;
        c->hi = c->fig_hi = c->high;
        c->est = (c->low + c->high) / 2;
    } else {
        double w = recclaim_rounding(v, cfg->rounding_max_share);
        c->lo = v - w;
        c->hi = v + w;
    }
}

int recclaim_cmp(const void *a, const void *b)
{
    const struct recclaim *x = a, *y = b;
    int d = strcmp(x->doc, y->doc);

    if (d)
        return d;
    return (x->start > y->start) - (x->start < y->start);
}

bool recclaim_overlap(const struct recclaim *a, const struct recclaim *b)
{
    return a->lo <= b->hi && b->lo <= a->hi;
}
