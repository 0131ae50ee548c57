/* sanctum ledger: the secret-age ledger from the command line (docs/ledger.md). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <inttypes.h>
#include <pwd.h>
#include <signal.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"

#define MAX_LOCATIONS 64
#define MAX_VALUE_BYTES (1u << 20)

typedef struct ledger_args {
    const char *db, *key_file, *now_text, *actor, *format;
    const char *sub, *pos[3];
    int npos;
    const char *provider, *kind, *owner, *notes, *method, *at, *expires, *created, *expect;
    const char *max_age, *auto_days, *soon_days;
    const char *locations[MAX_LOCATIONS];
    int nloc;
    int value_stdin, all;
} ledger_args;

static const char USAGE[] =
    "usage: sanctum ledger [--db PATH] [--key-file PATH] [--now TIME] [--actor WHO] COMMAND ...\n"
    "  add NAME --provider P --max-age-days N [--auto-rotate-days M] [--method api|manual]\n"
    "      [--location L]... [--kind K] [--owner O] [--notes TEXT] [--expires TIME]\n"
    "      [--due-soon-days D] [--created TIME] [--value-stdin]\n"
    "  rotate NAME [--at TIME] [--value-stdin]\n"
    "  retire NAME\n"
    "  show NAME [--format text|json]\n"
    "  list [--all] [--format text|json]\n"
    "  check [--now TIME] [--format text|json]     exit 1 if any secret is overdue or expired\n"
    "  audit log [NAME] [--format text|json]\n"
    "  audit verify [--expect COUNT:HEAD]          exit 1 if the trail was tampered with\n"
    "  match [FINGERPRINT]                         without FINGERPRINT, the value is read from stdin\n"
    "TIME is RFC 3339 (2026-03-01T00:00:00Z or 2026-03-01). Values are only ever read from stdin.\n";

static int usage_error(const char *msg)
{
    fprintf(stderr, "sanctum ledger: %s\n%s", msg, USAGE);
    return CLI_ERROR;
}

/* The subcommands, as option scopes. */
enum {
    ADD = 1u << 0, ROTATE = 1u << 1, RETIRE = 1u << 2, SHOW = 1u << 3, LIST = 1u << 4, CHECK = 1u << 5,
    AUDIT_LOG = 1u << 6, AUDIT_VERIFY = 1u << 7, MATCH = 1u << 8,
    WITH_FORMAT = SHOW | LIST | CHECK | AUDIT_LOG | AUDIT_VERIFY | MATCH
};
enum {
    O_DB, O_KEY_FILE, O_NOW, O_ACTOR, O_FORMAT, O_PROVIDER, O_KIND, O_OWNER, O_NOTES, O_METHOD, O_AT,
    O_EXPIRES, O_CREATED, O_EXPECT, O_MAX_AGE, O_AUTO_DAYS, O_SOON_DAYS, O_LOCATION, O_VALUE_STDIN, O_ALL
};
static const cli_opt OPTS[] = {
    [O_DB] = {"--db", NULL, CLI_OPT_VALUE, 0},
    [O_KEY_FILE] = {"--key-file", NULL, CLI_OPT_VALUE, 0},
    [O_NOW] = {"--now", NULL, CLI_OPT_VALUE, 0},
    [O_ACTOR] = {"--actor", NULL, CLI_OPT_VALUE, 0},
    [O_FORMAT] = {"--format", NULL, CLI_OPT_VALUE, WITH_FORMAT},
    [O_PROVIDER] = {"--provider", NULL, CLI_OPT_VALUE, ADD},
    [O_KIND] = {"--kind", NULL, CLI_OPT_VALUE, ADD},
    [O_OWNER] = {"--owner", NULL, CLI_OPT_VALUE, ADD},
    [O_NOTES] = {"--notes", NULL, CLI_OPT_VALUE, ADD},
    [O_METHOD] = {"--method", NULL, CLI_OPT_VALUE, ADD},
    [O_AT] = {"--at", NULL, CLI_OPT_VALUE, ROTATE},
    [O_EXPIRES] = {"--expires", NULL, CLI_OPT_VALUE, ADD},
    [O_CREATED] = {"--created", NULL, CLI_OPT_VALUE, ADD},
    [O_EXPECT] = {"--expect", NULL, CLI_OPT_VALUE, AUDIT_VERIFY},
    [O_MAX_AGE] = {"--max-age-days", NULL, CLI_OPT_VALUE, ADD},
    [O_AUTO_DAYS] = {"--auto-rotate-days", NULL, CLI_OPT_VALUE, ADD},
    [O_SOON_DAYS] = {"--due-soon-days", NULL, CLI_OPT_VALUE, ADD},
    [O_LOCATION] = {"--location", NULL, CLI_OPT_VALUE | CLI_OPT_REPEAT, ADD},
    [O_VALUE_STDIN] = {"--value-stdin", NULL, 0, ADD | ROTATE},
    [O_ALL] = {"--all", NULL, 0, LIST},
};

