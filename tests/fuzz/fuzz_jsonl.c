/* libFuzzer target: the JSONL reader on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "jsonl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct jsonl_reader r;
    json_t *rec;
    int rc;

    if (size == 0)
        return 0;
    FILE *fp = fmemopen((void *)data, size, "r");
    if (!fp)
        return 0;
    memset(&r, 0, sizeof(r));
    r.fp = fp;
    r.name = "fuzz.jsonl";
    while ((rc = jsonl_next(&r, &rec)) != 0 && rc != -2)
        json_decref(rec);
    jsonl_close(&r);
    return 0;
}
