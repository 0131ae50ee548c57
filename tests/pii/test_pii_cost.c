/* PII detector cost on adversarial text: a row of one repeated unit that makes a recognizer look back
 * (or ahead) over the units before it must still take time linear in the text. Each case runs 512 KiB;
 * the bound (CPU seconds, ASan included) is far above the linear cost and far below the quadratic one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "pii_expect.h"
#include "test_util.h"

enum { COST_BYTES = 512 * 1024 };
#define COST_CPU_SECONDS 3.0

/* CPU seconds of one sanctum_detect on `unit` repeated to COST_BYTES (whole units). */
static double detect_cpu(const sanctum_detector *det, const char *unit)
{
    size_t ul = strlen(unit), n = COST_BYTES / ul * ul;
    uint8_t *text = malloc(n);
    assert_non_null(text);
    for (size_t i = 0; i < n; i += ul)
        memcpy(text + i, unit, ul);
    sanctum_detection *d = NULL;
    sanctum_error err;
    clock_t t0 = clock();
    assert_int_equal(sanctum_detect(&d, det, text, n, 0, &err), SANCTUM_OK);
    clock_t t1 = clock();
    for (size_t i = 0; i < d->count; i++)
        assert_true(d->entities[i].end <= n && d->entities[i].start < d->entities[i].end);
    sanctum_free(d);
    free(text);
    return (double)(t1 - t0) / CLOCKS_PER_SEC;
}

static void assert_linear(const sanctum_detector *det, const char *what, const char *unit)
{
    double s = detect_cpu(det, unit);
    if (s > COST_CPU_SECONDS)
        fail_msg("%s: %.2f CPU seconds for %d KiB (bound %.1f)", what, s, COST_BYTES / 1024, COST_CPU_SECONDS);
}

/* A line of chat mentions: each one walked back over all the mentions before it. */
static void mentions_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "@Maeve<space>", "@Maeve ");
    assert_linear(f->det, "@Maeve<tab>", "@Maeve\t");
    /* the mentions that open a line are still mentions, and so is a short row of them */
    pii_expect(f->det, "@Siddharth @Maeve standup moved to 10", SANCTUM_ENTITY_PERSON, "Maeve");
    char row[64 * 7 + 1] = "";
    for (int i = 0; i < 64; i++)
        strcat(row, "@Maeve ");
    sanctum_detection *d = pii_run(f->det, row, 0);
    assert_int_equal(d->count, 64); /* a row longer than the walk back is still a row of mentions */
    sanctum_free(d);
    pii_expect_none(f->det, "ping @Sarah about it", SANCTUM_ENTITY_PERSON);
}

/* Round 11: rows of number words, CJK digits and native digits read in runs (a run that is too long is read to
 * its end once, and a native-digit run is scanned in a window of bounded size). */
static void number_words_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "spoken words", "call five five six, ");
    assert_linear(f->det, "French compounds", "num\xc3\xa9ro quatre-vingt-dix-sept ");
    assert_linear(f->det, "double", "double ");
    assert_linear(f->det, "Cyrillic words", "\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80 "
                                            "\xd0\xb2\xd0\xbe\xd1\x81\xd0\xb5\xd0\xbc\xd1\x8c ");
    assert_linear(f->det, "CJK digits", "\xe4\xb8\x80\xe4\xb8\x89\xe5\x85\xab ");
    assert_linear(f->det, "Persian digits", "\xdb\xb0\xdb\xb9\xdb\xb1\xdb\xb2 ");
    assert_linear(f->det, "Persian digits, no space", "\xdb\xb0\xdb\xb9\xdb\xb1\xdb\xb2");
}

/* PERSON entities of text, as a count (and none out of bounds: pii_run checks). */
static size_t persons(const sanctum_detector *det, const char *text)
{
    sanctum_detection *d = pii_run(det, text, 0);
    size_t k = 0;
    for (size_t i = 0; i < d->count; i++)
        k += d->entities[i].type == SANCTUM_ENTITY_PERSON;
    sanctum_free(d);
    return k;
}

