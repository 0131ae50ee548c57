/* PII detector, round 15 (issue 17), the pattern types: e-mail, phone, SSN, card, IBAN, US bank number. One
 * test per class, in new sentences (not taken from any evaluation file); positives and hard negatives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pii_expect.h"

/* Typographic punctuation outside the CJK and general-punctuation blocks: guillemets « » ‹ ›, the inverted
 * marks ¡ ¿, the middle dot ·, the no-break space, full-width and CJK brackets. They end a value as an ASCII
 * quote does, and are no part of it. */
static void round15_unicode_punctuation(void **state)
{
    pii_fixture *f = *state;
    const int32_t EM = SANCTUM_ENTITY_EMAIL_ADDRESS, PH = SANCTUM_ENTITY_PHONE_NUMBER, CC = SANCTUM_ENTITY_CREDIT_CARD,
                  SSN = SANCTUM_ENTITY_US_SSN, IB = SANCTUM_ENTITY_IBAN_CODE;
    /* French, Italian, Russian, German quotes around numbers */
    pii_expect(f->det, "Mon num\xc3\xa9ro de portable : \xc2\xab" "06 12 34 56 78\xc2\xbb", PH, "06 12 34 56 78");
    pii_expect(f->det, "Il suo SSN \xc3\xa8 \xc2\xab" "219-09-9999\xc2\xbb, mi ha detto", SSN, "219-09-9999");
    pii_expect(f->det, "\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80 \xd0\xba\xd0\xb0\xd1\x80\xd1\x82\xd1\x8b \xc2\xab"
                       "4111 1111 1111 1111\xc2\xbb",
               CC, "4111 1111 1111 1111"); /* Russian: card number */
    pii_expect(f->det, "Bitte auf das Konto \xe2\x80\xba" "DE89370400440532013000\xe2\x80\xb9 \xc3\xbc" "berweisen", IB,
               "DE89370400440532013000");
    pii_expect(f->det, "ti ho fatto il bonifico sull'IBAN \xc2\xab" "IT60X0542811101000000123456\xc2\xbb. Ok?", IB,
               "IT60X0542811101000000123456");
    pii_expect(f->det, "IBAN: FR76 3000 6000 0112 3456 7890 189\xc2\xbb", IB, "FR76 3000 6000 0112 3456 7890 189");
    pii_expect(f->det, "\xe8\xb4\xa6\xe5\x8f\xb7\xef\xbc\x9a" "DE89370400440532013000\xe3\x80\x82", IB,
               "DE89370400440532013000"); /* Chinese: account no.: ...。 */
    pii_expect(f->det, "\xc2\xbf" "Es tu correo ana.ruiz@correo.example\xc2\xbf", EM, "ana.ruiz@correo.example");
    /* e-mail spans stop at the marks around them */
    pii_expect(f->det, "\xc3\xa9" "cris-moi \xc3\xa0 \xc2\xab" "louise.m@exemple.fr\xc2\xbb ce soir", EM, "louise.m@exemple.fr");
    pii_expect(f->det, "Schreib an \xe2\x80\x9e" "k.weber@firma.example\xe2\x80\x9c bitte", EM, "k.weber@firma.example");
    pii_expect(f->det, "mail me at \xe2\x80\x9c" "tom@example.org\xe2\x80\x9d today", EM, "tom@example.org");
    pii_expect(f->det, "\xe9\x82\xae\xe7\xae\xb1\xe3\x80\x8c" "li.wei@example.cn\xe3\x80\x8d", EM, "li.wei@example.cn");
    /* a non-ASCII local part stays whole */
    pii_expect(f->det, "write to j\xc3\xbcrgen@example.de today", EM, "j\xc3\xbcrgen@example.de");
    /* hard negatives: quotes around what is no personal number */
    pii_expect_none(f->det, "la version \xc2\xab" "4.12.3\xc2\xbb est sortie", -1);
    pii_expect_none(f->det, "commande \xc2\xab" "2024-11-05\xc2\xbb livr\xc3\xa9" "e", -1);
    pii_expect_none(f->det, "Ticket \xc2\xab" "4111 1111 1111 1112\xc2\xbb (invalid check digit)", CC);
    pii_expect_none(f->det, "the build \xc2\xab" "DE89370400440532013001\xc2\xbb failed", IB);
}

