/* PERSON by affiliation (issue 17, round 13): a family ("Familie Yılmaz", "the Okafor family") and a group
 * of people: "Aditi from procurement", "Bilal from the Karachi office",
 * "Thabo from the plumbing co.", "Olamide from Payments". A known given name below the threshold followed
 * by "from" and a group of people (a department, a team, an office, a club) is a person: products come
 * "from Apple", places "from Lagos", but only people come from a department. */
#include <string.h>

#include "names.h"
#include "person.h"
#include "pii.h"

/* Departments and groups of people a person is "from" (lower case, sorted). */
static const char *const GROUP[] = {
    "accounting", "accounts", "admin", "agency", "allotment", "bank", "billing", "board", "branch", "choir",
    "church", "clinic", "club", "co", "committee", "company", "compliance", "council", "crew", "department",
    "dept", "design", "desk", "engineering", "facilities", "finance", "firm", "gym", "hospital", "hr", "it",
    "lab", "league", "legal", "logistics", "marketing", "office", "ops", "payments", "payroll", "pharmacy", "platform",
    "procurement", "product", "qa", "reception", "recruiting", "research", "sales", "school", "security",
    "shop", "squad", "store", "studio", "support", "team", "treasury", NULL};

/* After end: " from " and, within four words, a group word: "from procurement", "from the Karachi office",
 * "from our Leeds team". The first word is the group, an article or possessive, or a capitalized name. */
static bool from_group(const uint8_t *s, size_t n, size_t end)
{
    size_t a, b;
    if (!word_after(s, n, end, &a, &b) || !pii_word_eq(s + a, b - a, "from"))
        return false;
    size_t p = b;
    for (int k = 0; k < 4; k++) {
        if (p >= n || s[p] != ' ')
            return false;
        size_t ws = p + 1, we = ws;
        while (we < n && pii_is_alpha(s[we]))
            we++;
        if (we == ws)
            return false;
        if (WORD_IN_SORTED(s + ws, we - ws, GROUP))
            return true;
        /* the words before the group: an article, a possessive, a capitalized name ("the Leeds team") */
        if (k == 0 && !(pii_is_upper(s[ws]) || word_in(s + ws, we - ws, (const char *const[]){"the", "our", "your", "their", NULL})))
            return false;
        p = we;
    }
    return false;
}

/* A family named by its surname: "Familie Yılmaz", "la famille Dubois", "la familia Ortega", "the Okafor
 * family" (a place is "the Paris office", not "the Paris family"). */
static bool family_frame(const uint8_t *s, size_t n, size_t start, size_t end)
{
    static const char *const BEFORE[] = {"familia", "familie", "famille", "família", "family", "rodzina", NULL};
    size_t ps, pe, a, b;
    if (prev_word(s, start, 1, &ps, &pe) && start - pe == 1 && word_in(s + ps, pe - ps, BEFORE))
        return true;
    return prev_word(s, start, 1, &ps, &pe) && start - pe == 1 && pii_word_eq(s + ps, pe - ps, "the") &&
           word_after(s, n, end, &a, &b) && (pii_word_eq(s + a, b - a, "family") || pii_word_eq(s + a, b - a, "family's"));
}

void pii_affiliation(pii_scan *sc, size_t first_cand)
{
    const uint8_t *s = sc->s;
    double thr = sc->det->threshold, lifted = thr > 0.75 ? thr : 0.75;
    for (size_t i = first_cand; i < sc->count; i++) {
        pii_cand *w = &sc->c[i];
        if (w->type != SANCTUM_ENTITY_PERSON || w->score < 0.4 || w->score >= thr ||
            !(w->evidence & (SANCTUM_EV_GAZETTEER_FIRST | SANCTUM_EV_GAZETTEER_LAST)) ||
            (w->evidence & SANCTUM_EV_SUPPRESSED))
            continue;
        size_t l = w->end - w->start;
        if ((pii_name_flags(s, w->start, w->end) & (SC_NAME_PLACE | SC_NAME_WORD)) || sc_place_lookup(s + w->start, l))
            continue;
        if (family_frame(s, sc->n, w->start, w->end)) {
            w->score = lifted;
            w->evidence |= SANCTUM_EV_CONTEXT_BEFORE;
            continue;
        }
        if (w->score < 0.5 || !(w->evidence & SANCTUM_EV_GAZETTEER_FIRST))
            continue;
        /* "the Sevilla from the agency brochure": a person is seldom counted with an article */
        size_t ps, pe;
        if (w->end + 6 < sc->n && s[w->end] == ' ' && s[w->end + 1] == 'f' && from_group(s, sc->n, w->end) &&
            !(prev_word(s, w->start, 1, &ps, &pe) &&
              word_in(s + ps, pe - ps, (const char *const[]){"the", "a", "an", "this", "that", NULL}))) {
            w->score = lifted;
            w->evidence |= SANCTUM_EV_CONTEXT_AFTER;
        }
    }
}
