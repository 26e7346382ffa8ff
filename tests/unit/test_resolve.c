/*
 * One sentence through extract (scan) and normalize (resolve), per language:
 * every kind of expression the number lexicons cover, with its value,
 * qualifier, kind and unit.
 */
#include "test_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "jscan.h"
#include "normalize/normconf.h"
#include "normalize/normmention.h"
#include "normalize/resolve.h"

struct rcase {
    const char *lang;
    const char *text;
    const char *want; /* "value qualifier kind[ unit]" per number, joined by "; " */
};

static const struct rcase cases[] = {
    /* digits and separators */
    {"nb", "65.036 personer har krysset grensen.", "65036 exact cardinal"},
    {"nl", "Er kwamen 65.036 mensen.", "65036 exact cardinal"},
    {"de", "Es kamen 65.036 Menschen.", "65036 exact cardinal"},
    {"en", "About 2,000 peacekeepers.", "2000 approx cardinal"},
    {"sv", "Det finns 120 000 civila.", "120000 exact cardinal"},
    {"sv",
     "Det finns 120\xc2\xa0"
     "000 civila.",
     "120000 exact cardinal"},
    {"sv",
     "Det finns 120\xe2\x80\xaf"
     "000 civila.",
     "120000 exact cardinal"},
    {"nb", "Skjelvet målte 7,8 på Richters skala.", "7.8 exact other richter"},
    {"en", "They walked 17,9 kilometers.", "17.9 exact distance km"},
    {"de", "Es waren 4,800 Tonnen.", "4.8 exact other t"},
    {"en", "There were 4,800 people.", "4800 exact cardinal"},
    {"nl", "Het is 1.234,567 waard.", "1234.567 exact cardinal"},
    {"en", "The result is 12,34,567.89 today.", "1234567.89 exact cardinal"},
    {"en", "A lone 1.500 here.", "1.5 exact cardinal"},
    /* words */
    {"en", "Twenty-five people and a hundred and twelve cars.",
     "25 exact cardinal; 112 exact cardinal"},
    {"nb", "Tjuefem personer.", "25 exact cardinal"},
    {"nb", "Det var fem tusen og tjue soldater.", "5020 exact cardinal"},
    {"nb", "Syttien personer.", "17 exact cardinal"},
    {"nl", "Vijfentwintig mensen.", "25 exact cardinal"},
    {"nl", "Het zijn zeventien miljoen drieënvijftigduizend mensen.", "17053000 exact cardinal"},
    {"sv", "Tjugofem personer.", "25 exact cardinal"},
    {"sv", "Det var tvåhundrafemtio soldater.", "250 exact cardinal"},
    {"de", "Fünfundzwanzig Menschen.", "25 exact cardinal"},
    {"en", "The one you mentioned is one car.", "1 exact cardinal"},
    {"nl", "Een man zag een miljoen vogels.", "1000000 exact cardinal"},
    {"sv", "En man och ett hus.", ""},
    {"nb", "En mann kom.", ""},
    /* magnitudes and negatives */
    {"nb", "Det kostet 1,5 millioner kroner.", "1500000 exact money NOK"},
    {"en", "It cost $71.4 million.", "71400000 exact money USD"},
    {"nl", "Er zijn 1,2 miljoen inwoners.", "1200000 exact cardinal"},
    {"sv", "Det finns 3 miljoner invånare.", "3000000 exact cardinal"},
    {"nb", "Det kostet 2 mrd. kroner.", "2000000000 exact money NOK"},
    {"en", "We got 10k views.", "10000 exact cardinal"},
    {"en", "It was -5 degrees.", "-5 exact cardinal"},
    /* fractions and shares */
    {"nb", "Nå har over halvparten av befolkningen dratt.", "50 min percent %"},
    {"en", "More than a third of the population left.", "33.33 min percent %"},
    {"nl", "Een derde van de bevolking.", "33.33 exact percent %"},
    {"nb", "Tre fjerdedeler av innbyggerne.", "75 exact percent %"},
    {"en", "Half a million fled.", "500000 exact cardinal"},
    {"en", "Two thirds were lost.", "0.6666666667 exact fraction"},
    /* percent */
    {"nb", "Det er 5 % og 5% og fem prosent.",
     "5 exact percent %; 5 exact percent %; 5 exact percent %"},
    {"nl", "Vijf procent en 12 procent.", "5 exact percent %; 12 exact percent %"},
    /* vague */
    {"nb", "Tusenvis av armenere.", "1000 min cardinal"},
    {"nb", "Hundrevis og titusenvis.", "100 min cardinal; 10000 min cardinal"},
    {"en", "Dozens and hundreds and thousands.",
     "12 min cardinal; 100 min cardinal; 1000 min cardinal"},
    {"en", "Tens of thousands fled.", "10000 min cardinal"},
    {"en", "Several thousand fled.", "1000 min cardinal"},
    {"nb", "Flere tusen flyktet.", "1000 min cardinal"},
    {"nl", "Tientallen, honderden, duizenden en tienduizenden.",
     "10 min cardinal; 100 min cardinal; 1000 min cardinal; 10000 min cardinal"},
    {"sv", "Dussintals, hundratals, tusentals och tiotusentals.",
     "12 min cardinal; 100 min cardinal; 1000 min cardinal; 10000 min cardinal"},
    {"de", "Dutzende, Hunderte und Tausende.",
     "12 min cardinal; 100 min cardinal; 1000 min cardinal"},
    /* qualifiers */
    {"nb", "Mer enn 1000 mennesker.", "1000 min cardinal"},
    {"nb", "Det ligger rundt 5000.", "5000 approx cardinal"},
    {"nb", "Nesten 40 og opptil 50 og inntil 60 og ca. 70 og minst 80.",
     "40 max cardinal; 50 max cardinal; 60 max cardinal; 70 approx cardinal; 80 min cardinal"},
    {"nl", "Zo\xe2\x80\x99n 120 kilometer verder.", "120 approx distance km"},
    {"nl", "Zo'n 120 mensen en meer dan 40 en ruim 50 en bijna 60.",
     "120 approx cardinal; 40 min cardinal; 50 min cardinal; 60 max cardinal"},
    {"nl", "We spreken over 400 mensen.", "400 exact cardinal"},
    {"sv", "Fler än 40, drygt 50, knappt 60, cirka 70.",
     "40 min cardinal; 50 min cardinal; 60 max cardinal; 70 approx cardinal"},
    {"de", "Mehr als 40, etwa 50, bis zu 60, knapp 70.",
     "40 min cardinal; 50 approx cardinal; 60 max cardinal; 70 max cardinal"},
    {"en", "At least 40, nearly 50, up to 60, roughly 70.",
     "40 min cardinal; 50 max cardinal; 60 max cardinal; 70 approx cardinal"},
    /* ranges */
    {"en", "Between 20 and 30 died.", "25 range cardinal"},
    {"nb", "Mellom 20 og 30 døde.", "25 range cardinal"},
    {"nl", "Tussen 20 en 30 doden.", "25 range cardinal"},
    {"sv", "Mellan 20 och 30 döda.", "25 range cardinal"},
    {"de", "Zwischen 20 und 30 Tote.", "25 range cardinal"},
    {"nl", "Er waren 20 \xc3\xa0 30 doden.", "25 range cardinal"},
    {"en",
     "Some 20\xe2\x80\x93"
     "30 died.",
     "25 range cardinal"},
    {"nb", "Det kom 10-11.000 mennesker.", "10500 range cardinal"},
    /* kinds */
    {"nb", "Krigen ble avsluttet i 1994.", "1994 exact year"},
    {"en", "The war of the 1990s.", "1990 exact year"},
    {"nl", "In de jaren negentig.", "1990 exact year"},
    {"en", "On September 19, they came.", "19 exact date"},
    {"nb", "Den 19. september kom de.", "19 exact date"},
    {"en", "On 2023-09-27 they came.", "2023 exact date; 9 exact date; 27 exact date"},
    {"en", "Meet on the May 4th or the 5th of June.", "4 exact date; 5 exact date"},
    {"nl", "Op de 4e van mei.", "4 exact date"},
    {"en", "Meet on 5/17/2018?", "5 exact date; 17 exact date; 2018 exact date"},
    {"nl", "Op 17/5/2018 komen.", "17 exact date; 5 exact date; 2018 exact date"},
    {"nb", "Den 17/5/2018 kom de.", "17 exact date; 5 exact date; 2018 exact date"},
    {"en", "As of 11 a.m. Wednesday.", "11 exact time"},
    {"nb", "Møtet er kl. 14.30 i dag.", "14.3 exact time"},
    {"nl", "Het begint rond 2 uur.", "2 exact time"},
    {"en", "The 2nd time.", "2 exact ordinal"},
    {"nb", "Han kom på 2. plass.", "2 exact ordinal"},
    {"nl", "De tweede keer.", "2 exact ordinal"},
    {"nb", "Over 30 år og 26 jaar.", "30 min duration year; 26 exact cardinal"},
    {"nl", "Al 26 jaar.", "26 exact duration year"},
    {"en", "It took 24 hours and nine months.", "24 exact duration hour; 9 exact duration month"},
    {"en", "It is 120 kilometers away.", "120 exact distance km"},
    {"nl", "Het schip was 47 zeemijl weg.", "47 exact distance nmi"},
    /* powers and scientific notation */
    {"en", "It is 1e10 or -127.32e13.", "1e+10 exact cardinal; -1.2732e+15 exact cardinal"},
    {"en", "We saw 1.3x10^6 and 2.5^-1 and -1.1^--23.",
     "1300000 exact cardinal; 0.4 exact cardinal; -8.954302433 exact cardinal"},
    {"nl", "Het is 12,32e+14.", "1.232e+15 exact cardinal"},
    {"sv", "Det är -12e-1.", "-1.2 exact cardinal"},
    {"de", "Es sind 1,1^23.", "8.954302433 exact cardinal"},
    {"nb", "Det er 1e6 og 2,5^2.", "1000000 exact cardinal; 6.25 exact cardinal"},
    /* fractions with a join word: a count of a whole when a noun follows "of the" */
    {"en", "One over three and 2000 over 3.",
     "0.3333333333 exact fraction; 666.6666667 exact fraction"},
    {"en", "About 1 in 21 and one out of three.",
     "0.04761904762 approx fraction; 0.3333333333 exact fraction"},
    {"en", "He was killed 5 in 2023.", "5 exact cardinal; 2023 exact year"},
    {"en", "Those 50 over 40s.", "50 exact cardinal"},
    {"en", "It rose 12 over 3 days.", "12 exact cardinal; 3 min duration day"},
    {"nl", "Een op de twintig is blij, 1 van de 3.",
     "0.05 exact fraction; 0.3333333333 exact fraction"},
    {"nl", "Een van de drie slachtoffers.", "3 exact cardinal"},
    {"nl", "Vijf / achtste.", "0.625 exact fraction"},
    {"sv", "Ett delat med 3 och 1 genom tre.",
     "0.3333333333 exact fraction; 0.3333333333 exact fraction"},
    {"sv", "En av tre.", "0.3333333333 exact fraction"},
    {"sv", "En av tre soldater.", "3 exact cardinal"},
    {"nb", "Ett av tre.", "0.3333333333 exact fraction"},
    {"nb", "En av tre soldater.", "3 exact cardinal"},
    {"de", "Eins durch drei.", "0.3333333333 exact fraction"},
    /* a whole and a fraction, mixed numbers */
    {"en", "One hundred and three and two thirds.", "103.6666667 exact fraction"},
    {"en", "The result is three and one fourth.", "3.25 exact fraction"},
    {"en", "Two and fifty-four hundredths.", "2.54 exact fraction"},
    {"en", "It is 2  1/4 and - 1 4/5.", "2.25 exact fraction; -1.8 exact fraction"},
    {"nl", "Drieëntwintig en drie vijfde.", "23.6 exact fraction"},
    {"sv", "Tjugotre och tre femtedelar.", "23.6 exact fraction"},
    {"nb", "Tre og en fjerdedel og 2 1/4.", "3.25 exact fraction; 2.25 exact fraction"},
    {"de", "Die Zahl ist fünf und drei Viertel Milliarde.", "5750000000 exact cardinal"},
    /* ordinal compounds as denominators */
    {"en", "A twenty-first and one hundred thirty fifths.",
     "0.04761904762 exact fraction; 2.857142857 exact fraction"},
    {"en", "One hundred and thirty fifths.", "26 exact fraction"},
    {"en", "One one hundred fifth; a hundred trillionths.",
     "0.009523809524 exact fraction; 1e-10 exact fraction"},
    {"en", "Ninety - five hundred fifths.", "1900 exact fraction"},
    {"en", "The twenty-first century.", "21 exact ordinal"},
    {"nl", "Een eenentwintigste.", "0.04761904762 exact fraction"},
    {"sv", "Två tjugoförstedelar och en tjugo femtedel.",
     "0.09523809524 exact fraction; 0.04 exact fraction"},
    {"nb", "En tjue femtedel.", "0.04 exact fraction"},
    /* multipliers after fractions, dozens, decimals in words */
    {"en", "Two thirds of a million.", "666666.6667 exact cardinal"},
    {"en", "One billion and a half million.", "1000500000 exact cardinal"},
    {"en", "Three hundred and two dozens.", "324 exact cardinal"},
    {"en", "Two hundred point seventy-one.", "200.71 exact cardinal"},
    {"en", "Five eighths of.", "0.625 exact fraction"},
    {"nl", "Een miljard en een half miljoen.", "1000500000 exact cardinal"},
    {"sv", "Trehundratvå dussin.", "324 exact cardinal"},
    {"nb", "To tredjedeler av en million.", "666666.6667 exact cardinal"},
    {"nb", "Fem hundre og to dusin.", "524 exact cardinal"},
    {"de", "Ich habe sechs und zwei Drittel Millionen gezählt.", "6666666.667 exact cardinal"},
    /* where one number ends */
    {"en", "3 hundred and 2 hundred are two.",
     "300 exact cardinal; 200 exact cardinal; 2 exact cardinal"},
    {"en", "4 thousand 3 hundred and 0 are two.",
     "4300 exact cardinal; 0 exact cardinal; 2 exact cardinal"},
    {"en", "Playing three-nought-four.", "3 exact cardinal; 0 exact cardinal; 4 exact cardinal"},
    {"sv", "3 hundra och 2 hundra.", "300 exact cardinal; 200 exact cardinal"},
    {"nb", "3 hundre og 2 hundre.", "300 exact cardinal; 200 exact cardinal"},
    {"nb", "Stillingen var tre-null-fire.", "3 exact cardinal; 0 exact cardinal; 4 exact cardinal"},
    /* after "and": a whole and a fraction, unless the part is tens of the same number */
    {"en", "One hundred and three quarters; twenty and three fifths.",
     "100.75 exact fraction; 20.6 exact fraction"},
    {"en", "One hundred and thirty-two fifths.", "26.4 exact fraction"},
    {"en", "Two hundred and fifty-four hundredths.", "200.54 exact fraction"},
    {"sv", "Etthundra och tre kvarts.", "100.75 exact fraction"},
    {"nb", "Hundre og tre fjerdedeler.", "100.75 exact fraction"},
    /* Dutch writes a whole and a fraction side by side */
    {"nl", "Twintig drie vijfde en honderd driekwart.",
     "20.6 exact fraction; 100.75 exact fraction"},
    {"nl", "Drieëntwintig vijfde.", "4.6 exact fraction"},
    {"nl", "Drie kwart van de bevolking.", "75 exact percent %"},
    /* Indian multipliers */
    {"en", "I count 6 crore and two hundred, three lakh crore, 13 lakh.",
     "60000200 exact cardinal; 3e+12 exact cardinal; 1300000 exact cardinal"},
    /* a capitalised ordinal inside a German sentence is a noun */
    {"de", "Fürs Erste ist die Zahl 1 414 021 100.", "1414021100 exact cardinal"},
    {"de", "Erste Hilfe kam am ersten Tag.", "1 exact ordinal; 1 exact ordinal"},
    /* "out of" needs a smaller count first */
    {"en", "There are 12 out of 10 and two out of five.",
     "12 exact cardinal; 10 exact cardinal; 0.4 exact fraction"},
    /* "andre"/"andra" ("other") are ordinals only after a determiner */
    {"nb", "De andre kom, 138 andre ble skadet. Den andre dagen.",
     "138 exact cardinal; 2 exact ordinal"},
    {"sv", "138 andra skadades. Den andra dagen.", "138 exact cardinal; 2 exact ordinal"},
    {"sv", "138 andra skadades.", "138 exact cardinal"},
    /* "over" after a noun that governs it is a preposition */
    {"nb", "De tok kontrollen over ni landsbyer. Over 30 døde.",
     "9 exact cardinal; 30 min cardinal"},
    {"sv", "Kontrollen över tre byar, över 40 döda.", "3 exact cardinal; 40 min cardinal"},
    {"en", "They won control over 9 villages and over 30 died.",
     "9 exact cardinal; 30 min cardinal"},
    {"sv", "Staden – en av de största.", ""},
    {"nl", "Het is min een.", "-1 exact cardinal"},
    /* no numbers */
    {"en", "Your browser does not support HTML5 video.", ""},
    {"en", "The COVID-19 pandemic and annons_2.", ""},
    {"nb", "Ring +47 22 33 44 55 eller 22-33-44-55.", ""},
    /* a word is no part of a date or an address */
    {"en", "The code abcd-12-34 was shown.", ""},
    /* lists, addresses and dotted dates are numbers one by one */
    {"en", "Version 192.168.1.2 is out.",
     "192 exact other; 168 exact other; 1 exact other; 2 exact other"},
    {"sv", "Adressen 192.168.1.2.",
     "192 exact other; 168 exact other; 1 exact other; 2 exact other"},
    {"en", "Exercises nrs. 22,24,26,31.",
     "22 exact cardinal; 24 exact cardinal; 26 exact cardinal; 31 exact cardinal"},
    {"nb", "Det skjedde 19.09.2023 og kostet 1.234.567 kroner.",
     "19 exact date; 9 exact date; 2023 exact date; 1234567 exact money NOK"},
    {"en", "It cost 12,34,567.89 and 1,234,567.",
     "1234567.89 exact cardinal; 1234567 exact cardinal"},
    /* an article that is also "one" after tens */
    {"sv", "1 av tjugo ett. Tjugo en.", "0.04761904762 exact fraction; 21 exact cardinal"},
    {"en", "Twenty a day.", "20 exact cardinal"},
    {"en", "Two out of five hundreds tvs.", "0.004 exact fraction"},
};