/* A card followed by its expiry date ("4111 1111 1111 1111 11/26"): the date was read as more groups of the
 * number, and the slash voided the whole cluster. */
static void round15_card_then_expiry(void **state)
{
    pii_fixture *f = *state;
    const int32_t CC = SANCTUM_ENTITY_CREDIT_CARD, PH = SANCTUM_ENTITY_PHONE_NUMBER;
    pii_expect(f->det, "card 4111 1111 1111 1111 11/26 cvv 123", CC, "4111 1111 1111 1111");
    pii_expect(f->det, "use my visa 4111-1111-1111-1111 09/2027 for the hotel", CC, "4111-1111-1111-1111");
    pii_expect(f->det, "5555555555554444 12/28 Lena Vogt", CC, "5555555555554444");
    pii_expect(f->det, "Karte: 5555 5555 5555 4444 03/29, Pr\xc3\xbc" "fziffer folgt", CC, "5555 5555 5555 4444");
    pii_expect(f->det, "tarjeta 3782 822463 10005 10/27", CC, "3782 822463 10005");
    pii_expect(f->det, "call me on 0161 496 0733 12/05 after lunch", PH, "0161 496 0733");
    /* no card: an invalid number before a date, a fraction, a date range */
    pii_expect_none(f->det, "card 4111 1111 1111 1112 11/26", CC);
    pii_expect_none(f->det, "add 3 1/2 cups of flour to 2 3/4 cups of water", -1);
    pii_expect_none(f->det, "invoices 2024 11/26 and 2024 12/03 are paid", -1);
}

/* A label glued to its value by a hyphen ("ssn-219-09-9999", "tel-0161 496 0733"), as chat and file names
 * write it; code identifiers with the same hyphen stay glued. */
static void round15_label_hyphen(void **state)
{
    pii_fixture *f = *state;
    const int32_t PH = SANCTUM_ENTITY_PHONE_NUMBER, SSN = SANCTUM_ENTITY_US_SSN;
    pii_expect(f->det, "my ssn-219-09-9999 dont share it", SSN, "219-09-9999");
    pii_expect(f->det, "SSN-536-22-1947 on the form", SSN, "536-22-1947");
    pii_expect(f->det, "tel-0161 496 0733 (home)", PH, "0161 496 0733");
    pii_expect(f->det, "mobile-07700 900461 after six", PH, "07700 900461");
    pii_expect(f->det, "phone-312-555-0148", PH, "312-555-0148");
    /* no entity: a ticket, a build, a model, a JIRA key */
    pii_expect_none(f->det, "see JIRA-219-09-9999 for the root cause", -1);
    pii_expect_none(f->det, "build-0161 496 0733 finished", PH);
    pii_expect_none(f->det, "model-312-555-0148 is discontinued", -1);
}

/* An address said aloud or typed as dictated: "jane dot roe at gmail dot com", "thando underscore m at example
 * dot co dot za", "maria punto lopez arroba correo punto es". The English "at" and "dot" are everyday words, so
 * the English form needs a mail word before it or a dictated local part (a "dot", "underscore" or "dash"
 * word, or a '.', '_' inside it); the words of other languages that name only "@" (arroba, arobase,
 * chiocciola, Klammeraffe) need neither. The domain ends in a top-level label. */
