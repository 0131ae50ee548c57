/* PERSON, round 10 (issue 17): mail and form headers write the sender "Surname, Given" ("From: Bramwell,
 * Theodora", "To: Okafor, Chidi <c.okafor@...>"); after such a label the pair is one name even when the
 * surname is one the lists lack. */
#include <string.h>

#include "names.h"
#include "person.h"

bool pii_header_name_field(const uint8_t *s, size_t n, size_t ws, size_t ge, unsigned surname_flags)
{
    if (surname_flags & (SC_NAME_WORD | SC_NAME_PLACE))
        return false;
    /* the pair ends its field: the end of the line (or an escaped "\n"), " <" before an address, ";" */
    bool ends = ge >= n || s[ge] == '\n' || s[ge] == '\r' || s[ge] == ';' ||
                (ge + 1 < n && ((s[ge] == ' ' && s[ge + 1] == '<') || (s[ge] == '\\' && s[ge + 1] == 'n')));
    if (!ends || ws < 3 || s[ws - 1] != ' ' || s[ws - 2] != ':')
        return false;
    size_t e = ws - 2, a = e;
    while (a > 0 && (pii_is_alpha(s[a - 1]) || s[a - 1] == '-') && !(a >= 2 && s[a - 2] == '\\' && s[a - 1] == 'n'))
        a--;
    /* the label opens its line (or follows an escaped "\n" or a quote), maybe quoted in a reply ("> > To:") */
    size_t q = a, ls = a;
    while (q > 0 && a - q < 8 && (s[q - 1] == '>' || s[q - 1] == ' '))
        q--;
    if (q < a && s[a - 1] == ' ' && s[q] == '>')
        ls = q;
    if (!(ls == 0 || s[ls - 1] == '\n' || s[ls - 1] == '"' || (ls >= 2 && s[ls - 2] == '\\' && s[ls - 1] == 'n')))
        return false;
    static const char *const LABELS[] = {"from", "to", "cc", "bcc", "reply-to", "sender", "von", "an", "de",
                                         "para", "da", "a", "van", "aan", "fra", "til", "från", "od", "do",
                                         "attendees", "organizer", "organiser", NULL};
    return word_in(s + a, e - a, LABELS);
}