struct fixture {
    struct normconf nc;
};

static int setup(void **state)
{
    static struct fixture fx;

    if (normconf_load_file(&fx.nc, "config/normalize.json") < 0 ||
        numlex_set_load(&fx.nc.lex, "config") < 0)
        return -1;
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    numlex_set_release(&fx->nc.lex);
    return 0;
}

/* Resolve mention m as normalize reads it from its line. */
static int resolve_json(const struct normconf *nc, const json_t *m, struct normpool *pool,
                        struct normrec *out)
{
    char *line = json_dumps(m, JSON_COMPACT | JSON_SORT_KEYS);
    struct jscan js;
    struct normmention nm;

    assert_non_null(line);
    assert_int_equal(jscan_object(&js, line, strlen(line)), 0);
    normmention_init(&nm);
    assert_int_equal(normmention_read(&nm, &js), 0);
    int rc = resolve_mention(nc, &nm, pool, out);
    normmention_release(&nm);
    free(line);
    return rc;
}

static void describe(const struct normrec *num, char *out, size_t size, size_t *used)
{
    const char *unit = num->unit;
    int n = snprintf(out + *used, size - *used, "%s%.10g %s %s%s%s", *used ? "; " : "", num->value,
                     num->qualifier, num->kind, unit[0] ? " " : "", unit);
    *used += (size_t)n;
}

