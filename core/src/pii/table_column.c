/* The header cell of the table column a number sits in: CSV/TSV exports, psql and Markdown tables, rows under
 * an SQL COPY column list. A column named for a kind of number is the context of every value in it, however
 * many rows below the header, and a column named for something else takes the context of its neighbours away
 * ("name,ssn,employee_number": the employee number is no SSN). Bounded: at most 12 lines of at most 256 bytes
 * above the row are read, once per row (each cell then reads its column in them), and only for a number that
 * fills a cell. */
#include "pii.h"

enum { LINE_MAX_BYTES = 256 }; /* lines up: PII_TABLE_LINES_UP (pii.h) */

static bool is_sep(uint8_t c) { return c == ',' || c == ';' || c == '\t' || c == '|'; }

static size_t count_sep(const uint8_t *s, size_t from, size_t to, uint8_t sep)
{
    size_t c = 0;
    for (size_t i = from; i < to; i++)
        c += s[i] == sep;
    return c;
}

/* A rule line of a drawn table ("----+-----", "|---|:--|") */
static bool rule_line(const uint8_t *s, size_t from, size_t to)
{
    bool dash = false;
    for (size_t i = from; i < to; i++) {
        if (s[i] == '-' || s[i] == '=')
            dash = true;
        else if (s[i] != '+' && s[i] != '|' && s[i] != ':' && s[i] != ' ' && s[i] != '\r')
            return false;
    }
    return dash;
}

/* The cell `col` (0-based) of line [ls, le) split at `sep`, trimmed; false when it has no letter. */
static bool cell_at(const uint8_t *s, size_t ls, size_t le, uint8_t sep, size_t col, size_t *cs, size_t *ce)
{
    size_t k = 0, fs = ls;
    for (size_t i = ls; i <= le; i++) {
        if (i < le && s[i] != sep)
            continue;
        if (k++ == col) {
            bool letters = false;
            for (size_t j = fs; j < i; j++)
                letters = letters || pii_is_alpha(s[j]) || s[j] >= 0x80;
            *cs = fs;
            *ce = i;
            return letters;
        }
        fs = i + 1;
    }
    return false;
}

/* The walk up from the row [ls, ...) of `cells` cells split at `sep`: the lines of its shape (a header or rows of
 * data) nearest first, over rule lines, to the first line of another shape. */
static void walk_up(pii_table_memo *m, const uint8_t *s, size_t ls, uint8_t sep, size_t cells)
{
    m->count = 0;
    m->other = 0;
    for (unsigned up = 0; up < PII_TABLE_LINES_UP && ls >= 1; up++) {
        size_t e = ls - 1, l = e;
        while (l > 0 && s[l - 1] != '\n' && e - l < LINE_MAX_BYTES)
            l--;
        if (l > 0 && s[l - 1] != '\n')
            return;
        ls = l;
        if (rule_line(s, l, e))
            continue;
        m->l[m->count] = l;
        m->e[m->count] = e;
        if (count_sep(s, l, e, sep) + 1 == cells) {
            m->count++;
            continue; /* a header, or a row of data above with the header further up */
        }
        /* a header written with another separator (an SQL COPY column list over tab-separated rows) */
        static const uint8_t OTHER[] = {',', ';', '\t', '|'};
        for (size_t k = 0; k < sizeof OTHER; k++)
            if (OTHER[k] != sep && count_sep(s, l, e, OTHER[k]) + 1 == cells) {
                m->other = OTHER[k];
                return;
            }
        return;
    }
}

static bool header_of(pii_scan *sc, size_t start, size_t end, size_t *hs, size_t *he);

bool pii_table_header(pii_scan *sc, size_t start, size_t end, size_t *hs, size_t *he)
{
    pii_table_memo *m = &sc->table_memo;
    if (m->last_s != sc->s || m->last_start != start || m->last_end != end) {
        m->last_found = header_of(sc, start, end, &m->last_hs, &m->last_he);
        m->last_s = sc->s;
        m->last_start = start;
        m->last_end = end;
    }
    *hs = m->last_hs;
    *he = m->last_he;
    return m->last_found;
}

static bool header_of(pii_scan *sc, size_t start, size_t end, size_t *hs, size_t *he)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    size_t b = start, a = end;
    while (b > 0 && start - b < 32 && (s[b - 1] == ' ' || s[b - 1] == '"' || s[b - 1] == '\''))
        b--;
    while (a < n && a - end < 32 && (s[a] == ' ' || s[a] == '"' || s[a] == '\'' || s[a] == '\r'))
        a++;
    bool b_edge = b == 0 || s[b - 1] == '\n', a_edge = a == n || s[a] == '\n';
    if (!(b_edge || is_sep(s[b - 1])) || !(a_edge || is_sep(s[a])))
        return false; /* the number does not fill a cell */
    uint8_t sep = !b_edge ? s[b - 1] : !a_edge ? s[a] : 0;
    if (sep == 0)
        return false;
    size_t ls = b, le = a;
    while (ls > 0 && s[ls - 1] != '\n' && b - ls < LINE_MAX_BYTES)
        ls--;
    while (le < n && s[le] != '\n' && le - a < LINE_MAX_BYTES)
        le++;
    if ((ls > 0 && s[ls - 1] != '\n') || (le < n && s[le] != '\n'))
        return false; /* a line too long for a table row */
    size_t col = count_sep(s, ls, b, sep), cells = col + count_sep(s, a, le, sep) + 1;
    /* every cell of a row walks up the same lines (a wide export of numbers: 12 lines for each cell) */
    pii_table_memo *m = &sc->table_memo;
    if (m->s != s || m->ls != ls || m->sep != sep || m->cells != cells) {
        walk_up(m, s, ls, sep, cells);
        m->s = s;
        m->ls = ls;
        m->sep = sep;
        m->cells = cells;
    }
    for (size_t i = 0; i < m->count; i++)
        if (cell_at(s, m->l[i], m->e[i], sep, col, hs, he))
            return true;
    return m->other != 0 && cell_at(s, m->l[m->count], m->e[m->count], m->other, col, hs, he);
}
