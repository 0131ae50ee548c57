/* PERSON in lower case, round 10 (issue 17): casual chat writes names without capitals. A common given
 * name that is no word before "just" + a speech verb or "is" + a state only people are in ("jess just
 * texted", "ollie is coming"), and a second known name after a lower-case given name with a person word
 * before it ("with rory mcallister"). */
#include <string.h>

#include "names.h"
#include "person.h"

/* The words after "is" that say a person is coming, going or somewhere. */
static bool person_state(const uint8_t *w, size_t n)
{
    static const char *const ST[] = {"coming", "driving", "joining", "bringing", "here", "back", "sick",
                                     "late", "hosting", "leaving", "going", "home", "pregnant", NULL};
    return word_in(w, n, ST);
}

bool pii_lower_doing_after(const uint8_t *s, size_t n, size_t p, size_t j)
{
    bool just = j - p == 4 && memcmp(s + p, "just", 4) == 0;
    bool is = j - p == 2 && s[p] == 'i' && s[p + 1] == 's';
    if ((!just && !is) || j + 1 >= n || s[j] != ' ')
        return false;
    size_t a = j + 1, b = a;
    while (b < n && pii_is_lower(s[b]))
        b++;
    if (b == a || (b < n && pii_is_alpha(s[b])))
        return false;
    if (is)
        return person_state(s + a, b - a);
    static const char *const SAID[] = {"texted", "called", "said", "messaged", "told", "asked", "replied",
                                       "emailed", "rang", "dmed", "wrote", NULL};
    return word_in(s + a, b - a, SAID);
}

bool pii_lower_second_name(const uint8_t *s, size_t bs, size_t be, bool has_b, unsigned fb)
{
    return has_b && be - bs >= 3 && (fb & (SC_NAME_FIRST | SC_NAME_LAST)) && !(fb & (SC_NAME_WORD | SC_NAME_PLACE)) &&
           sc_word_class(s + bs, be - bs) == SC_WORD_NONE && !pii_chat_word(s + bs, be - bs);
}
