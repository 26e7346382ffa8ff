#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "err.h"

static char *config_slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    struct buf b = BUF_INIT;
    char chunk[8192];
    size_t n;

    if (!fp) {
        error_at(path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
        if (buf_add(&b, chunk, n) < 0) {
            error_at(path, 0, "out of memory");
            goto fail;
        }
    }
    if (ferror(fp)) {
        error_at(path, 0, "read failed: %s", strerror(errno));
        goto fail;
    }
    fclose(fp);
    *len = b.len;
    return buf_detach(&b);
fail:
    fclose(fp);
    buf_release(&b);
    return NULL;
}

int config_load(struct config_file *cf, const char *path)
{
    size_t len = 0;
    char *text = config_slurp(path, &len);

    cf->root = NULL;
    cf->path = NULL;
    cf->text = NULL;
    if (!text)
        return -1;
    int rc = config_load_text(cf, path, text, len);
    free(text);
    return rc;
}

int config_load_text(struct config_file *cf, const char *name, const char *text, size_t len)
{
    json_error_t jerr;

    cf->root = NULL;
    cf->path = strdup(name);
    cf->text = strndup(text, len);
    if (!cf->path || !cf->text) {
        config_file_release(cf);
        return error_at(name, 0, "out of memory");
    }
    cf->root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!cf->root) {
        error_at(name, (size_t)(jerr.line > 0 ? jerr.line : 0), "column %d: %s", jerr.column,
                 jerr.text);
        config_file_release(cf);
        return -1;
    }
    if (!json_is_object(cf->root)) {
        error_at(name, 1, "top level is not a JSON object");
        config_file_release(cf);
        return -1;
    }
    return 0;
}

void config_file_release(struct config_file *cf)
{
    json_decref(cf->root);
    free(cf->text);
    free(cf->path);
    cf->root = NULL;
    cf->text = NULL;
    cf->path = NULL;
}

size_t config_key_line(const struct config_file *cf, const char *key)
{
    size_t klen = strlen(key);
    size_t line = 1;

    for (const char *p = cf->text; p && *p; p++) {
        if (*p == '\n')
            line++;
        else if (*p == '"' && strncmp(p + 1, key, klen) == 0 && p[klen + 1] == '"') {
            const char *q = p + klen + 2;
            while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
                q++;
            if (*q == ':')
                return line;
        }
    }
    return 0;
}

int config_error(const struct config_file *cf, const char *key, const char *what)
{
    return error_at(cf->path, config_key_line(cf, key), "key '%s' %s", key, what);
}

static bool config_listed(const char *key, const char *const *names)
{
    for (; names && *names; names++)
        if (strcmp(key, *names) == 0)
            return true;
    return false;
}

int config_keys(const struct config_file *cf, const json_t *obj, const char *where,
                const char *const *allowed, const char *const *required)
{
    const char *key;
    json_t *value;
    char what[256];

    if (!json_is_object(obj))
        return error_at(cf->path, config_key_line(cf, where), "'%s' is not an object", where);
    json_object_foreach((json_t *)obj, key, value)
    {
        (void)value;
        if (!config_listed(key, allowed)) {
            snprintf(what, sizeof(what), "unknown%s%s%s", *where ? " in '" : "", where,
                     *where ? "'" : "");
            return config_error(cf, key, what);
        }
    }
    for (; required && *required; required++) {
        if (!json_object_get(obj, *required)) {
            snprintf(what, sizeof(what), "missing%s%s%s", *where ? " in '" : "", where,
                     *where ? "'" : "");
            return error_at(cf->path, 0, "key '%s' %s", *required, what);
        }
    }
    return 0;
}

static const json_t *config_lookup(const struct config_file *cf, const json_t *obj, const char *key,
                                   bool required, int *rc)
{
    const json_t *v = json_object_get(obj, key);
    *rc = 0;
    if (!v && required)
        *rc = error_at(cf->path, 0, "key '%s' missing", key);
    return v;
}

int config_get_number(const struct config_file *cf, const json_t *obj, const char *key,
                      bool required, double def, double *out)
{
    int rc;
    const json_t *v = config_lookup(cf, obj, key, required, &rc);

    *out = def;
    if (!v)
        return rc;
    if (!json_is_number(v))
        return config_error(cf, key, "is not a number");
    *out = json_number_value(v);
    return 0;
}

int config_get_string(const struct config_file *cf, const json_t *obj, const char *key,
                      bool required, const char *def, const char **out)
{
    int rc;
    const json_t *v = config_lookup(cf, obj, key, required, &rc);

    *out = def;
    if (!v)
        return rc;
    if (!json_is_string(v))
        return config_error(cf, key, "is not a string");
    *out = json_string_value(v);
    return 0;
}

int config_get_bool(const struct config_file *cf, const json_t *obj, const char *key, bool required,
                    bool def, bool *out)
{
    int rc;
    const json_t *v = config_lookup(cf, obj, key, required, &rc);

    *out = def;
    if (!v)
        return rc;
    if (!json_is_boolean(v))
        return config_error(cf, key, "is not true or false");
    *out = json_is_true(v);
    return 0;
}

int config_get_strings(const struct config_file *cf, const json_t *obj, const char *key,
                       bool required, const json_t **out)
{
    int rc;
    const json_t *v = config_lookup(cf, obj, key, required, &rc);
    size_t i;
    json_t *item;

    *out = NULL;
    if (!v)
        return rc;
    if (!json_is_array(v))
        return config_error(cf, key, "is not a list");
    json_array_foreach(v, i, item)
    {
        if (!json_is_string(item))
            return config_error(cf, key, "has an item that is not a string");
    }
    *out = v;
    return 0;
}

#ifndef CLAIMREC_CONFIG_DIR
#define CLAIMREC_CONFIG_DIR "/usr/local/share/claimrec/config"
#endif

const char *config_dir(const char *opt)
{
    const char *env = getenv("CLAIMREC_CONFIG");
    struct stat sb;

    if (opt)
        return opt;
    if (env && *env)
        return env;
    if (stat(CLAIMREC_CONFIG_DIR, &sb) == 0 && S_ISDIR(sb.st_mode))
        return CLAIMREC_CONFIG_DIR;
    return "config";
}

char *config_path(const char *dir, const char *name)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *p = malloc(len);

    if (p)
        snprintf(p, len, "%s/%s", dir, name);
    return p;
}
