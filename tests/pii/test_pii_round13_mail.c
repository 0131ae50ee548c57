/* PII detector, round 13 (issue 17): mail threads, notifications and agent payloads. One test per class,
 * in new sentences (not taken from any evaluation file); positives and hard negatives in the same frames. */
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

/* Message-ID, In-Reply-To, References, Content-ID and iCalendar UID values are written like addresses but
 * name a message, not a mailbox: not e-mail, in a header (folded continuation lines too), in JSON under
 * a message-id key, or in ICS. The mailboxes around them stay e-mail. */
static void round13_message_ids(void **state)
{
    pii_fixture *f = *state;
    const int32_t EM = SANCTUM_ENTITY_EMAIL_ADDRESS;
    pii_expect_none(f->det, "Message-Id: <5f2c1a90.1c69fb81.4471.0a2b@mx.google.com>", EM);
    pii_expect_none(f->det, "Subject: Re: kiln\nIn-Reply-To: <CAB9x=Qr7tLw@mail.gmail.com>\n", EM);
    pii_expect_none(f->det, "References: <k2.x7@lists.example.org>\n <20251130.0912.77@relay.example.net>", EM);
    pii_expect_none(f->det, "Content-ID: <part1.Hk2Lm9@relay.example.net>", EM);
    pii_expect_none(f->det, "BEGIN:VEVENT\nUID:9c1e-44b7-a2f0@ical.example.com\nDTSTART:20260401T090000Z", EM);
    pii_expect_none(f->det, "Message ID: <octo/widgets/issues/88/c2291@github.com>", EM);
    pii_expect_none(f->det, "{\"status\": \"queued\", \"message_id\": \"<0102.abcd.77@eu.mailgun.example>\"}", EM);
    pii_expect_none(f->det, "{\"internetMessageId\": \"<AM0PR04.4471@eurprd04.prod.outlook.com>\"}", EM);
    pii_expect_none(f->det, "Original-Message-ID: <7781.ee@smtp.example.de>", EM);
    pii_expect_none(f->det, "{\"msg_id\": \"<BN7PRk2=x0Q@prod.example.com>\", \"ok\": true}", EM);
    /* the mailboxes next to them are still addresses */
    pii_expect(f->det, "From: Odile Serrat <odile@serrat.fr>\nMessage-ID: <aa11@serrat.fr>", EM, "odile@serrat.fr");
    pii_expect(f->det, "{\"to\": \"ravi.menon@kettle.coffee\", \"message_id\": \"<x9@kettle.coffee>\"}", EM,
               "ravi.menon@kettle.coffee");
    pii_expect(f->det, "I replied to the message from juno.park@acme.test yesterday", EM, "juno.park@acme.test");
    pii_expect(f->det, "Reply-To: <helpdesk@corp.internal>", EM, "helpdesk@corp.internal");
    pii_expect(f->det, "ATTENDEE;CN=Ines Barros:mailto:ines.barros@sapo.pt", EM, "ines.barros@sapo.pt");
}

/* A system sender, a team mailbox or a Title-Case subject is no person: in a mail header (From, To, Cc,
 * Sender, Reply-To, Subject and their translations), in an iCalendar CN= or as a display name before
 * "<address>", a name ending in an English word the name lists lack ("Automation", "Alerts",
 * "Renewal") is a product, a team or a heading. People in the same frames stay. */
static void round13_system_senders(void **state)
{
    pii_fixture *f = *state;
    const int32_t PE = SANCTUM_ENTITY_PERSON;
    pii_expect_none(f->det, "From: Sentry Alerts <alerts@sentry.example>\nSubject: New issue", PE);
    pii_expect_none(f->det, "From: Figma Digest <digest@figma.example>", PE);
    pii_expect_none(f->det, "From: Trello Notifications\nSubject: Card moved", PE);
    pii_expect_none(f->det, "Cc: Stanley Tools Warranty <warranty@stanley.example>", PE);
    pii_expect_none(f->det, "Subject: Re: Fwd: Hamilton Beach Warranty Registration", PE);
    pii_expect_none(f->det, "Subject: Mitchell Roofing Estimate Attached", PE);
    pii_expect_none(f->det, "Betreff: Douglas Elliman Listing Update", PE);
    pii_expect_none(f->det, "ORGANIZER;CN=Facilities Desk:mailto:facilities@campus.example", PE);
    pii_expect_none(f->det, "Sender: Okta Verify <noreply@okta.example>", PE);
    /* people in the same frames */
    pii_expect(f->det, "From: Hamilton Okoro <h.okoro@lagos.example>", PE, "Hamilton Okoro");
    pii_expect(f->det, "Subject: Lunch with Priya Raman on Friday", PE, "Priya Raman");
    pii_expect(f->det, "Cc: Agnieszka Zielińska <a.zielinska@wp.pl>", PE, "Agnieszka Zielińska");
    pii_expect(f->det, "ORGANIZER;CN=Tobias Lindgren:mailto:tobias@lindgren.example", PE, "Tobias Lindgren");
    pii_expect(f->det, "From: Margaret Ashdown <m.ashdown@kent.example>", PE, "Margaret Ashdown");
}

