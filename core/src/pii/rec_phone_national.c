/* PHONE_NUMBER written the national way, without "+CC": one table row per written form of a country's
 * numbers (leading digits, digit groups, separators), so a new country is a line of data, not code.
 *
 * Why a table and not libphonenumber: Debian's libphonenumber is C++ (protobuf, ICU, boost) and copies
 * every number into std::string buffers the library cannot wipe; a C library that promises wiped PII
 * memory cannot hand the digits to it. The rows below follow the national numbering plans (ITU-T
 * E.164 national plans as published by each regulator): lengths and leading digits only.
 *
 * Scores: a form that is a phone number almost wherever it is written (Japanese 090-1234-5678, French
 * 06 12 34 56 78, UK 020 7946 0018, Australian (02) 9876 5432, Brazilian (11) 91234-5678) 0.7; other
 * grouped trunk-0 forms 0.55; forms shared with other numbers (Spanish 612 345 678, Indian 98765 43210,
 * Chinese 138 0013 8000, bare national numbers, 7-digit local 555-0123) 0.4-0.45 and only with a phone
 * word ("strict" rows: a phone word proper, not "number"). A phone word adds 0.3 (pii_phone_add). */
#include <string.h>

#include "pii.h"

typedef struct nat_form {
    const char *lead;  /* '|'-separated prefixes of the digits: 'N' is 1-9, 'x' any digit */
    const char *shape; /* group lengths ('a' = 10, 'b' = 11, 'c' = 12, 'd' = 13) and separators: ' ', '-', '.', or '~' (any of
                          the three, the same throughout); "(2)" is a group in parentheses */
    uint8_t score;     /* base score in hundredths */
    bool strict;       /* reported only with a phone word (not "number") near it */
} nat_form;

