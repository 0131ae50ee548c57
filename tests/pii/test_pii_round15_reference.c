/* PII detector, round 15 (news, reference and citation text): one test per class, each in new sentences (none
 * taken from an evaluation file), positives and hard negatives in the same frame. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pii_expect.h"
#include "test_util.h"

/* A case name followed by its law-report citation ("612 F.3d 441", "[2019] UKSC 12", "491 U.S. 397") is a
 * caption even on a line with no court word; an estate or a marriage matter names persons even when the
 * surname is also a town. */
static void round15_case_citations(void **state)
{
    pii_fixture *f = *state;
    const int32_t P = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "Please read Castellano v. Brennan, 588 F.3d 102 (2d Cir. 2019), before the seminar.", P, "Castellano");
    pii_expect(f->det, "Please read Castellano v. Brennan, 588 F.3d 102 (2d Cir. 2019), before the seminar.", P, "Brennan");
    pii_expect(f->det, "Ostrowski v. Nakagawa, 214 Cal. App. 4th 611 (2013) is the leading authority.", P, "Nakagawa");
    pii_expect(f->det, "Kapoor v Hartley [2019] UKSC 12 turned on the meaning of a single clause.", P, "Hartley");
    pii_expect(f->det, "Texas v. Johnson, 491 U.S. 397 (1989), is taught in every first-year class.", P, "Johnson");
    pii_expect(f->det, "Why was Mwangi v. Ferreira, 77 N.Y.2d 310, cited so often afterwards?", P, "Ferreira");
    pii_expect(f->det, "In re Estate of Lancaster, the will was found in a biscuit tin.", P, "Lancaster");
    pii_expect(f->det, "Zusammenfassung bitte: Kowalski v. Brandt, 2021 WL 448812, ging um eine Kaution.", P, "Brandt");
    /* no caption: a film, a match, firms, a year after a comma, a title with a release year */
    pii_expect_none(f->det, "Batman v Superman (2016) was panned by critics but made money.", P);
    pii_expect_none(f->det, "Arsenal v Chelsea, 3 points between them at the top of the table.", P);
    pii_expect_none(f->det, "Godzilla v. Kong, 2021 U.K. release, streams from Friday.", P);
    pii_expect_none(f->det, "Samsung v. Qualcomm, 678 F.3d 1314 (Fed. Cir. 2012), concerned design patents.", P);
    pii_expect_none(f->det, "Google v. Oracle, 593 U.S. 1 (2021), is about software interfaces.", P);
    pii_expect_none(f->det, "Kramer vs. Kramer, 1979, won five Oscars including best picture.", P);
    pii_expect_none(f->det, "Alien vs. Predator, 2004 sequel, is on the late-night schedule.", P);
}

/* Author-year citations in running text: "Surname et al.", "Surname (2017) argues", "(Surname, 2015)",
 * "(Surname & Surname, 2015)", in several languages' reporting frames. A title, a product, a place, a body or
 * a figure in the same frame is no author. */
static void round15_author_year(void **state)
{
    pii_fixture *f = *state;
    const int32_t P = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "Similar gains were reported by Lindahl et al. in a later cohort.", P, "Lindahl");
    pii_expect(f->det, "The effect vanished once Quispe et al. controlled for rainfall.", P, "Quispe");
    pii_expect(f->det, "As Marchetti (2017) argues, remittances smooth consumption.", P, "Marchetti");
    pii_expect(f->det, "Wie Luhmann (1984, S. 31) zeigt, beobachten Systeme sich selbst.", P, "Luhmann");
    pii_expect(f->det, "Comme le montre Szabó (2004, p. 12), la mobilité reste faible.", P, "Szabó");
    pii_expect(f->det, "Nakamura (2011) found no such effect in Hokkaido.", P, "Nakamura");
    pii_expect(f->det, "This contradicts earlier work (Kowalczyk, 2015) on rural credit.", P, "Kowalczyk");
    pii_expect(f->det, "Rates fell sharply (see Oyelaran & Adeyinka, 2019, for a review).", P, "Oyelaran");
    pii_expect(f->det, "Rates fell sharply (see Oyelaran & Adeyinka, 2019, for a review).", P, "Adeyinka");
    pii_expect(f->det, "Two studies disagree (Lindahl et al., 2019; Nakamura, 2021).", P, "Nakamura");
    pii_expect(f->det, "Como señala García Márquez (1982), escribía de madrugada.", P, "García Márquez");
    /* no author: a film, software, a place, a body, a figure, a dictionary word in the same frames */
    pii_expect_none(f->det, "Parasite (2019) won the Palme d'Or and four Oscars.", P);
    pii_expect_none(f->det, "As Ubuntu (2004) showed, a release schedule can hold.", P);
    pii_expect_none(f->det, "As Germany (2023) shows, exports can fall while jobs grow.", P);
    pii_expect_none(f->det, "Unemployment rose again (Eurostat, 2022) in the south.", P);
    pii_expect_none(f->det, "The trend is clear (Figure 3, 2021 data) across regions.", P);
    pii_expect_none(f->det, "As Windows (2021) shows, defaults matter more than options.", P);
    pii_expect_none(f->det, "According to Eurostat (2022), energy prices doubled.", P);
}

