/*
 * lmfp against libexttextcat itself: both classify the same texts with the
 * same models (the textcat model of each config/lang file) and must agree on the
 * first candidate, or on "SHORT" / "UNKNOWN", every time.
 */
#include "test_common.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <textcat.h>

#include "tokenize/lmfp.h"
#include "tokenize_fixture.h"

static void *textcat;
static struct lmfp *fp;
static size_t outcomes[16 + 2]; /* per language, then SHORT, UNKNOWN */
static size_t compared;

static int setup_both(void **state)
{
    char conf[] = "/tmp/test_lmfp-XXXXXX";
    char path[4096];

    if (setup(state) != 0 || tc.nlangs > 16)
        return -1;
    int fd = mkstemp(conf);
    FILE *f = fd < 0 ? NULL : fdopen(fd, "w");
    fp = lmfp_new();
    if (!f || !fp)
        return -1;
    for (size_t i = 0; i < tc.nlangs; i++) {
        snprintf(path, sizeof(path), "%s/%s.lm", tc.model_dir, tc.langs[i].textcat);
        fprintf(f, "%s %s\n", path, tc.langs[i].code);
        if (lmfp_add_model(fp, path) != 0)
            return -1;
    }
    fclose(f);
    textcat = textcat_Init(conf);
    unlink(conf);
    return textcat ? 0 : -1;
}

static int teardown_both(void **state)
{
    textcat_Done(textcat);
    lmfp_free(fp);
    return teardown(state);
}

/* textcat's answer as lmfp gives it: the first candidate's model, or a verdict. */
static int textcat_answer(const char *r)
{
    if (strcmp(r, "SHORT") == 0)
        return LMFP_SHORT;
    if (r[0] != '[')
        return LMFP_UNKNOWN;
    size_t len = strcspn(r + 1, "]");
    for (size_t i = 0; i < tc.nlangs; i++)
        if (strlen(tc.langs[i].code) == len && strncmp(tc.langs[i].code, r + 1, len) == 0)
            return (int)i;
    return -100;
}

/* Both on s[0..n), NUL-terminated as textcat needs; returns the common answer. */
static int agree(const char *s, size_t n)
{
    char *c = malloc(n + 1);

    assert_non_null(c);
    memcpy(c, s, n);
    c[n] = '\0';
    int want = textcat_answer(textcat_Classify(textcat, c, n));
    int got = lmfp_classify(fp, c, n);
    if (want != got)
        fail_msg("textcat %d, lmfp %d on %zu bytes: '%.*s'", want, got, n, (int)n, c);
    free(c);
    outcomes[want >= 0 ? (size_t)want : want == LMFP_SHORT ? 16 : 17]++;
    compared++;
    return got;
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    char *buf = malloc(1 << 20);

    assert_non_null(f);
    assert_non_null(buf);
    *n = fread(buf, 1, (1 << 20) - 1, f);
    fclose(f);
    return buf;
}

/* Runs fn on every seeds/NNN_*.txt. */
static void each_seed(void (*fn)(const char *s, size_t n))
{
    DIR *d = opendir("seeds");
    struct dirent *de;
    char path[512];
    size_t files = 0;

    assert_non_null(d);
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len < 5 || strcmp(de->d_name + len - 4, ".txt") != 0)
            continue;
        snprintf(path, sizeof(path), "seeds/%s", de->d_name);
        size_t n;
        char *s = slurp(path, &n);
        fn(s, n);
        free(s);
        files++;
    }
    closedir(d);
    assert_true(files >= 5);
}

/* Every window of 1, 2, 3, 5 and 8 sentences (cut after ". ", "! ", "? " or a newline). */
static void sentence_windows(const char *s, size_t n)
{
    size_t starts[4096], ns = 0;

    starts[ns++] = 0;
    for (size_t i = 1; i < n && ns < 4095; i++)
        if (s[i - 1] == '\n' || (i >= 2 && strchr(".!?", s[i - 2]) && s[i - 1] == ' '))
            starts[ns++] = i;
    starts[ns] = n;
    static const size_t widths[] = {1, 2, 3, 5, 8};
    for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
        for (size_t i = 0; i + widths[w] <= ns; i++)
            agree(s + starts[i], starts[i + widths[w]] - starts[i]);
}

static void test_lmfp_sentence_windows(void **state)
{
    (void)state;
    each_seed(sentence_windows);
}

static uint64_t rng = 0x9E3779B97F4A7C15u;

static uint64_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Random slices, cut anywhere (inside UTF-8 characters too), up to 2 KB and beyond. */
static void random_slices(const char *s, size_t n)
{
    for (int k = 0; k < 400; k++) {
        size_t from = next_random() % n;
        size_t len = next_random() % (k % 4 == 0 ? 4096 : k % 4 == 1 ? 64 : 2048);
        agree(s + from, len < n - from ? len : n - from);
    }
    agree(s, n);
    agree(s, n < 2048 ? n : 2048);
}