/* Country notes are for the reader; a form shared by several countries is listed once. */
static const nat_form FORMS[] = {
    /* trunk-0 forms with a distinctive grouping */
    {"07", "5 6", 70, false},          /* GB mobile 07700 900123 */
    {"02", "3 4 4", 70, false},        /* GB London 020 7946 0018 */
    {"01", "4 3 4", 70, false},        /* GB 0113 496 0555 */
    {"01", "5 3 3", 70, false},        /* GB 01632 960 123 */
    {"01", "5 6", 70, false},          /* GB 01632 960123 */
    {"0N", "2~2~2~2~2", 70, false},    /* FR 06 12 34 56 78 (also dots, dashes) */
    {"0N", "2-4-4", 70, false},        /* JP 03-1234-5678 */
    {"0N", "3-3-4", 70, false},        /* JP 075-123-4567, ZA 082-123-4567, IL 050-123-4567 */
    {"0N", "3-4-4", 70, false},        /* JP 090-1234-5678, KR 010-1234-5678, CN 021-1234-5678 */
    {"0N", "4-2-4", 70, false},        /* JP 0422-12-3456 */
    {"0N", "4-3-3", 70, false},        /* JP, AU 0412-345-678 */
    {"0N", "4-3-4", 70, false},        /* NG 0803-123-4567 */
    {"0N", "5-1-4", 70, false},        /* JP 01234-5-6789 */
    {"0N", "2-3-4", 70, false},        /* KR Seoul 02-123-4567 */
    {"0N", "(2) 4 4", 70, false},      /* AU (02) 9876 5432 */
    {"0N", "(2) 4-4", 70, false},      /* AU, BR with trunk */
    {"04", "4 3 3", 70, false},        /* AU mobile 0412 345 678 */
    {"0NN", "(3) 5-4", 70, false},     /* BR (011) 91234-5678 */
    {"NN", "(2) 5-4", 70, false},      /* BR mobile (11) 91234-5678 */
    {"8", "1 (3) 3-2-2", 70, false},   /* RU 8 (912) 345-67-89 */
    {"8", "1-3-3-2-2", 70, false},     /* RU 8-912-345-67-89 */
    /* European mobiles in the groupings their owners write, after the trunk 0: the leading digits are the
     * mobile ranges of libphonenumber's metadata (python3-phonenumbers 8.12.57, tools/phones/mobile_forms.py) */
    {"061|062|063|064|065|068", "2~8", 70, false},         /* NL 06 12345678, 06-12345678 */
    {"045|046|047|048|049", "4~2~2~2", 70, false},         /* BE 0470 12 34 56 */
    {"045|046|047|048|049|065|066|067|068|069", "4~6", 70, false}, /* BE 0470 123456, AT 0664 123456 */
    {"070|072|073|075|076|077|078|079", "3~3~2~2", 70, false}, /* CH 079 123 45 67, SE 070 123 45 67 */
    {"070|072|073|076|079", "3-3~2~2", 70, false},         /* SE 070-123 45 67 */
    {"015|016|017|065|066|067|068|069", "4~7", 70, false}, /* DE 0171 1234567, AT 0664 1234567 */
    {"015|016|017", "4~8", 70, false},                     /* DE 0151 23456789 */
    {"015|016|017", "5~7", 70, false},                     /* DE 01512 3456789 */
    {"0620|0630|0631|0650|0670", "2 2 3 4", 70, false},    /* HU 06 20 123 4567 */
    {"07", "4 3 3", 70, false},                            /* RO 0712 345 678 */
    {"090|091|094|095", "4 3 3", 70, false},               /* SK 0912 123 456 */
    {"04|050", "3~7", 70, false},                          /* FI 041 2345678, 050 1234567 (DE 040: a phone too) */
    {"015|016|017", "4~4~4", 70, false},                   /* DE 0170 5523 8841 */
    /* round 8, the same data for the family-chat countries outside Europe's trunk-0 plans (mobile_forms.py) */
    {"050|051|052|053|054|055|059", "4 3 2 2", 70, false}, /* TR 0532 418 77 90 */
    {"010|011|012|015|050|051|052|053|054|055|059|070|073|074|075|076|077|078|079|080|081|089|09", "4 3 4", 70, false},
    /* PH 0917 123 4567, NG, EG 0100 123 4567, IR 0912 345 6789, IQ 0791 234 5678, TR 0532 418 7790 */
    {"030|031|032|033|034|035|036|041|042", "4~7", 70, false}, /* PK 0301 2345678, VE 0412-1234567 */
    {"03|05|07|08|09", "3~3~2~2", 70, false},              /* VN 091 234 56 78 */
    {"03|05|06|08|09", "4 3 3", 70, false},                /* VN 0912 345 678, TW, SY 0944 567 890, TZ 0621 234 567 */
    {"013|014|015|016|017|018|019", "5~6", 70, false},     /* BD 01812-345678 */
    {"054|055|056|065|066|067|069|077|078|079", "4~2~2~2", 70, false}, /* DZ 0551 23 45 67 */
    {"077|078|079", "2 4 4", 70, false},                   /* JO 07 9012 3456 */
    {"09", "3 3 3", 70, false},                            /* UY 094 231 234 */
    {"06|07|08|09", "6~5", 55, false},                     /* IN 098765 43210 */
    {"087|088|089|098|099", "4 3 3", 70, false},           /* BG 0888 123 456 */
    {"081|082|083|085|086|087|088|089", "4~4~4", 70, false}, /* ID 0812-3456-7890 */
    {"010|011|012|013|014|015|016|017|018|019", "3-3 4", 70, false}, /* MY 012-345 6789 */
    {"010|011|012|013|06|07|095|096|097|098|099", "4~6", 70, false}, /* KE/UG 0712 123456, MA 0650-123456, PY 0961 456789 */
    {"020|021|022|027|028|029", "(3) 3~4", 70, false},     /* NZ mobile (021) 555 7823 */
    {"0N", "(2) 3~4", 55, false},      /* NZ (09) 448 1903 */
    {"0N", "(3) 3~4", 55, false},      /* NZ (027) ..., other area codes in parentheses */
    /* other grouped trunk-0 forms: a phone or number word makes them phones */
    {"0N", "2~7", 55, false},          /* IL 03-6123456, 09-7625400 */
    {"05", "3~7", 55, false},          /* IL mobile 052-5551234 */
    {"0N", "2~8", 55, false},          /* NL 06 12345678, IT 06 69821234 */
    {"0N", "3~7", 55, false},          /* DE 030 1234567, NL 020 1234567 */
    {"0N", "3~8", 55, false},          /* DE 030 12345678, CN 010-12345678 */
    {"0N", "4~6", 55, false},          /* DE 0211 123456 */
    {"0N", "4~7", 55, false},          /* DE 0171 1234567, GB 0113 4960555 */
    {"0N", "4~8", 55, false},          /* DE 0151 23456789 */
    {"0N", "5~5", 55, false},          /* DE 03322 12345 */
    {"0N", "5~6", 55, false},          /* DE 04561 123456 */
    {"0N", "3/7", 55, false},          /* DE 030/1234567 (the area code before a slash) */
    {"0N", "3/8", 55, false},          /* DE 030/12345678 */
    {"0N", "4/6", 55, false},          /* DE 0211/123456 */
    {"0N", "4/7", 55, false},          /* DE 0171/1234567 */
    {"0N", "4/8", 55, false},          /* DE 0151/23456789 */
    {"0N", "5/5", 55, false},          /* DE 03322/12345 */
    {"0N", "5/6", 55, false},          /* DE 04561/123456 */
    {"0N", "3 4-4", 55, false},        /* AR 011 4567-8901 */
    {"0N", "4 3 2 2", 55, false},      /* TR 0532 123 45 67 */
    {"0N", "4 2 2 2", 55, false},      /* BE 0470 12 34 56 */
    {"0N", "3-3 2 2", 55, false},      /* SE 070-123 45 67 */
    {"0N", "2-3 2 2", 55, false},      /* SE 08-123 45 67 */
    {"0N", "2 4 4", 55, false},        /* AU 02 9876 5432, IT 02 1234 5678, JP 03 1234 5678 */
    {"0N", "3 3 4", 70, false},        /* ZA 082 345 6789, NL 020 123 4567 */
    {"0N", "3 4 4", 55, false},        /* JP 090 1234 5678, KR 010 1234 5678, GB 0N0 */
    {"0N", "4 3 4", 55, false},        /* NG 0803 456 7890 */
    {"0N", "4 3 3", 55, false},        /* AU 0N 10 digits */
    {"0N", "3 3 3", 55, false},        /* GB 0800 forms, ZA 9-digit */
    {"0N", "2 3 2 2", 55, false},      /* CH 021 ..., SE 08-123 45 67 */
    {"0N", "3 3 2 2", 55, false},      /* CH 079 123 45 67 */
    {"0N", "3 2 2 2", 55, false},      /* CH, SE, TR 0212 */
    {"0N", "2 5-4", 55, false},        /* BR 011 style */
    {"8", "1 3 3-2-2", 55, false},     /* RU 8 912 345-67-89 */
    /* round 8: libphonenumber's example numbers of each region, written nationally after "phone", that no row
     * read (tools/phones/national_probe.py) */
    {"8", "1 (3) 3 2 2", 55, false},   /* RU 8 (912) 345 67 89 */
    {"8", "1 (3) 3 4", 55, false},     /* KZ 8 (771) 000 9998 */
    {"8", "1 2 3 2 2", 55, false},     /* UZ 8 91 234 56 78 */
    {"0N", "3 2-4-4", 55, false},      /* AR mobile 011 15-2345-6789 */
    {"N", "(1) 4~4", 55, false},       /* CL (2) 2123 4567 */
    {"60", "(3) 7", 55, false},        /* CO (601) 2345678 */
    {"08", "2-2 2 2", 55, false},      /* SE Stockholm 08-12 34 56 */
    {"0N", "a", 40, true},             /* bare national numbers 0XXXXXXXXX */
    {"0N", "b", 40, true},             /* 0XXXXXXXXXX */
    {"08", "c", 40, true},             /* round 11: ID mobile 081234567890, 0812345678901 (trunk 0 + 10 to 12 digits) */
    {"08", "d", 40, true},
    /* no trunk prefix: shared with other numbers, only with a phone word */
    {"NN", "2 5-4", 45, true},         /* BR 11 91234-5678 */
    {"NN", "2 4-4", 45, true},         /* BR 11 3456-7890 */
    {"NN", "(2) 4-4", 70, false},      /* BR (11) 3456-7890 */
    {"NN9", "2 5 4", 45, true},        /* BR 11 91234 5678 */
    {"NN9", "b", 45, true},            /* BR 11912345678 */
    {"N", "3~3~3", 45, true},          /* ES 612 345 678, PL 512 345 678, CZ 601 123 456, PT 912 345 678 */
    {"5|6|7|8|9", "3~2~2~2", 45, true}, /* ES 612 34 56 78, GE 555 12 34 56 */
    {"N", "2~3~2~2", 45, true},        /* ES 91 123 45 67, PL 12 345 67 89, SN 70 123 45 67 */
    {"2", "2 3 4", 45, true},          /* PT 21 234 5678 */
    {"N", "2 3 3", 45, true},          /* LB 71 123 456, TN 20 123 456, LV 21 234 567, MZ 21 123 456 */
    {"N", "2 6", 45, true},            /* CY 96 123456 */
    {"2|3|4|5|6|7|8|9", "3 3 4", 45, true}, /* MX 222 123 4567 (NANP reads the numbers valid for it first) */
    {"6|7|8|9", "9", 45, true},        /* ES 612345678 */
    {"6|7|8|9", "5~5", 45, true},      /* IN 98765 43210 */
    {"6|7|8|9", "a", 45, true},        /* IN 9876543210 */
    {"13|14|15|16|17|18|19", "3~4~4", 70, false}, /* CN mobile 138 0013 8000 (mobile_forms.py: CN 13-19) */
    {"1N", "3~4~4", 45, true},         /* CN, other leading digits */
    {"1N", "b", 45, true},             /* CN 13800138000 */
    {"3", "3~3~4", 45, true},          /* IT mobile 347 123 4567 */
    {"3", "3~7", 45, true},            /* IT 347 1234567 */
    {"68|69", "3~3~4", 45, true},      /* GR mobile 694 512 3378 (NANP has no area code x9x) */
    {"NN", "2 4 4", 45, true},         /* MX 55 1234 5678 */
    {"13|18", "4 3 3", 45, true},      /* AU 1300 123 456, 1800 123 456 */
    {"6|7|8|9", "4~3~3", 45, true},    /* round 15: IN mobile as chat groups it, 9123 456 789 */
    {"2|3|4|5|6|7|8|9", "2 2 2 2", 45, true}, /* DK 20 12 34 56, NO 22 12 34 56 */
    {"4|9", "3 2 3", 45, true},        /* NO mobile 412 34 567 */
    {"3|4|5|6|7|8|9", "4~4", 45, true}, /* HK 9123 4567, SG 6123 4567, QA, KW, PA 6123-4567, HN 9123-4567 */
    {"21|22|23|24|25|26|27|28|29", "4~4", 45, true}, /* GT 2245 6789, CR, SV, UY (not 20xx: years) */
    {"2|3|4|5|6|7|8|9", "3-4", 40, true}, /* local 555-0123 (NANP exchange 2-9) */
    {"2|3|4|5|6|7|8|9", "3 4", 40, true}, /* local 555 0123 */
};

