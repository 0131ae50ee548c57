/* Source-like text for the scanner benches (C, Python, JS, YAML, JSON lockfile, Markdown, shell,
 * minified JS): identifiers, comments, hashes and references to secrets, but no secret. */
#include <stdio.h>

#include "srcgen.h"

static const char *const WORDS[] = {
    "request", "response", "user", "account", "config", "handler", "buffer", "value", "index", "result", "error",
    "client", "server", "session", "cache", "token", "parse", "render", "update", "delete", "create", "list",
    "item", "count", "offset", "length", "name", "path", "file", "stream", "event", "state", "context", "options",
    "settings", "payload", "header", "status", "message", "logger", "timeout", "retry", "secret", "password",
    "key", "auth", "query", "schema", "model", "router", "service", "worker", "queue", "batch", "metric"};
#define NW (sizeof WORDS / sizeof WORDS[0])

const char *sg_word(fg_rng *r)
{
    return WORDS[fg_below(r, (uint32_t)NW)];
}

/* One line of source-like text in the style of the file kind. */
int sg_line(fg_rng *r, int kind, char *o, size_t cap)
{
    unsigned v = fg_below(r, 12);
    switch (kind) {
    case 0: /* C */
        switch (v % 6) {
        case 0: return snprintf(o, cap, "static int %s_%s(struct %s *%s, size_t %s)\n", sg_word(r), sg_word(r), sg_word(r), sg_word(r), sg_word(r));
        case 1: return snprintf(o, cap, "    if (%s->%s == NULL || %s < %u)\n        return -E%s;\n", sg_word(r), sg_word(r), sg_word(r), fg_below(r, 4096), "INVAL");
        case 2: return snprintf(o, cap, "    memcpy(%s + %s, %s->%s, sizeof(*%s));\n", sg_word(r), sg_word(r), sg_word(r), sg_word(r), sg_word(r));
        case 3: return snprintf(o, cap, "/* %s the %s before the %s is %s. */\n", sg_word(r), sg_word(r), sg_word(r), sg_word(r));
        case 4: return snprintf(o, cap, "    for (size_t i = 0; i < %s_len; i++)\n        %s[i] ^= %s[i];\n", sg_word(r), sg_word(r), sg_word(r));
        default: return snprintf(o, cap, "#define %s_%s_MAX %u\n", "SC", "LIMIT", fg_below(r, 65536));
        }
    case 1: /* Python */
        switch (v % 6) {
        case 0: return snprintf(o, cap, "def %s_%s(self, %s, %s=None):\n", sg_word(r), sg_word(r), sg_word(r), sg_word(r));
        case 1: return snprintf(o, cap, "    %s = self.%s.get(\"%s\", %u)\n", sg_word(r), sg_word(r), sg_word(r), fg_below(r, 1000));
        case 2: return snprintf(o, cap, "    password = os.environ.get(\"%s_PASSWORD\")\n", "DB");
        case 3: return snprintf(o, cap, "    logger.info(\"%s %%s for %%s\", %s, %s)\n", sg_word(r), sg_word(r), sg_word(r));
        case 4: return snprintf(o, cap, "    return {\"%s\": %s, \"token\": self.%s_token}\n", sg_word(r), sg_word(r), sg_word(r));
        default: return snprintf(o, cap, "# TODO: %s the %s when the %s changes\n", sg_word(r), sg_word(r), sg_word(r));
        }
    case 2: /* JS */
        switch (v % 6) {
        case 0: return snprintf(o, cap, "export async function %s%s(%s, %s) {\n", sg_word(r), "Async", sg_word(r), sg_word(r));
        case 1: return snprintf(o, cap, "  const %s = await fetch(`/api/%s/${%s}`, { headers });\n", sg_word(r), sg_word(r), sg_word(r));
        case 2: return snprintf(o, cap, "  const apiKey = process.env.%s_API_KEY;\n", "SERVICE");
        case 3: return snprintf(o, cap, "  if (!%s.%s) throw new Error('%s %s');\n", sg_word(r), sg_word(r), sg_word(r), sg_word(r));
        case 4: return snprintf(o, cap, "  return %s.map((%s) => %s.%s).filter(Boolean);\n", sg_word(r), sg_word(r), sg_word(r), sg_word(r));
        default: return snprintf(o, cap, "  // see https://docs.example.com/%s/%s#%s\n", sg_word(r), sg_word(r), sg_word(r));
        }
    case 3: /* YAML */
        switch (v % 5) {
        case 0: return snprintf(o, cap, "%s:\n  %s: %u\n", sg_word(r), sg_word(r), fg_below(r, 100));
        case 1: return snprintf(o, cap, "  %s_%s: \"%s-%s\"\n", sg_word(r), sg_word(r), sg_word(r), sg_word(r));
        case 2: return snprintf(o, cap, "  secretKeyRef:\n    name: %s-secrets\n    key: %s\n", sg_word(r), sg_word(r));
        case 3: return snprintf(o, cap, "  image: registry.example.com/%s/%s:1.%u.%u\n", sg_word(r), sg_word(r), fg_below(r, 20), fg_below(r, 20));
        default: return snprintf(o, cap, "  - name: %s\n    value: \"%u\"\n", sg_word(r), fg_below(r, 99999));
        }
    case 4: { /* JSON lockfile-ish */
        char h[89];
        static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 86; i++)
            h[i] = B64[fg_below(r, 64)];
        h[86] = 0;
        return snprintf(o, cap, "    \"node_modules/%s-%s\": {\n      \"version\": \"%u.%u.%u\",\n      \"resolved\": "
                        "\"https://registry.npmjs.org/%s/-/%s-1.0.0.tgz\",\n      \"integrity\": \"sha512-%s==\"\n    },\n",
                        sg_word(r), sg_word(r), fg_below(r, 9), fg_below(r, 30), fg_below(r, 30), sg_word(r), sg_word(r), h);
    }
    case 5: /* Markdown */
        return snprintf(o, cap, "The %s %s uses a %s to %s each %s; set `%s_TOKEN` in the environment first.\n", sg_word(r),
                        sg_word(r), sg_word(r), sg_word(r), sg_word(r), "API");
    case 6: /* shell */
        return snprintf(o, cap, "%s_%s=\"${%s:-%s}\"\ncurl -fsS -H \"Authorization: Bearer ${TOKEN}\" https://%s.internal/%s\n",
                        "APP", "MODE", "MODE", sg_word(r), sg_word(r), sg_word(r));
    default: { /* minified JS: long line */
        int n = 0;
        for (int k = 0; k < 20; k++)
            n += snprintf(o + n, cap - (size_t)n, "function %c%u(e,t){return e.%s=t.%s||null,e}", 'a' + (char)fg_below(r, 26),
                          fg_below(r, 999), sg_word(r), sg_word(r));
        return n + snprintf(o + n, cap - (size_t)n, "\n");
    }
    }
}

const char *const SG_EXT[SG_N_KINDS] = {".c", ".py", ".js", ".yaml", ".json", ".md", ".sh", ".min.js"};
