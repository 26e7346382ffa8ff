#include "test_common.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "normalize/claim.h"

/* The case tables leave the fields they do not check out. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

/*
 * A case: one sentence, the number to look at (the first occurrence of
 * num, or of num after the text of after), its kind, and what claim_annotate_doc
 * must set. NULL fields are not checked; cat "" means JSON null.
 */
struct claim_case {
    const char *text;
    const char *num;
    const char *kind;
    const char *cat;
    const char *scope;
    const char *field; /* another field to check, e.g. "attribution" */
    const char *want;
};

static struct claim_config *cfg;

static int setup(void **state)
{
    (void)state;
    cfg = claim_config_load("config");
    return cfg ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    claim_config_free(cfg);
    return 0;
}

static bool is_word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Tokens as tokenize makes them: words (inner - ' . , kept), numbers, punctuation. */
static json_t *tokens_of(const char *text)
{
    json_t *toks = json_array();
    size_t n = strlen(text);

    for (size_t i = 0; i < n;) {
        if (text[i] == ' ') {
            i++;
            continue;
        }
        size_t j = i + 1;
        if (is_word_byte((unsigned char)text[i])) {
            while (j < n && (is_word_byte((unsigned char)text[j]) ||
                             (strchr("-'.,", text[j]) && j + 1 < n &&
                              is_word_byte((unsigned char)text[j + 1]))))
                j++;
        }
        const char *type = text[i] >= '0' && text[i] <= '9'       ? "n"
                           : is_word_byte((unsigned char)text[i]) ? "w"
                                                                  : "p";
        json_array_append_new(toks, json_pack("[iis]", (int)i, (int)(j - i), type));
        i = j;
    }
    return toks;
}

static json_t *sentence_of(const char *text, int sid, int para, size_t base)
{
    return json_pack("{s:s,s:i,s:i,s:i,s:i,s:s,s:o}", "type", "sentence", "sid", sid, "para", para,
                     "start", (int)base, "end", (int)(base + strlen(text)), "text", text, "tokens",
                     tokens_of(text));
}

static json_t *number_of(const char *text, const char *num, const char *kind, int sid, size_t base)
{
    const char *at = strstr(text, num);
    assert_non_null(at);
    size_t start = base + (size_t)(at - text);
    /* the value matters only against a category's min_value: digits, else a plural */
    char *end;
    double value = strtod(num, &end);
    if (end == num)
        value = 10;
    return json_pack("{s:s,s:i,s:i,s:i,s:s,s:s,s:s,s:f}", "doc", "t", "sid", sid, "start",
                     (int)start, "end", (int)(start + strlen(num)), "text", num, "kind", kind,
                     "unit", "", "value", value);
}

static json_t *doc_of(const char *lang)
{
    return json_pack("{s:s,s:s,s:s,s:s,s:s}", "type", "doc", "doc", "t", "lang", lang, "date",
                     "2023-09", "source", "test");
}

/* Annotate one sentence with one number; returns the number record (new reference). */
static json_t *annotate_one(const char *lang, const char *text, const char *num, const char *kind)
{
    json_t *doc = doc_of(lang);
    json_t *sents = json_pack("[o]", sentence_of(text, 0, 0, 0));
    json_t *nums = json_pack("[o]", number_of(text, num, kind, 0, 0));

    assert_int_equal(claim_annotate_doc(cfg, doc, sents, nums), 0);
    json_t *rec = json_incref(json_array_get(nums, 0));
    json_decref(doc);
    json_decref(sents);
    json_decref(nums);
    return rec;
}

static const char *str_or_null(const json_t *rec, const char *key)
{
    const json_t *v = json_object_get(rec, key);
    return json_is_null(v) ? "" : json_string_value(v);
}

static void check_field(const struct claim_case *c, const json_t *rec, const char *key,
                        const char *want)
{
    const char *got = str_or_null(rec, key);
    if (want && (!got || strcmp(got, want) != 0)) {
        print_error("%s: '%s' in \"%s\": %s is '%s', want '%s'\n", c->num, c->kind, c->text, key,
                    got ? got : "(missing)", want);
        fail();
    }
}

static void run_cases(const char *lang, const struct claim_case *cases)
{
    for (const struct claim_case *c = cases; c->text; c++) {
        json_t *rec = annotate_one(lang, c->text, c->num, c->kind);
        check_field(c, rec, "category", c->cat);
        check_field(c, rec, "scope", c->scope);
        if (c->field)
            check_field(c, rec, c->field, c->want);
        json_decref(rec);
    }
}

static void test_claim_annotate_en_categories(void **state)
{
    (void)state;
    static const struct claim_case cases[] = {
        {"At least 25 people were killed in the shelling.", "25", "cardinal", "killed", "total"},
        {"The death toll rose to 89 on Monday.", "89", "cardinal", "killed", "total"},
        {"The death toll has risen to 89 people.", "89", "cardinal", "killed", "total"},
        {"Officials said 40 people were injured.", "40", "cardinal", "injured", "total"},
        {"Officials said 12 fishermen are missing.", "12", "cardinal", "missing", "total"},
        {"More than 5,000 refugees crossed the border.", "5,000", "cardinal", "displaced"},
        {"Tens of thousands of ethnic Armenians flee the enclave.", "Tens of thousands", "cardinal",
         "displaced", NULL, "subject", "ethnic Armenians"},
        {"Russia sent about 2,000 peacekeepers to the region.", "2,000", "cardinal", "troops"},
        {"The town has 30,000 inhabitants.", "30,000", "cardinal", "population"},
        {"Police arrested 14 protesters on Friday.", "14", "cardinal", "detained"},
        {"Rescuers found 7 survivors in the rubble.", "7", "cardinal", "rescued"},
        {"The army took 9 villages in the north.", "9", "cardinal", "other"},
        {"They carried out 1 attack on the town.", "1", "cardinal", ""},
        {"The front is 5 kilometres from the city.", "5 kilometres", "distance", "other"},
        {"The war ended in 1994 after many people were killed.", "1994", "year", ""},
        {"The first convoy arrived after 11 people were killed.", "first", "ordinal", ""},
        {"After 26 years of ceasefire, people died again.", "26", "cardinal", "", ""},
        {"The 3 ministers met in Geneva to discuss trade, energy and a long list of other "
         "issues before the war in which so many civilians later died.",
         "3", "cardinal", "", ""},
        {NULL},
    };
    run_cases("en", cases);
}

static void test_claim_annotate_en_syntax(void **state)
{
    (void)state;
    static const struct claim_case cases[] = {
        {"25 people were killed and 138 others were injured.", "25", "cardinal", "killed"},
        {"25 people were killed and 138 others were injured.", "138", "cardinal", "injured"},
        {"50,000 people, or more than a third of the population, had crossed into Armenia.",
         "more than a third", "percent", "displaced"},
        {"50,000 people, or more than a third of the population, had crossed into Armenia.",
         "50,000", "cardinal", "displaced"},
        {NULL},
    };
    run_cases("en", cases);
}

static void test_claim_annotate_en_scope(void **state)
{
    (void)state;
    static const struct claim_case cases[] = {
        {"Another 26 people were killed on Monday.", "26", "cardinal", "killed", "increment"},
        {"25 people were killed, including two civilians.", "two", "cardinal", "killed", "part",
         "victim", "civilians"},
        {"The death toll could reach 20,000, officials fear.", "20,000", "cardinal", "killed",
         "estimate"},
        {NULL},
    };
    run_cases("en", cases);
}

static void test_claim_annotate_en_context(void **state)
{
    (void)state;
    static const struct claim_case cases[] = {
        {"According to the Red Crescent, 20 people were killed.", "20", "cardinal", "killed", NULL,
         "attribution", "Red Crescent"},
        {"Vladimir Putin said that 5000 people died.", "5000", "cardinal", "killed", NULL,
         "attribution", "Vladimir Putin"},
        {"As of 11 a.m. Wednesday, 50,000 people had crossed into Armenia.", "50,000", "cardinal",
         "displaced", NULL, "as_of", "As of 11 a.m. Wednesday"},
        {"In Stepanakert, 9 people were killed.", "9", "cardinal", "killed", NULL, "place",
         "stepanakert"},
        {"9 people were killed in Khankendi.", "9", "cardinal", "killed", NULL, "place",
         "stepanakert"},
        {"Azerbaijan said 9 of its soldiers were killed.", "9", "cardinal", "killed", NULL, "side",
         "azerbaijan"},
        {"At least 25 people were killed in the shelling.", "25", "cardinal", "killed", NULL,
         "date", "2023-09"},
        {NULL},
    };
    run_cases("en", cases);
}

static void test_claim_annotate_nb(void **state)
{
    (void)state;
    static const struct claim_case cases[] = {
        {"Minst 25 personer ble drept i angrepet.", "25", "cardinal", "killed", "total"},
        {"Mer enn 1000 mennesker har mistet livet.", "1000", "cardinal", "killed"},
        {"Dødstallet er nå 89.", "89", "cardinal", "killed"},
        {"Over 40 personer ble skadet.", "40", "cardinal", "injured"},
        {"12 fiskere er savnet etter ulykken.", "12", "cardinal", "missing"},
        {"65 000 personer har krysset grensen inn til Armenia.", "65 000", "cardinal", "displaced",
         NULL, "subject", "personer"},
        {"Tusenvis av flyktninger kom til byen.", "Tusenvis", "cardinal", "displaced"},
        {"Russland har 2000 soldater i regionen.", "2000", "cardinal", "troops"},
        {"Russland stiller med 2000 fredsbevarende styrker.", "2000", "cardinal", "troops"},
        {"Byen har 30 000 innbyggere.", "30 000", "cardinal", "population"},
        {"14 demonstranter ble arrestert.", "14", "cardinal", "detained"},
        {"7 overlevende ble funnet i ruinene.", "7", "cardinal", "rescued"},
        {"Styrkene tok ni landsbyer.", "ni", "cardinal", "other"},
        {"Russland har forhandlet fram to våpenhviler.", "to", "cardinal", "other"},
        {"Konflikten har vart i over 30 år.", "30", "cardinal", ""},
        {NULL},
    };
    run_cases("nb", cases);
}

static void test_claim_annotate_nb_scope_context(void **state)
{
    (void)state;
    static const struct claim_case cases[] = {
        {"Ytterligere 26 personer ble drept.", "26", "cardinal", "killed", "increment"},
        {"Russland har sendt 2000 soldater, og 40 av dem er skadet.", "40", "cardinal", "injured",
         "part"},
        {"19 journalister er blant de drepte.", "19", "cardinal", "killed", "part"},
        {"25 personer ble drept, blant dem to barn.", "to", "cardinal", "killed", "part", "victim",
         "children"},
        {"Tapstallet ligger sannsynligvis rundt 5000.", "5000", "cardinal", "killed", "estimate"},
        {"Ifølge offisielle tall har 1000 mennesker mistet livet.", "1000", "cardinal", "killed",
         NULL, "attribution", "offisielle tall"},
        {"65 000 personer har krysset grensen, melder Reuters.", "65 000", "cardinal", "displaced",
         NULL, "attribution", "Reuters"},
        {"Armenias statsminister sier at 9 personer ble drept.", "9", "cardinal", "killed", NULL,
         "place", "armenia"},
        {"Over halvparten av befolkningen har forlatt regionen.", "halvparten", "percent",
         "displaced"},
        {NULL},
    };
    run_cases("nb", cases);
}

static void test_claim_annotate_nl(void **state)
{
    (void)state;
    static const struct claim_case cases[] = {
        {"Er zijn 26 doden gevallen.", "26", "cardinal", "killed", "total"},
        {"Bij de aanval kwamen 12 mensen om het leven.", "12", "cardinal", "killed"},
        {"Het dodental steeg tot 89.", "89", "cardinal", "killed"},
        {"Er raakten 40 mensen gewond.", "40", "cardinal", "injured"},
        {"Nog 12 vissers worden vermist.", "12", "cardinal", "missing"},
        {"Duizenden vluchtelingen staken de grens over.", "Duizenden", "cardinal", "displaced"},
        {"Volgens Interfax zijn 3500 Russische soldaten gestationeerd.", "3500", "cardinal",
         "troops", NULL, "subject", "Russische soldaten"},
        {"De stad telt 30.000 inwoners.", "30.000", "cardinal", "population"},
        {"De politie heeft 14 betogers gearresteerd.", "14", "cardinal", "detained"},
        {"Er werden 7 overlevenden gered.", "7", "cardinal", "rescued"},
        {"Rusland heeft tientallen gevechtsvliegtuigen in Armenië.", "tientallen", "cardinal",
         "other", NULL, "place", "armenia"},
        {"Na ongeveer 26 jaar wapenstilstand zijn er weer gevechten.", "26", "cardinal", ""},
        {NULL},
    };
    run_cases("nl", cases);
}

static void test_claim_annotate_nl_scope_context(void **state)
{
    (void)state;
    static const struct claim_case cases[] = {
        {"Die dag zijn nog eens 26 doden gevallen.", "26", "cardinal", "killed", "increment"},
        {"Er vielen 9 doden, waaronder twee burgers.", "twee", "cardinal", "killed", "part",
         "victim", "civilians"},
        {"Het dodental zal naar schatting 20.000 bereiken.", "20.000", "cardinal", "killed",
         "estimate"},
        {"Volgens Interfax zijn 3500 soldaten gestationeerd.", "3500", "cardinal", "troops", NULL,
         "attribution", "Interfax"},
        {"Azerbeidzjan meldde negen doden.", "negen", "cardinal", "killed", NULL, "side",
         "azerbaijan"},
        {"In Nagorno-Karabach zijn 26 doden gevallen.", "26", "cardinal", "killed", NULL, "place",
         "nagorno-karabakh"},
        {NULL},
    };
    run_cases("nl", cases);
}

static void test_claim_annotate_sv(void **state)
{
    (void)state;
    static const struct claim_case cases[] = {
        {"25 personer dödades i attacken.", "25", "cardinal", "killed", "total"},
        {"Dödssiffran har stigit till 89.", "89", "cardinal", "killed"},
        {"138 personer skadades.", "138", "cardinal", "injured"},
        {"12 fiskare saknas efter olyckan.", "12", "cardinal", "missing"},
        {"5000 flyktingar flydde över gränsen.", "5000", "cardinal", "displaced"},
        {"Ryssland har 2000 soldater i regionen.", "2000", "cardinal", "troops"},
        {"Staden har 30 000 invånare.", "30 000", "cardinal", "population"},
        {"14 demonstranter greps av polisen.", "14", "cardinal", "detained"},
        {"7 personer räddades ur rasmassorna.", "7", "cardinal", "rescued"},
        {"Styrkorna intog 60 militära positioner.", "60", "cardinal", "other", NULL, "subject",
         "militära positioner"},
        {"Karabach har varit fokus för två krig.", "två", "cardinal", "other"},
        {"Blinken kan ingripa inom de närmaste 24 timmarna.", "24", "cardinal", ""},
        {NULL},
    };
    run_cases("sv", cases);
}

#define SV_TWO "25 personer dödades, inklusive två civila, och 138 andra skadades."

static void test_claim_annotate_sv_scope_context(void **state)
{
    (void)state;
    static const struct claim_case cases[] = {
        {SV_TWO, "25", "cardinal", "killed", "total"},
        {SV_TWO, "två", "cardinal", "killed", "part", "victim", "civilians"},
        {SV_TWO, "138", "cardinal", "injured", "total"},
        {"Ytterligare 26 personer dödades.", "26", "cardinal", "killed", "increment"},
        {"Dödssiffran uppgår uppskattningsvis till 20 000.", "20 000", "cardinal", "killed",
         "estimate"},
        {"Enligt Reuters dödades 25 personer.", "25", "cardinal", "killed", NULL, "attribution",
         "Reuters"},
        {"Karabachs myndigheter uppgav att 25 personer dödades.", "25", "cardinal", "killed", NULL,
         "place", "nagorno-karabakh"},
        {"Operationen riktas mot 120 000 civila, inklusive 30 000 barn.", "120 000", "cardinal",
         "population", "total", "victim", "civilians"},
        {NULL},
    };
    run_cases("sv", cases);
}

static void test_claim_annotate_de(void **state)
{
    (void)state;
    static const struct claim_case cases[] = {
        {"25 Menschen wurden getötet.", "25", "cardinal", "killed", "total"},
        {"Dabei kamen 12 Menschen ums Leben.", "12", "cardinal", "killed"},
        {"Es gab 30 Tote.", "30", "cardinal", "killed"},
        {"40 Menschen wurden verletzt.", "40", "cardinal", "injured"},
        {"12 Fischer werden vermisst.", "12", "cardinal", "missing"},
        {"5000 Flüchtlinge überquerten die Grenze.", "5000", "cardinal", "displaced"},
        {"Tausende sind aus der Region geflohen.", "Tausende", "cardinal", "displaced"},
        {"Russland hat 2000 Soldaten in der Region.", "2000", "cardinal", "troops"},
        {"Die Stadt hat 30.000 Einwohner.", "30.000", "cardinal", "population"},
        {"Die Polizei hat 14 Demonstranten festgenommen.", "14", "cardinal", "detained"},
        {"7 Menschen wurden gerettet.", "7", "cardinal", "rescued"},
        {"Die Armee eroberte neun Dörfer.", "neun", "cardinal", "other"},
        {"Der Konflikt dauert seit 30 Jahren an.", "30", "cardinal", ""},
        {NULL},
    };
    run_cases("de", cases);
}

static void test_claim_annotate_de_scope_context(void **state)
{
    (void)state;
    static const struct claim_case cases[] = {
        {"Weitere 26 Menschen wurden getötet.", "26", "cardinal", "killed", "increment"},
        {"25 Menschen wurden getötet, darunter zwei Kinder.", "zwei", "cardinal", "killed", "part",
         "victim", "children"},
        {"Die Zahl der Toten liegt vermutlich bei 5000.", "5000", "cardinal", "killed", "estimate"},
        {"Laut Reuters wurden 25 Menschen getötet.", "25", "cardinal", "killed", NULL,
         "attribution", "Reuters"},
        {"In Berg-Karabach wurden 25 Menschen getötet.", "25", "cardinal", "killed", NULL, "place",
         "nagorno-karabakh"},
        {NULL},
    };
    run_cases("de", cases);
}

/* Two paragraphs: the place comes from the sentence, else the paragraph, else the document. */
/* Numbers that count nothing in the event stay out, whatever words are near. */
static void test_claim_annotate_negatives(void **state)
{
    (void)state;
    static const struct claim_case en[] = {
        {"Turnout was 60 percent of the population.", "60 percent", "percent", ""},
        {"Page 2 of 5", "2", "cardinal", ""},
        {"The summit of 27 leaders discussed the refugee crisis at length in a long and "
         "detailed session.",
         "27", "cardinal", ""},
        {"The government gave $5 million to the refugees.", "$5 million", "money", ""},
        {NULL},
    };
    static const struct claim_case nb[] = {
        {"Regjeringen bevilget 20 millioner kroner til flyktningene.", "20 millioner", "cardinal",
         ""},
        {"Krigen varte i 44 dager.", "44", "cardinal", ""},
        {NULL},
    };
    static const struct claim_case de[] = {
        {"Seit 30 Jahren gibt es Streit um die Region, in der viele Menschen starben.", "30",
         "cardinal", ""},
        {NULL},
    };
    run_cases("en", en);
    run_cases("nb", nb);
    run_cases("de", de);
}

/* A part takes the category of the whole before it. */
static void test_claim_annotate_doc_part_inherits(void **state)
{
    (void)state;
    const char *s0 = "Operationen riktas mot 120 000 civila, inklusive 30 000 barn.";
    json_t *doc = doc_of("sv");
    json_t *sents = json_pack("[o]", sentence_of(s0, 0, 0, 0));
    json_t *nums = json_pack("[o,o]", number_of(s0, "120 000", "cardinal", 0, 0),
                             number_of(s0, "30 000", "cardinal", 0, 0));

    assert_int_equal(claim_annotate_doc(cfg, doc, sents, nums), 0);
    json_t *part = json_array_get(nums, 1);
    assert_string_equal(str_or_null(part, "category"), "population");
    assert_string_equal(str_or_null(part, "scope"), "part");
    assert_string_equal(str_or_null(part, "victim"), "children");
    assert_string_equal(str_or_null(part, "subject"), "barn");
    json_decref(doc);
    json_decref(sents);
    json_decref(nums);
}

static void test_claim_annotate_doc_place_fallback(void **state)
{
    (void)state;
    const char *s0 = "Fighting raged in Karabakh and in Armenia and again in Armenia.";
    const char *s1 = "5 soldiers were killed there.";
    const char *s2 = "Later, 7 soldiers were killed.";
    size_t b1 = strlen(s0) + 1, b2 = b1 + strlen(s1) + 2;
    json_t *doc = doc_of("en");
    json_t *sents = json_pack("[o,o,o]", sentence_of(s0, 0, 0, 0), sentence_of(s1, 1, 0, b1),
                              sentence_of(s2, 2, 1, b2));
    json_t *nums = json_pack("[o,o]", number_of(s1, "5", "cardinal", 1, b1),
                             number_of(s2, "7", "cardinal", 2, b2));

    assert_int_equal(claim_annotate_doc(cfg, doc, sents, nums), 0);
    assert_string_equal(str_or_null(json_array_get(nums, 0), "place"), "armenia");
    assert_string_equal(str_or_null(json_array_get(nums, 1), "place"), "armenia");
    assert_string_equal(str_or_null(json_array_get(nums, 1), "category"), "killed");
    json_decref(doc);
    json_decref(sents);
    json_decref(nums);
}

/* A lead s0, a sentence s1, then "Later, 7 soldiers were killed.": the number's main place and
 * place are both want. */
static void assert_main_place(const char *s0, const char *s1, const char *want)
{
    const char *s2 = "Later, 7 soldiers were killed.";
    size_t b1 = strlen(s0) + 2, b2 = b1 + strlen(s1) + 2;
    json_t *doc = doc_of("en");
    json_t *sents = json_pack("[o,o,o]", sentence_of(s0, 0, 0, 0), sentence_of(s1, 1, 1, b1),
                              sentence_of(s2, 2, 2, b2));
    json_t *nums = json_pack("[o]", number_of(s2, "7", "cardinal", 2, b2));

    assert_int_equal(claim_annotate_doc(cfg, doc, sents, nums), 0);
    assert_string_equal(str_or_null(json_array_get(nums, 0), "doc_place"), want);
    assert_string_equal(str_or_null(json_array_get(nums, 0), "place"), want);
    json_decref(doc);
    json_decref(sents);
    json_decref(nums);
}

/* The lead names where the event is; the body may name another country more often. */
static void test_claim_annotate_doc_main_place_from_lead(void **state)
{
    (void)state;
    assert_main_place("Thousands flee Karabakh.",
                      "Russia and Russia and Russia were named, and Russia again.",
                      "nagorno-karabakh");
}

/* When the lead names two places, a sentence far from any number still counts for the main place.
 */
static void test_claim_annotate_doc_main_place_counts_far_sentences(void **state)
{
    (void)state;
    assert_main_place("Fighting in Karabakh and Armenia.", "Armenia was named again.", "armenia");
}

/* A sentence of nothing but places, the document's last: one mention a token fills its room. */
static void test_claim_annotate_doc_places_every_token(void **state)
{
    (void)state;
    const char *s0 = "Later, 7 soldiers were killed.";
    const char *s1 = "Armenia Russia Armenia Russia Armenia Russia Armenia Russia";
    size_t b1 = strlen(s0) + 1;
    json_t *doc = doc_of("en");
    json_t *sents = json_pack("[o,o]", sentence_of(s0, 0, 0, 0), sentence_of(s1, 1, 0, b1));
    json_t *nums = json_pack("[o]", number_of(s0, "7", "cardinal", 0, 0));

    assert_int_equal(claim_annotate_doc(cfg, doc, sents, nums), 0);
    assert_string_equal(str_or_null(json_array_get(nums, 0), "place"), "armenia");
    assert_string_equal(str_or_null(json_array_get(nums, 0), "doc_place"), "armenia");
    json_decref(doc);
    json_decref(sents);
    json_decref(nums);
}

/* "According to Russia's president" names who speaks, not where the dead were. */
static void test_claim_annotate_doc_place_not_from_attribution(void **state)
{
    (void)state;
    const char *s0 = "Fighting in Karabakh.";
    const char *s1 = "According to Russia's president, 5000 people were killed.";
    size_t b1 = strlen(s0) + 2;
    json_t *doc = doc_of("en");
    json_t *sents = json_pack("[o,o]", sentence_of(s0, 0, 0, 0), sentence_of(s1, 1, 1, b1));
    json_t *nums = json_pack("[o]", number_of(s1, "5000", "cardinal", 1, b1));

    assert_int_equal(claim_annotate_doc(cfg, doc, sents, nums), 0);
    assert_string_equal(str_or_null(json_array_get(nums, 0), "category"), "killed");
    assert_string_equal(str_or_null(json_array_get(nums, 0), "place"), "nagorno-karabakh");
    json_decref(doc);
    json_decref(sents);
    json_decref(nums);
}

static void test_claim_annotate_doc_unknown_language(void **state)
{
    (void)state;
    json_t *rec = annotate_one("xx", "25 people were killed.", "25", "cardinal");

    assert_true(json_is_null(json_object_get(rec, "category")));
    assert_string_equal(str_or_null(rec, "quote"), "");
    assert_string_equal(str_or_null(rec, "date"), "2023-09");
    assert_string_equal(str_or_null(rec, "source"), "test");
    json_decref(rec);
}

static void test_claim_annotate_doc_number_without_sentence(void **state)
{
    (void)state;
    json_t *doc = doc_of("en");
    json_t *sents = json_array();
    json_t *nums = json_pack("[o]", number_of("25 dead", "25", "cardinal", 7, 0));

    assert_int_equal(claim_annotate_doc(cfg, doc, sents, nums), 0);
    assert_true(json_is_null(json_object_get(json_array_get(nums, 0), "category")));
    assert_string_equal(str_or_null(json_array_get(nums, 0), "scope"), "");
    json_decref(doc);
    json_decref(sents);
    json_decref(nums);
}

/* A long sentence is quoted around its number, cut at 300 bytes on a character boundary. */
static void test_claim_annotate_doc_long_quote(void **state)
{
    (void)state;
    char text[1200];
    size_t n = 0;

    for (int i = 0; i < 150; i++)
        n += (size_t)snprintf(text + n, sizeof(text) - n, "ø ");
    snprintf(text + n, sizeof(text) - n, "and 25 people were killed in the end.");
    json_t *rec = annotate_one("en", text, "25", "cardinal");
    const char *q = str_or_null(rec, "quote");

    assert_true(strlen(q) <= 300);
    assert_non_null(strstr(q, "25 people"));
    json_t *check = json_string(q); /* NULL unless valid UTF-8 */
    assert_non_null(check);
    json_decref(check);
    assert_string_equal(str_or_null(rec, "category"), "killed");
    json_decref(rec);
}

/* Offsets after a replaced byte: each listed original byte became 3 bytes of U+FFFD. */
static void test_claim_annotate_doc_bad_bytes(void **state)
{
    (void)state;
    const char *text = "\xEF\xBF\xBD 25 people were killed.";
    json_t *sent = sentence_of(text, 0, 0, 0);
    json_t *toks = json_array();

    /* the original was "X 25 people were killed." with X one invalid byte; [offset, length] */
    json_array_append_new(toks, json_pack("[i,i,s]", 2, 2, "n"));
    json_array_append_new(toks, json_pack("[i,i,s]", 5, 6, "w"));
    json_array_append_new(toks, json_pack("[i,i,s]", 12, 4, "w"));
    json_array_append_new(toks, json_pack("[i,i,s]", 17, 6, "w"));
    json_object_set_new(sent, "tokens", toks);
    json_object_set_new(sent, "bad", json_pack("[i]", 0));
    json_object_set_new(sent, "end", json_integer(24));
    json_t *doc = doc_of("en");
    json_t *sents = json_pack("[o]", sent);
    json_t *nums = json_pack("[{s:i,s:i,s:i,s:s,s:s}]", "sid", 0, "start", 2, "end", 4, "text",
                             "25", "kind", "cardinal");

    assert_int_equal(claim_annotate_doc(cfg, doc, sents, nums), 0);
    json_t *rec = json_array_get(nums, 0);
    assert_string_equal(str_or_null(rec, "category"), "killed");
    assert_string_equal(str_or_null(rec, "subject"), "people");
    json_decref(doc);
    json_decref(sents);
    json_decref(nums);
}

static void test_claim_config_load_missing_dir_fails(void **state)
{
    (void)state;
    assert_null(claim_config_load("/nonexistent/config"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_claim_annotate_en_categories),
        cmocka_unit_test(test_claim_annotate_en_syntax),
        cmocka_unit_test(test_claim_annotate_en_scope),
        cmocka_unit_test(test_claim_annotate_en_context),
        cmocka_unit_test(test_claim_annotate_nb),
        cmocka_unit_test(test_claim_annotate_nb_scope_context),
        cmocka_unit_test(test_claim_annotate_nl),
        cmocka_unit_test(test_claim_annotate_nl_scope_context),
        cmocka_unit_test(test_claim_annotate_sv),
        cmocka_unit_test(test_claim_annotate_sv_scope_context),
        cmocka_unit_test(test_claim_annotate_de),
        cmocka_unit_test(test_claim_annotate_de_scope_context),
        cmocka_unit_test(test_claim_annotate_negatives),
        cmocka_unit_test(test_claim_annotate_doc_part_inherits),
        cmocka_unit_test(test_claim_annotate_doc_place_fallback),
        cmocka_unit_test(test_claim_annotate_doc_main_place_from_lead),
        cmocka_unit_test(test_claim_annotate_doc_main_place_counts_far_sentences),
        cmocka_unit_test(test_claim_annotate_doc_place_not_from_attribution),
        cmocka_unit_test(test_claim_annotate_doc_places_every_token),
        cmocka_unit_test(test_claim_annotate_doc_unknown_language),
        cmocka_unit_test(test_claim_annotate_doc_number_without_sentence),
        cmocka_unit_test(test_claim_annotate_doc_long_quote),
        cmocka_unit_test(test_claim_annotate_doc_bad_bytes),
        cmocka_unit_test(test_claim_config_load_missing_dir_fails),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