static void run_case(const struct fixture *fx, const struct rcase *c, char *got, size_t size)
{
    json_t *rec = json_pack("{s:s, s:i, s:i, s:i, s:s}", "doc", "d", "sid", 0, "start", 0, "end",
                            (int)strlen(c->text), "text", c->text);
    json_t *mentions = json_array();
    struct tokrec tr;
    size_t used = 0;

    got[0] = 0;
    assert_int_equal(tokrec_parse(&tr, rec, "t", 1), 0);
    assert_int_equal(
        extract_sentence(numlex_set_find(&fx->nc.lex, c->lang), &tr, c->lang, mentions, "t", 1), 0);
    struct normpool pool;
    normpool_init(&pool);
    for (size_t i = 0; i < json_array_size(mentions); i++) {
        struct normrec num;
        if (resolve_json(&fx->nc, json_array_get(mentions, i), &pool, &num) == 1) {
            describe(&num, got, size, &used);
            assert_string_equal(num.text.p, json_string_value(json_object_get(
                                                json_array_get(mentions, i), "text")));
            normrec_release(&num);
        }
    }
    normpool_release(&pool);
    tokrec_release(&tr);
    json_decref(mentions);
    json_decref(rec);
}

static void test_resolve_mention_cases(void **state)
{
    const struct fixture *fx = *state;
    int failed = 0;

    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        char got[1024];
        run_case(fx, &cases[i], got, sizeof(got));
        if (strcmp(got, cases[i].want) != 0) {
            print_message("%s: '%s'\n  want '%s'\n  got  '%s'\n", cases[i].lang, cases[i].text,
                          cases[i].want, got);
            failed++;
        }
    }
    assert_int_equal(failed, 0);
}

