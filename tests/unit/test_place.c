#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "normalize/place.h"

static struct place_index *idx;
static char *const nb_genitive[] = {"s", NULL};
static char *const en_genitive[] = {"'s", NULL};

static int setup(void **state)
{
    static const char *const locales[] = {"nb", "nl", "sv", "de", "", NULL};
    (void)state;
    idx = place_index_load("config/places.json", locales);
    return idx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    place_index_free(idx);
    return 0;
}

static const char *lookup(const char *name, char *const *suffixes)
{
    return place_lookup(idx, name, strlen(name), suffixes);
}

static void test_place_lookup_iso_names_in_five_languages(void **state)
{
    (void)state;
    assert_string_equal(lookup("Armenia", NULL), "armenia");
    assert_string_equal(lookup("Aserbajdsjan", NULL), "azerbaijan");  /* nb */
    assert_string_equal(lookup("Azerbeidzjan", NULL), "azerbaijan");  /* nl */
    assert_string_equal(lookup("Azerbajdzjan", NULL), "azerbaijan");  /* sv */
    assert_string_equal(lookup("Aserbaidschan", NULL), "azerbaijan"); /* de */
    assert_string_equal(lookup("Armenië", NULL), "armenia");
    assert_string_equal(lookup("Iran", NULL), "iran");       /* "Iran, Islamic Republic of" */
    assert_string_equal(lookup("ukraina", NULL), "ukraine"); /* case-folded */
    assert_true(place_count(idx) > 249 * 2);
}

static void test_place_lookup_config_aliases_and_ids(void **state)
{
    (void)state;
    assert_string_equal(lookup("Russland", NULL), "russia");
    assert_string_equal(lookup("Russian Federation", NULL), "russia");
    assert_string_equal(lookup("Berg-Karabach", NULL), "nagorno-karabakh");
    assert_string_equal(lookup("Artsakh", NULL), "nagorno-karabakh");
    assert_string_equal(lookup("Khankendi", NULL), "stepanakert");
    assert_string_equal(place_parent(idx, "stepanakert"), "nagorno-karabakh");
    assert_string_equal(place_parent(idx, "armenia"), "");
    assert_string_equal(place_parent(idx, "nowhere"), "");
}

static void test_place_lookup_genitive_and_apostrophe(void **state)
{
    (void)state;
    assert_string_equal(lookup("Armenias", nb_genitive), "armenia");
    assert_string_equal(lookup("Karabachs", nb_genitive), "nagorno-karabakh");
    assert_null(lookup("Armenias", NULL));
    assert_string_equal(lookup("Nagorno-Karabakh's", en_genitive), "nagorno-karabakh");
    assert_string_equal(lookup("Nagorno-Karabakh\xE2\x80\x99s", en_genitive), "nagorno-karabakh");
}

static void test_place_lookup_acronym_needs_capitals(void **state)
{
    (void)state;
    assert_string_equal(lookup("USA", NULL), "united-states");
    assert_null(lookup("Usa", NULL));
    assert_null(lookup("us", NULL));
    assert_null(lookup("Nowhereland", nb_genitive));
}

static char path[64];

static const char *write_tmp(const char *text)
{
    snprintf(path, sizeof(path), "/tmp/test_place_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return path;
}

/* Run place_index_load on text with stderr kept; returns what it printed. */
static const char *load_fails(const char *text)
{
    static const char *const none[] = {NULL};
    static char msg[512];
    char errpath[] = "/tmp/test_place_err_XXXXXX";
    int fd = mkstemp(errpath);
    int saved = dup(2);

    assert_true(fd >= 0 && saved >= 0);
    fflush(stderr);
    dup2(fd, 2);
    struct place_index *got = place_index_load(write_tmp(text), none);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    ssize_t n = pread(fd, msg, sizeof(msg) - 1, 0);
    msg[n > 0 ? n : 0] = '\0';
    close(fd);
    unlink(errpath);
    unlink(path);
    assert_null(got);
    return msg;
}

static void test_place_prefix_bounds_the_names(void **state)
{
    static const char *const texts[] = {
        "Armenia",
        "Armenias",
        "Russian Federation",
        "Russian Federations",
        "United Nations",
        "The Gambia",
        "Then",
        "Qqqq",
        "Bosnia and Herzegovina",
        "Nagorno-Karabakh",
        "USA",
        "Usa",
        "Armenia's",
        "Armenia ’s",
        "Stepanakert said",
        "Monday",
        "Armenië",
    };
    size_t ascii;
    (void)state;

    assert_int_equal(place_prefix(idx, "Armenias", 8, &ascii), 7);
    assert_int_equal(ascii, 8);
    assert_true(place_prefix(idx, "Qqqq", 4, &ascii) < 2);
    place_prefix(idx, "Armeni\xc3\xab", 8, &ascii);
    assert_int_equal(ascii, 6);
    /* what place_prefix rules out, place_lookup never finds */
    for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
        size_t n = strlen(texts[i]);
        size_t known = place_prefix(idx, texts[i], n, &ascii);
        for (size_t m = 1; m <= n; m++) {
            if (m > ascii || known + 2 >= m)
                continue;
            assert_null(place_lookup(idx, texts[i], m, en_genitive));
            assert_null(place_lookup(idx, texts[i], m, nb_genitive));
        }
    }
    /* a word not all ASCII: its key's beginnings */
    size_t keylen;
    assert_int_equal(place_prefix_word(idx, "Armeni\xc3\xab", 8, &keylen), 8);
    assert_int_equal(keylen, 8);
    assert_true(place_prefix_word(idx, "\xc3\x86r\xc3\xb8qq", 7, &keylen) < 5);
    assert_int_equal(keylen, 7);
    assert_int_equal(place_prefix_word(idx, "\xc3\x86r\xc3\xb8qq", 7, &keylen), /* remembered */
                     place_prefix_word(idx, "\xc3\x86r\xc3\xb8qq", 7, &keylen));
    assert_int_equal(place_prefix_word(idx, "\xff", 1, &keylen), (size_t)-1);
    assert_string_equal(lookup("Armenia's", en_genitive), "armenia");
    assert_true(place_prefix(idx, "Armenia's", 9, &ascii) + 2 >= 9);
}