/* A count followed by what it counts is no phone number ("612 345 678 units", "1 299 000 views"). */
static const char *const QUANTITY_WORDS[] = {"unit*", "people", "persons", "user*", "times", "calls", "view*",
                                             "row*", "item*", "byte*", "record*", "visit*", "download*", "km",
                                             "mile*", "meter*", "metre*", "kg", "eur*", "usd", "dollar*",
                                             "point*", "vote*", "cop*", "member*", "node*", "edge*", "step*",
                                             "lines", "word*", "page*", "sale*", "order*", "ticket*", "case*",
                                             "year*", "day*", "hour*", "minute*", "second*", "ms", "fps",
                                             "rpm", "bps", "gb", "mb", "kb", "tb", "pixel*", "kwh", "mwh", "kw", NULL};

static size_t glen(const pii_number *num, size_t k) { return num->g[k].end - num->g[k].start; }

static size_t shape_len(char c) { return c >= 'a' && c <= 'd' ? (size_t)(c - 'a') + 10u : (size_t)(c - '0'); }

/* The rows of FORMS by the length of their first group (in table order), so a number looks only at the
 * rows its first group fits; built once (pii_run_once). Row lengths out of range are in bucket 0 with
 * the rows of length 0, which every number reads (the length test stays in the loop). */
