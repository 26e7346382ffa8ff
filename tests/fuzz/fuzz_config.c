/*
 * libFuzzer target: the config loaders on arbitrary bytes. The first byte
 * picks the loader, the rest is the file's text:
 *   0 common/config with its checks (config_load_text),
 *   1 a number lexicon (numlex_load_text),
 *   2 reconcile.json (recconf_load), 3 normalize.json (normconf_load_file),
 *   4 a claims lexicon (claim_lex_load),
 *   5 tokenize.json (tokconf_load, with the real lang/ of ./config or
 *     $CLAIMREC_CONFIG), 6 a lang/<code>.json (tokconf_load, with the real
 *     tokenize.json).
 * File loaders read a temp file (or folder) under /tmp, removed at exit.
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "err.h"
#include "normalize/claim_lex.h"
#include "normalize/normconf.h"
#include "numlex.h"
#include "reconcile/recconf.h"
#include "tokenize/tokconf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int fz_ready;
static char fz_dir[] = "/tmp/fuzz_config.XXXXXX";
static char fz_file[PATH_MAX], fz_tok[PATH_MAX], fz_lang[PATH_MAX];
static char fz_tok_json[PATH_MAX], fz_lang_json[PATH_MAX];

static void fz_path(char *out, const char *a, const char *b)
{
    if ((size_t)snprintf(out, PATH_MAX, "%s/%s", a, b) >= PATH_MAX)
        abort();
}

static void fz_cleanup(void)
{
    char link[PATH_MAX];

    unlink(fz_file);
    unlink(fz_tok_json);
    fz_path(link, fz_tok, "lang");
    unlink(link);
    rmdir(fz_tok);
    unlink(fz_lang_json);
    fz_path(link, fz_lang, "lang");
    rmdir(link);
    fz_path(link, fz_lang, "tokenize.json");
    unlink(link);
    rmdir(fz_lang);
    rmdir(fz_dir);
}

/* fz_dir/tok: tokenize.json here + lang/ real; fz_dir/lang: the reverse. */
static void fz_init(void)
{
    const char *cfg = getenv("CLAIMREC_CONFIG");
    char real[PATH_MAX], link[PATH_MAX], target[PATH_MAX];

    err_init("fuzz_config");
    char cwd[PATH_MAX];
    cfg = cfg ? cfg : "config";
    if (!mkdtemp(fz_dir) || !getcwd(cwd, sizeof(cwd)))
        abort();
    if (cfg[0] == '/')
        snprintf(real, sizeof(real), "%s", cfg);
    else
        fz_path(real, cwd, cfg);
    fz_path(fz_file, fz_dir, "file.json");
    fz_path(fz_tok, fz_dir, "tok");
    fz_path(fz_lang, fz_dir, "lang");
    fz_path(fz_tok_json, fz_tok, "tokenize.json");
    fz_path(link, fz_tok, "lang");
    fz_path(target, real, "lang");
    if (mkdir(fz_tok, 0777) < 0 || symlink(target, link) < 0 || mkdir(fz_lang, 0777) < 0)
        abort();
    fz_path(link, fz_lang, "tokenize.json");
    fz_path(target, real, "tokenize.json");
    if (symlink(target, link) < 0)
        abort();
    fz_path(link, fz_lang, "lang");
    if (mkdir(link, 0777) < 0)
        abort();
    fz_path(fz_lang_json, link, "en.json");
    atexit(fz_cleanup);
    fz_ready = 1;
}

static void fz_put(const char *path, const char *text, size_t n)
{
    FILE *fp = fopen(path, "wb");
    if (!fp || fwrite(text, 1, n, fp) != n || fclose(fp) != 0)
        abort();
}

static void fz_common(const char *text, size_t n)
{
    static const char *const allowed[] = {"a", "b", "list", NULL};
    static const char *const required[] = {"a", NULL};
    struct config_file cf;
    double d;
    const char *s;
    const json_t *list;

    if (config_load_text(&cf, "fuzz.json", text, n) < 0)
        return;
    config_keys(&cf, cf.root, "", allowed, required);
    config_get_number(&cf, cf.root, "a", false, 0, &d);
    config_get_string(&cf, cf.root, "b", false, NULL, &s);
    config_get_strings(&cf, cf.root, "list", false, &list);
    config_file_release(&cf);
}

static void fz_stage(int which, const char *text, size_t n)
{
    struct numlex nl;
    struct recconf rc;
    struct normconf nc;
    struct claim_lex lx;
    struct tokconf tc;

    memset(&nl, 0, sizeof(nl));
    memset(&rc, 0, sizeof(rc));
    memset(&nc, 0, sizeof(nc));
    memset(&lx, 0, sizeof(lx));
    memset(&tc, 0, sizeof(tc));
    if (which == 1 && numlex_load_text(&nl, "fuzz.json", text, "xx") == 0)
        numlex_release(&nl);
    if (which >= 2 && which <= 4)
        fz_put(fz_file, text, n);
    if (which == 2 && recconf_load(&rc, fz_file) == 0)
        recconf_release(&rc);
    if (which == 3 && normconf_load_file(&nc, fz_file) == 0)
        normconf_release(&nc);
    if (which == 4 && claim_lex_load(&lx, fz_file) == 0)
        claim_lex_release(&lx);
    if (which == 5)
        fz_put(fz_tok_json, text, n);
    if (which == 6)
        fz_put(fz_lang_json, text, n);
    if (which >= 5 && tokconf_load(&tc, which == 5 ? fz_tok : fz_lang) == 0)
        tokconf_release(&tc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fz_ready)
        fz_init();
    if (size == 0)
        return 0;
    char *text = malloc(size);
    if (!text)
        abort();
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    if (data[0] % 7 == 0)
        fz_common(text, size - 1);
    else
        fz_stage(data[0] % 7, text, size - 1);
    free(text);
    return 0;
}