/* No entity of any type covers `span` (its first occurrence in text). */
static void expect_not_span(const sanctum_detector *det, const char *text, const char *span)
{
    sanctum_detection *d = pii_run(det, text, 0);
    size_t a = (size_t)(strstr(text, span) - text), b = a + strlen(span);
    bool hit = false;
    for (size_t i = 0; i < d->count; i++)
        hit = hit || (d->entities[i].start < b && d->entities[i].end > a);
    if (hit) {
        print_error("unexpected entity on \"%s\" in \"%s\"\n", span, text);
        pii_dump(d);
    }
    sanctum_free(d);
    assert_false(hit);
}

/* The character an actor plays, in cast lists and reviews: "X as Y", "X als Y", "X plays Y", "X (Y)" after a
 * cast word, "interpreta a Y", "incarne Madame Y". The actor stays a person; the same "as" between people
 * outside a performance ("Treat Tom as Anna's backup") names two persons. */
static void round15_cast_characters(void **state)
{
    pii_fixture *f = *state;
    const int32_t P = SANCTUM_ENTITY_PERSON;
    const char *t1 = "In the new staging, Adaeze Obi plays Ophelia and Tomasz Brzeski plays Laertes.";
    pii_expect(f->det, t1, P, "Adaeze Obi");
    expect_not_span(f->det, t1, "Ophelia");
    expect_not_span(f->det, t1, "Laertes");
    const char *t2 = "Cast: Ruth Okafor as Margaret, Dev Anand Rao as Tom Wingfield, Ines Moura as Laura.";
    pii_expect(f->det, t2, P, "Ruth Okafor");
    expect_not_span(f->det, t2, "Margaret");
    expect_not_span(f->det, t2, "Tom Wingfield");
    expect_not_span(f->det, t2, "Laura");
    const char *t3 = "Der Film mit Lena Vogt als Effi Briest und Jonas Keller als Innstetten startet im Mai.";
    pii_expect(f->det, t3, P, "Lena Vogt");
    expect_not_span(f->det, t3, "Effi Briest");
    const char *t4 = "Film de Marc Aubert, avec Claire Dubois (Emma) et Julien Marchand (Rodolphe).";
    pii_expect(f->det, t4, P, "Claire Dubois");
    expect_not_span(f->det, t4, "Emma");
    expect_not_span(f->det, t4, "Rodolphe");
    const char *t5 = "En el montaje, Lucía Ferrer interpreta a Bernarda con una dureza admirable.";
    pii_expect(f->det, t5, P, "Lucía Ferrer");
    expect_not_span(f->det, t5, "Bernarda");
    const char *t6 = "Dans ce film, Hana Kimura incarne Madame Arcati avec un humour sec.";
    expect_not_span(f->det, t6, "Arcati");
    /* persons in the same frames outside a performance */
    pii_expect(f->det, "Please treat Tom as Anna's backup while she is away.", P, "Anna");
    pii_expect(f->det, "We hired Grace Liu as Priya's deputy last spring.", P, "Priya");
    pii_expect(f->det, "Ella plays Marcus at chess every Sunday.", P, "Marcus");
    pii_expect(f->det, "The meeting went well: Karen Holt (Finance) and Omar Said (Legal) signed.", P, "Omar Said");
}

/* Reference-manager fields: BibTeX author/editor values ("Surname, Given and Given Surname", "and others"),
 * RIS AU/A1/ED lines. A corporate author in double braces, a title or a lower-case value is no person. */