static void test_lmfp_random_slices(void **state)
{
    (void)state;
    each_seed(random_slices);
}

/* Slices of the seeds with every separator made one space or cut at a word's end. */
static void exact_sizes(const char *s, size_t n)
{
    char *c = malloc(n + 1);
    size_t m = 0;

    assert_non_null(c);
    for (size_t i = 0; i < n; i++)
        if (strchr(" \n\t0123456789", s[i]) == NULL)
            c[m++] = s[i];
        else if (m > 0 && c[m - 1] != ' ')
            c[m++] = ' ';
    for (size_t len = 1; len < 200 && len <= m; len++) {
        agree(c, len);
        agree(c + len, m - len < 300 ? m - len : 300);
    }
    free(c);
}

static void test_lmfp_textcat_quirks(void **state)
{
    (void)state;
    /* a text ending in a letter, of exactly n bytes with single separators, gets a final '_' */
    each_seed(exact_sizes);
    agree("", 0);
    assert_int_equal(agree("", 0), LMFP_SHORT);
    static const char *const odd[] = {
        " ",
        "  ",
        "0",
        "12 34",
        "...",
        "!!!???",
        "a b",
        "ab",
        "abc",
        "a_b",
        "__",
        "_a_",
        "é",
        "\xc3",
        "\xe2\x82",
        "\xf0\x9f\x98",
        "a\xc3",
        "\xc3_",
        "x\xe2_y z",
        "plain\xc3_run\xe2__on the\xf0_x_y_z_w after",
        "\xff\xfe\xfd",
        "-- -- --",
        "3.14159 2.71828",
        "(c) 2024, §12",
        "Hello,\tworld!\r\n",
    };
    for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++)
        agree(odd[i], strlen(odd[i]));
    agree("a\0b", 3);
    /* textcat reads up to the first NUL */
    agree("Det er ikke mye igjen\0 of the and", 33);
}

static void test_lmfp_random_bytes(void **state)
{
    (void)state;
    char buf[3000];

    for (int k = 0; k < 3000; k++) {
        size_t len = next_random() % (k % 2 ? 40 : sizeof(buf));
        int alphabet = k % 5; /* any byte, high bytes, letters and '_', punctuation, digits */
        for (size_t i = 0; i < len; i++) {
            uint64_t r = next_random();
            buf[i] = alphabet == 0   ? (char)(r % 255 + 1)
                     : alphabet == 1 ? (char)(0x80 + r % 128)
                     : alphabet == 2 ? "abcdeé_ \xc3\xa5"[r % 11]
                     : alphabet == 3 ? ".,;:!?-()\"' "[r % 12]
                                     : "0123456789 "[r % 11];
        }
        agree(buf, len);
    }
}

/*
 * Long texts of few distinct words and their pieces: hundreds of n-grams of
 * equal counts, so the full heap's sift-down decides which are ranked where.
 */
static void test_lmfp_many_ties(void **state)
{
    (void)state;
    static const char *const words[] = {"the",      "of",  "and",   "på",        "är",
                                        "und",      "een", "nicht", "regjering", "ministry",
                                        "ökonomie", "x",   "zz",    "qué"};
    char buf[9000];

    for (int k = 0; k < 400; k++) {
        size_t len = 300 + next_random() % (sizeof(buf) - 400), n = 0;
        size_t vocab = 2 + next_random() % (sizeof(words) / sizeof(words[0]) - 1);
        while (n < len) {
            const char *w = words[next_random() % vocab];
            size_t cut = 1 + next_random() % strlen(w);
            memcpy(buf + n, w, cut);
            n += cut;
            buf[n++] = " ,.1\n"[next_random() % 5];
        }
        agree(buf, n);
    }
}

static void test_lmfp_languages(void **state)
{
    (void)state;
    static const char *const texts[][2] = {
        {"de", "Die Bundesregierung hat am Mittwoch beschlossen, dass die Steuern im nächsten "
               "Jahr nicht erhöht werden. Nach Angaben des Ministeriums sollen die Ausgaben für "
               "Bildung und Forschung deutlich steigen, während die Verwaltung sparen muss."},
        {"en", "The government decided on Wednesday that taxes will not be raised next year. "
               "According to the ministry, spending on education and research is expected to "
               "rise significantly, while the administration will have to save money."},
        {"nb", "Regjeringen bestemte onsdag at skattene ikke skal økes neste år. Ifølge "
               "departementet skal utgiftene til utdanning og forskning øke kraftig, mens "
               "forvaltningen må spare penger."},
        {"nl", "De regering heeft woensdag besloten dat de belastingen volgend jaar niet worden "
               "verhoogd. Volgens het ministerie zullen de uitgaven voor onderwijs en onderzoek "
               "flink stijgen, terwijl de overheid moet bezuinigen."},
        {"sv", "Regeringen beslutade på onsdagen att skatterna inte ska höjas nästa år. Enligt "
               "departementet ska utgifterna för utbildning och forskning öka kraftigt, medan "
               "förvaltningen måste spara pengar."},
    };
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        int got = agree(texts[i][1], strlen(texts[i][1]));
        const struct tokconf_lang *l = tokconf_lang_get(&tc, texts[i][0]);
        assert_non_null(l);
        assert_int_equal(got, (int)(l - tc.langs));
        for (size_t len = 1; len <= strlen(texts[i][1]); len += 7)
            agree(texts[i][1], len);
    }
}