/* A row of "P<": each "P" opened an MRZ name field that was read to the end of the row and refused. */
static void mrz_rows(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "P<", "P<");
    assert_linear(f->det, "P<UTOA<", "P<UTOA<");
    /* a refused field does not hide a real one after it */
    pii_expect(f->det, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", SANCTUM_ENTITY_PERSON, "ERIKSSON<<ANNA<MARIA");
    pii_expect(f->det, "P<UTOA<B<C<D<E P<UTOERIKSSON<<ANNA<<<<<<<<", SANCTUM_ENTITY_PERSON, "ERIKSSON<<ANNA");
}

/* A line of "]王伟：": each name before a colon walked back to the line's start for the chat time "[10:02]". */
static void chat_speakers_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "]王伟：", "]王伟：");
    assert_linear(f->det, "]김민준:", "]김민준:");
    assert_int_equal(persons(f->det, "[09:12] 王小红：我到了\n[09:13] 李明：好的\n"), 2);
    assert_int_equal(persons(f->det, "[10:02] 김민준: 안녕하세요\n[10:03] 이서연: 네\n"), 2);
    assert_int_equal(persons(f->det, "[abc] 王小红：我到了"), 0); /* no time in the brackets */
}

/* Names joined by 和/與 after a role noun ("我同事陈思雨和林志豪"): each name asked for the chain before it, three
 * ways at each step, so a row of "與" before a name cost 3x per four characters (56 took 2.4 s in the release
 * build, 60 half a minute under ASan); a long chain of names then cost n^2 and as deep a recursion. */
static void cjk_name_chains(void **state)
{
    pii_fixture *f = *state;
    char row[3 * 3 + 56 * 3 + 4 * 3 + 1] = "我同事";
    for (int i = 0; i < 56; i++)
        strcat(row, "與");
    strcat(row, "林志豪要");
    sanctum_detection *d = NULL;
    sanctum_error err;
    clock_t t0 = clock();
    assert_int_equal(sanctum_detect(&d, f->det, (const uint8_t *)row, strlen(row), 0, &err), SANCTUM_OK);
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    sanctum_free(d);
    if (s > 0.5)
        fail_msg("56 x 與 before a name: %.2f CPU seconds", s);
    assert_linear(f->det, "林志與", "林志與");
    assert_linear(f->det, "我同事林志與", "我同事林志與");
    /* the chain still vouches for each name in it */
    assert_int_equal(persons(f->det, "我同事陈思雨和林志豪和王伟要去开会"), 3);
    assert_int_equal(persons(f->det, "我同事陈思雨和林志豪要"), 2);
    assert_int_equal(persons(f->det, "林志和陈思雨要去"), 0); /* no role noun: no chain */
}

/* Round 11's frames in a row: self-introductions reading words ahead and a number on the line, chat
 * speakers walking back to a timestamp, Korean vocatives walking back to the speaker, Japanese です. */
static void intros_and_speakers_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "أنا<space>", "أنا ");
    assert_linear(f->det, "معك فيصل بن", "معك فيصل بن ");
    assert_linear(f->det, "ผมสมชาย", "ผมสมชาย ");
    assert_linear(f->det, "] 王伟：", "] 王伟：");
    assert_linear(f->det, "[9:15 김도윤: 민지야", "[9:15 김도윤: 민지야 ");
    assert_linear(f->det, "もしもし、佐々木です", "もしもし、佐々木です");
    assert_linear(f->det, "我是刘晓峰", "我是刘晓峰");
    assert_linear(f->det, "Telegram: Алёна: ", "Telegram: Алёна: ");
    assert_linear(f->det, "प्रिय सुगंधा जी,\n", "प्रिय सुगंधा जी,\n");
    assert_linear(f->det, "स्व. देवकीनंदन उपाध्याय की ", "स्व. देवकीनंदन उपाध्याय की ");
}

