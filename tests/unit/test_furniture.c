#include "test_common.h"

#include <stdio.h>
#include <string.h>

#include "tokenize/furniture.h"
#include "tokenize_fixture.h"

/* Furniture of a one-line document s: "start-end:name" joined by ' '. */
static const char *find(const char *s)
{
    static char out[512];
    struct furniture f;
    size_t o = 0;

    furniture_init(&f, &tc);
    furniture_start_doc(&f, s, strlen(s), 0);
    assert_true(furniture_line(&f, s, 0, strlen(s)) >= 0);
    out[0] = '\0';
    for (size_t i = 0; i < f.nspans; i++)
        o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%zu-%zu:%s", i ? " " : "",
                              f.spans[i].start, f.spans[i].end, f.spans[i].name);
    furniture_release(&f);
    return out;
}

static void test_furniture_line_patterns(void **state)
{
    (void)state;
    assert_string_equal(find("Your browser doesn't support HTML5 video. Ukraina"),
                        "0-41:video-notice");
    assert_string_equal(find("(Artikkelen fortsetter under bildet)."), "0-37:continues-below");
    assert_string_equal(find("Han sa det. Les mer Lukk"), "12-24:read-more");
    assert_string_equal(find("< p>However, the peacekeepers"), "0-4:markup");
    assert_string_equal(find("[annons_2]"), "0-10:placeholder");
    assert_string_equal(find("Kommentar (0)"), "0-13:comment-counter");
    assert_string_equal(find("VIDEO: Something happened"), "0-25:video-label");
    assert_string_equal(find("READ MORE"), "0-9:read-more");
}

/* Spans map back to the original bytes when folding changed their length (NFC, U+1E9E). */
static void test_furniture_line_patterns_mapped(void **state)
{
    (void)state;
    assert_string_equal(find("Cafe\xCC\x81 sa det. Les mer Lukk"), "15-27:read-more");
    assert_string_equal(find("Gro\xE1\xBA\x9E sa det. Les mer Lukk"), "15-27:read-more");
    assert_string_equal(find("<p>Gro\xE1\xBA\x9E</p> sa det"), "0-3:markup 9-13:markup");
}

static void test_furniture_line_plain_text(void **state)
{
    (void)state;
    assert_string_equal(find("Det er 65.036 personer som har krysset grensen."), "");
    assert_string_equal(find("Video shows the attack on the city."), "");
}

static void test_furniture_line_foreign_script(void **state)
{
    (void)state;
    struct furniture f;
    const char *s =
        "A long English article line here.\n\xD0\xA1\xD0\xB2\xD0\xB5\xD0\xB6\xD0\xB8\xD0\xB5 "
        "\xD0\xBA\xD0\xBE\xD0\xBC\xD0\xBC\xD0\xB5\xD0\xBD\xD1\x82\xD0\xB0\xD1\x80\xD0\xB8\xD0\xB8";
    size_t nl = (size_t)(strchr(s, '\n') - s);

    furniture_init(&f, &tc);
    furniture_start_doc(&f, s, strlen(s), 0);
    assert_int_equal(furniture_line(&f, s, 0, nl), 0);
    assert_int_equal(furniture_line(&f, s, nl + 1, strlen(s)), 1);
    assert_string_equal(f.spans[0].name, "foreign-script");
    assert_int_equal(f.spans[0].start, nl + 1);
    assert_int_equal(f.spans[0].end, strlen(s));
    furniture_release(&f);
}

/* Lines ending in "\r\n", asked in order (counts kept) and again out of order (counted anew). */
static void test_furniture_line_foreign_script_crlf(void **state)
{
    (void)state;
    struct furniture f;
    const char *s = "English words, a line.\r\n \xD0\xA1\xD0\xB2\xD0\xB5\xD0\xB6\xD0\xB8\xD0\xB5 "
                    "\xD0\xBA\xD0\xBE\xD0\xBC\r\nMore English words.";
    size_t a = (size_t)(strchr(s, '\r') - s), b = (size_t)(strchr(s + a + 1, '\r') - s);

    furniture_init(&f, &tc);
    for (int pass = 0; pass < 2; pass++) {
        furniture_start_doc(&f, s, strlen(s), 0);
        if (pass == 1) /* out of order: the kept counts are not used */
            assert_int_equal(furniture_line(&f, s, b + 2, strlen(s)), 0);
        assert_int_equal(furniture_line(&f, s, 0, a), 0);
        assert_int_equal(furniture_line(&f, s, a + 2, b), 1);
        if (pass == 0)
            assert_int_equal(furniture_line(&f, s, b + 2, strlen(s)), 0);
        assert_int_equal(f.nspans, 1);
        assert_string_equal(f.spans[0].name, "foreign-script");
        assert_int_equal(f.spans[0].start, a + 3);
        assert_int_equal(f.spans[0].end, b);
    }
    furniture_release(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_furniture_line_patterns),
        cmocka_unit_test(test_furniture_line_patterns_mapped),
        cmocka_unit_test(test_furniture_line_plain_text),
        cmocka_unit_test(test_furniture_line_foreign_script),
        cmocka_unit_test(test_furniture_line_foreign_script_crlf),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
