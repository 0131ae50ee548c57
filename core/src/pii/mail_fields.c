/* Mail structure as evidence (round 13, issue 17): which header field a position sits in. Message
 * identifiers (Message-ID, In-Reply-To, References, Content-ID, iCalendar UID) are written like addresses
 * but name a message; system senders and Title-Case subjects are written like names but name a product,
 * a team or a heading. Every scan here is bounded to one line (a folded header: a few lines). */
#define _GNU_SOURCE 1 /* memrchr */
#include <string.h>

#include "names.h"
#include "person.h"
#include "person_prose.h"
#include "pii.h"

enum { LINE_MAX_BACK = 512, FOLD_MAX_LINES = 8 };

/* Start of the line holding p: after '\n' or an escaped "\n" (text inside a JSON string), at most
 * LINE_MAX_BACK bytes back (*bounded false when the bound stopped it). */
static size_t line_start(const uint8_t *s, size_t p, bool *bounded)
{
    /* the last '\n' or '\r' of the window by memrchr, then the last escaped "\n" after it by memchr */
    size_t lo = p > LINE_MAX_BACK ? p - LINE_MAX_BACK : 0, a = lo;
    const uint8_t *nl = p > lo ? memrchr(s + lo, '\n', p - lo) : NULL;
    if (nl != NULL)
        a = (size_t)(nl - s) + 1;
    const uint8_t *cr = p > a ? memrchr(s + a, '\r', p - a) : NULL;
    if (cr != NULL)
        a = (size_t)(cr - s) + 1;
    bool found = nl != NULL || cr != NULL;
    for (const uint8_t *b = p > a ? memchr(s + a, '\\', p - a) : NULL; b != NULL;
         b = (size_t)(b - s) + 1 < p ? memchr(b + 1, '\\', p - (size_t)(b - s) - 1) : NULL)
        if ((size_t)(b - s) + 1 < p && b[1] == 'n') {
            a = (size_t)(b - s) + 2;
            found = true;
        }
    *bounded = found || lo == 0;
    return a;
}

/* The header label that opens the line at a ("Message-ID", "In-Reply-To", "Subject"): letters, digits,
 * '-' and one inner space ("Message ID"), then ':'. Returns its end (the ':'), or a when there is none. */
static size_t label_end(const uint8_t *s, size_t n, size_t a)
{
    size_t e = a;
    while (e < n && e - a < 40 && (pii_is_alnum(s[e]) || s[e] == '-' || s[e] == '_' || s[e] >= 0x80 ||
                                   (s[e] == ' ' && e > a && e + 1 < n && s[e + 1] != ':' && s[e + 1] != ' ')))
        e++;
    return e > a && e < n && s[e] == ':' ? e : a;
}

/* Lower-case ASCII letters only ("Message-ID", "message_id", "internetMessageId" -> "messageid", ...). */
static bool key_is(const uint8_t *s, size_t a, size_t b, const char *const *keys)
{
    char k[48];
    size_t m = 0;
    for (size_t i = a; i < b; i++) {
        if (s[i] == '-' || s[i] == '_' || s[i] == ' ')
            continue;
        if (!pii_is_alpha(s[i]) && !(s[i] >= '0' && s[i] <= '9'))
            return false;
        if (m + 1 >= sizeof k)
            return false;
        k[m++] = (char)pii_lower(s[i]);
    }
    k[m] = '\0';
    for (size_t i = 0; keys[i] != NULL; i++)
        if (strcmp(k, keys[i]) == 0)
            return true;
    return false;
}

static const char *const ID_KEYS[] = {"messageid",        "inreplyto",         "references",  "contentid",
                                      "uid",              "originalmessageid", "xmessageid",  "resentmessageid",
                                      "xoriginalmessageid", "internetmessageid", "msgid",     "rfc822msgid",
                                      "threadid",         "xmsexchangeparentmessageid", NULL};