static void round15_spoken_email(void **state)
{
    pii_fixture *f = *state;
    const int32_t EM = SANCTUM_ENTITY_EMAIL_ADDRESS;
    pii_expect(f->det, "voice memo: send the slides to priya dot nair at gmail dot com tonight", EM,
               "priya dot nair at gmail dot com");
    pii_expect(f->det, "my email is ken underscore ito at example dot co dot jp", EM,
               "ken underscore ito at example dot co dot jp");
    pii_expect(f->det, "mi correo es maria punto lopez arroba correo punto es", EM,
               "maria punto lopez arroba correo punto es");
    pii_expect(f->det, "o meu e-mail: joao arroba exemplo ponto com ponto br", EM, "joao arroba exemplo ponto com ponto br");
    pii_expect(f->det, "\xc3\xa9" "cris-moi : luc point martin arobase exemple point fr", EM,
               "luc point martin arobase exemple point fr");
    pii_expect(f->det, "scrivimi a paolo chiocciola esempio punto it", EM, "paolo chiocciola esempio punto it");
    pii_expect(f->det, "email me at sam dash lee at example dot org", EM, "sam dash lee at example dot org");
    pii_expect(f->det, "reply to ana.costa at example dot net please", EM, "ana.costa at example dot net");
    pii_expect(f->det, "E-Mail: jonas punkt weber at firma punkt de", EM, "jonas punkt weber at firma punkt de");
    /* no address: "at" and "dot" in everyday English, a web site, a place */
    pii_expect_none(f->det, "I work at example dot com as a designer", EM);
    pii_expect_none(f->det, "look at the red dot on the map", EM);
    pii_expect_none(f->det, "meet me at noon dot", EM);
    pii_expect_none(f->det, "the polka dot dress at the store dot", EM);
    pii_expect_none(f->det, "we had lunch at google dot com's cafeteria", EM);
    pii_expect_none(f->det, "the dot at the end of the line", EM);
}

/* Phone words as chat types them outside English: romanized Greek ("kinhto", "kinito": mobile), romanized
 * Russian "nomer", Arabizi "ra2m"/"raqam", Hinglish "nambar", the Spanish "marcar" family ("le marcas al",
 * "márcame"), and the wallets that are paid to a phone number (GPay, PhonePe, Paytm). The numbers are the
 * national forms that need such a word. */
static void round15_romanized_phone_words(void **state)
{
    pii_fixture *f = *state;
    const int32_t PH = SANCTUM_ENTITY_PHONE_NUMBER;
    pii_expect(f->det, "to neo kinhto tis Marias einai 697 215 4480", PH, "697 215 4480");
    pii_expect(f->det, "steile mou sto kinito 698 004 3127 otan ftaseis", PH, "698 004 3127");
    pii_expect(f->det, "moy nomer 912 345 678, zvoni vecherom", PH, "912 345 678");
    pii_expect(f->det, "da raqam 612 345 678 law 3awez", PH, "612 345 678");
    pii_expect(f->det, "mera nambar 98765 43210 hai, call kar lena", PH, "98765 43210");
    pii_expect(f->det, "m\xc3\xa1rcale a Rosa al 33 1234 5678 en la tarde", PH, "33 1234 5678");
    pii_expect(f->det, "si no contesto, le marcas al 612 34 56 78", PH, "612 34 56 78");
    pii_expect(f->det, "gpay kar do 98201 44763 pe", PH, "98201 44763");
    pii_expect(f->det, "PhonePe number 9820144763 hai", PH, "9820144763");
    pii_expect(f->det, "paytm wallet 9123 456 789 pe bhej do", PH, "9123 456 789");
    /* no phone: the same words before a count, an order, a price, a year */
    pii_expect_none(f->det, "kinito Samsung A54 kostizei 399 euro", PH);
    pii_expect_none(f->det, "gpay refund of 1 299 000 rupees processed", PH);
    pii_expect_none(f->det, "marcar la casilla 4 del formulario 2024", PH);
    pii_expect_none(f->det, "nomer zakaza 612 345 678 units shipped", PH);
}

/* Greek text around a number in the Greek plan's grouping (ten digits: 2x landlines, 69x mobiles, 3 3 4): only
 * Greece and Cyprus write Greek, so the script is the country's evidence ("Πληροφορίες: 210 555 8432"). */
