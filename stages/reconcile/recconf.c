#include "recconf.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "config.h"
#include "err.h"

static const char *const recconf_settings[] = {"approx_tolerance",
                                               "rounding_max_share",
                                               "divergence_factor",
                                               "period_window_days",
                                               "cumulative_categories",
                                               "subject_categories",
                                               NULL};

void recconf_defaults(struct recconf *cfg)
{
    cfg->approx_tolerance = 0.25;
    cfg->rounding_max_share = 0.1;
    cfg->divergence_factor = 2.0;
    cfg->period_window_days = 7;
    cfg->cumulative = NULL;
    cfg->by_subject = NULL;
}

static void recconf_free_list(char **list)
{
    for (char **p = list; p && *p; p++)
        free(*p);
    free(list);
}

void recconf_release(struct recconf *cfg)
{
    recconf_free_list(cfg->cumulative);
    recconf_free_list(cfg->by_subject);
    cfg->cumulative = cfg->by_subject = NULL;
}

static bool recconf_listed(char *const *list, const char *category)
{
    for (char *const *p = list; p && *p; p++)
        if (strcmp(*p, category) == 0)
            return true;
    return false;
}

bool recconf_cumulative(const struct recconf *cfg, const char *category)
{
    return recconf_listed(cfg->cumulative, category);
}

bool recconf_by_subject(const struct recconf *cfg, const char *category)
{
    return recconf_listed(cfg->by_subject, category);
}

static int recconf_positive(const struct config_file *cf, const char *key, double *out, double def,
                            double max)
{
    if (config_get_number(cf, cf->root, key, true, def, out) < 0)
        return -1;
    if (!(*out > 0) || *out > max)
        return config_error(cf, key, "is out of range");
    return 0;
}

static int recconf_strings(const struct config_file *cf, const char *key, char ***out)
{
    const json_t *list;
    size_t i;
    json_t *item;

    if (config_get_strings(cf, cf->root, key, true, &list) < 0)
        return -1;
    *out = calloc(json_array_size(list) + 1, sizeof(char *));
    if (!*out)
        return error_at(cf->path, 0, "out of memory");
    json_array_foreach(list, i, item)
    {
        (*out)[i] = strdup(json_string_value(item));
        if (!(*out)[i])
            return error_at(cf->path, 0, "out of memory");
    }
    return 0;
}

/* Each setting needs a reason, and each reason names a setting. */
static int recconf_reasons(const struct config_file *cf)
{
    const json_t *reasons = json_object_get(cf->root, "reasons");
    const char *key;
    json_t *value;

    if (config_keys(cf, reasons, "reasons", recconf_settings, recconf_settings) < 0)
        return -1;
    json_object_foreach((json_t *)reasons, key, value)
    {
        if (!json_is_string(value) || json_string_length(value) == 0)
            return config_error(cf, key, "in 'reasons' is not a non-empty string");
    }
    return 0;
}

static int recconf_read(const struct config_file *cf, struct recconf *cfg)
{
    static const char *const allowed[] = {
        "approx_tolerance",      "rounding_max_share", "divergence_factor", "period_window_days",
        "cumulative_categories", "subject_categories", "reasons",           NULL};

    if (config_keys(cf, cf->root, "", allowed, allowed) < 0 || recconf_reasons(cf) < 0)
        return -1;
    if (recconf_positive(cf, "approx_tolerance", &cfg->approx_tolerance, 0.25, 0.99) < 0 ||
        recconf_positive(cf, "rounding_max_share", &cfg->rounding_max_share, 0.1, 0.99) < 0 ||
        recconf_positive(cf, "divergence_factor", &cfg->divergence_factor, 2, 1e9) < 0 ||
        recconf_positive(cf, "period_window_days", &cfg->period_window_days, 7, 36600) < 0)
        return -1;
    if (cfg->divergence_factor <= 1)
        return config_error(cf, "divergence_factor", "must be above 1");
    if (recconf_strings(cf, "cumulative_categories", &cfg->cumulative) < 0)
        return -1;
    return recconf_strings(cf, "subject_categories", &cfg->by_subject);
}

int recconf_load(struct recconf *cfg, const char *path)
{
    struct config_file cf;

    recconf_defaults(cfg);
    if (config_load(&cf, path) < 0)
        return -1;
    int rc = recconf_read(&cf, cfg);
    config_file_release(&cf);
    if (rc < 0)
        recconf_release(cfg);
    return rc;
}