static uint32_t scope_of(const ledger_args *a)
{
    static const struct {
        const char *name;
        uint32_t scope;
    } subs[] = {{"add", ADD},   {"rotate", ROTATE}, {"retire", RETIRE}, {"show", SHOW},
                {"list", LIST}, {"check", CHECK},   {"match", MATCH}};
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
        if (strcmp(a->sub, subs[i].name) == 0)
            return subs[i].scope;
    if (strcmp(a->sub, "audit") != 0)
        return 0;
    if (a->npos >= 1 && strcmp(a->pos[0], "log") == 0)
        return AUDIT_LOG;
    if (a->npos >= 1 && strcmp(a->pos[0], "verify") == 0)
        return AUDIT_VERIFY;
    return AUDIT_LOG | AUDIT_VERIFY;
}

/* 0 parsed, 1 help printed, -1 error printed. */
static int parse_args(int argc, char **argv, ledger_args *a)
{
    memset(a, 0, sizeof *a);
    a->format = "text";
    cli_args ca;
    cli_args_init(&ca, "ledger", USAGE, OPTS, sizeof OPTS / sizeof OPTS[0], argc, argv, 1);
    const char **field[] = {
        [O_DB] = &a->db,           [O_KEY_FILE] = &a->key_file, [O_NOW] = &a->now_text,
        [O_ACTOR] = &a->actor,     [O_FORMAT] = &a->format,     [O_PROVIDER] = &a->provider,
        [O_KIND] = &a->kind,       [O_OWNER] = &a->owner,       [O_NOTES] = &a->notes,
        [O_METHOD] = &a->method,   [O_AT] = &a->at,             [O_EXPIRES] = &a->expires,
        [O_CREATED] = &a->created, [O_EXPECT] = &a->expect,     [O_MAX_AGE] = &a->max_age,
        [O_AUTO_DAYS] = &a->auto_days, [O_SOON_DAYS] = &a->soon_days,
    };
    for (int o; (o = cli_args_next(&ca)) != CLI_ARGS_DONE;) {
        switch (o) {
        case CLI_ARGS_HELP: fputs(USAGE, stdout); return 1;
        case CLI_ARGS_BAD: return -1;
        case O_LOCATION:
            if (a->nloc == MAX_LOCATIONS) {
                fprintf(stderr, "sanctum ledger: at most %d --location\n", MAX_LOCATIONS);
                return -1;
            }
            a->locations[a->nloc++] = ca.value;
            break;
        case O_VALUE_STDIN: a->value_stdin = 1; break;
        case O_ALL: a->all = 1; break;
        case CLI_ARGS_POSITIONAL:
            if (a->sub == NULL) {
                a->sub = ca.value;
            } else if (a->npos < 3) {
                a->pos[a->npos++] = ca.value;
            } else {
                cli_usage_error(&ca, "too many arguments");
                return -1;
            }
            break;
        default: *field[o] = ca.value;
        }
    }
    if (a->sub == NULL) {
        cli_usage_error(&ca, "missing command");
        return -1;
    }
    uint32_t scope = scope_of(a);
    if (scope == 0) {
        cli_usage_error(&ca, "unknown command");
        return -1;
    }
    char name[32];
    snprintf(name, sizeof name, "ledger %s%s%s", a->sub, scope & (AUDIT_LOG | AUDIT_VERIFY) && a->npos ? " " : "",
             scope & (AUDIT_LOG | AUDIT_VERIFY) && a->npos ? a->pos[0] : "");
    return cli_args_in_scope(&ca, scope, name) == 0 ? 0 : -1;
}