/* Cuts at every space and before every byte that may start a piece: the same as place_lookup(). */
static void test_place_lookup_cut_as_lookup(void **state)
{
    static const char *const texts[] = {
        "Armeni\xc3\xab",
        "Republikken Armeni\xc3\xab",
        "S\xc3\xb8r-Sudan",
        "Armenie\xcc\x88",
        "ARMENIE\xcc\x88s",
        "Zo\xe2\x80\x99n Armeni\xc3\xab",
        "Berg-Karabach",
        "\xc3\x85land Armenia",
        "Sveits og \xc3\x96sterrike",
        "Russland\xe2\x80\x99s",
        "\xc3\x96sterreichs Armeni\xc3\xab",
        "Armenias",
    };
    char *const *suffixes[] = {NULL, nb_genitive, en_genitive};
    static const char *const locales[] = {"nb", "nl", "sv", "de", "", NULL};
    /* an index of its own, so that no answer comes from the other's cache */
    struct place_index *cut_idx = place_index_load("config/places.json", locales);
    (void)state;

    assert_non_null(cut_idx);

    for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
        size_t n = strlen(texts[i]), cuts[64], ncuts = 0;
        for (size_t k = 1; k < n && ncuts < 64; k++)
            if (texts[i][k] == ' ' || texts[i][k - 1] == ' ' || texts[i][k] == '-' ||
                ((unsigned char)texts[i][k] & 0xC0) != 0x80)
                cuts[ncuts++] = k;
        for (size_t sfx = 0; sfx < 3; sfx++) {
            for (size_t m = 1; m <= n; m++) {
                const char *want = place_lookup(idx, texts[i], m, suffixes[sfx]);
                const char *got =
                    place_lookup_cut(cut_idx, texts[i], m, cuts, ncuts, suffixes[sfx]);
                if (want)
                    assert_non_null(got);
                if (want)
                    assert_string_equal(got, want);
                else
                    assert_null(got);
            }
        }
    }
    place_index_free(cut_idx);
    cut_idx = place_index_load("config/places.json", locales);
    size_t cut = 7; /* before the combining mark: not a place to cut */
    assert_string_equal(place_lookup_cut(cut_idx, "Armenie\xcc\x88", 9, &cut, 1, NULL), "armenia");
    place_index_free(cut_idx);
}

/*
 * Lookups remember their answers under the suffix list's number, given in
 * the order lists are first seen; past the lists that can be numbered,
 * lookups are not remembered, and every answer is still the list's own.
 */
static void test_place_lookup_many_suffix_lists(void **state)
{
    static char *const lists[20][2] = {
        {"s", NULL}, {"'s", NULL}, {"x", NULL},  {"s", NULL},  {"'s", NULL},
        {"y", NULL}, {"s", NULL},  {"z", NULL},  {"'s", NULL}, {"s", NULL},
        {"q", NULL}, {"s", NULL},  {"'s", NULL}, {"w", NULL},  {"s", NULL},
        {"v", NULL}, {"'s", NULL}, {"s", NULL},  {"u", NULL},  {"s", NULL},
    };
    (void)state;

    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < 20; i++) {
            const char *want = strcmp(lists[i][0], "s") == 0 ? "armenia" : NULL;
            const char *got = lookup("Armenias", lists[i]);
            if (want)
                assert_string_equal(got, want);
            else
                assert_null(got);
            want = strcmp(lists[i][0], "'s") == 0 ? "armenia" : NULL;
            got = lookup("Armenia's", lists[i]);
            if (want)
                assert_string_equal(got, want);
            else
                assert_null(got);
        }
    }
    assert_string_equal(lookup("Armenia", lists[19]), "armenia");
}

