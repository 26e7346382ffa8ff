#include "test_common.h"

#include <stdbool.h>
#include <string.h>

#include "normalize/claim_lex.h"
#include "normalize/claim_sent.h"

/* "Killed in Nagorno-Karabakh - 5, said UN." as tokenize lists it. */
static const char text[] = "Killed in Nagorno-Karabakh - 5, said UN.";
static const struct jscan_triple toks[] = {
    {0, 6, 'w'},  {7, 2, 'w'},  {10, 7, 'w'}, {17, 1, 'p'}, {18, 8, 'w'}, {27, 1, 'p'},
    {29, 1, 'n'}, {30, 1, 'p'}, {32, 4, 'w'}, {37, 2, 'w'}, {39, 1, 'p'},
};

static struct claim_rawsent raw(void)
{
    struct claim_rawsent r = {
        text, strlen(text), 100, 3, 1, toks, sizeof(toks) / sizeof(*toks), NULL, 0};
    return r;
}

static void test_claim_sent_light_has_the_tokens_without_stems(void **state)
{
    struct claim_lex lx;
    struct claim_sent full, light;
    struct claim_rawsent r = raw();
    (void)state;

    assert_int_equal(claim_lex_load(&lx, "config/claims/en.json"), 0);
    assert_int_equal(claim_sent_init_raw(&full, &r, &lx), 0);
    assert_int_equal(claim_sent_init_light(&light, &r), 0);
    assert_int_equal(light.ntok, full.ntok);
    assert_int_equal(light.sid, 3);
    assert_int_equal(light.nseg, 0);
    assert_null(light.paren);
    for (size_t i = 0; i < full.ntok; i++) {
        assert_int_equal(light.tok[i].ts, full.tok[i].ts);
        assert_int_equal(light.tok[i].te, full.tok[i].te);
        assert_int_equal(light.tok[i].start, full.tok[i].start);
        assert_int_equal(light.tok[i].type, full.tok[i].type);
        assert_int_equal(light.tok[i].upper, full.tok[i].upper);
        assert_int_equal(light.tok[i].clause, full.tok[i].clause);
        assert_string_equal(light.tok[i].stem, "");
    }
    assert_false(light.tok[3].clause); /* the hyphen inside Nagorno-Karabakh */
    assert_true(light.tok[5].clause);  /* the free-standing dash */
    assert_true(light.tok[0].upper);
    assert_false(light.tok[1].upper);
    claim_sent_release(&light);
    claim_sent_release(&full);
    claim_lex_release(&lx);
}

static void test_claim_sent_add_stems_gives_the_stems_of_a_full_read(void **state)
{
    struct claim_lex lx;
    struct claim_sent full, light;
    struct claim_rawsent r = raw();
    (void)state;

    assert_int_equal(claim_lex_load(&lx, "config/claims/en.json"), 0);
    assert_int_equal(claim_sent_init_raw(&full, &r, &lx), 0);
    assert_int_equal(claim_sent_init_light(&light, &r), 0);
    assert_int_equal(claim_sent_add_stems(&light, &lx), 0);
    assert_string_equal(full.tok[0].stem, "kill");
    for (size_t i = 0; i < full.ntok; i++) {
        assert_string_equal(light.tok[i].stem, full.tok[i].stem);
        assert_int_equal(light.tok[i].stemlen, full.tok[i].stemlen);
        assert_ptr_equal(light.tok[i].ent, full.tok[i].ent);
        assert_int_equal(light.tok[i].compound, full.tok[i].compound);
    }
    assert_string_equal(light.tok[3].stem, ""); /* punctuation */
    claim_sent_release(&light);
    claim_sent_release(&full);
    claim_lex_release(&lx);
}