static int parse_time(const char *text, int64_t *out)
{
    sanctum_error err;
    if (sanctum_ledger_parse_time(out, (const uint8_t *)text, strlen(text), &err) != SANCTUM_OK) {
        fprintf(stderr, "sanctum ledger: bad time (offset %llu): %s\n", (unsigned long long)err.offset,
                err.message);
        return -1;
    }
    return 0;
}

/* min is the library's own lower bound for the field (max-age 1, the others 0), so a value passes
 * here exactly when the ledger accepts it and the message names the one range. */
static int parse_days(const char *text, const char *flag, unsigned long min, uint32_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long v = strtoul(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || text[0] == '-' || v < min || v > 36500) {
        fprintf(stderr, "sanctum ledger: %s needs a whole number of days (%lu..36500)\n", flag, min);
        return -1;
    }
    *out = (uint32_t)v;
    return 0;
}

static void fmt_time(int64_t t, char buf[32])
{
    if (sanctum_ledger_format_time(buf, 32, t, NULL) != SANCTUM_OK)
        snprintf(buf, 32, "%" PRId64, t);
}

static void json_time(FILE *f, int64_t t, int null_if_zero)
{
    if (null_if_zero && t == 0) {
        fputs("null", f);
        return;
    }
    char b[32];
    fmt_time(t, b);
    fprintf(f, "\"%s\"", b);
}

static void json_str(FILE *f, const char *s)
{
    cli_json_string(f, (const uint8_t *)s, strlen(s));
}

/* out holds 2 * n + 1 chars. */
static void hex(const uint8_t *p, size_t n, char *out)
{
    sodium_bin2hex(out, 2 * n + 1, p, n);
}

static const char *state_name(uint32_t state)
{
    return state == SANCTUM_LEDGER_RETIRED ? "retired" : "active";
}

static const char *method_name(uint32_t method)
{
    return method == SANCTUM_LEDGER_API ? "api" : "manual";
}

static const char *actor_name(const ledger_args *a, char *buf, size_t n)
{
    if (a->actor != NULL)
        return a->actor;
    const char *env = getenv("SANCTUM_ACTOR");
    if (env != NULL && env[0] != '\0')
        return env;
    struct passwd *pw = getpwuid(getuid());
    if (pw != NULL && pw->pw_name != NULL)
        return pw->pw_name;
    snprintf(buf, n, "uid %u", (unsigned)getuid());
    return buf;
}

static int open_ledger(const ledger_args *a, sanctum_ctx *ctx, int flags, sanctum_ledger **out)
{
    char path[4200];
    const char *db = a->db;
    if (db == NULL) {
        if (cli_data_path(path, sizeof path, "ledger.db", (flags & SANCTUM_LEDGER_CREATE) != 0, "ledger",
                          "pass --db") != 0)
            return -1;
        db = path;
    }
    sanctum_ledger_options o;
    sanctum_ledger_options_init(&o);
    o.flags = (uint32_t)flags;
    o.path = (const uint8_t *)db;
    o.path_len = strlen(db);
    if (a->key_file != NULL) {
        o.key_path = (const uint8_t *)a->key_file;
        o.key_path_len = strlen(a->key_file);
    }
    if (a->now_text != NULL) {
        if (parse_time(a->now_text, &o.now) != 0)
            return -1;
        o.flags |= SANCTUM_LEDGER_FIXED_NOW;
    }
    sanctum_error err;
    if (sanctum_ledger_open(out, ctx, &o, &err) != SANCTUM_OK) {
        cli_print_error("ledger", &err);
        return -1;
    }
    return 0;
}

/* A secret typed at a terminal is not echoed. The terminal's settings are put back on every way out:
 * after the read, and on SIGINT/SIGTERM/SIGHUP/SIGQUIT (the handler restores them, then the signal is
 * raised again with its default action, so the exit status still tells how the process ended). */
static struct termios g_tty_saved;
static const int g_tty_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
static struct sigaction g_tty_old_actions[4];

