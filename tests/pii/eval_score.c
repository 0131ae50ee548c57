/* The PII evaluation scorer (see eval_score.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "eval_score.h"

typedef struct gold {
    int32_t type;
    size_t start, end;
} gold;

/* Turns one marked-up line into text + gold spans. Returns the text length, or (size_t)-1 on a bad
 * mark. */
static size_t parse_case(const char *line, size_t n, char *text, gold *g, size_t *ng, size_t gcap)
{
    size_t m = 0;
    *ng = 0;
    for (size_t i = 0; i < n;) {
        if (line[i] == '\\' && i + 1 < n && line[i + 1] == 'n') {
            text[m++] = '\n';
            i += 2;
        } else if (line[i] == '[' && i + 1 < n && line[i + 1] == '[') {
            const char *bar = memchr(line + i, '|', n - i);
            const char *close = strstr(line + i, "]]");
            if (bar == NULL || close == NULL || bar > close || *ng == gcap)
                return (size_t)-1;
            int32_t t = sanctum_entity_type_from_name((const uint8_t *)line + i + 2, (size_t)(bar - (line + i + 2)));
            if (t < 0)
                return (size_t)-1;
            g[*ng].type = t;
            g[*ng].start = m;
            for (const char *p = bar + 1; p < close; p++)
                text[m++] = *p;
            g[*ng].end = m;
            (*ng)++;
            i = (size_t)(close - line) + 2;
        } else {
            text[m++] = line[i++];
        }
    }
    return m;
}

int eval_files(const sanctum_detector *det, const char *const *paths, size_t npaths, eval_result *out, FILE *log)
{
    memset(out, 0, sizeof *out);
    char line[8192], text[8192];
    gold g[32];
    for (size_t f = 0; f < npaths; f++) {
        FILE *fp = fopen(paths[f], "r");
        if (fp == NULL) {
            fprintf(stderr, "eval: cannot open %s\n", paths[f]);
            return -1;
        }
        size_t lineno = 0;
        while (fgets(line, sizeof line, fp) != NULL) {
            lineno++;
            size_t n = strlen(line);
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                line[--n] = 0;
            /* a comment is "#" alone or "# ...": a case may start with "#general" or "#42" */
            if (n == 0 || (line[0] == '#' && (n == 1 || line[1] == ' ')))
                continue;
            size_t ng;
            size_t tl = parse_case(line, n, text, g, &ng, 32);
            if (tl == (size_t)-1) {
                fprintf(stderr, "eval: %s:%zu: bad mark\n", paths[f], lineno);
                fclose(fp);
                return -1;
            }
            sanctum_detection *d = NULL;
            sanctum_error err;
            if (sanctum_detect(&d, det, (const uint8_t *)text, tl, 0, &err) != SANCTUM_OK) {
                fprintf(stderr, "eval: %s:%zu: %s\n", paths[f], lineno, err.message);
                fclose(fp);
                return -1;
            }
            out->cases++;
            out->bytes += tl;
            if (ng == 0) {
                out->free_cases++;
                if (d->count > 0)
                    out->free_touched++;
            }
            for (size_t k = 0; k < ng; k++) {
                eval_counts *c = &out->per[g[k].type];
                c->gold++;
                bool hit = false, covered = false;
                for (size_t e = 0; e < d->count; e++) {
                    const sanctum_pii_entity *p = &d->entities[e];
                    if (p->start <= g[k].start && p->end >= g[k].end) {
                        covered = true;
                        hit = hit || p->type == g[k].type;
                    }
                }
                if (!covered)
                    out->leaked++;
                if (hit)
                    c->tp_recall++;
                else if (log != NULL)
                    fprintf(log, "MISS %s %s:%zu: %.*s\n", sanctum_entity_type_name(g[k].type), paths[f], lineno,
                            (int)(g[k].end - g[k].start), text + g[k].start);
            }
            for (size_t e = 0; e < d->count; e++) {
                const sanctum_pii_entity *p = &d->entities[e];
                eval_counts *c = &out->per[p->type];
                c->predicted++;
                bool ok = false;
                for (size_t k = 0; k < ng; k++)
                    if (g[k].type == p->type && p->start < g[k].end && g[k].start < p->end)
                        ok = true;
                if (ok)
                    c->tp_precision++;
                else if (log != NULL)
                    fprintf(log, "FP   %s %.2f %s:%zu: %.*s\n", sanctum_entity_type_name(p->type), p->score,
                            paths[f], lineno, (int)(p->end - p->start), text + p->start);
            }
            sanctum_free(d);
        }
        fclose(fp);
    }
    return 0;
}

double eval_recall(const eval_counts *c) { return c->gold ? (double)c->tp_recall / (double)c->gold : 1.0; }
double eval_precision(const eval_counts *c)
{
    return c->predicted ? (double)c->tp_precision / (double)c->predicted : 1.0;
}

void eval_print(FILE *f, const eval_result *r)
{
    fprintf(f, "%-16s %6s %6s %9s %7s %7s\n", "type", "gold", "pred", "precision", "recall", "F1");
    for (int t = 0; t < SANCTUM_ENTITY_COUNT; t++) {
        const eval_counts *c = &r->per[t];
        double p = eval_precision(c), rc = eval_recall(c);
        double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
        fprintf(f, "%-16s %6zu %6zu %9.3f %7.3f %7.3f\n", sanctum_entity_type_name(t), c->gold, c->predicted, p, rc,
                f1);
    }
    size_t all = 0;
    for (int t = 0; t < SANCTUM_ENTITY_COUNT; t++)
        all += r->per[t].gold;
    fprintf(f, "entities %zu, left in clear %zu (%.2f%%)\n", all, r->leaked,
            all ? 100.0 * (double)r->leaked / (double)all : 0.0);
    fprintf(f, "cases %zu, entity-free %zu, entity-free touched %zu (%.2f%%)\n", r->cases, r->free_cases,
            r->free_touched, r->free_cases ? 100.0 * (double)r->free_touched / (double)r->free_cases : 0.0);
}
