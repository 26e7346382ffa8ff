#include "test_common.h"

#include <stdio.h>
#include <string.h>

#include "normalize/claim_index.h"
#include "normalize/claim_lex.h"

static char *killed[] = {"kill"}, *shot_dead[] = {"shot", "dead"}, *refugee[] = {"flykting"};
static char *dead[] = {"dead"}, *shot[] = {"shot"};

/* Two lists, numbered 1 and 2, as claim_lex numbers them. */
static struct claim_phrase verbs[] = {{killed, 1}, {shot_dead, 2}, {shot, 1}};
static struct claim_phrase nouns[] = {{refugee, 1}, {dead, 1}};
static const struct claim_plist verb_list = {verbs, 3, 1}, noun_list = {nouns, 2, 2};

static void build(struct claim_index *ix, size_t compound_min)
{
    claim_index_init(ix, compound_min);
    assert_int_equal(claim_index_add(ix, &verb_list), 0);
    assert_int_equal(claim_index_add(ix, &noun_list), 0);
}

static void test_claim_index_find_lists_phrases_by_first_stem(void **state)
{
    struct claim_index ix;
    size_t n;
    (void)state;

    build(&ix, 0);
    const struct claim_stement *e = claim_index_find(&ix, "shot", 4);
    assert_non_null(e);
    assert_true(e->single);
    const struct claim_first *f = claim_index_list(e, 1, &n);
    assert_int_equal(n, 2); /* "shot dead" and "shot", in list order */
    assert_int_equal(f[0].phrase, 1);
    assert_int_equal(f[1].phrase, 2);
    claim_index_list(e, 2, &n);
    assert_int_equal(n, 0);
    assert_null(claim_index_find(&ix, "sho", 3));
    assert_null(claim_index_find(&ix, "shots", 5));
    e = claim_index_find(&ix, "dead", 4);
    assert_non_null(e);
    f = claim_index_list(e, 2, &n);
    assert_int_equal(n, 1);
    assert_int_equal(f[0].list, 2);
    claim_index_release(&ix);
}

static void test_claim_index_has_lists_by_id_range(void **state)
{
    struct claim_index ix;
    (void)state;

    build(&ix, 0);
    const struct claim_stement *shot_e = claim_index_find(&ix, "shot", 4); /* list 1 only */
    const struct claim_stement *dead_e = claim_index_find(&ix, "dead", 4); /* list 2 only */
    assert_true(claim_index_has_lists(shot_e, 1, 1));
    assert_true(claim_index_has_lists(shot_e, 0, 2));
    assert_false(claim_index_has_lists(shot_e, 2, 5));
    assert_true(claim_index_has_lists(dead_e, 2, 2));
    assert_false(claim_index_has_lists(dead_e, 0, 1));
    assert_false(claim_index_has_lists(dead_e, 3, 9));
    assert_false(claim_index_has_lists(NULL, 0, 9));
    claim_index_release(&ix);
}

static void test_claim_index_list_bits_mark_lists(void **state)
{
    struct claim_index ix;
    (void)state;

    build(&ix, 0);
    const struct claim_stement *shot_e = claim_index_find(&ix, "shot", 4); /* list 1 only */
    const struct claim_stement *dead_e = claim_index_find(&ix, "dead", 4); /* list 2 only */
    assert_true(shot_e->lists & claim_index_list_bit(1));
    assert_false(shot_e->lists & claim_index_list_bit(2));
    assert_true(dead_e->lists & claim_index_list_bit(2));
    assert_false(dead_e->lists & claim_index_list_bit(1));
    /* ids from 63 on share a bit */
    assert_true(claim_index_list_bit(63) == claim_index_list_bit(70));
    assert_false(claim_index_list_bit(62) == claim_index_list_bit(63));
    claim_index_release(&ix);
}

static void test_claim_index_suffix_finds_compound_heads(void **state)
{
    struct claim_index ix;
    const char *word = "krigsflykting";
    size_t from = 1;
    (void)state;

    build(&ix, 4);
    const struct claim_stement *e = claim_index_suffix(&ix, word, strlen(word), &from);
    assert_non_null(e);
    assert_string_equal(e->stem, "flykting");
    assert_null(claim_index_suffix(&ix, word, strlen(word), &from));
    from = 1; /* the whole word is no compound of itself */
    assert_null(claim_index_suffix(&ix, "flykting", 8, &from));
    from = 1; /* "dead" is 4 bytes, but the suffix must be a proper one */
    assert_null(claim_index_suffix(&ix, "dead", 4, &from));
    from = 1;
    assert_non_null(claim_index_suffix(&ix, "undead", 6, &from));
    claim_index_release(&ix);
}

static void test_claim_index_no_compounds_without_minimum(void **state)
{
    struct claim_index ix;
    size_t from = 1;
    (void)state;

    build(&ix, 0);
    assert_null(claim_index_suffix(&ix, "krigsflykting", 13, &from));
    claim_index_release(&ix);
}

static void test_claim_index_grows(void **state)
{
    static char words[300][8];
    static char *stems[300];
    static struct claim_phrase many[300];
    struct claim_index ix;
    size_t n;
    (void)state;

    for (int i = 0; i < 300; i++) {
        snprintf(words[i], sizeof(words[i]), "w%d", i);
        stems[i] = words[i];
        many[i] = (struct claim_phrase){&stems[i], 1};
    }
    struct claim_plist pl = {many, 300, 1};
    claim_index_init(&ix, 0);
    assert_int_equal(claim_index_add(&ix, &pl), 0);
    assert_int_equal(ix.n, 300);
    for (int i = 0; i < 300; i++) {
        const struct claim_stement *e = claim_index_find(&ix, words[i], strlen(words[i]));
        assert_non_null(e);
        assert_int_equal(claim_index_list(e, 1, &n)->phrase, (uint32_t)i);
    }
    claim_index_release(&ix);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_claim_index_find_lists_phrases_by_first_stem),
        cmocka_unit_test(test_claim_index_has_lists_by_id_range),
        cmocka_unit_test(test_claim_index_list_bits_mark_lists),
        cmocka_unit_test(test_claim_index_suffix_finds_compound_heads),
        cmocka_unit_test(test_claim_index_no_compounds_without_minimum),
        cmocka_unit_test(test_claim_index_grows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