static void round15_bib_fields(void **state)
{
    pii_fixture *f = *state;
    const int32_t P = SANCTUM_ENTITY_PERSON;
    const char *b1 = "@article{okoro2019,\n  author = {Okoro, Chidi and Van der Berg, Lotte},\n  year = {2019}\n}";
    pii_expect(f->det, b1, P, "Okoro, Chidi");
    pii_expect(f->det, b1, P, "Van der Berg, Lotte");
    const char *b2 = "@book{tides, Author = \"Marisol Quintero and Ji-ho Park\", title = \"Tides\"}";
    pii_expect(f->det, b2, P, "Marisol Quintero");
    pii_expect(f->det, b2, P, "Ji-ho Park");
    pii_expect(f->det, "@incollection{ch3, editor = {Brand\xc3\xa3o, In\xc3\xaas and others}, pages = {1--20}}", P,
               "Brand\xc3\xa3o, In\xc3\xaas");
    const char *r1 = "TY  - JOUR\nAU  - Haugland, Sigrid\nAU  - Mensah, Kofi A.\nTI  - Coastal erosion\nER  - ";
    pii_expect(f->det, r1, P, "Haugland, Sigrid");
    pii_expect(f->det, r1, P, "Mensah, Kofi A.");
    /* a value of another shape is left to the other rules */
    pii_expect(f->det, "git commit --author=\"Lars Ekstr\xc3\xb6m <lars@ekstrom.example>\" -m \"fix\"", P, "Lars Ekstr\xc3\xb6m");
    /* no person: a corporate author, a title field, a lower-case placeholder, a RIS title */
    pii_expect_none(f->det, "@misc{who2020, author = {{World Health Organization}}, title = {Annual Report}}", P);
    pii_expect_none(f->det, "@book{h1, title = {Author and Editor: A Short History}, year = {2001}}", P);
    pii_expect_none(f->det, "template: author = {name}, year = {yyyy}", P);
    pii_expect_none(f->det, "TY  - BOOK\nTI  - Tides and the Coast\nPY  - 1998\nER  - ", P);
}

/* Scorers in match reports: a name with a minute mark ("Wirtz (23')", "Oyarzabal 12'", "(pen. 51')",
 * "(90+3')"). A place, a team or a measurement with a foot mark in the same shape is none. */
static void round15_scorers(void **state)
{
    pii_fixture *f = *state;
    const int32_t P = SANCTUM_ENTITY_PERSON;
    const char *m1 = "Late drama at Ewood: Mbeumo (88') and Szmodics (90+3') scored for the visitors.";
    pii_expect(f->det, m1, P, "Mbeumo");
    pii_expect(f->det, m1, P, "Szmodics");
    const char *m2 = "Goles: Oyarzabal 12', Zubimendi 67'.";
    pii_expect(f->det, m2, P, "Oyarzabal");
    pii_expect(f->det, m2, P, "Zubimendi");
    pii_expect(f->det, "Tore: 1:0 Wirtz (23'), 2:0 Musiala (pen. 51').", P, "Musiala");
    pii_expect(f->det, "Mateus Fernandes (45+1\xe2\x80\x99) levelled before the break.", P, "Mateus Fernandes");
    /* no scorer: places, a room measured in feet, a height */
    pii_expect_none(f->det, "Lisbon (23') and Porto (67') are the kickoff offsets in the feed.", P);
    pii_expect_none(f->det, "Room 12' by 14' needs new carpet before the move.", P);
    pii_expect_none(f->det, "The new centre is 6'2\" and left-footed.", P);
}

/* A bibliography entry in MLA or Chicago style: "Surname, Given." at the start of a line, then a title and a
 * year on the same line. A place and its country in the same shape is none. */
static void round15_bibliography_entries(void **state)
{
    pii_fixture *f = *state;
    const int32_t P = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "Works Cited\nOkparaeke, Nnamdi. River Towns. Heinemann, 1987.", P, "Okparaeke, Nnamdi");
    pii_expect(f->det, "Litteratur\nS\xc3\xb8lvberg, Ingrid. Fjordliv og handel. Oslo: Gyldendal, 2004.", P,
               "S\xc3\xb8lvberg, Ingrid");
    pii_expect(f->det, "Bibliografia\nTrevisan, Ottavia. 2011. Le citt\xc3\xa0 d'acqua. Venezia: Marsilio.", P,
               "Trevisan, Ottavia");
    /* none: a place and its country, a greeting, the same shape with no year on the line */
    pii_expect_none(f->det, "Notes\nParis, France. Population about two million in 2019.", P);
    pii_expect_none(f->det, "Agenda\nWelcome, Everyone. Minutes from 2024 are attached.", P);
    pii_expect_none(f->det, "Colours\nAmber, Ruby. Both shades are sold out.", P);
}