static void round15_greek_plan(void **state)
{
    pii_fixture *f = *state;
    const int32_t PH = SANCTUM_ENTITY_PHONE_NUMBER;
    pii_expect(f->det, "\xce\x9a\xce\xb1\xce\xbb\xce\xae\xcf\x83\xcf\x80\xce\xb5\xcf\x81\xce\xb1, "
                       "\xcf\x84\xce\xb1 \xce\xbb\xce\xad\xce\xbc\xce\xb5 \xcf\x83\xcf\x84\xce\xbf 231 555 7790;",
               PH, "231 555 7790"); /* Καλησπέρα, τα λέμε στο 231 555 7790; */
    pii_expect(f->det, "\xce\x93\xce\xb9\xce\xb1 \xcf\x81\xce\xb1\xce\xbd\xcf\x84\xce\xb5\xce\xb2\xce\xbf\xcf\x8d: "
                       "697 441 2093 (\xce\x9d\xce\xaf\xce\xba\xce\xbf\xcf\x82)",
               PH, "697 441 2093"); /* Για ραντεβού: 697 441 2093 (Νίκος) */
    /* no phone: a Greek order number of another length or grouping, an amount, an English sentence */
    pii_expect_none(f->det, "\xce\xa0\xce\xb1\xcf\x81\xce\xb1\xce\xb3\xce\xb3\xce\xb5\xce\xbb\xce\xaf\xce\xb1 "
                            "2024 1187 55", PH); /* Παραγγελία 2024 1187 55 */
    pii_expect_none(f->det, "\xce\xa3\xcf\x8d\xce\xbd\xce\xbf\xce\xbb\xce\xbf: 2 155 000 \xe2\x82\xac", PH);
    pii_expect_none(f->det, "the batch 231 555 7790 shipped on Monday", PH);
    pii_expect_none(f->det, "\xce\xa0\xce\xb1\xcf\x81\xce\xb1\xce\xb3\xce\xb3\xce\xb5\xce\xbb\xce\xaf\xce\xb1 "
                            "231 555 7790 \xcf\x83\xcf\x84\xce\xb1\xce\xbb\xce\xb8\xce\xb7\xce\xba\xce\xb5", PH); /* order ... shipped */
}

/* A value after a literal escape ("\\t", "\\n", "\\r" as a Python repr, a log line or a doubly encoded JSON
 * string prints them): the escape is a separator, not a letter glued to the value. */
static void round15_literal_escapes(void **state)
{
    pii_fixture *f = *state;
    const int32_t EM = SANCTUM_ENTITY_EMAIL_ADDRESS, PH = SANCTUM_ENTITY_PHONE_NUMBER, SSN = SANCTUM_ENTITY_US_SSN;
    pii_expect(f->det, "pasted from the log: Ines Duarte\\tines.duarte@example.pt\\t+351 912 345 678\\n", EM, "ines.duarte@example.pt");
    pii_expect(f->det, "pasted from the log: Ines Duarte\\tines.duarte@example.pt\\t+351 912 345 678\\n", PH, "+351 912 345 678");
    pii_expect(f->det, "log: ssn\\t219-09-9999\\r\\n", SSN, "219-09-9999");
    pii_expect(f->det, "\"contact\": \"phone:\\n0161 496 0733\"", PH, "0161 496 0733");
    /* a Windows path and escapes around no entity */
    pii_expect_none(f->det, "C:\\temp\\t2024-11-05\\n3.14", -1);
    pii_expect_none(f->det, "printf(\"%d\\t%d\\n\", 4111, 1111);", -1);
}

/* A field named for the SSN that holds the value directly, as JSON, XML and forms write it ({"ssn":
 * "219099999"}, <ssn>219099999</ssn>): the key is the label, and beats a phone word in the field after it. */
static void round15_ssn_field_keys(void **state)
{
    pii_fixture *f = *state;
    const int32_t SSN = SANCTUM_ENTITY_US_SSN, PH = SANCTUM_ENTITY_PHONE_NUMBER;
    pii_expect(f->det, "{\"ssn\": \"712904583\", \"phone\": \"312-555-0148\"}", SSN, "712904583");
    pii_expect(f->det, "<member><ssn>712904583</ssn><mobile>312-555-0148</mobile></member>", SSN, "712904583");
    pii_expect(f->det, "<member><ssn>536221947</ssn><mobile>312-555-0148</mobile></member>", PH, "312-555-0148");
    pii_expect(f->det, "{'social_security': '712904583', 'tel': '0161 496 0733'}", SSN, "712904583");
    pii_expect(f->det, "{\"taxpayer_id\": \"712904583\"}", SSN, "712904583");
    pii_expect(f->det, "{\"field\": \"ssn\", \"value\": \"712904583\"}", SSN, "712904583");
    /* no SSN: a key named for something else, even beside an ssn key */
    pii_expect_none(f->det, "{\"order_id\": \"536221947\", \"ssn_last4\": \"1947\"}", SSN);
    pii_expect_none(f->det, "<ssn_status>verified</ssn_status><invoice>536221947</invoice>", SSN);
}