static void tty_restore_and_reraise(int sig)
{
    (void)tcsetattr(STDIN_FILENO, TCSANOW, &g_tty_saved); /* async-signal-safe */
    (void)raise(sig); /* SA_RESETHAND: default action, delivered once this handler returns */
}

/* 1 echo is off (restore with tty_echo_on), 0 stdin is no terminal or its echo stays as it is. */
static int tty_echo_off(void)
{
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &g_tty_saved) != 0)
        return 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = tty_restore_and_reraise;
    sa.sa_flags = (int)SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof g_tty_signals / sizeof g_tty_signals[0]; i++)
        (void)sigaction(g_tty_signals[i], &sa, &g_tty_old_actions[i]);
    struct termios quiet = g_tty_saved;
    quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK | ECHONL);
    if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0) {
        for (size_t i = 0; i < sizeof g_tty_signals / sizeof g_tty_signals[0]; i++)
            (void)sigaction(g_tty_signals[i], &g_tty_old_actions[i], NULL);
        return 0;
    }
    return 1;
}

static void tty_echo_on(void)
{
    (void)tcsetattr(STDIN_FILENO, TCSANOW, &g_tty_saved);
    for (size_t i = 0; i < sizeof g_tty_signals / sizeof g_tty_signals[0]; i++)
        (void)sigaction(g_tty_signals[i], &g_tty_old_actions[i], NULL);
    fputc('\n', stderr); /* the Enter the user typed was not echoed either */
}

/* Reads the value from stdin, dropping one trailing "\n" or "\r\n" (what echo and editors add). */
static int read_value(cli_input *in)
{
    int quiet = tty_echo_off();
    if (isatty(STDIN_FILENO))
        fprintf(stderr, "sanctum ledger: reading the value from stdin%s (end with Ctrl-D)\n",
                quiet ? ", not echoed" : "");
    int rc = cli_read_input(NULL, MAX_VALUE_BYTES, in);
    if (quiet)
        tty_echo_on();
    if (rc != 0)
        return -1;
    if (in->len > 0 && in->data[in->len - 1] == '\n')
        in->len--;
    if (in->len > 0 && in->data[in->len - 1] == '\r')
        in->len--;
    if (in->len == 0) {
        fprintf(stderr, "sanctum ledger: the value on stdin is empty\n");
        cli_input_free(in);
        return -1;
    }
    return 0;
}

static int report_status(sanctum_status st, const sanctum_error *err)
{
    if (st == SANCTUM_OK)
        return CLI_OK;
    cli_print_error("ledger", err);
    return CLI_ERROR;
}

static int do_add(const ledger_args *a, sanctum_ledger *l, const char *actor)
{
    if (a->npos != 1 || a->provider == NULL || a->max_age == NULL)
        return usage_error("add needs NAME, --provider and --max-age-days");
    sanctum_ledger_spec sp;
    sanctum_ledger_spec_init(&sp);
    if (parse_days(a->max_age, "--max-age-days", 1, &sp.max_age_days) != 0 ||
        (a->auto_days && parse_days(a->auto_days, "--auto-rotate-days", 0, &sp.auto_rotate_days) != 0) ||
        (a->soon_days && parse_days(a->soon_days, "--due-soon-days", 0, &sp.due_soon_days) != 0) ||
        (a->expires && parse_time(a->expires, &sp.expires_at) != 0) ||
        (a->created && parse_time(a->created, &sp.created_at) != 0))
        return CLI_ERROR;
    if (a->method != NULL) {
        if (strcmp(a->method, "api") == 0)
            sp.method = SANCTUM_LEDGER_API;
        else if (strcmp(a->method, "manual") != 0)
            return usage_error("--method is api or manual");
    }
    char locs[4200];
    size_t ll = 0;
    for (int i = 0; i < a->nloc; i++) {
        size_t n = strlen(a->locations[i]);
        if (ll + n + 1 > sizeof locs)
            return usage_error("locations are too long");
        if (i > 0)
            locs[ll++] = '\n';
        memcpy(locs + ll, a->locations[i], n);
        ll += n;
    }
#define SET(field, src)                                                                                         \
    if (src) {                                                                                                  \
        sp.field = (const uint8_t *)(src);                                                                      \
        sp.field##_len = strlen(src);                                                                           \
    }
    SET(name, a->pos[0])
    SET(provider, a->provider)
    SET(kind, a->kind)
    SET(owner, a->owner)
    SET(notes, a->notes)
#undef SET
    sp.locations = (const uint8_t *)locs;
    sp.locations_len = ll;
    cli_input value = {0};
    if (a->value_stdin) {
        if (read_value(&value) != 0)
            return CLI_ERROR;
        sp.value = value.data;
        sp.value_len = value.len;
    }
    sanctum_error err;
    sanctum_status st = sanctum_ledger_add(l, &sp, (const uint8_t *)actor, strlen(actor), &err);
    cli_input_free(&value);
    return report_status(st, &err);
}

