#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tokenize/langid.h"
#include "tokenize_fixture.h"

static char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    static char buf[16384];

    assert_non_null(fp);
    *n = fread(buf, 1, sizeof(buf), fp);
    fclose(fp);
    return buf;
}

static const char *detect(const char *path, enum langid_source *src)
{
    struct langid li;
    size_t n;
    char *s = slurp(path, &n);

    assert_int_equal(langid_init(&li, &tc), 0);
    const struct tokconf_lang *l = langid_detect(&li, s, n, src);
    langid_release(&li);
    return l->code;
}

static void test_langid_detect_seeds(void **state)
{
    (void)state;
    enum langid_source src;

    assert_string_equal(detect("seeds/000_6dd27f85b6c2954e.txt", &src), "nb");
    assert_int_equal(src, LANGID_DETECTED);
    assert_string_equal(detect("seeds/001_ebe4dd916377be72.txt", &src), "nb");
    assert_string_equal(detect("seeds/002_53defb5f365d151f.txt", &src), "nl");
    assert_string_equal(detect("seeds/003_f1544da85298896f.txt", &src), "en");
    assert_string_equal(detect("seeds/004_dc57c91d7ab00de9.txt", &src), "sv");
}

static void test_langid_detect_short_text_default(void **state)
{
    (void)state;
    struct langid li;
    enum langid_source src;

    assert_int_equal(langid_init(&li, &tc), 0);
    assert_string_equal(langid_detect(&li, "12 34", 5, &src)->code, tc.default_lang);
    assert_int_equal(src, LANGID_DEFAULT);
    const char *nb = "Det er ikke mye igjen nå.";
    assert_string_equal(langid_detect(&li, nb, strlen(nb), &src)->code, "nb");
    langid_release(&li);
}

static void test_langid_markers_nb_sv_da(void **state)
{
    (void)state;
    size_t hits[16];
    const char *nb = "Han er ikke her nå, og det ble sent etter noen timer.";
    const char *sv = "Han är inte här nu, och det blev sent efter några timmar.";
    const char *da = "Han er ikke her nu, og det blev sent efter nogle timer.";
    size_t inb = (size_t)(tokconf_lang_get(&tc, "nb") - tc.langs);
    size_t isv = (size_t)(tokconf_lang_get(&tc, "sv") - tc.langs);
    struct langid li;

    assert_true(tc.nlangs <= 16);
    assert_int_equal(langid_init(&li, &tc), 0);
    langid_markers(&li, nb, strlen(nb), hits);
    assert_true(hits[inb] > hits[isv]);
    langid_markers(&li, sv, strlen(sv), hits);
    assert_true(hits[isv] > hits[inb]);
    /* Danish shares "er ikke og" with Norwegian but not "nå ble etter noen" */
    size_t dnb;
    langid_markers(&li, da, strlen(da), hits);
    dnb = hits[inb];
    langid_markers(&li, nb, strlen(nb), hits);
    assert_true(hits[inb] > dnb);
    langid_release(&li);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_langid_detect_seeds),
        cmocka_unit_test(test_langid_detect_short_text_default),
        cmocka_unit_test(test_langid_markers_nb_sv_da),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