/* A routing number with the account number in the next field of one record (a payroll CSV row, an SQL tuple, a
 * NACHA entry line, a pipe-separated export), on a line that speaks of payroll, ACH, deposits or banks: the ABA
 * check digit and the pair are the evidence for both. */
static void round15_routing_account_pairs(void **state)
{
    pii_fixture *f = *state;
    const int32_t BK = SANCTUM_ENTITY_US_BANK_NUMBER;
    pii_expect(f->det, "payroll export: \"Nguyen, Thi\",\"121000358\",\"004417720913\",1800.00", BK, "121000358");
    pii_expect(f->det, "payroll export: \"Nguyen, Thi\",\"121000358\",\"004417720913\",1800.00", BK, "004417720913");
    pii_expect(f->det, "direct deposit row: Haddad, Omar,061000052,7730019284,950.00", BK, "061000052");
    pii_expect(f->det, "direct deposit row: Haddad, Omar,061000052,7730019284,950.00", BK, "7730019284");
    pii_expect(f->det, "ACH batch line: 6 22 071000013 5500218837 0000098000 PRICE ALMA", BK, "071000013");
    pii_expect(f->det, "ACH batch line: 6 22 071000013 5500218837 0000098000 PRICE ALMA", BK, "5500218837");
    pii_expect(f->det, "bank_accounts | 322271627 | 30094418 | Lopez", BK, "30094418");
    /* no bank number: the pair without bank words, a valid check digit in an inventory or order row */
    pii_expect_none(f->det, "inventory: widget,091000019,12000045,pcs", BK);
    pii_expect_none(f->det, "order 061000052, 7730019284 shipped", BK);
    pii_expect_none(f->det, "payroll totals: 2024 hours 121000359 4417720913", BK);
}

/* Numbers that look like the pattern types and are not: the tail of a failed 4-4-4-4 card number read as a
 * shorter card, an SSN-shaped number called an SSN read as an account, a login "account id", reference numbers
 * named by a claim, policy or release word, the placeholder phone of a form (555-5555), and an Arabic
 * reference, invoice or order number after "رقم" (number). */
static void round15_number_lookalikes(void **state)
{
    pii_fixture *f = *state;
    const int32_t CC = SANCTUM_ENTITY_CREDIT_CARD, BK = SANCTUM_ENTITY_US_BANK_NUMBER, PH = SANCTUM_ENTITY_PHONE_NUMBER;
    pii_expect_none(f->det, "the card form still shows 9876 5600 4321 1518 as its sample", CC);
    pii_expect_none(f->det, "test card 9876-5607-4321-1222 fails, as it should", CC);
    pii_expect(f->det, "cards: 4111 1111 1111 1111 5555 5555 5555 4444", CC, "5555 5555 5555 4444");
    pii_expect(f->det, "ref 12 5600 4321 1518 card", CC, "5600 4321 1518");
    pii_expect_none(f->det, "the trial account lists SSN 536-22-0000, an invalid serial", BK);
    pii_expect_none(f->det, "account id 5521-0093-4471 is locked, reset the password", BK);
    pii_expect_none(f->det, "your account ID 88120457 was suspended after failed logins", BK);
    pii_expect(f->det, "checking account 5521-0093-4471 at the credit union", BK, "5521-0093-4471");
    pii_expect_none(f->det, "Claim no. 646 201 7734 was approved on Monday", PH);
    pii_expect_none(f->det, "Policy no. 312 448 9021 renews in May", PH);
    pii_expect_none(f->det, "Release 0161 496 0733 ships on Friday", PH);
    pii_expect_none(f->det, "signup form placeholder: (646) 555-5555", PH);
    pii_expect_none(f->det, "the fixture uses 312-777-7777 as a dummy", PH);
    pii_expect(f->det, "my cell is (646) 555-0142", PH, "(646) 555-0142");
    pii_expect_none(f->det, "\xd8\xb1\xd9\x82\xd9\x85 \xd8\xa7\xd9\x84\xd9\x81\xd8\xa7\xd8\xaa\xd9\x88\xd8\xb1\xd8\xa9: 4410-2291",
                    PH); /* رقم الفاتورة (invoice number) */
    pii_expect_none(f->det, "\xd8\xb1\xd9\x82\xd9\x85 \xd8\xa7\xd9\x84\xd8\xb7\xd9\x84\xd8\xa8 8812-3390", PH); /* رقم الطلب (order number) */
    pii_expect(f->det, "\xd8\xb1\xd9\x82\xd9\x85 \xd8\xa7\xd9\x84\xd8\xac\xd9\x88\xd8\xa7\xd9\x84: 5512-8834", PH,
               "5512-8834"); /* رقم الجوال (mobile number) */
}