/* en.lm rewritten with what fp_Read tolerates: blanks, CR, tabs, long, empty, repeated lines. */
static void write_odd_model(const char *from, FILE *out)
{
    FILE *in = fopen(from, "r");
    char line[256];

    assert_non_null(in);
    for (int i = 0; fgets(line, sizeof(line), in); i++) {
        line[strcspn(line, "\r\n")] = '\0';
        if (i == 0)
            fprintf(out, "   %s\n", line);
        else if (i == 3)
            fprintf(out, "%s\r\n", line);
        else if (i == 5)
            fprintf(out, "%s\nabcdefghijklmnopqrstuvwxy\t5\n", line);
        else if (i == 10)
            fprintf(out, "%s\n\n", line);
        else if (i == 20)
            fprintf(out, "%s\nth 7\n", line);
        else if (i == 30)
            fprintf(out, "\t\t%s \v\n", line);
        else if (i == 40)
            fprintf(out, "ab%*scd\n%s\n", 1100, "", line);
        else if (i == 50)
            fprintf(out, "%.2s\r%s\n", line, line);
        else
            fprintf(out, "%s\n", line);
    }
    fclose(in);
}

/* The answers agree with a model file in odd shape too (every model but one as configured). */
static void test_lmfp_model_file_rules(void **state)
{
    (void)state;
    char odd[] = "/tmp/test_lmfp-odd-XXXXXX", conf[] = "/tmp/test_lmfp-conf-XXXXXX";
    char path[4096];
    int fo = mkstemp(odd), fc = mkstemp(conf);
    FILE *o = fdopen(fo, "w"), *c = fdopen(fc, "w");
    struct lmfp *alt = lmfp_new();

    assert_non_null(o);
    assert_non_null(c);
    for (size_t i = 0; i < tc.nlangs; i++) {
        snprintf(path, sizeof(path), "%s/%s.lm", tc.model_dir, tc.langs[i].textcat);
        if (strcmp(tc.langs[i].code, "en") == 0) {
            write_odd_model(path, o);
            snprintf(path, sizeof(path), "%s", odd);
        }
        fprintf(c, "%s %s\n", path, tc.langs[i].code);
    }
    fclose(o);
    fclose(c);
    void *saved_tc = textcat;
    struct lmfp *saved_fp = fp;
    textcat = textcat_Init(conf);
    assert_non_null(textcat);
    for (size_t i = 0; i < tc.nlangs; i++) {
        snprintf(path, sizeof(path), "%s/%s.lm", tc.model_dir, tc.langs[i].textcat);
        assert_int_equal(lmfp_add_model(alt, strcmp(tc.langs[i].code, "en") ? path : odd), 0);
    }
    fp = alt;
    each_seed(sentence_windows);
    textcat_Done(textcat);
    lmfp_free(alt);
    textcat = saved_tc;
    fp = saved_fp;
    unlink(odd);
    unlink(conf);
}

/* Runs last: the comparisons above must have met every answer, or they proved little. */
static void test_lmfp_outcomes_seen(void **state)
{
    (void)state;
    print_message("%zu texts; SHORT %zu, UNKNOWN %zu\n", compared, outcomes[16], outcomes[17]);
    assert_true(compared > 8000);
    for (size_t i = 0; i < tc.nlangs; i++)
        assert_true(outcomes[i] > 0);
    assert_true(outcomes[16] > 0);
    assert_true(outcomes[17] > 0);
}

static void test_lmfp_missing_model(void **state)
{
    (void)state;
    struct lmfp *f = lmfp_new();

    assert_non_null(f);
    assert_int_equal(lmfp_add_model(f, "/nonexistent/xx.lm"), -1);
    lmfp_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lmfp_sentence_windows), cmocka_unit_test(test_lmfp_random_slices),
        cmocka_unit_test(test_lmfp_textcat_quirks),   cmocka_unit_test(test_lmfp_random_bytes),
        cmocka_unit_test(test_lmfp_many_ties),        cmocka_unit_test(test_lmfp_languages),
        cmocka_unit_test(test_lmfp_model_file_rules), cmocka_unit_test(test_lmfp_outcomes_seen),
        cmocka_unit_test(test_lmfp_missing_model),
    };
    return cmocka_run_group_tests(tests, setup_both, teardown_both);
}