static void test_claim_sent_add_stems_where_only_the_wanted(void **state)
{
    struct claim_lex lx;
    struct claim_sent full, light;
    struct claim_rawsent r = raw();
    bool want[sizeof(toks) / sizeof(*toks)] = {false};
    size_t which;
    (void)state;

    want[1] = want[2] = true; /* "in Nagorno": the locative before the place */
    assert_int_equal(claim_lex_load(&lx, "config/claims/en.json"), 0);
    assert_int_equal(claim_sent_init_raw(&full, &r, &lx), 0);
    assert_int_equal(claim_sent_init_light(&light, &r), 0);
    assert_int_equal(claim_sent_add_stems_where(&light, &lx, want), 0);
    for (size_t i = 0; i < full.ntok; i++) {
        if (want[i]) {
            assert_string_equal(light.tok[i].stem, full.tok[i].stem);
            assert_ptr_equal(light.tok[i].ent, full.tok[i].ent);
        } else {
            assert_string_equal(light.tok[i].stem, "");
            assert_null(light.tok[i].ent);
            assert_false(light.tok[i].compound);
        }
    }
    assert_int_equal(claim_match_list(&light, 1, &lx.locatives, &lx, false, &which), 2);
    assert_int_equal(claim_match_list(&full, 1, &lx.locatives, &lx, false, &which), 2);
    claim_sent_release(&light);
    claim_sent_release(&full);
    claim_lex_release(&lx);
}

/* The _in variants put the tokens in the caller's room, which release leaves alone. */
static void test_claim_sent_init_in_uses_the_room(void **state)
{
    struct claim_lex lx;
    struct claim_sent full, in, light;
    struct claim_rawsent r = raw();
    struct claim_tok room[2 * sizeof(toks) / sizeof(*toks)];
    (void)state;

    assert_int_equal(claim_lex_load(&lx, "config/claims/en.json"), 0);
    assert_int_equal(claim_sent_init_raw(&full, &r, &lx), 0);
    assert_int_equal(claim_sent_init_raw_in(&in, &r, &lx, room), 0);
    assert_int_equal(claim_sent_init_light_in(&light, &r, room + r.ntok), 0);
    assert_ptr_equal(in.tok, room);
    assert_ptr_equal(light.tok, room + r.ntok);
    assert_int_equal(in.ntok, full.ntok);
    assert_int_equal(light.ntok, full.ntok);
    assert_int_equal(in.nseg, full.nseg);
    for (size_t i = 0; i < full.ntok; i++) {
        assert_int_equal(in.tok[i].ts, full.tok[i].ts);
        assert_int_equal(in.tok[i].te, full.tok[i].te);
        assert_int_equal(in.tok[i].seg, full.tok[i].seg);
        assert_int_equal(in.tok[i].clause, full.tok[i].clause);
        assert_string_equal(in.tok[i].stem, full.tok[i].stem);
        assert_int_equal(light.tok[i].clause, full.tok[i].clause);
    }
    claim_sent_release(&light);
    claim_sent_release(&in);
    claim_sent_release(&full);
    claim_lex_release(&lx);
}

/* claim_may_start() is false only where no indexed list can match. */
static void test_claim_may_start_agrees_with_match_list(void **state)
{
    struct claim_lex lx;
    struct claim_sent full;
    struct claim_rawsent r = raw();
    struct claim_plist *lists[] = {&lx.locatives, &lx.stopwords, &lx.attr_after, &lx.attr_before};
    size_t which;
    (void)state;

    assert_int_equal(claim_lex_load(&lx, "config/claims/en.json"), 0);
    assert_int_equal(claim_sent_init_raw(&full, &r, &lx), 0);
    assert_true(claim_may_start(&full, 0));  /* "Killed" */
    assert_false(claim_may_start(&full, 3)); /* punctuation */
    assert_false(claim_may_start(&full, full.ntok));
    for (size_t i = 0; i <= full.ntok; i++) {
        if (claim_may_start(&full, i))
            continue;
        for (size_t k = 0; k < sizeof(lists) / sizeof(*lists); k++)
            assert_int_equal(claim_match_list(&full, i, lists[k], &lx, true, &which), 0);
        for (size_t c = 0; c < lx.ncats; c++) {
            assert_int_equal(claim_match_list(&full, i, &lx.cats[c].nouns, &lx, true, &which), 0);
            assert_int_equal(claim_match_list(&full, i, &lx.cats[c].verbs, &lx, false, &which), 0);
        }
    }
    claim_sent_release(&full);
    claim_lex_release(&lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_claim_sent_light_has_the_tokens_without_stems),
        cmocka_unit_test(test_claim_sent_add_stems_gives_the_stems_of_a_full_read),
        cmocka_unit_test(test_claim_sent_add_stems_where_only_the_wanted),
        cmocka_unit_test(test_claim_sent_init_in_uses_the_room),
        cmocka_unit_test(test_claim_may_start_agrees_with_match_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