/* Round 11's prose frames look back at the word before a name (a venue word, a preposition, "the") and on
 * at the two words after it (a pronoun pair): rows of those frames, and one very long word before names. */
static void prose_frames_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "salle Louise Michel", "salle Louise Michel ");
    assert_linear(f->det, "the Carol Concert", "the Carol Concert ");
    assert_linear(f->det, "Klaus und ich", "Klaus und ich ");
    assert_linear(f->det, "desde Valencia", "desde Valencia ");
    assert_linear(f->det, "Liebe Grüße", "Liebe Gr\xc3\xbc\xc3\x9f" "e ");
    assert_linear(f->det, "long word + names", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Louise Michel ");
}

/* Chat exports, lists and fields in a row (person_chat_frames.c): a label's name and a list's items are
 * added ahead of the walk and slide back into text order; a JSON value looks back for its key. */
static void chat_frames_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "speaker and vocative", "Svetlana: Ingrid, hi\n");
    assert_linear(f->det, "speaker label, no newline", "Ilse: Ingrid, ");
    assert_linear(f->det, "list after a label", "Who: Ottilie, Bartholomew, Marisol\n");
    assert_linear(f->det, "1:1 pairs", "1:1 Ottilie / Bartholomew ");
    assert_linear(f->det, "JSON place values", "{\"to\": \"Savannah Charlotte Austin\", ");
    assert_linear(f->det, "voicemail intros", "hey it's um ottilie, ");
    assert_linear(f->det, "kin titles", "Tita Marites and Savta Miriam, ");
    pii_expect(f->det, "[08:12] Svetlana: Ingrid, can you call me back?", SANCTUM_ENTITY_PERSON, "Ingrid");
}

/* Scripts without capitals read the word before a name for a title or a frame ("מר כהן", "به نام", "श्री"). No-break
 * spaces are bytes >= 0x80 as the letters are: a text of names joined by U+00A0 was one run that every name walked
 * back to its start (n^2, release build: 512 KiB of "דני" + U+00A0 took 4.0 CPU s, 1 MiB 16; of "अजय" + U+00A0
 * 2.9 and 11.7; Arabic "علي" as Hebrew). */
static void nbsp_joined_names(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "Hebrew name + NBSP", "\xd7\x93\xd7\xa0\xd7\x99\xc2\xa0");          /* דני */
    assert_linear(f->det, "Devanagari name + NBSP", "\xe0\xa4\x85\xe0\xa4\x9c\xe0\xa4\xaf\xc2\xa0"); /* अजय */
    /* the frames still read the word before a name */
    pii_expect(f->det, "ההעברה על שם יעל רוזנברג, תודה", SANCTUM_ENTITY_PERSON, "יעל רוזנברג");
    pii_expect(f->det, "واریز به نام مهدی حسینی انجام شد", SANCTUM_ENTITY_PERSON, "مهدی حسینی");
}

/* Rows of nine-digit cells: each cell looks up for its column's header (round 12), at most 12 lines of 256 bytes;
 * a line of cells with no line break, each cell reading back to its line's start. Wide rows (25 cells of 256 bytes
 * a line) are the most lines read per byte: the walk up is made once per row and its answer kept for the next
 * recognizer (release build, 1 MiB of CSV rows: 0.85 CPU s when each cell walked it, for SSN and bank each; 0.23 s). */