static int do_rotate(const ledger_args *a, sanctum_ledger *l, const char *actor)
{
    if (a->npos != 1)
        return usage_error("rotate needs NAME");
    int64_t at = 0;
    if (a->at != NULL && parse_time(a->at, &at) != 0)
        return CLI_ERROR;
    cli_input value = {0};
    if (a->value_stdin && read_value(&value) != 0)
        return CLI_ERROR;
    sanctum_error err;
    sanctum_status st = sanctum_ledger_rotate(l, (const uint8_t *)a->pos[0], strlen(a->pos[0]), at, value.data,
                                              value.len, (const uint8_t *)actor, strlen(actor), &err);
    cli_input_free(&value);
    return report_status(st, &err);
}

static void print_secret_text(const sanctum_ledger_secret *s)
{
    char c[32], r[32], e[32], fp[65];
    fmt_time(s->created_at, c);
    fmt_time(s->rotated_at, r);
    printf("name:          %s\nprovider:      %s\n", s->name, s->provider);
    if (s->kind[0])
        printf("kind:          %s\n", s->kind);
    printf("state:         %s\nmethod:        %s\n", state_name(s->state),
           method_name(s->method));
    if (s->owner[0])
        printf("owner:         %s\n", s->owner);
    printf("created_at:    %s\nrotated_at:    %s\nrotations:     %" PRIu64 "\nmax_age_days:  %u\n", c, r,
           s->rotations, s->max_age_days);
    if (s->auto_rotate_days)
        printf("auto_rotate:   after %u days\n", s->auto_rotate_days);
    if (s->expires_at) {
        fmt_time(s->expires_at, e);
        printf("expires_at:    %s\n", e);
    }
    printf("due_soon_days: %u\n", s->due_soon_days);
    const char *p = s->locations;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        printf("location:      %.*s\n", (int)n, p);
        p += n + (nl != NULL);
    }
    if (s->notes[0])
        printf("notes:         %s\n", s->notes);
    if (s->has_fingerprint) {
        hex(s->fingerprint, 32, fp);
        printf("fingerprint:   %s\n", fp);
    }
}

static void print_secret_json(const sanctum_ledger_secret *s)
{
    printf("{\"name\":");
    json_str(stdout, s->name);
    printf(",\"provider\":");
    json_str(stdout, s->provider);
    printf(",\"kind\":");
    json_str(stdout, s->kind);
    printf(",\"state\":\"%s\",\"method\":\"%s\",\"owner\":", state_name(s->state),
           method_name(s->method));
    json_str(stdout, s->owner);
    printf(",\"notes\":");
    json_str(stdout, s->notes);
    printf(",\"locations\":[");
    const char *p = s->locations;
    int first = 1;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        printf(first ? "" : ",");
        cli_json_string(stdout, (const uint8_t *)p, n);
        first = 0;
        p += n + (nl != NULL);
    }
    printf("],\"created_at\":");
    json_time(stdout, s->created_at, 0);
    printf(",\"rotated_at\":");
    json_time(stdout, s->rotated_at, 0);
    printf(",\"expires_at\":");
    json_time(stdout, s->expires_at, 1);
    printf(",\"max_age_days\":%u,\"auto_rotate_days\":", s->max_age_days);
    if (s->auto_rotate_days)
        printf("%u", s->auto_rotate_days);
    else
        printf("null");
    printf(",\"due_soon_days\":%u,\"rotations\":%" PRIu64 ",\"fingerprint\":", s->due_soon_days, s->rotations);
    if (s->has_fingerprint) {
        char fp[65];
        hex(s->fingerprint, 32, fp);
        printf("\"%s\"}", fp);
    } else {
        printf("null}");
    }
}

