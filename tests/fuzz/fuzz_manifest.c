/*
 * libFuzzer target: the manifest parser (stages/tokenize/manifest.h) on
 * arbitrary bytes, with language checks against ./config (or
 * $CLAIMREC_CONFIG). A parsed manifest must have its rows sorted by doc,
 * each findable, with non-NULL fields.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "tokenize/manifest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct tokconf fz_tc;
static int fz_ready;

static void fz_cleanup(void)
{
    tokconf_release(&fz_tc);
}

static void fz_check(struct manifest *m)
{
    for (size_t i = 0; i < m->n; i++) {
        const struct manifest_row *r = &m->rows[i];
        if (!r->doc || !r->date || !r->lang || !r->source || !r->url || r->line < 1)
            abort();
        if (i > 0 && strcmp(m->rows[i - 1].doc, r->doc) >= 0)
            abort(); /* sorted, no duplicates */
        if (manifest_find(m, r->doc) != r)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct manifest m;
    const char *dir = getenv("CLAIMREC_CONFIG");

    if (!fz_ready) {
        err_init("fuzz_manifest");
        if (tokconf_load(&fz_tc, dir ? dir : "config") < 0)
            abort();
        atexit(fz_cleanup);
        fz_ready = 1;
    }
    if (size == 0)
        return 0;
    FILE *fp = fmemopen((void *)data, size, "r");
    if (!fp)
        return 0;
    manifest_init(&m);
    if (manifest_read(&m, fp, "manifest.csv", &fz_tc) == 0)
        fz_check(&m);
    manifest_release(&m);
    fclose(fp);
    return 0;
}
