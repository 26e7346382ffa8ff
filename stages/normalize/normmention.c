#include "normmention.h"

#include <string.h>

/* A key and its length, so that most keys are told apart without reading them. */
struct normmention_key {
    const char *name;
    size_t n;
};

#define NORMMENTION_KEY(s)                                                                         \
    {                                                                                              \
        s, sizeof(s) - 1                                                                           \
    }

/* The keys of the string fields, in enum normmention_field order. */
static const struct normmention_key normmention_keys[NORMMENTION_NSTR] = {
    NORMMENTION_KEY("doc"),       NORMMENTION_KEY("text"),   NORMMENTION_KEY("lang"),
    NORMMENTION_KEY("form"),      NORMMENTION_KEY("num"),    NORMMENTION_KEY("den"),
    NORMMENTION_KEY("hi"),        NORMMENTION_KEY("suffix"), NORMMENTION_KEY("qual"),
    NORMMENTION_KEY("post_qual"), NORMMENTION_KEY("unit"),   NORMMENTION_KEY("prefix"),
    NORMMENTION_KEY("hint")};

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

static bool normmention_key_is(const struct jscan_span *key, const char *name, size_t n)
{
    return key->n == n && key->p[0] == name[0] && memcmp(key->p, name, n) == 0;
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

/* One member: a field resolve reads, or nothing. */
static int normmention_member(struct normmention *m, const struct jscan_member *mb)
{
    const struct jscan_span *key = &mb->key;

    if (normmention_key_is(key, "sid", 3))
        m->sid = normmention_int(&mb->val);
    else if (normmention_key_is(key, "start", 5))
        m->start = normmention_int(&mb->val);
    else if (normmention_key_is(key, "end", 3))
        m->end = normmention_int(&mb->val);
    else if (normmention_key_is(key, "share", 5))
        m->share = mb->val.n == 4 && memcmp(mb->val.p, "true", 4) == 0;
    else
        for (size_t k = 0; k < NORMMENTION_NSTR; k++)
            if (normmention_key_is(key, normmention_keys[k].name, normmention_keys[k].n)) {
                if (k == NORMMENTION_LANG && buf_add(&m->lang_json, mb->val.p, mb->val.n) < 0)
                    return -1;
                return normmention_string(m, k, &mb->val);
            }
    return 0;
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