enum { FORM_LENS = 16, FORM_ROWS = sizeof FORMS / sizeof FORMS[0] };
static uint8_t form_rows[FORM_LENS][FORM_ROWS], form_count[FORM_LENS];
/* The length of each row's second group (0: a row of one group): a number whose second group differs is
 * turned away before shape_match reads the row. */
static uint8_t form_len2[FORM_ROWS];
static pii_once forms_indexed = PII_ONCE_INIT;

static void index_forms(void)
{
    _Static_assert(FORM_ROWS <= 255, "form_rows holds row numbers in a byte");
    for (size_t r = 0; r < FORM_ROWS; r++) {
        const char *sh = FORMS[r].shape;
        size_t l = shape_len(sh[0] == '(' ? sh[1] : sh[0]);
        size_t b = l < FORM_LENS ? l : 0;
        form_rows[b][form_count[b]++] = (uint8_t)r;
        const char *p = sh + (sh[0] == '(' ? 3 : 1); /* past the first group */
        if (*p != '\0') {
            p++; /* the separator */
            form_len2[r] = (uint8_t)shape_len(*p == '(' ? p[1] : p[0]);
        }
    }
}

/* Whether the digits at d (nd of them) start with one of the '|'-separated prefixes of lead. */
static bool lead_ok(const char *lead, const uint8_t *d, size_t nd)
{
    for (const char *p = lead; *p != '\0';) {
        size_t i = 0;
        bool ok = true;
        for (; p[i] != '\0' && p[i] != '|'; i++) {
            uint8_t c = i < nd ? d[i] : 0;
            if (p[i] == 'N')
                ok = ok && c >= '1' && c <= '9';
            else if (p[i] == 'x')
                ok = ok && pii_is_digit(c);
            else
                ok = ok && c == (uint8_t)p[i];
        }
        if (ok)
            return true;
        p += i;
        if (*p == '|')
            p++;
    }
    return false;
}

