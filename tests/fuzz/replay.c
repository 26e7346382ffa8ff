/*
 * replay: run a fuzz target's entry point on files, without libFuzzer, so
 * that every input a fuzzer ever found (tests/fuzz/regress/<target>/) is
 * replayed by `make test` under the normal and the sanitizer builds.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    uint8_t *data = NULL;
    size_t size = 0, cap = 0, n;

    if (!fp) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return -1;
    }
    do {
        if (size == cap) {
            cap = cap ? cap * 2 : 4096;
            uint8_t *p = realloc(data, cap);
            if (!p)
                break;
            data = p;
        }
        n = fread(data + size, 1, cap - size, fp);
        size += n;
    } while (n > 0);
    fclose(fp);
    LLVMFuzzerTestOneInput(data ? data : (const uint8_t *)"", size);
    free(data);
    return 0;
}

int main(int argc, char **argv)
{
    int rc = 0;

    for (int i = 1; i < argc; i++)
        if (replay_file(argv[i]) < 0)
            rc = 1;
    return rc;
}