/* SSNs in lists and records: a negative word inside a parenthesis that closed before the number belongs to what
 * the parenthesis holds ("... (Maria Price) and 536-22-1947": a surname, not a price), and a space-grouped 3-2-4
 * number in a row that also holds a date of birth. */
static void round15_ssn_lists_and_rows(void **state)
{
    pii_fixture *f = *state;
    const int32_t SSN = SANCTUM_ENTITY_US_SSN;
    pii_expect(f->det, "exposed SSNs: 219-09-9999 (Tom Case) and 536-22-1947 (Ana Page)", SSN, "536-22-1947");
    pii_expect(f->det, "two records leaked, 412-55-0193 (Lee Price), 536-22-1947 (Mo Order)", SSN, "536-22-1947");
    pii_expect(f->det, "row 4: NOWAK | ADAM | 536 22 1947 | DOB 1979-02-11", SSN, "536 22 1947");
    pii_expect(f->det, "HALL, JUNE  536 22 1947  born 03/04/1961", SSN, "536 22 1947");
    /* no SSN: an order word that names the number, a spaced number with no birth or SSN word */
    pii_expect_none(f->det, "see the ledger (2024) and order 536-22-1947 for the parts", SSN);
    pii_expect_none(f->det, "row 4: bolts | 536 22 1947 | shipped", SSN);
}

/* A national number in parentheses right after the name of the person it reaches, as out-of-office replies and
 * signatures write it ("wenden Sie sich an Frau Okafor-Brandt (0351 4471 2290)", "ask Priya Raman (020 3318
 * 4471)"): lifted by the mail part's rule (person_contact.c, pii_contact_number), which needs the name to be a
 * person; German numbers with a long area code have up to twelve digits with the trunk 0. */
static void round15_phone_after_name(void **state)
{
    pii_fixture *f = *state;
    const int32_t PH = SANCTUM_ENTITY_PHONE_NUMBER;
    pii_expect(f->det, "In Notf\xc3\xa4llen wenden Sie sich an Frau Okafor-Brandt (0351 4471 2290).", PH, "0351 4471 2290");
    pii_expect(f->det, "Vertretung: Herr G\xc3\xbcnd\xc3\xbc" "z (040 5518 2297)", PH, "040 5518 2297");
    pii_expect(f->det, "for payroll questions ask Priya Raman (020 3318 4471) instead", PH, "020 3318 4471");
    pii_expect(f->det, "Per urgenze contattare Chiara Bassi (02 5518 2297)", PH, "02 5518 2297");
    /* no phone: a product, a year range, a lower-case word, a model number before the parenthesis */
    pii_expect_none(f->det, "the Bosch GSR 18V (0601 9H2 000) drill", PH);
    pii_expect_none(f->det, "see the figures for Q3 (0351 4471 2290 rows)", PH);
    pii_expect_none(f->det, "filed under order (0351 4471 2290)", PH);
    pii_expect_none(f->det, "Invoice (0351 4471 2290) is overdue", PH);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round15_unicode_punctuation, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_card_then_expiry, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_label_hyphen, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_spoken_email, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_romanized_phone_words, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_greek_plan, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_literal_escapes, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_ssn_field_keys, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_routing_account_pairs, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_number_lookalikes, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_ssn_lists_and_rows, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round15_phone_after_name, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