#define CELLS5(sep) "523417789" sep "301662210" sep "145279036" sep "612084471" sep "523417789"
static void table_cells_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "wide csv rows", CELLS5(",") "," CELLS5(",") "," CELLS5(",") "," CELLS5(",") "," CELLS5(",") "\n");
    assert_linear(f->det, "wide tsv rows", CELLS5("\t") "\t" CELLS5("\t") "\t" CELLS5("\t") "\t" CELLS5("\t") "\t" CELLS5("\t") "\n");
    /* each cell still finds its own column's header, however far up: "note" over the first, "ssn" over the second */
    const char *two = "badge_no,ssn\nnote,\n145279036,612084471\n";
    pii_expect(f->det, two, SANCTUM_ENTITY_US_SSN, "612084471");
    sanctum_detection *d = pii_run(f->det, two, 0);
    assert_int_equal(d->count, 1);
    sanctum_free(d);
    assert_linear(f->det, "csv rows of nine digits", "523417789,301662210,145279036,612084471\n");
    assert_linear(f->det, "tsv rows under a header", "ssn\tbadge\n523417789\t301662210\n145279036\t612084471\n");
    assert_linear(f->det, "one endless ';' line", "523417789;");
    assert_linear(f->det, "psql rows", " 4 | 523417789 | 301662210\n----+-----------+----------\n");
}

/* Names in a case in a row (person_inflect.c): each capitalized word tries its endings on itself only,
 * at most 32 bytes; a sentence of them is one long name sequence. */
static void case_forms_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "Finnish cases", "Mikolle Jukan Sannalla ");
    assert_linear(f->det, "Hungarian cases", "Zolt\xc3\xa1nnal Eszternek ");
    assert_linear(f->det, "Polish cases", "z Magdalen\xc4\x85 i Tomaszowi ");
    assert_linear(f->det, "long unknown word with an ending", "Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxallelle ");
}

/* Informal chat frames in a row (person_lower_frames.c, round 13): each frame word reads one word before
 * and one or two after it, at most 24 bytes each, however long the run of frames and names. */
static void informal_frames_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "kin particles and coordination", "rahul bhai and priya ji w kuya jun ");
    assert_linear(f->det, "hyphen suffixes", "yuki-chan ren-kun ");
    assert_linear(f->det, "possessives", "tanvi's mom ");
    assert_linear(f->det, "verb, preposition, name", "dile a rodrigo bilang ke wulan ");
    assert_linear(f->det, "long lower-case words around frames",
                  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bhai aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa and ");
    pii_expect(f->det, "ok so rahul bhai and kuya jun are coming", SANCTUM_ENTITY_PERSON, "rahul");
    /* round 14: each request word, speaker colon and declined form reads one word on each side (24 bytes) */
    assert_linear(f->det, "openers and speakers", "arjun pls\nollie: ok\nzeynep can u\n");
    assert_linear(f->det, "requests in a row", "pls can u could you u there ");
    assert_linear(f->det, "declined names", "powiedz tomkowi skazhi olegu czesc kasiu how far emeka ");
    assert_linear(f->det, "colons in a row", "\nollie:ollie: ");
    assert_linear(f->det, "accented frames", "cze\xc5\x9b\xc4\x87 kasia d\xc3\xac a marco ol\xc3\xa1 ");
    assert_linear(f->det, "interjection, name, verb", "\nomg kavya got ");
    /* round 15: postpositions and number words read one word on each side; a sign-off dash reads its line back
     * at most 240 bytes, and only before the line's last word */
    assert_linear(f->det, "postpositions and number words", "vikram ka number nomer olega namba ya juma ");
    assert_linear(f->det, "dashes in one line", "thx - u - ");
    assert_linear(f->det, "sign-offs in a row", "thx pls u - dinesh\n");
}

/* Items of one list in a row (person_parallel.c): a weak given name asks at most four candidates on each
 * side, each over a note and a label of bounded length. */
