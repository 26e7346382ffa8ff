/* libFuzzer target: the config loader and its checks on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const allowed[] = {"a", "b", "list", NULL};
    static const char *const required[] = {"a", NULL};
    struct config_file cf;
    double d;
    const char *s;
    const json_t *list;

    if (config_load_text(&cf, "fuzz.json", (const char *)data, size) < 0)
        return 0;
    config_keys(&cf, cf.root, "", allowed, required);
    config_get_number(&cf, cf.root, "a", false, 0, &d);
    config_get_string(&cf, cf.root, "b", false, NULL, &s);
    config_get_strings(&cf, cf.root, "list", false, &list);
    config_file_release(&cf);
    return 0;
}