/* Transcript speaker labels in capitals: a title or an office, then the surname, then a colon, at the start
 * of a line ("CHAIR OKAFOR:", "MR. HALVERSON:", "SENATOR WHITLOCK:"). An office alone, an office after a title
 * ("MR. CHAIRMAN:") or a report heading ("CHAIR REPORT:") is no name. */
static void round15_caps_speakers(void **state)
{
    pii_fixture *f = *state;
    const int32_t P = SANCTUM_ENTITY_PERSON;
    const char *t1 = "CHAIR OKONJO: The meeting is called to order.\nCOUNCILLOR BRENNAN: Point of order, Chair.";
    pii_expect(f->det, t1, P, "OKONJO");
    pii_expect(f->det, t1, P, "BRENNAN");
    pii_expect(f->det, "MR. HALVERSON: Objection, Your Honor.\nTHE COURT: Sustained.", P, "HALVERSON");
    pii_expect(f->det, "SENATOR WHITLOCK: I yield back the balance of my time.", P, "WHITLOCK");
    pii_expect(f->det, "JUDGE MARCHETTI: Please be seated.", P, "MARCHETTI");
    pii_expect(f->det, "Transcript\nDR. NAKASHIMA: The scans were clear.", P, "NAKASHIMA");
    /* no name: offices, the court, a heading */
    pii_expect_none(f->det, "MR. CHAIRMAN: I move the question.", P);
    pii_expect_none(f->det, "MADAM SPEAKER: The House will come to order.", P);
    pii_expect_none(f->det, "THE COURT: Sustained.\nTHE WITNESS: Yes, that is right.", P);
    pii_expect_none(f->det, "CHAIR REPORT: attendance was low this quarter.", P);
}

/* The lead of an encyclopedia biography in a script without spaces or case: the name opens the line and a
 * parenthesis with a birth word and a year follows ("林淑芬（1967年生於台南）", "김민정(1983년 부산 출생)",
 * "अनीता देशपांडे (जन्म 1969, पुणे)", "佐藤 健一（1975年 - ）"). A place, a firm or a school with its founding
 * year in the same shape is none. */