/*
 * With numbers read remembered (a small cache, so that entries are also
 * evicted): every case twice, the same as read afresh; and a number too
 * large, twice.
 */
static void test_resolve_mention_cases_remembered(void **state)
{
    struct fixture fx = *(const struct fixture *)*state;
    char big[402];
    int failed = 0;

    fx.nc.values = wordcache_new(4);
    assert_non_null(fx.nc.values);
    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
            char got[1024];
            run_case(&fx, &cases[i], got, sizeof(got));
            failed += strcmp(got, cases[i].want) != 0;
        }
    }
    assert_int_equal(failed, 0);
    memset(big, '9', sizeof(big) - 1);
    big[sizeof(big) - 1] = 0;
    big[40] = 0; /* short enough to be remembered: 1e40 fits a double */
    for (int round = 0; round < 2; round++) {
        json_t *m = json_pack("{s:s, s:s, s:i, s:i, s:i, s:s, s:s, s:s, s:s}", "type", "mention",
                              "doc", "d", "sid", 0, "start", 0, "end", 40, "text", big, "form",
                              "digits", "num", big, "lang", "en");
        struct normpool pool;
        struct normrec out;
        assert_non_null(m);
        normpool_init(&pool);
        assert_int_equal(resolve_json(&fx.nc, m, &pool, &out), 1);
        assert_true(out.value > 9.9e39 && out.value < 1.1e40);
        normrec_release(&out);
        normpool_release(&pool);
        json_decref(m);
    }
    wordcache_free(fx.nc.values);
}