static void list_items_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "names with notes", "Solveig 9-13, Ingrid Nygaard 13-18, ");
    assert_linear(f->det, "labelled items", "Mon early: Juha, Mon late: Joaquim (swap), ");
    /* contact owners (person_contact.c): each number bisects the names and looks back at most four */
    assert_linear(f->det, "names before numbers", "Juha (desk) at +33 6 12 34 56 78, ");
    /* pronouns (person_anaphora.c): each weak name reads at most 72 bytes after it */
    assert_linear(f->det, "names and no pronoun", "Juha Olamide Thandiwe Joaquim ");
    /* names joined by no-break or zero-width spaces are one run of bytes >= 0x80: each weak name read the run to
     * the text's end as the word after it (release build, 1 MiB of "Juha" + U+00A0 took 25 CPU s, + U+200B 23) */
    assert_linear(f->det, "names and NBSP", "Juha\xc2\xa0");
    assert_linear(f->det, "names and ZWSP", "Juha\xe2\x80\x8b");
    pii_expect(f->det, "Olamide exceeded extraordinarily every target and his team trusts him.", SANCTUM_ENTITY_PERSON,
               "Olamide");
    /* structured name fields (person_fields.c): each line is read once */
    assert_linear(f->det, "vCard N lines", "N:Okoro;Faith;;;\n");
    assert_linear(f->det, "one long N line", "N:Okoro;Faith;;;");
    /* GEDCOM NAME after a label ("GEDCOM: 1 NAME ..."): every NAME of one long line read the line to its end for
     * the surname's slashes (release build, 1 MiB of "x: 1 NAME " took 17.6 CPU s, of "x: 1 NAME /a" 14.4) */
    assert_linear(f->det, "GEDCOM NAME after labels, one line", "x: 1 NAME ");
    assert_linear(f->det, "GEDCOM NAME and one slash, one line", "x: 1 NAME /a");
    pii_expect(f->det, "GEDCOM: 1 NAME Elias /Lindahl/ 2 SURN x", SANCTUM_ENTITY_PERSON, "Lindahl");
}

/* Round 13: record rows (a name cell, then nine digits: each number asks a hash set of the names' ends, made
 * once), Cyrillic words with ё and a saint's word before them, Korean names before titles and in lists. */
static void round13_rows_and_scripts(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "record rows", "Dana Whitfield,512447903,Full time\n");
    assert_linear(f->det, "Cyrillic names with yo", "\xd1\x83 \xd0\xa1\xd0\xb5\xd1\x80\xd1\x91\xd0\xb6\xd0\xb8 "
                                                   "\xd0\xa1\xd0\xb2\xd1\x8f\xd1\x82\xd0\xbe\xd0\xb3\xd0\xbe ");
    assert_linear(f->det, "Korean names before titles", "\xea\xb9\x80\xec\xa7\x80\xed\x9b\x88 "
                                                        "\xed\x8c\x80\xec\x9e\xa5\xeb\x8b\x98, ");
}

/* Round 13 (person_named_things.c, thing_list): a cast frame reads at most four words after a name, a character
 * word at most two before it, a protocol's cast 160 bytes either side of the name, and a list's bracketed note
 * is skipped inside the line's first 200 bytes. */
static void named_things_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "cast frames", "Rowan Ashgrove is played by Helena Brandt, ");
    assert_linear(f->det, "characters called", "a tiefling called Ysolde Varn and ");
    assert_linear(f->det, "NPC list with notes", "NPC list: Tomas Venn (smith), Ilse Brandt (baker (old)), Rourke Dane (\n");
    assert_linear(f->det, "firm words", "Harold Becker Logistics Services Insurance ");
    assert_linear(f->det, "protocol cast", "Alice Bob Carol Eve Mallory Trent encrypts ");
    assert_linear(f->det, "house numbers and streets", "4102 Bailey Ridge Dr 9 Harrison Ct ");
}

/* Round 13, mail structure: every address and name looks back to its line's header label (bounded, folded
 * lines at most eight back); rows of ids, escaped JSON, XML elements and sign-offs stay linear. */
