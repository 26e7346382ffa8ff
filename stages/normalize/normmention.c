#include "normmention.h"

#include <string.h>

void normmention_init(struct normmention *m)
{
    memset(m, 0, sizeof(*m));
}

void normmention_release(struct normmention *m)
{
    for (size_t k = 0; k < NORMMENTION_NSTR; k++)
        buf_release(&m->scratch[k]);
    buf_release(&m->lang_json);
    normmention_init(m);
}

/* Is key name[0..n) (its first byte known to match)? */
static inline bool normmention_key_is(const struct jscan_span *key, const char *name, size_t n)
{
    return key->n == n && memcmp(key->p, name, n) == 0;
}

/* An integer >= 0 as json_integer_value() reads it, or -1 for anything else. */
static long long normmention_int(const struct jscan_span *v)
{
    long long x;

    return jscan_integer(v, &x) == 0 && x >= 0 ? x : -1;
}

static int normmention_string(struct normmention *m, size_t k, const struct jscan_span *v)
{
    if (!jscan_is_string(v))
        return 0;
    /* jscan_string() leaves a new buffer unterminated for "": buf_add() terminates it */
    if (jscan_string(v, &m->scratch[k]) < 0 || buf_add(&m->scratch[k], "", 0) < 0)
        return -1;
    m->str[k] = buf_str(&m->scratch[k]);
    m->len[k] = m->scratch[k].len;
    return 0;
}

/* Members other than the string fields, numbered after them. */
enum normmention_other {
    NORMMENTION_SID = NORMMENTION_NSTR,
    NORMMENTION_START,
    NORMMENTION_END,
    NORMMENTION_SHARE,
    NORMMENTION_NONE
};

#define NORMMENTION_IS(key, s) normmention_key_is(key, s, sizeof(s) - 1)

/* The field named key (enum normmention_field or normmention_other), by its first byte: most
 * members are told so with a switch and one comparison of known length. */
static int normmention_field_of(const struct jscan_span *key)
{
    switch (key->n ? key->p[0] : 0) {
    case 'd':
        return NORMMENTION_IS(key, "doc")   ? NORMMENTION_DOC
               : NORMMENTION_IS(key, "den") ? NORMMENTION_DEN
                                            : NORMMENTION_NONE;
    case 'e':
        return NORMMENTION_IS(key, "end") ? NORMMENTION_END : NORMMENTION_NONE;
    case 'f':
        return NORMMENTION_IS(key, "form") ? NORMMENTION_FORM : NORMMENTION_NONE;
    case 'h':
        return NORMMENTION_IS(key, "hi")     ? NORMMENTION_HI
               : NORMMENTION_IS(key, "hint") ? NORMMENTION_HINT
                                             : NORMMENTION_NONE;
    case 'l':
        return NORMMENTION_IS(key, "lang") ? NORMMENTION_LANG : NORMMENTION_NONE;
    case 'n':
        return NORMMENTION_IS(key, "num") ? NORMMENTION_NUM : NORMMENTION_NONE;
    case 'p':
        return NORMMENTION_IS(key, "post_qual") ? NORMMENTION_POST_QUAL
               : NORMMENTION_IS(key, "prefix")  ? NORMMENTION_PREFIX
                                                : NORMMENTION_NONE;
    case 'q':
        return NORMMENTION_IS(key, "qual") ? NORMMENTION_QUAL : NORMMENTION_NONE;
    case 's':
        return NORMMENTION_IS(key, "sid")      ? NORMMENTION_SID
               : NORMMENTION_IS(key, "start")  ? NORMMENTION_START
               : NORMMENTION_IS(key, "share")  ? NORMMENTION_SHARE
               : NORMMENTION_IS(key, "suffix") ? NORMMENTION_SUFFIX
                                               : NORMMENTION_NONE;
    case 't':
        return NORMMENTION_IS(key, "text") ? NORMMENTION_TEXT : NORMMENTION_NONE;
    case 'u':
        return NORMMENTION_IS(key, "unit") ? NORMMENTION_UNIT : NORMMENTION_NONE;
    default:
        return NORMMENTION_NONE;
    }
}

/* One member: a field resolve reads, or nothing. */
static int normmention_member(struct normmention *m, const struct jscan_member *mb)
{
    int k = normmention_field_of(&mb->key);

    switch (k) {
    case NORMMENTION_SID:
        m->sid = normmention_int(&mb->val);
        return 0;
    case NORMMENTION_START:
        m->start = normmention_int(&mb->val);
        return 0;
    case NORMMENTION_END:
        m->end = normmention_int(&mb->val);
        return 0;
    case NORMMENTION_SHARE:
        m->share = mb->val.n == 4 && memcmp(mb->val.p, "true", 4) == 0;
        return 0;
    case NORMMENTION_NONE:
        return 0;
    default:
        if (k == NORMMENTION_LANG && buf_add(&m->lang_json, mb->val.p, mb->val.n) < 0)
            return -1;
        return normmention_string(m, (size_t)k, &mb->val);
    }
}

int normmention_read(struct normmention *m, const struct jscan *js)
{
    for (size_t k = 0; k < NORMMENTION_NSTR; k++) {
        m->str[k] = NULL;
        m->len[k] = 0;
    }
    m->sid = m->start = m->end = -1;
    m->share = false;
    buf_reset(&m->lang_json);
    for (size_t i = 0; i < js->n; i++)
        if (normmention_member(m, &js->m[i]) < 0)
            return -1;
    return 0;
}

const char *normmention_bad_field(const struct normmention *m)
{
    if (m->sid < 0)
        return "sid";
    if (m->start < 0)
        return "start";
    if (m->end < 0)
        return "end";
    if (!m->str[NORMMENTION_DOC])
        return "doc";
    if (!m->str[NORMMENTION_TEXT])
        return "text";
    if (!m->str[NORMMENTION_FORM])
        return "form";
    return NULL;
}