bool pii_mail_id_field(const uint8_t *s, size_t n, size_t ls)
{
    /* the cheap test first: an id opens after '<', a quote, the ':' of "UID:", or '=' or '/' inside one
     * ("<CAOp8=Qx4@...>", "<org/repo/pull/7/c12@github.com>"); an address after a space is written in prose */
    if (ls == 0 ||
        !(s[ls - 1] == '<' || s[ls - 1] == '"' || s[ls - 1] == '=' || s[ls - 1] == ':' || s[ls - 1] == '/'))
        return false;
    /* JSON or YAML: "message_id": "<...@...>", internetMessageId: <...> */
    size_t p = ls;
    while (p > 0 && ls - p < 64 && (s[p - 1] == '=' || s[p - 1] == '/')) /* "<CAOp8zK2=Qx4@...>" */
        while (--p > 0 && ls - p < 64 && !pii_is_space(s[p - 1]) && s[p - 1] != '<' && s[p - 1] != '"' &&
               s[p - 1] != '=' && s[p - 1] != '/')
            ;
    if (p > 0 && s[p - 1] == '<')
        p--;
    if (p > 0 && s[p - 1] == '"')
        p--;
    if (p > 0 && s[p - 1] == '\\')
        p--; /* an escaped quote inside a JSON string */
    size_t q = p;
    while (p > 0 && q - p < 8 && s[p - 1] == ' ')
        p--;
    if (p > 0 && s[p - 1] == ':') {
        size_t ke = p - 1;
        if (ke > 0 && s[ke - 1] == '"')
            ke--;
        if (ke > 0 && s[ke - 1] == '\\')
            ke--;
        size_t ka = ke;
        while (ka > 0 && ke - ka < 40 && (pii_is_alnum(s[ka - 1]) || s[ka - 1] == '_' || s[ka - 1] == '-'))
            ka--;
        if (ka < ke && key_is(s, ka, ke, ID_KEYS) && !key_is(s, ka, ke, (const char *const[]){"uid", NULL}))
            return true; /* a JSON "uid" may hold a login that is a mailbox */
    }
    /* a header line: the label that opens it, or opens the header a folded line continues */
    bool bounded;
    size_t a = line_start(s, ls, &bounded);
    for (int fold = 0; bounded && fold < FOLD_MAX_LINES; fold++) {
        size_t e = label_end(s, n, a);
        if (e > a) /* iCalendar writes "UID:" with no space; "uid: jo@x.org" in YAML is a login */
            return key_is(s, a, e, ID_KEYS) &&
                   !(key_is(s, a, e, (const char *const[]){"uid", NULL}) && e + 1 < n && s[e + 1] == ' ');
        if (a == 0 || !(s[a] == ' ' || s[a] == '\t'))
            return false; /* no label and no continuation */
        size_t prev = a - 1; /* the line break before this line */
        if (prev > 0 && s[prev] == 'n' && s[prev - 1] == '\\')
            prev--;
        else if (prev > 0 && s[prev] == '\n' && s[prev - 1] == '\r')
            prev--;
        a = line_start(s, prev, &bounded);
    }
    return false;
}

/* Labels of the mail header fields that carry names: the sender and recipients (English and the
 * languages mail clients translate them to) and the subject. */
static const char *const NAME_LABELS[] = {
    "from", "to", "cc", "bcc", "reply-to", "sender", "resent-from", "resent-to", "von", "an", "de", "para",
    "da", "a", "à", "van", "aan", "fra", "til", "från", "till", "od", "do", "kimden", "kime", "lähettäjä",
    "vastaanottaja", "feladó", "címzett", "organizer", "organiser", "attendee", "attendees", "disposition-notification-to",
    "dari", "kepada", "từ", "đến", "komu", "odesílatel", "kopie", "kopia", "kopio", "kopi", "kópia", "másolat",
    "от", "От", "кому", "Кому", "копия", "Копия", "від", "Від", "копія", "Копія", "από", "Από", "προς", "Προς",
    "κοιν", "Κοιν", "من", "إلى", "الى", "نسخة", "מאת", "אל", "עותק", "העתק", "از", "به", "رونوشت", "प्रेषक",
    "प्रति", "ผู้ส่ง", "ถึง", NULL};
static const char *const SUBJECT_LABELS[] = {"subject", "betreff", "objet", "asunto", "oggetto", "assunto", "temat",
                                             "onderwerp", "ämne", "emne", "aihe", "tárgy", "konu", "předmět",
                                             "subiect", "invitation", "updated invitation", "accepted", "declined",
                                             "tentative", "canceled", "cancelled", "reminder", NULL};

static bool in_list(const char *k, const char *const *list)
{
    for (size_t i = 0; list[i] != NULL; i++)
        if (strcmp(k, list[i]) == 0)
            return true;
    return false;
}

/* The line holding p opens with a header label of `list` (or of `list2` when not NULL); *value is where the
 * value starts. One walk back to the line's start for both lists. */
static bool labelled_line(const uint8_t *s, size_t n, size_t p, const char *const *list, const char *const *list2,
                          size_t *value)
{
    bool bounded;
    size_t a = line_start(s, p, &bounded);
    if (!bounded)
        return false;
    while (a < p && (s[a] == '>' || s[a] == ' '))
        a++; /* a quoted header: "> From: ..." */
    size_t e = label_end(s, n, a);
    if (e == a || e >= p)
        return false;
    /* "Updated invitation" keeps its space; other labels are one word */
    char k[32];
    size_t m = 0;
    for (size_t i = a; i < e; i++) {
        if (m + 1 >= sizeof k)
            return false;
        k[m++] = (char)pii_lower(s[i]);
    }
    k[m] = '\0';
    if (in_list(k, list) || (list2 != NULL && in_list(k, list2))) {
        *value = e + 1;
        return true;
    }
    return false;
}