static void round15_biography_leads(void **state)
{
    pii_fixture *f = *state;
    const int32_t P = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "\xe9\x99\xb3\xe9\x9b\x85\xe5\xa9\xb7\xef\xbc\x88" "1971\xe5\xb9\xb4\xe7\x94\x9f\xef\xbc\x89"
               "\xe6\x98\xaf\xe5\x8f\xb0\xe7\x81\xa3\xe7\x9a\x84\xe8\xa9\xa9\xe4\xba\xba\xe3\x80\x82", P,
               "\xe9\x99\xb3\xe9\x9b\x85\xe5\xa9\xb7"); /* 陳雅婷（1971年生）是台灣的詩人。 */
    pii_expect(f->det, "\xeb\xb0\x95\xec\xa7\x80\xed\x98\x9c(1979\xeb\x85\x84 \xea\xb4\x91\xec\xa3\xbc "
               "\xec\xb6\x9c\xec\x83\x9d)\xec\x9d\x80 \xec\x8b\x9c\xec\x9d\xb8\xec\x9d\xb4\xeb\x8b\xa4.", P,
               "\xeb\xb0\x95\xec\xa7\x80\xed\x98\x9c"); /* 박지혜(1979년 광주 출생)은 시인이다. */
    pii_expect(f->det, "\xe0\xa4\xb8\xe0\xa5\x81\xe0\xa4\xa7\xe0\xa4\xbe \xe0\xa4\x95\xe0\xa5\x81\xe0\xa4\xb2\xe0\xa4\x95\xe0\xa4\xb0\xe0\xa5\x8d\xe0\xa4\xa3\xe0\xa5\x80 "
               "(\xe0\xa4\x9c\xe0\xa4\xa8\xe0\xa5\x8d\xe0\xa4\xae 1958) \xe0\xa4\xb2\xe0\xa5\x87\xe0\xa4\x96\xe0\xa4\xbf\xe0\xa4\x95\xe0\xa4\xbe \xe0\xa4\xb9\xe0\xa5\x88\xe0\xa4\x82\xe0\xa5\xa4",
               P, "\xe0\xa4\xb8\xe0\xa5\x81\xe0\xa4\xa7\xe0\xa4\xbe \xe0\xa4\x95\xe0\xa5\x81\xe0\xa4\xb2\xe0\xa4\x95\xe0\xa4\xb0\xe0\xa5\x8d\xe0\xa4\xa3\xe0\xa5\x80"); /* सुधा कुलकर्णी (जन्म 1958) */
    pii_expect(f->det, "\xe9\x88\xb4\xe6\x9c\xa8 \xe6\x81\xb5\xe5\xad\x90\xef\xbc\x88" "1968\xe5\xb9\xb4 - \xef\xbc\x89"
               "\xe3\x81\xaf\xe3\x80\x81\xe6\x97\xa5\xe6\x9c\xac\xe3\x81\xae\xe4\xbd\x9c\xe5\xae\xb6\xe3\x80\x82", P,
               "\xe9\x88\xb4\xe6\x9c\xa8 \xe6\x81\xb5\xe5\xad\x90"); /* 鈴木 恵子（1968年 - ）は、日本の作家。 */
    /* none: a university with its founding year, a port city and a city with theirs */
    pii_expect_none(f->det, "\xe6\xb8\x85\xe8\x8f\xaf\xe5\xa4\xa7\xe5\xad\xb8\xef\xbc\x88" "1911\xe5\xb9\xb4\xe5\x89\xb5\xe7\xab\x8b\xef\xbc\x89"
                    "\xe4\xbd\x8d\xe6\x96\xbc\xe5\x8c\x97\xe4\xba\xac\xe3\x80\x82", P); /* 清華大學（1911年創立）位於北京。 */
    pii_expect_none(f->det, "\xeb\xb6\x80\xec\x82\xb0(1876\xeb\x85\x84 \xea\xb0\x9c\xed\x95\xad)\xec\x9d\x80 "
                    "\xed\x95\xad\xea\xb5\xac \xeb\x8f\x84\xec\x8b\x9c\xec\x9d\xb4\xeb\x8b\xa4.", P); /* 부산(1876년 개항)은 항구 도시이다. */
    pii_expect_none(f->det, "\xe0\xa4\xae\xe0\xa5\x81\xe0\xa4\x82\xe0\xa4\xac\xe0\xa4\x88 (\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa5\xe0\xa4\xbe\xe0\xa4\xaa\xe0\xa4\xa8\xe0\xa4\xbe 1507)", P); /* मुंबई (स्थापना 1507) */
}

/* An English office before a surname in news copy: "Mayor Oduya said", "Councillor Mbatha", "Detective Inspector
 * Narang". The title is no part of the name. A street, a hotel or another office after the office word is no
 * name. */
static void round15_office_titles(void **state)
{
    pii_fixture *f = *state;
    const int32_t P = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "\"We will rebuild,\" Mayor Oduya said on Monday.", P, "Oduya");
    pii_expect(f->det, "Councillor Mbatha voted against the plan.", P, "Mbatha");
    pii_expect(f->det, "Governor Ikwuemesi signed the bill on Friday.", P, "Ikwuemesi");
    pii_expect(f->det, "Detective Inspector Narang led the inquiry.", P, "Narang");
    pii_expect(f->det, "Representative Okoye and Senator Whitlock disagreed.", P, "Okoye");
    pii_expect(f->det, "Representative Okoye and Senator Whitlock disagreed.", P, "Whitlock");
    /* no name: a street, a hotel, an avenue, an office after the office */
    pii_expect_none(f->det, "The Mayor Street bridge is closed until June.", P);
    pii_expect_none(f->det, "President Hotel reopens in spring after the refit.", P);
    pii_expect_none(f->det, "Senator Avenue traffic is heavy this morning.", P);
    pii_expect_none(f->det, "Staff moved to the Senator Agnieszka Kowalczyk Building last week.", P);
    pii_expect(f->det, "Senator Margaret Okonjo-Brandt said she would oppose the bill.", P, "Margaret Okonjo-Brandt");
    pii_expect_none(f->det, "The Secretary General spoke to the Assembly.", P);
    pii_expect(f->det, "Attorney General Mbeki-Hale announced the inquiry.", P, "Mbeki-Hale");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round15_case_citations, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_author_year, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_cast_characters, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_bib_fields, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_scorers, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_bibliography_entries, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_caps_speakers, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_biography_leads, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_office_titles, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