static int print_list(const sanctum_ledger_secret_list *list, int json, int one)
{
    if (json) {
        if (!one)
            printf("[");
        for (uint64_t i = 0; i < list->count; i++) {
            if (i)
                printf(",");
            print_secret_json(&list->items[i]);
        }
        printf(one ? "\n" : "]\n");
        return CLI_OK;
    }
    if (one) {
        print_secret_text(&list->items[0]);
        return CLI_OK;
    }
    for (uint64_t i = 0; i < list->count; i++) {
        const sanctum_ledger_secret *s = &list->items[i];
        char r[32];
        fmt_time(s->rotated_at, r);
        printf("%-32s %-16s %-7s rotated %s  max %u d%s\n", s->name, s->provider,
               state_name(s->state), r, s->max_age_days,
               s->method == SANCTUM_LEDGER_API ? "  (api)" : "");
    }
    return CLI_OK;
}

static void flag_names(FILE *f, uint32_t flags, int json)
{
    static const struct {
        uint32_t bit;
        const char *name;
    } names[] = {{SANCTUM_LEDGER_OVERDUE, "overdue"},
                 {SANCTUM_LEDGER_EXPIRED, "expired"},
                 {SANCTUM_LEDGER_DUE_SOON, "due_soon"},
                 {SANCTUM_LEDGER_AUTO_ROTATE_DUE, "auto_rotate_due"}};
    int first = 1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!(flags & names[i].bit))
            continue;
        fprintf(f, json ? "%s\"%s\"" : "%s%s", first ? "" : json ? "," : "+", names[i].name);
        first = 0;
    }
}

static int do_check(const ledger_args *a, sanctum_ledger *l, int json)
{
    if (a->npos != 0)
        return usage_error("check takes no arguments");
    sanctum_ledger_report *r = NULL;
    sanctum_error err;
    if (sanctum_ledger_check(&r, l, 0, &err) != SANCTUM_OK)
        return report_status(err.code, &err);
    if (json) {
        printf("{\"now\":");
        json_time(stdout, r->now, 0);
        printf(",\"active\":%" PRIu64 ",\"overdue\":%" PRIu64 ",\"expired\":%" PRIu64 ",\"due_soon\":%" PRIu64
               ",\"auto_rotate_due\":%" PRIu64 ",\"secrets\":[",
               r->active, r->overdue, r->expired, r->due_soon, r->auto_rotate_due);
        for (uint64_t i = 0; i < r->count; i++) {
            const sanctum_ledger_check_item *it = &r->items[i];
            printf("%s{\"name\":", i ? "," : "");
            json_str(stdout, it->name);
            printf(",\"provider\":");
            json_str(stdout, it->provider);
            printf(",\"owner\":");
            json_str(stdout, it->owner);
            printf(",\"method\":\"%s\",\"status\":[", method_name(it->method));
            flag_names(stdout, it->flags, 1);
            printf("],\"rotated_at\":");
            json_time(stdout, it->rotated_at, 0);
            printf(",\"due_at\":");
            json_time(stdout, it->due_at, 0);
            printf(",\"auto_rotate_at\":");
            json_time(stdout, it->auto_rotate_at, 1);
            printf(",\"expires_at\":");
            json_time(stdout, it->expires_at, 1);
            printf(",\"age_days\":%" PRId64 ",\"days_over\":%" PRId64 ",\"days_left\":%" PRId64 "}", it->age_days,
                   it->days_over, it->days_left);
        }
        printf("]}\n");
    } else {
        char now[32];
        fmt_time(r->now, now);
        for (uint64_t i = 0; i < r->count; i++) {
            const sanctum_ledger_check_item *it = &r->items[i];
            char due[32];
            fmt_time(it->due_at, due);
            flag_names(stdout, it->flags, 0);
            printf("\t%s (%s)", it->name, it->provider);
            if (it->flags & (SANCTUM_LEDGER_OVERDUE | SANCTUM_LEDGER_EXPIRED))
                printf(": %" PRId64 " days over", it->days_over);
            else
                printf(": %" PRId64 " days left", it->days_left);
            /* The hard expiry too: an expired secret's days over count from it, not from `due`. */
            char expires[48] = "";
            if (it->expires_at != 0) {
                char t[32];
                fmt_time(it->expires_at, t);
                snprintf(expires, sizeof expires, ", expires %s", t);
            }
            printf(", age %" PRId64 " d, due %s%s%s%s\n", it->age_days, due, expires, it->owner[0] ? ", owner " : "",
                   it->owner);
        }
        printf("%s: %" PRIu64 " active, %" PRIu64 " overdue (%" PRIu64 " expired), %" PRIu64 " due soon, %" PRIu64
               " due for auto-rotation\n",
               now, r->active, r->overdue, r->expired, r->due_soon, r->auto_rotate_due);
    }
    int rc = r->overdue > 0 ? CLI_FINDINGS : CLI_OK;
    sanctum_free(r);
    return rc;
}