static void mail_fields_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "folded References", "\n <x7.k2@relay.example.net>");
    assert_linear(f->det, "ids on one line", "<k9@mx.example.org> ");
    assert_linear(f->det, "senders on one line", "From: Jira Automation Alerts ");
    assert_linear(f->det, "escaped JSON keys", "{\\\"owner\\\":\\\"Emeka Chukwuma\\\"},");
    assert_linear(f->det, "XML elements", "<LastName>Karakaya</LastName>");
    assert_linear(f->det, "uncased header values", "\u0645\u0646: \u0633\u0627\u0631\u0629 \u0633\u0627\u0631\u0629 ");
    assert_linear(f->det, "long sign-offs", "Med v\u00e4nlig h\u00e4lsning\nAstrid Sj\u00f6berg\n");
}

/* Round 15, programs and firms named like people: an apposition is read at most eight words (80 bytes) after a
 * name, a JSON object at most 320 bytes either side of a "name" value, a list at most five items either side
 * of a name, a sender label's value to its line's end (64 bytes). */
static void round15_things_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "bot appositions", "Nora, your virtual banking assistant, ");
    assert_linear(f->det, "bot speakers", "[09:00] Karma Bot: Renovatebot: ");
    assert_linear(f->det, "unclosed JSON things", "{\"name\":\"Luna\",\"tags\":[");
    assert_linear(f->det, "JSON pets", "{\"name\":\"Max\",\"species\":\"dog\"},");
    assert_linear(f->det, "firm lists", "Raymond James and Wells Fargo, Goldman Sachs and ");
    assert_linear(f->det, "sender labels", "Dari: Shopee Bank Mandiri\n");
}

/* Round 15: rows of the reference frames. Each role frame reads its line (bounded either side), each
 * citation reads a few bytes after the name, a BibTeX value up to 400 bytes. */
static void reference_frames_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "cast list on one line", "Ruth Okafor as Margaret, ");
    assert_linear(f->det, "cast in parentheses", "film avec Claire Dubois (Emma) ");
    assert_linear(f->det, "author-year", "As Marchetti (2017) argues, ");
    assert_linear(f->det, "et al.", "Lindahl et al. ");
    assert_linear(f->det, "scorers", "Wirtz (23'), ");
    assert_linear(f->det, "capitals speakers", "MR. HALVERSON: no.\n");
    assert_linear(f->det, "offices before names", "Detective Inspector Narang Okonjo said, ");
    assert_linear(f->det, "biography leads", "\xe9\x99\xb3\xe9\x9b\x85\xe5\xa9\xb7\xef\xbc\x88" "1971\xe5\xb9\xb4\xe7\x94\x9f\xef\xbc\x89\n");
    assert_linear(f->det, "a lead without a line break", "\xe9\x99\xb3\xe9\x9b\x85 ");
    assert_linear(f->det, "BibTeX authors", "author = {Okoro, Chidi and Van der Berg, Lotte and ");
    assert_linear(f->det, "case captions", "Castellano v. Brennan, 588 F.3d 102 ");
}

/* Round 15: a signature under each of many sign-offs, and sign-offs over company lines and rules. */
static void round15_mail_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "script signatures", "\u6b64\u81f4\n\u5218\u6d77\u6d0b\n");
    assert_linear(f->det, "signatures over rules", "\uac10\uc0ac\ud569\ub2c8\ub2e4.\n--\n--\n");
    assert_linear(f->det, "signatures over firms", "\u656c\u5177\n\u682a\u5f0f\u4f1a\u793e\u30b5\u30af\u30e9 \n");
    assert_linear(f->det, "times before names", "09:00 \u4e0a\u6d77\u5e02\u6c11 \u51fa\u53d1\n");
    assert_linear(f->det, "times on one line", "08:31 \u5218\u5a77\u5a77 ");
    assert_linear(f->det, "names over times", "\u5434\u6d77\u71d5 2026/10/02 21:07\n");
    assert_linear(f->det, "WhatsApp dashes", "12/9/26, 6:05 PM - Kofi: ok\n");
    assert_linear(f->det, "reply attributions", "Le 5 nov. 2026 \u00e0 09:12, Ga\u00eblle Rivoire a \u00e9crit :\n");
    assert_linear(f->det, "colons ending lines", "Am 05.11.2026 um 09:12 Wiebke Andersen Jonas Berg:\n");
}