/* Mail and MIME header field names are no names, as a label ("Content-Type:", "Тема:") or listed. */
static void round13_header_field_names(void **state)
{
    pii_fixture *f = *state;
    const int32_t PE = SANCTUM_ENTITY_PERSON;
    pii_expect_none(f->det, "Content-Type: text/html; charset=utf-8\n\n--b1\nContent-Type: image/png", PE);
    pii_expect_none(f->det, "We strip Reply-To, Sender, Bcc and Return-Path before archiving.", PE);
    pii_expect_none(f->det, "Кому: бухгалтерия\nТема: счёт за апрель", PE);
    pii_expect_none(f->det, "Delivered-To: inbox\nX-Mailer: Thunderbird", PE);
    /* a name after the label stays */
    pii_expect(f->det, "Тема: письмо от Всеволода\nОт: Ирина Соколова", PE, "Ирина Соколова");
}

/* A name made only of capitalized English words the name lists lack is no person wherever it stands: a
 * department greeted ("Dear Payroll"), a client's footer ("Sent from Spark"), a heading after a title
 * ("Attorney Client Privilege"). Names the lists hold stay, words or not. */
static void round13_dictionary_words(void **state)
{
    pii_fixture *f = *state;
    const int32_t PE = SANCTUM_ENTITY_PERSON;
    pii_expect_none(f->det, "Dear Payroll,\nmy overtime for March is missing.", PE);
    pii_expect_none(f->det, "Thanks!\n-- \nSent from Spark for iPad", PE);
    pii_expect_none(f->det, "Hi Procurement, quick question about PO 8812.", PE);
    pii_expect_none(f->det, "Subject: Mr Kipling Cakes Delivery Delayed", PE);
    pii_expect(f->det, "Dear Grace,\nthe keys are with the porter.", PE, "Grace");
    pii_expect(f->det, "Hi Summer, thanks for the notes", PE, "Summer");
    pii_expect(f->det, "From: Mr Rowan Pike <r.pike@harbour.example>", PE, "Rowan Pike");
    pii_expect(f->det, "Thanks!\n-- \nOluwadamilare Adebayo-Smith", PE, "Oluwadamilare Adebayo-Smith");
}

/* A JSON document inside a JSON string (a tool result's "content", function-call "arguments" as a string):
 * its escaped quotes are no Windows path and its keys are context as they are unescaped. */
static void round13_escaped_json(void **state)
{
    pii_fixture *f = *state;
    const int32_t PE = SANCTUM_ENTITY_PERSON, PH = SANCTUM_ENTITY_PHONE_NUMBER, SSN = SANCTUM_ENTITY_US_SSN,
                  EM = SANCTUM_ENTITY_EMAIL_ADDRESS, IB = SANCTUM_ENTITY_IBAN_CODE, BK = SANCTUM_ENTITY_US_BANK_NUMBER;
    const char *tool = "{\"role\": \"tool\", \"content\": \"{\\\"holder\\\":\\\"Wojciech Dąbrowski\\\","
                       "\\\"iban\\\":\\\"GB40NWBK54490741037291\\\"}\"}";
    pii_expect(f->det, tool, PE, "Wojciech Dąbrowski");
    pii_expect(f->det, tool, IB, "GB40NWBK54490741037291");
    const char *args = "{\"name\": \"lookup\", \"arguments\": \"{\\\"mobile\\\": \\\"+61 412 555 019\\\", "
                       "\\\"ssn\\\": \\\"130-65-8196\\\", \\\"email\\\": \\\"nkechi@lagos.example\\\"}\"}";
    pii_expect(f->det, args, PH, "+61 412 555 019");
    pii_expect(f->det, args, SSN, "130-65-8196");
    pii_expect(f->det, args, EM, "nkechi@lagos.example");
    pii_expect(f->det, "tool_result: {\\\"routing\\\": \\\"011804952\\\", \\\"customer\\\": \\\"Ines Albuquerque\\\"}",
               BK, "011804952");
    pii_expect(f->det, "tool_result: {\\\"routing\\\": \\\"011804952\\\", \\\"customer\\\": \\\"Ines Albuquerque\\\"}",
               PE, "Ines Albuquerque");
    /* still nothing in ids, and paths stay paths */
    pii_expect_none(f->det, "{\"content\": \"{\\\"order_id\\\": \\\"4417700213\\\", \\\"sku\\\": \\\"BX-2291\\\"}\"}", -1);
    pii_expect_none(f->det, "{\"cwd\": \"C:\\\\Build\\\\Release\\\\2291\"}", -1);
}