/*
 * Spans up to the cache's key length are remembered by their length and
 * list as well as their bytes: the same text read to different lengths,
 * with different lists, keeps each its own answer, the second time too.
 */
static void test_place_lookup_long_spans_remembered_apart(void **state)
{
    static const char text[] = "South Georgia and the South Sandwich Islands's coast";
    const size_t full = strlen("South Georgia and the South Sandwich Islands");
    (void)state;

    const char *id = place_lookup(idx, text, full, NULL);
    assert_non_null(id);
    for (int round = 0; round < 2; round++) {
        assert_string_equal(place_lookup(idx, text, full, NULL), id);
        assert_string_equal(place_lookup(idx, text, full, en_genitive), id);
        assert_string_equal(place_lookup(idx, text, full + 2, en_genitive), id);
        assert_null(place_lookup(idx, text, full + 2, nb_genitive));
        assert_null(place_lookup(idx, text, full + 2, NULL));
        assert_null(place_lookup(idx, text, full - 8, NULL));
    }
}

static void test_place_index_load_bad_config_fails(void **state)
{
    static const char *const none[] = {NULL};
    (void)state;

    assert_non_null(strstr(load_fails("{\n\"placez\": []}"), ":2: key 'placez' unknown"));
    assert_non_null(strstr(
        load_fails(
            "{\"places\": [{\"id\": \"x\",\n \"parent\": \"nowhere\", \"aliases\": [\"X\"]}]}"),
        ":2: key 'parent' names an unknown place"));
    assert_non_null(
        strstr(load_fails("{\"places\": [{\"id\": \"x\"}]}"), "key 'aliases' missing in 'places'"));
    assert_non_null(strstr(
        load_fails("{\"countries\": [{\"iso\": \"QQ\", \"id\": \"qq\", \"aliases\": [\"Q\"]}]}"),
        ":1: key 'iso' names no country known to iso-codes"));
    assert_non_null(
        strstr(load_fails("{\"iso_codes\": \"/nonexistent/iso.json\"}"), "/nonexistent/iso.json"));
    assert_non_null(strstr(load_fails("{\"places\": {}}"), ":1: key 'places' is not a list"));
    assert_non_null(strstr(load_fails("{\"places\": [\n}"), ":2:"));
    assert_null(place_index_load("/nonexistent/places.json", none));
}

/* A locale folder whose catalogue is not one: an error, not a crash. */
static void test_place_index_load_bad_catalogue_fails(void **state)
{
    static const char *const locales[] = {"xx", NULL};
    char dir[] = "/tmp/test_place_mo_XXXXXX";
    char sub[128], mo[160], cfg[256];
    (void)state;

    assert_non_null(mkdtemp(dir));
    snprintf(sub, sizeof(sub), "%s/xx", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(sub, sizeof(sub), "%s/xx/LC_MESSAGES", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(mo, sizeof(mo), "%s/iso_3166-1.mo", sub);
    FILE *fp = fopen(mo, "wb");
    assert_non_null(fp);
    fputs("\xde\x12\x04\x95 not a catalogue", fp);
    fclose(fp);
    snprintf(cfg, sizeof(cfg), "{\"locale_dir\": \"%s\"}", dir);
    assert_null(place_index_load(write_tmp(cfg), locales));
    unlink(path);
    unlink(mo);
    rmdir(sub);
    snprintf(sub, sizeof(sub), "%s/xx", dir);
    rmdir(sub);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_place_lookup_iso_names_in_five_languages),
        cmocka_unit_test(test_place_lookup_config_aliases_and_ids),
        cmocka_unit_test(test_place_lookup_genitive_and_apostrophe),
        cmocka_unit_test(test_place_lookup_acronym_needs_capitals),
        cmocka_unit_test(test_place_prefix_bounds_the_names),
        cmocka_unit_test(test_place_lookup_cut_as_lookup),
        cmocka_unit_test(test_place_lookup_many_suffix_lists),
        cmocka_unit_test(test_place_lookup_long_spans_remembered_apart),
        cmocka_unit_test(test_place_index_load_bad_config_fails),
        cmocka_unit_test(test_place_index_load_bad_catalogue_fails),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