/* Round 15: spoken addresses read a bounded number of words each way from every at-word; a row of them, of
 * joins and dots, or of guillemets between addresses stays linear. */
static void spoken_emails_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "a dot b at ", "a dot b at ");
    assert_linear(f->det, "x dot ", "x dot ");
    assert_linear(f->det, "jo at ex dot com ", "jo at ex dot com ");
    assert_linear(f->det, "a underscore at ", "a underscore at ");
    assert_linear(f->det, "\xc2\xab" "a@b.cc\xc2\xbb", "\xc2\xab" "a@b.cc\xc2\xbb");
    assert_linear(f->det, "4111 1111 1111 1111 11/26 ", "4111 1111 1111 1111 11/26 ");
    pii_expect(f->det, "email: jo dot li at example dot com", SANCTUM_ENTITY_EMAIL_ADDRESS, "jo dot li at example dot com");
}

/* Round 14: the venue noun after a name and the verb before it, an office after a title, a pet's verb of
 * naming, a room field, the placeholder's line window (a long line without a break), the lower-case frames
 * (a request after a line's first name, speaker lines, two-word and accented greetings, declined names) read
 * a bounded neighbourhood each; rows of them stay linear (release: each at most 0.33 CPU s per MiB). */
static void round14_frames_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "eponym venues", "Tell Priya Raman airport the Grace Hopper auditorium Jomo Kenyatta suite 412 ");
    assert_linear(f->det, "offices after titles", "Sehr geehrte Frau B\xc3\xbcrgermeisterin, Monsieur le Maire ");
    assert_linear(f->det, "pets named", "der Hund hei\xc3\x9ft Bruno, mi perro se llama Lucas, Bella's jabs ");
    assert_linear(f->det, "placeholders on one line", "John Doe ");
    assert_linear(f->det, "placeholders and examples", "Jane Doe, sample form: ");
    assert_linear(f->det, "requests and speakers", "\nomg kavya pls check\nollie: running late\n[10:02] zeynep could you ");
    assert_linear(f->det, "greetings", "how far chinedu cze\xc5\x9b\xc4\x87 kasia d\xc3\xac a marco ol\xc3\xa1 ");
    assert_linear(f->det, "declined names", "powiedz tomkowi skazhi olegu peredai svetlane czesc kasiu ");
}

/* A title after a title ("Frau Prof. Dr. Lang") was read by the title path calling itself once per title: a row
 * of titles as long as the text overflowed the stack (release: 128 KiB of "Herr " crashed on an 8 MiB stack). */
static void titles_in_a_row(void **state)
{
    pii_fixture *f = *state;
    assert_linear(f->det, "Herr<space>", "Herr ");
    assert_linear(f->det, "Dr.<space>", "Dr. ");
    assert_linear(f->det, "Frau Prof. Dr.", "Frau Prof. Dr. ");
    /* the name after the last of a few titles is still taken */
    pii_expect(f->det, "Sehr geehrte Frau Prof. Dr. Dr. Lang,", SANCTUM_ENTITY_PERSON, "Lang");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(mentions_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(number_words_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(mrz_rows, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(chat_speakers_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(cjk_name_chains, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(intros_and_speakers_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(prose_frames_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(chat_frames_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(nbsp_joined_names, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(table_cells_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(case_forms_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(informal_frames_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(list_items_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_rows_and_scripts, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(named_things_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(mail_fields_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_mail_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(spoken_emails_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round14_frames_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(titles_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_things_in_a_row, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(reference_frames_in_a_row, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