/* Matches a row's shape against the groups from g0; returns how many groups it covers (0: no match). */
static size_t shape_match(const pii_number *num, size_t g0, const char *shape)
{
    size_t j = 0;
    uint8_t any = 0;       /* the separator '~' stood for */
    bool prev_paren = false;
    for (const char *p = shape; *p != '\0'; j++) {
        size_t g = g0 + j;
        if (g >= num->ngroups)
            return 0;
        uint8_t want = 0;
        if (j > 0) {
            want = (uint8_t)*p++;
        }
        bool paren = *p == '(';
        if (paren)
            p++;
        size_t l = shape_len(*p++);
        if (paren)
            p++; /* ')' */
        if (glen(num, g) != l)
            return 0;
        uint8_t have = num->g[g].sep;
        bool in_paren = (g == 0 && num->paren) || (g > 0 && have == '(');
        if (paren != in_paren)
            return 0;
        if (j == 0 || paren) {
            /* the first group: g0 starts a number (checked by the caller) */
        } else if (prev_paren) {
            if (have != ' ' && have != ')')
                return 0;
        } else if (want == '~') {
            if (have != ' ' && have != '-' && have != '.')
                return 0;
            if (any == 0)
                any = have;
            else if (have != any)
                return 0;
        } else if (have != want) {
            return 0;
        }
        prev_paren = paren;
    }
    return j;
}

static size_t digits_in(const uint8_t *s, size_t a, size_t b)
{
    size_t k = 0;
    for (size_t i = a; i < b; i++)
        k += pii_is_digit(s[i]);
    return k;
}

/* A phone already found at or above the threshold, with as many digits, ending at most 80 bytes before on
 * the same line: "UK mobile 07700 900123 is mine, the other is 07700900456"; "his desk phone is
 * 555-0178; the front desk is 555-0100". */
static bool phone_sibling(const pii_scan *sc, size_t start, size_t end)
{
    size_t nd = digits_in(sc->s, start, end);
    for (size_t k = sc->count; k > 0; k--) {
        const pii_cand *c = &sc->c[k - 1];
        if (c->end > start)
            continue;
        if (c->end + 80 < start)
            return false;
        if (c->type != SANCTUM_ENTITY_PHONE_NUMBER || c->score < sc->det->threshold)
            continue;
        if (memchr(sc->s + c->end, '\n', start - c->end) != NULL)
            return false;
        if (digits_in(sc->s, c->start, c->end) == nd)
            return true;
    }
    return false;
}

