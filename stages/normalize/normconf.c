#include "normconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "err.h"

/* Number words resolved, remembered: 16384 (some 1.5 MB, a thread) */
#define NORMCONF_VALUE_BITS 14

int normconf_load_file(struct normconf *nc, const char *path)
{
    static const char *const keys[] = {"approx_tolerance",
                                       "rounding_share",
                                       "rounding_max_share",
                                       "rounding_min_zeros",
                                       "window_sentences",
                                       "reasons",
                                       NULL};
    static const char *const required[] = {"approx_tolerance", NULL};
    struct config_file cf;
    int rc = -1;

    if (config_load(&cf, path) < 0)
        return -1;
    const json_t *r = cf.root;
    if (!json_is_object(r))
        error_at(path, 0, "not a JSON object");
    else if (config_keys(&cf, r, "", keys, required) == 0 &&
             config_get_number(&cf, r, "approx_tolerance", true, 0, &nc->approx_tolerance) == 0 &&
             config_get_number(&cf, r, "rounding_share", false, 0.5, &nc->rounding_share) == 0 &&
             config_get_number(&cf, r, "rounding_max_share", false, 0.1, &nc->rounding_max_share) ==
                 0 &&
             config_get_number(&cf, r, "rounding_min_zeros", false, 2, &nc->rounding_min_zeros) ==
                 0 &&
             config_get_number(&cf, r, "window_sentences", false, 2000, &nc->window_sentences) == 0)
        rc = 0;
    if (rc == 0 && nc->window_sentences < 1)
        rc = config_error(&cf, "window_sentences", "is less than 1");
    if (rc == 0 && (nc->approx_tolerance < 0 || nc->approx_tolerance >= 1))
        rc = config_error(&cf, "approx_tolerance", "is not in [0, 1)");
    config_file_release(&cf);
    return rc;
}

int normconf_load(struct normconf *nc, const char *config_dir)
{
    char *path = config_path(config_dir, "normalize.json");

    memset(nc, 0, sizeof(*nc));
    if (!path)
        return error_at(NULL, 0, "out of memory");
    int rc = normconf_load_file(nc, path);
    free(path);
    if (rc < 0 || numlex_set_load(&nc->lex, config_dir) < 0)
        return -1;
    nc->claims = claim_config_load(config_dir);
    nc->values = wordcache_new(NORMCONF_VALUE_BITS);
    if (!nc->claims || !nc->values) {
        if (nc->claims && !nc->values)
            error_at(NULL, 0, "out of memory");
        normconf_release(nc);
        return -1;
    }
    return 0;
}

void normconf_release(struct normconf *nc)
{
    numlex_set_release(&nc->lex);
    claim_config_free(nc->claims);
    nc->claims = NULL;
    wordcache_free(nc->values);
    nc->values = NULL;
}

static void *normconf_spare_load(void *arg)
{
    struct normconf_spare *s = arg;
    char *text = NULL;
    size_t len = 0;
    FILE *msgs = open_memstream(&text, &len);

    if (!msgs) {
        s->rc = -1;
        return NULL;
    }
    err_set_stream(msgs);
    s->rc = normconf_load(&s->nc, s->config_dir);
    err_set_stream(NULL);
    fclose(msgs);
    free(text);
    return NULL;
}

void normconf_spare_start(struct normconf_spare *s, const char *config_dir)
{
    s->config_dir = config_dir;
    s->joined = s->taken = false;
    s->rc = -1;
    s->started = pthread_create(&s->thread, NULL, normconf_spare_load, s) == 0;
}

static void normconf_spare_join(struct normconf_spare *s)
{
    if (s->started && !s->joined) {
        pthread_join(s->thread, NULL);
        s->joined = true;
    }
}

struct normconf *normconf_spare_take(struct normconf_spare *s)
{
    normconf_spare_join(s);
    if (!s->started || s->taken || s->rc < 0)
        return NULL;
    s->taken = true;
    return &s->nc;
}

void normconf_spare_release(struct normconf_spare *s)
{
    normconf_spare_join(s);
    if (s->started && !s->taken && s->rc == 0)
        normconf_release(&s->nc);
    s->started = false;
}