/* A sender or recipient label and a sign-off line vouch for the name after them even when its first word is
 * also an everyday word read as a verb elsewhere ("Hyacinth", "Sri"); sign-offs of more languages and of three
 * or four words count, but only for a name the lists know (a team signs "Kundtjänst", "Ihr Serviceteam"). */
static void round13_labels_and_signoffs(void **state)
{
    pii_fixture *f = *state;
    const int32_t PE = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "To: Hyacinth Oyelaran-Brooks", PE, "Hyacinth Oyelaran-Brooks");
    pii_expect(f->det, "From: Hyacinth Bellamy\nSent: Monday", PE, "Hyacinth Bellamy");
    pii_expect(f->det, "Salam hormat,\nSri Rahayu", PE, "Sri Rahayu");
    pii_expect(f->det, "Med vänlig hälsning\nAstrid Sjöberg", PE, "Astrid Sjöberg");
    pii_expect_none(f->det, "Med vänlig hälsning\nKundtjänst", PE);
    pii_expect_none(f->det, "Mit freundlichen Grüßen\nIhr Serviceteam", PE);
    pii_expect_none(f->det, "Saygılarımla,\nMüşteri Hizmetleri", PE);
    pii_expect_none(f->det, "Thanks\nGrafana shows a spike", PE);
}

/* An XML element of a tool payload names its value as a JSON key does ("<LastName>", "<surname>",
 * "<owner>"); markup elements and product names stay alone. */
static void round13_xml_elements(void **state)
{
    pii_fixture *f = *state;
    const int32_t PE = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "<Guest><GivenName>Tevita</GivenName><FamilyName>Fifita</FamilyName></Guest>", PE, "Fifita");
    pii_expect(f->det, "<row><last_name>Nwachukwu</last_name><dept>Sales</dept></row>", PE, "Nwachukwu");
    pii_expect(f->det, "<booking><surname>Wren</surname><seat>14C</seat></booking>", PE, "Wren");
    pii_expect_none(f->det, "<b>Nwachukwu</b> Bridge is closed", PE);
    pii_expect_none(f->det, "<item><name>Widget Pro</name><price>19.99</price></item>", PE);
    pii_expect_none(f->det, "<title>Release Notes</title>", PE);
}

/* The sender and recipient labels of mail clients in scripts without capitals ("من:", "מאת:", "宛先:",
 * "받는 사람:"): the value that ends the field and opens with a name the lists know is the name, whole. A firm
 * or a team named there opens with its firm word. */
static void round13_uncased_headers(void **state)
{
    pii_fixture *f = *state;
    const int32_t PE = SANCTUM_ENTITY_PERSON;
    pii_expect(f->det, "من: سارة القحطاني <sara.q@mail.example>", PE, "سارة القحطاني");
    pii_expect(f->det, "מאת: תמר ליבוביץ <tamar.l@mail.example>", PE, "תמר ליבוביץ");
    pii_expect(f->det, "Subject: x\nאל: יונתן אברמוביץ", PE, "יונתן אברמוביץ");
    pii_expect(f->det, "宛先: 山口 真由美 <m-yamaguchi@mail.example>", PE, "山口 真由美");
    pii_expect(f->det, "받는 사람: 김서윤 <sy.kim@mail.example>", PE, "김서윤");
    pii_expect_none(f->det, "من: مؤسسة خالد للتجارة <info@khalid.example>", PE);
    pii_expect_none(f->det, "אל: צוות הפיתוח", PE);
    pii_expect_none(f->det, "宛先: 総務課 <soumu@mail.example>", PE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round13_message_ids, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_system_senders, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_header_field_names, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_dictionary_words, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_escaped_json, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_labels_and_signoffs, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_xml_elements, pii_setup, pii_teardown),
        cmocka_unit_test_setup_teardown(round13_uncased_headers, pii_setup, pii_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