/* National plans let subscribers split their number as they like after the area code (DE 030 23125 567,
 * NL 020-123 4567, ZA 082 555 0123): beyond the rows above, any trunk-0 number of 9 to 11 digits in two to
 * five groups, the first (trunk and area code, maybe in parentheses) of 2 to 5 digits, the others of 2 to 8,
 * separated by spaces, dashes or one slash after the area code, is a weak national form (a phone word makes
 * it one). Nine digits are the national length of trunk-0 plans in much of the world (libphonenumber's
 * examples: AE 02 234 5678, TH 02 123 4567, NZ 03 234 5678, BG 02 123 456, HR 01 2345 678, PE (01) 1234567,
 * ID (021) 8350123, TR (0212) 345 67 89). */
static const nat_form ANY_TRUNK_SPLIT = {"0N", "", 55, false};

static size_t trunk_split(const pii_scan *sc, const pii_number *num)
{
    const uint8_t *s = sc->s;
    size_t l0 = glen(num, 0);
    if (num->ngroups < 2 || l0 < 2 || l0 > 5 || s[num->g[0].start] != '0' || s[num->g[0].start + 1] == '0')
        return 0;
    size_t nd = l0, k = 1;
    for (; k < num->ngroups && k < 5; k++) {
        uint8_t sep = num->g[k].sep;
        size_t l = glen(num, k);
        bool after_paren = k == 1 && num->paren && sep == ')';
        if ((sep != ' ' && sep != '-' && !(sep == '/' && k == 1) && !after_paren) || l < 2 || l > 8)
            return 0;
        nd += l;
    }
    if (k < num->ngroups && num->g[k].sep != ' ')
        return 0; /* more groups glued on: a longer code */
    if (nd == 9 && k == 3 && l0 == 3 && glen(num, 1) == 2)
        return 0; /* 3-2-4 is how an SSN is written (020 37 1794, 076-72-4395) */
    /* round 15: German numbers with a four- or five-digit area code reach twelve digits with the trunk 0
     * (0351 4471 2290) */
    return (nd >= 9 && nd <= 11) || (nd == 12 && l0 >= 4 && k == 3) ? k : 0;
}

/* Round 15: Greek script before a number of the Greek plan (ten digits, 2x landlines and 69x mobiles, grouped
 * 3 3 4): only Greece and Cyprus write Greek, so the script says which plan the number follows ("Πληροφορίες:
 * 210 555 8432"). Three Greek letters in the 64 bytes before it; a bounded look, paid only by 3-3-4 numbers that
 * start with 2 or 69. */
static bool greek_plan(const pii_scan *sc, const pii_number *num, size_t g0, size_t groups, const uint8_t *d)
{
    if (g0 != 0 || groups != 3 || num->ngroups != 3 || glen(num, 0) != 3 || glen(num, 1) != 3 || glen(num, 2) != 4 ||
        !(d[0] == '2' || (d[0] == '6' && d[1] == '9')))
        return false;
    const uint8_t *s = sc->s;
    size_t start = num->g[0].start, greek = 0;
    for (size_t i = start; i > 1 && start - i < 64 && greek < 3; i--)
        greek += (s[i - 2] == 0xCE || s[i - 2] == 0xCF) && (s[i - 1] & 0xC0) == 0x80;
    return greek >= 3;
}

/* Whether the groups before `upto` all have the same length (three or more digits each). */
static bool equal_run(const pii_number *num, size_t upto)
{
    size_t l = glen(num, 0);
    if (l < 3)
        return false;
    for (size_t k = 1; k < upto; k++)
        if (glen(num, k) != l || num->g[k].sep != ' ')
            return false;
    return true;
}

