/* test_country.c -- the compiled country code table (data/countries/
 * states.tsv): known values, no code given to two countries, and a row
 * for every ISO country the gazetteer knows. */
#include "harness.h"
#include "where/gazdata.h"
#include <string.h>

static void country_known_values(tctx *t)
{
    static const struct { const char *iso3, *fips, *cowc; int cow, gw; } known[] = {
        {"USA", "US", "USA", 2, 2},     {"RUS", "RS", "RUS", 365, 365}, {"UKR", "UP", "UKR", 369, 369},
        {"GBR", "UK", "UKG", 200, 200}, {"DEU", "GM", "GMY", 255, 260}, {"CHN", "CH", "CHN", 710, 710},
        {"ISR", "IS", "ISR", 666, 666}, {"IRN", "IR", "IRN", 630, 630}, {"XKX", "KV", "KOS", 347, 347},
        {"SRB", "RI", "YUG", 345, 340}, {"YEM", "YM", "YEM", 679, 678}, {"KOR", "KS", "ROK", 732, 732},
        {"PRK", "KN", "PRK", 731, 731}, {"TWN", "TW", "TAW", 713, 713}, {"SSD", "OD", "SSD", 626, 626},
        {"PRI", "RQ", "", 0, 0},        {"PSE", "", "", 0, 0},
    };
    for (size_t i = 0; i < sizeof known / sizeof *known; i++) {
        const dyad_country_codes *c = dyad_country_lookup(known[i].iso3);
        CHECK(c != NULL);
        CHECK_STR(c->iso3, known[i].iso3);
        CHECK_STR(c->fips, known[i].fips);
        CHECK_STR(c->cow_abbr, known[i].cowc);
        CHECK_INT(c->cow, known[i].cow);
        CHECK_INT(c->gw, known[i].gw);
    }
    /* an actor code's country block; role blocks and short codes are none */
    CHECK_STR(dyad_country_lookup("RUSMIL")->iso3, "RUS");
    CHECK(dyad_country_lookup("IGOUNO") == NULL);
    CHECK(dyad_country_lookup("GOV") == NULL);
    CHECK(dyad_country_lookup("US") == NULL);
    CHECK(dyad_country_lookup(NULL) == NULL);
    CHECK(dyad_country_at(dyad_country_count()) == NULL);
}

static void country_codes_unique(tctx *t)
{
    size_t n = dyad_country_count();
    CHECK(n >= 250);
    for (size_t i = 0; i < n; i++) {
        const dyad_country_codes *a = dyad_country_at(i);
        if (i) CHECK(strcmp(dyad_country_at(i - 1)->iso3, a->iso3) < 0);
        for (size_t j = i + 1; j < n; j++) {
            const dyad_country_codes *b = dyad_country_at(j);
            CHECK(!a->fips[0] || strcmp(a->fips, b->fips) != 0);
            CHECK(!a->cow || a->cow != b->cow);
            CHECK(!a->gw || a->gw != b->gw);
        }
    }
}

static void country_every_iso_code(tctx *t)
{
    size_t with_fips = 0;
    for (uint32_t i = 0; i < gaz_ncountries; i++) {
        const dyad_country_codes *c = dyad_country_lookup(gaz_countries[i].alpha3);
        if (!c) printf("  no row for %s\n", gaz_countries[i].alpha3);
        CHECK(c != NULL);
        with_fips += c->fips[0] != 0;
    }
    /* only PSE, ALA, BES and UMI have no single FIPS code */
    CHECK(with_fips + 4 >= gaz_ncountries);
}

void suite_country(tctx *t)
{
    RUN(t, country_known_values);
    RUN(t, country_codes_unique);
    RUN(t, country_every_iso_code);
}