bool pii_mail_value_start(const uint8_t *s, size_t n, size_t start)
{
    /* the cheap test first: a colon right before the value (over spaces and an opening quote) */
    size_t q = start;
    while (q > 0 && start - q < 4 && (s[q - 1] == ' ' || s[q - 1] == '"' || s[q - 1] == '\t'))
        q--;
    if (q == 0 || s[q - 1] != ':')
        return false;
    size_t v;
    if (!labelled_line(s, n, start, NAME_LABELS, NULL, &v))
        return false;
    while (v < start && (s[v] == ' ' || s[v] == '"' || s[v] == '\t'))
        v++;
    return v == start;
}

/* A capitalized ASCII word that is an English dictionary word the name lists lack ("Alerts", "Renewal");
 * flags: its name flags. The Bloom probe first, the name lookup only when it passes. */
static bool dictionary_word(const uint8_t *s, size_t a, size_t b, unsigned flags)
{
    return b > a && flags == 0 && pii_is_upper(s[a]) && pii_english_word(s + a, b - a);
}

/* "CN=" right before start (an iCalendar ORGANIZER or ATTENDEE parameter, maybe quoted). */
static bool cn_param(const uint8_t *s, size_t start)
{
    size_t p = start;
    if (p > 0 && s[p - 1] == '"')
        p--;
    return p >= 3 && (s[p - 1] == '=') && pii_lower(s[p - 2]) == 'n' && pii_lower(s[p - 3]) == 'c';
}

/* The display-name field holding [start, end) ends at " <" before an address. */
static bool before_address(const uint8_t *s, size_t n, size_t end)
{
    for (size_t p = end; p < n && p - end < 64; p++) {
        if (s[p] == '<')
            return memchr(s + p, '@', n - p < 80 ? n - p : 80) != NULL;
        if (s[p] == '\n' || s[p] == ',' || s[p] == ';' || s[p] == '(' || s[p] == ':')
            return false;
    }
    return false;
}

/* The address right after end (" <local@domain>", within 80 bytes) holds the word [a, b) (ASCII, any case). */
static bool address_echoes(const uint8_t *s, size_t n, size_t end, size_t a, size_t b)
{
    size_t p = end;
    while (p < n && p - end < 4 && (s[p] == ' ' || s[p] == '"'))
        p++;
    if (p >= n || s[p] != '<' || b - a < 3)
        return false;
    size_t q = p + 1, l = b - a;
    while (q < n && q - p < 80 && s[q] != '>' && s[q] != '\n') {
        if (q + l <= n) {
            size_t i = 0;
            while (i < l && pii_lower(s[q + i]) == pii_lower(s[a + i]))
                i++;
            if (i == l)
                return true;
        }
        q++;
    }
    return false;
}

bool pii_mail_heading_name(const pii_scan *sc, size_t start, const size_t (*toks)[2], const unsigned *fl, size_t nt)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n, end = toks[nt - 1][1];
    /* the cheap test first: a heading word inside the name or right after it */
    bool heading = false;
    for (size_t t = 0; t < nt && !heading; t++)
        heading = dictionary_word(s, toks[t][0], toks[t][1], fl[t]);
    /* a known name and a rare family name that is a word ("Maitland Bottoms <bottoms@example.org>"): the
     * mailbox repeats the family name and not the first word (a firm's sender repeats its brand in the
     * domain: "Okta Verify <noreply@okta.example>", "Sentry Alerts <alerts@sentry.example>") */
    if (heading && nt == 2 && (fl[0] & (SC_NAME_FIRST | SC_NAME_LAST)) &&
        address_echoes(s, n, end, toks[1][0], toks[1][1]) && !address_echoes(s, n, end, toks[0][0], toks[0][1]))
        heading = false;
    word nx;
    if (!heading && end + 1 < n && s[end] == ' ' && next_word(s, n, end, &nx) && nx.s == end + 1 && nx.cap)
        heading = pii_is_upper(s[nx.s]) && pii_english_word(s + nx.s, nx.e - nx.s) && pii_name_flags(s, nx.s, nx.e) == 0;
    if (!heading)
        return false;
    /* ... in a field that names a sender, a recipient or a subject */
    size_t v;
    return cn_param(s, start) || before_address(s, n, end) ||
           labelled_line(s, n, start, NAME_LABELS, SUBJECT_LABELS, &v);
}