void pii_phone_national(pii_scan *sc, const pii_number *num)
{
    for (size_t g0 = 0; g0 < num->ngroups; g0++) {
        if (g0 > 0 && num->g[g0].sep != ' ' && num->g[g0].sep != '(')
            continue;
        if (g0 == 0 && num->plus)
            continue;
        size_t l0 = glen(num, g0);
        /* no form is shorter than 7 digits; a single group is a form only as 9 to 11 bare digits */
        size_t rest = 0;
        for (size_t k = g0; k < num->ngroups && k < g0 + 5; k++)
            rest += glen(num, k);
        if (g0 + 1 == num->ngroups ? (l0 < 9 || l0 > 13) : rest < 7)
            continue;
        uint8_t d[24];
        size_t nd = pii_number_digits(sc, num, g0, 4, d, sizeof d);
        const nat_form *best = NULL;
        size_t best_n = 0;
        pii_run_once(&forms_indexed, index_forms);
        size_t bucket = l0 < FORM_LENS ? l0 : 0; /* bucket 0: the rows of no length in range */
        size_t l1 = g0 + 1 < num->ngroups ? glen(num, g0 + 1) : 0;
        for (size_t ri = 0; ri < form_count[bucket]; ri++) {
            size_t r = form_rows[bucket][ri];
            if (form_len2[r] != 0 && form_len2[r] != l1)
                continue; /* shape_match would fail at the second group */
            const char *sh = FORMS[r].shape;
            if (shape_len(sh[0] == '(' ? sh[1] : sh[0]) != l0)
                continue;
            if (best != NULL && FORMS[r].score < best->score)
                continue;
            size_t m = shape_match(num, g0, sh); /* most rows end here, before their leading digits */
            if (m == 0 || !lead_ok(FORMS[r].lead, d, nd))
                continue;
            /* a group glued on after the form (06 12 34 56 78-9) makes it something else */
            if (g0 + m < num->ngroups && num->g[g0 + m].sep != ' ' && num->g[g0 + m].sep != '(')
                continue;
            /* the tail of a run of equal groups is no phone: "Order ID 4532 0151 1293 0368", a card */
            if (g0 > 0 && equal_run(num, g0 + m))
                continue;
            if (best == NULL || FORMS[r].score > best->score || m > best_n) {
                best = &FORMS[r];
                best_n = m;
            }
        }
        if (best == NULL && g0 == 0) {
            best_n = trunk_split(sc, num);
            if (best_n > 0)
                best = &ANY_TRUNK_SPLIT;
        }
        if (best == NULL)
            continue;
        size_t start = num->g[g0].start, end = num->g[g0 + best_n - 1].end;
        if ((g0 == 0 && num->paren) || (g0 > 0 && num->g[g0].sep == '('))
            start--;
        uint32_t ev = SANCTUM_EV_VALIDATOR | (best->score >= 70 ? SANCTUM_EV_FORMAT_STRONG : SANCTUM_EV_FORMAT_WEAK);
        double score = best->score / 100.0;
        if (best->strict) {
            /* a weak form is the whole cluster: "ticket 4412 9876 5432" holds no "9876 5432" */
            bool veto = g0 != 0 || g0 + best_n != num->ngroups || pii_negative_context(sc, start, end) ||
                        pii_context(sc, end, false, 1, 16, QUANTITY_WORDS);
            if (!veto && greek_plan(sc, num, g0, best_n, d) && !pii_phone_word_near(sc, start, end)) {
                score += 0.3;
                ev |= SANCTUM_EV_CONTEXT_BEFORE;
                pii_phone_add(sc, SANCTUM_REC_PHONE_INTL, start, end, score, ev);
                continue;
            }
            if (!veto && !pii_phone_word_near(sc, start, end) && phone_sibling(sc, start, end)) {
                score += 0.3;
                ev |= SANCTUM_EV_CONSISTENCY;
            } else if (veto || !pii_phone_word_near(sc, start, end)) {
                pii_suppress(sc, SANCTUM_ENTITY_PHONE_NUMBER, SANCTUM_REC_PHONE_INTL, start, end, ev);
                continue;
            }
        } else if (score < 0.7 && !pii_phone_word_near(sc, start, end) && phone_sibling(sc, start, end)) {
            score += 0.3; /* "op 020-123 4567 of 06-12345678": a list of numbers after one phone word */
            ev |= SANCTUM_EV_CONSISTENCY;
        }
        pii_phone_add(sc, SANCTUM_REC_PHONE_INTL, start, end, score, ev);
    }
}