/* A number too large for a double gives no record, and says so (2). */
static void test_resolve_mention_too_large(void **state)
{
    const struct fixture *fx = *state;
    char big[402];
    struct normpool pool;
    struct normrec out;

    memset(big, '0', sizeof(big) - 1);
    big[0] = '1';
    big[sizeof(big) - 1] = 0;
    json_t *m = json_pack("{s:s, s:s, s:i, s:i, s:i, s:s, s:s, s:s, s:s}", "type", "mention", "doc",
                          "d", "sid", 0, "start", 0, "end", 401, "text", big, "form", "digits",
                          "num", big, "lang", "en");
    assert_non_null(m);
    normpool_init(&pool);
    assert_int_equal(resolve_json(&fx->nc, m, &pool, &out), 2);
    normpool_release(&pool);
    json_decref(m);
}

static void test_resolve_interval_qualifiers(void **state)
{
    const struct fixture *fx = *state;
    double lo, hi;

    resolve_interval(&fx->nc, "exact", 65036, true, &lo, &hi);
    assert_true(lo == 65036 && hi == 65036);
    resolve_interval(&fx->nc, "exact", 50000, true, &lo, &hi);
    assert_true(lo == 45000 && hi == 55000);
    resolve_interval(&fx->nc, "approx", 2000, true, &lo, &hi);
    assert_true(lo == 1500 && hi == 2500);
    resolve_interval(&fx->nc, "min", 1000, true, &lo, &hi);
    assert_true(lo == 1000 && hi != hi);
    resolve_interval(&fx->nc, "max", 60, true, &lo, &hi);
    assert_true(lo == 0 && hi == 60);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resolve_mention_cases),
        cmocka_unit_test(test_resolve_mention_cases_remembered),
        cmocka_unit_test(test_resolve_mention_too_large),
        cmocka_unit_test(test_resolve_interval_qualifiers),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