static int do_audit(const ledger_args *a, sanctum_ledger *l, int json)
{
    sanctum_error err;
    if (a->npos >= 1 && strcmp(a->pos[0], "log") == 0 && a->npos <= 2) {
        sanctum_ledger_event_list *ev = NULL;
        const char *name = a->npos == 2 ? a->pos[1] : NULL;
        if (sanctum_ledger_audit_log(&ev, l, (const uint8_t *)name, name ? strlen(name) : 0, &err) != SANCTUM_OK)
            return report_status(err.code, &err);
        if (json)
            printf("[");
        for (uint64_t i = 0; i < ev->count; i++) {
            const sanctum_ledger_event *e = &ev->items[i];
            char at[32], mac[65];
            fmt_time(e->at, at);
            hex(e->mac, 32, mac);
            if (json) {
                printf("%s{\"seq\":%" PRIu64 ",\"at\":\"%s\",\"actor\":", i ? "," : "", e->seq, at);
                json_str(stdout, e->actor);
                printf(",\"action\":\"%s\",\"secret\":", e->action);
                json_str(stdout, e->secret);
                printf(",\"before\":%s,\"after\":%s,\"mac\":\"%s\"}", e->before[0] ? e->before : "null", e->after,
                       mac);
            } else {
                printf("%6" PRIu64 "  %s  %-7s %s  by %s\n", e->seq, at, e->action, e->secret, e->actor);
            }
        }
        if (json)
            printf("]\n");
        sanctum_free(ev);
        return CLI_OK;
    }
    if (a->npos == 1 && strcmp(a->pos[0], "verify") == 0) {
        uint64_t count = 0;
        uint8_t head[32];
        if (a->expect != NULL) {
            const char *colon = strchr(a->expect, ':');
            char *end = NULL;
            count = colon ? strtoull(a->expect, &end, 10) : 0;
            if (colon == NULL || end != colon || count == 0 || a->expect[0] < '0' || a->expect[0] > '9' ||
                cli_unhex(colon + 1, head, 32) != 0)
                return usage_error("--expect is COUNT:HEAD (the line audit verify printed earlier)");
        }
        sanctum_ledger_verify_report r;
        memset(&r, 0, sizeof r);
        r.struct_size = (uint32_t)sizeof r;
        sanctum_status st = sanctum_ledger_verify(&r, l, count, count ? head : NULL, &err);
        char hh[65];
        hex(r.head, 32, hh);
        if (json) {
            printf("{\"intact\":%s,\"events\":%" PRIu64 ",\"head\":\"%s\",\"first_bad_seq\":", st == SANCTUM_OK ? "true" : "false",
                   r.events, hh);
            if (r.first_bad_seq)
                printf("%" PRIu64, r.first_bad_seq);
            else
                printf("null");
            printf(",\"message\":");
            json_str(stdout, st == SANCTUM_OK || st == SANCTUM_E_TAMPERED ? r.message : err.message);
            printf("}\n");
        }
        if (st == SANCTUM_OK) {
            if (!json)
                printf("intact: %" PRIu64 " events; anchor %" PRIu64 ":%s\n", r.events, r.events, hh);
            return CLI_OK;
        }
        if (st == SANCTUM_E_TAMPERED) {
            if (!json)
                printf("TAMPERED: %s\n", r.message);
            return CLI_FINDINGS;
        }
        return report_status(st, &err);
    }
    return usage_error("audit needs 'log [NAME]' or 'verify'");
}