/* Mail and MIME header field names (lower case, sorted). */
static const char *const FIELD_NAMES[] = {
    "bcc", "cc", "content-description", "content-disposition", "content-id", "content-language",
    "content-transfer-encoding", "content-type", "delivered-to", "disposition-notification-to", "dkim-signature",
    "in-reply-to", "list-id", "list-unsubscribe", "message-id", "mime-version", "received", "references",
    "reply-to", "return-path", "x-mailer", "x-original-to", "x-priority", NULL};

bool pii_all_dictionary_words(const uint8_t *s, const size_t (*toks)[2], const unsigned *fl, size_t nt)
{
    for (size_t t = 0; t < nt; t++) /* the flags and capitals of every word before any Bloom probe */
        if (fl[t] != 0 || !pii_is_upper(s[toks[t][0]]))
            return false;
    for (size_t t = 0; t < nt; t++)
        if (!dictionary_word(s, toks[t][0], toks[t][1], fl[t]))
            return false;
    return nt > 0;
}

bool pii_mail_field_name(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    if (end - start < 2 || end - start > 32)
        return false;
    /* the cheap test first: the names with no hyphen are four; the others are asked only with one */
    bool hyphen = memchr(s + start, '-', end - start) != NULL;
    if (hyphen ? word_in(s + start, end - start, FIELD_NAMES)
               : word_in(s + start, end - start, (const char *const[]){"bcc", "cc", "received", "references", NULL}))
        return true;
    /* a subject label that is also a given name ("Тема", "Θέμα") opening its line before ':', under or
     * over another header line */
    if (end >= n || s[end] != ':')
        return false;
    static const char *const SUBJECT_UTF8[] = {"Тема", "Θέμα", "Tema", "Assunto", NULL};
    if (!bytes_in(s + start, end - start, SUBJECT_UTF8))
        return false;
    bool bounded;
    size_t a = line_start(s, start, &bounded);
    if (a != start)
        return false;
    /* the line before (a sender or recipient label) */
    if (a > 0) {
        size_t prev = a - 1;
        if (prev > 0 && s[prev] == 'n' && s[prev - 1] == '\\')
            prev--;
        size_t pa = line_start(s, prev, &bounded), e = label_end(s, n, pa);
        if (bounded && e > pa && e < prev)
            return true;
    }
    return false;
}

/* Round 15: a sender label of another language that is also a given name ("Dari:", "Từ:", "Od:") opening its
 * line before the name of a firm ("Dari: Shopee", "Từ: Techcombank"), the notification below it: the label
 * is no chat speaker. A speaker says a sentence: a lower-case word in the value keeps the name ("Dari: makasih
 * ya"). */
bool pii_mail_sender_label(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* the cheap test first: "<word>: " */
    if (end + 2 >= n || s[end] != ':' || s[end + 1] != ' ' || end - start > 12)
        return false;
    bool bounded;
    if (line_start(s, start, &bounded) != start || !bounded)
        return false;
    char k[16];
    size_t m = 0;
    for (size_t i = start; i < end; i++) {
        if (m + 1 >= sizeof k)
            return false;
        k[m++] = (char)pii_lower(s[i]);
    }
    k[m] = '\0';
    if (!in_list(k, NAME_LABELS))
        return false;
    /* the value: one to four words to the end of its line, none of them a lower-case Latin word */
    size_t p = end + 2, words = 0;
    while (p < n && s[p] == ' ')
        p++;
    while (p < n && s[p] != '\n' && s[p] != '\r' && !(s[p] == '\\' && p + 1 < n && s[p + 1] == 'n')) {
        if (p - end > 64)
            return false;
        if (s[p] == ' ') {
            p++;
            continue;
        }
        if (pii_is_lower(s[p]))
            return false;
        words++;
        while (p < n && s[p] != ' ' && s[p] != '\n' && s[p] != '\r' && s[p] != '\\')
            p++;
    }
    return words >= 1 && words <= 4 && p < n;
}

/* Round 15: a sender or recipient field that holds one ASCII word and nothing more ("From: Zendesk",
 * "From: Calendly <notifications@...>"), the caller having found the word in no name list: a service. */
bool pii_service_sender(const pii_scan *sc, size_t start, size_t end)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    /* the cheap tests first: the line or an address ends the word, a colon is before it */
    bool eol = end >= n || s[end] == '\n' || s[end] == '\r' || (s[end] == '\\' && end + 1 < n && s[end + 1] == 'n');
    if (!eol && !(end + 1 < n && s[end] == ' ' && s[end + 1] == '<'))
        return false;
    for (size_t i = start; i < end; i++)
        if (!pii_is_alnum(s[i]))
            return false;
    return pii_mail_value_start(s, n, start);
}