static int do_match(const ledger_args *a, sanctum_ledger *l, int json)
{
    uint8_t fp[32];
    sanctum_error err;
    if (a->npos == 1) {
        if (cli_unhex(a->pos[0], fp, 32) != 0)
            return usage_error("FINGERPRINT is 64 hex digits (the value itself is only read from stdin)");
    } else if (a->npos == 0) {
        cli_input value = {0};
        if (read_value(&value) != 0)
            return CLI_ERROR;
        sanctum_status st = sanctum_ledger_fingerprint(fp, sizeof fp, l, value.data, value.len, &err);
        cli_input_free(&value);
        if (st != SANCTUM_OK)
            return report_status(st, &err);
    } else {
        return usage_error("match takes at most one FINGERPRINT");
    }
    sanctum_ledger_secret_list *list = NULL;
    if (sanctum_ledger_match(&list, l, fp, sizeof fp, &err) != SANCTUM_OK)
        return report_status(err.code, &err);
    int rc = list->count > 0 ? CLI_OK : CLI_FINDINGS;
    if (json) {
        print_list(list, 1, 0);
    } else if (list->count == 0) {
        printf("no match\n");
    } else {
        for (uint64_t i = 0; i < list->count; i++)
            printf("%s\t%s\t%s\n", list->items[i].name, list->items[i].provider,
                   state_name(list->items[i].state));
    }
    sanctum_free(list);
    return rc;
}

int cmd_ledger(int argc, char **argv)
{
    ledger_args a;
    int parsed = parse_args(argc, argv, &a);
    if (parsed != 0)
        return parsed > 0 ? CLI_OK : CLI_ERROR;
    int json = strcmp(a.format, "json") == 0;
    if (!json && strcmp(a.format, "text") != 0)
        return usage_error("--format is text or json");
    const char *sub = a.sub;
    sanctum_ctx *ctx = cli_ctx_new("ledger");
    if (ctx == NULL)
        return CLI_ERROR;
    sanctum_ledger *l = NULL;
    int flags = strcmp(sub, "add") == 0 ? SANCTUM_LEDGER_CREATE : 0;
    if (open_ledger(&a, ctx, flags, &l) != 0) {
        sanctum_ctx_free(ctx);
        return CLI_ERROR;
    }
    char abuf[64];
    const char *actor = actor_name(&a, abuf, sizeof abuf);
    int rc;
    sanctum_error err;
    if (strcmp(sub, "add") == 0) {
        rc = do_add(&a, l, actor);
    } else if (strcmp(sub, "rotate") == 0) {
        rc = do_rotate(&a, l, actor);
    } else if (strcmp(sub, "retire") == 0) {
        rc = a.npos == 1 ? report_status(sanctum_ledger_retire(l, (const uint8_t *)a.pos[0], strlen(a.pos[0]),
                                                               (const uint8_t *)actor, strlen(actor), &err),
                                         &err)
                         : usage_error("retire needs NAME");
    } else if (strcmp(sub, "show") == 0 || strcmp(sub, "list") == 0) {
        int one = strcmp(sub, "show") == 0;
        sanctum_ledger_secret_list *list = NULL;
        sanctum_status st;
        if (one && a.npos != 1) {
            rc = usage_error("show needs NAME");
            goto done;
        }
        st = one ? sanctum_ledger_show(&list, l, (const uint8_t *)a.pos[0], strlen(a.pos[0]), &err)
                 : sanctum_ledger_list(&list, l, (uint32_t)a.all, &err);
        rc = st == SANCTUM_OK ? print_list(list, json, one) : report_status(st, &err);
        sanctum_free(list);
    } else if (strcmp(sub, "check") == 0) {
        rc = do_check(&a, l, json);
    } else if (strcmp(sub, "audit") == 0) {
        rc = do_audit(&a, l, json);
    } else {
        rc = do_match(&a, l, json);
    }
done:
    sanctum_free(l);
    sanctum_ctx_free(ctx);
    return rc;
}
