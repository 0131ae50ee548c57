/* Realistic chat documents: multi-turn conversations with multilingual text, emoji (astral, ZWJ,
 * flags), U+2028, PII-like values, code with quotes/backslashes/<>/control characters, tool calls
 * with JSON-string arguments, tool results, base64 images, and numbers kept as written (1.0, 1e-05,
 * 9007199254740993). Three writer styles: js (compact, raw UTF-8), py (", "/": ", \uXXXX for all
 * non-ASCII with surrogate pairs), go (compact, \u003c \u003e \u0026 \u2028). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chatgen.h"

typedef struct buf {
    uint8_t *p;
    size_t n, cap;
} buf;

static void put(buf *b, const void *s, size_t n)
{
    if (b->n + n > b->cap) {
        size_t c = b->cap ? b->cap : 4096;
        while (c < b->n + n)
            c *= 2;
        b->p = realloc(b->p, c);
        if (b->p == NULL)
            abort();
        b->cap = c;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}
static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

typedef struct gen {
    uint64_t s;
    int style;
} gen;

static uint64_t rnd64(gen *g)
{
    uint64_t z = (g->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static unsigned rnd(gen *g, unsigned n) { return (unsigned)(rnd64(g) % n); }

static const char *SENTENCES[] = {
    "Hi, my name is Jane Roe and my e-mail is jane.roe@example.com.",
    "Can you check why my card 4111 1111 1111 1111 was charged twice on 3 March?",
    "Please call me back at +1 (202) 555-0143 after 5pm.",
    "Mein Name ist Max Mustermann, IBAN DE89 3704 0044 0532 0130 00, bitte \xc3\xbc" "berpr\xc3\xbc" "fen.",
    "Je m'appelle Fran\xc3\xa7oise Dupont et j'habite 12 rue de la Paix, 75002 Paris.",
    "\xe6\x88\x91\xe5\x8f\xab\xe6\x9d\x8e\xe4\xbc\x9f\xef\xbc\x8c\xe6\x88\x91\xe7\x9a\x84\xe9\x82\xae\xe7\xae\xb1\xe6\x98\xaf li.wei@example.cn\xe3\x80\x82",
    "\xd0\x9c\xd0\xb5\xd0\xbd\xd1\x8f \xd0\xb7\xd0\xbe\xd0\xb2\xd1\x83\xd1\x82 \xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd \xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2.",
    "\xe3\x81\x93\xe3\x82\x93\xe3\x81\xab\xe3\x81\xa1\xe3\x81\xaf\xe3\x80\x81\xe7\x94\xb0\xe4\xb8\xad\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82",
    "Thanks! \xf0\x9f\x98\x80\xf0\x9f\x91\x8d \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb \xf0\x9f\x87\xa9\xf0\x9f\x87\xaa",
    "The SSN on file is 078-05-1120; do not share it.",
    "Line one\xe2\x80\xa8line two separated by U+2028.",
    "Here is the stack trace:\n\tat Foo.bar(Foo.java:42)\n\tat Main.main(Main.java:7)",
    "if (a < b && c > d) { printf(\"%s\\n\", \"quoted \\\"text\\\"\"); }",
    "C:\\Users\\jroe\\Documents\\report.docx is the path.",
    "<div class=\"note\">Use &amp; for ampersands</div>",
    "Sure. I can help with that; let me look up the account details first.",
    "The meeting is on 2024-11-22 at 10:30 in room 4B with Dr. Erika Musterfrau.",
    "Control chars: \x01\x02 and a tab\there.",
};

static void emit_u(buf *b, unsigned v)
{
    char t[8];
    snprintf(t, sizeof t, "\\u%04x", v);
    put(b, t, 6);
}

/* Writes s as a JSON string literal in the generator's style. */
static void jstr(gen *g, buf *b, const uint8_t *s, size_t n)
{
    puts_(b, "\"");
    for (size_t i = 0; i < n;) {
        uint8_t c = s[i];
        if (c == '"') { puts_(b, "\\\""); i++; continue; }
        if (c == '\\') { puts_(b, "\\\\"); i++; continue; }
        if (c == '\n') { puts_(b, "\\n"); i++; continue; }
        if (c == '\t') { puts_(b, "\\t"); i++; continue; }
        if (c == '\r') { puts_(b, "\\r"); i++; continue; }
        if (c < 0x20) { emit_u(b, c); i++; continue; }
        if (g->style == CG_GO && (c == '<' || c == '>' || c == '&')) { emit_u(b, c); i++; continue; }
        if (c < 0x80) { put(b, &c, 1); i++; continue; }
        size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        unsigned cp = k == 2 ? (c & 0x1Fu) : k == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (size_t j = 1; j < k; j++)
            cp = (cp << 6) | (s[i + j] & 0x3Fu);
        if (g->style == CG_PY) {
            if (cp >= 0x10000) {
                emit_u(b, 0xD800 + ((cp - 0x10000) >> 10));
                emit_u(b, 0xDC00 + ((cp - 0x10000) & 0x3FF));
            } else {
                emit_u(b, cp);
            }
        } else if (g->style == CG_GO && (cp == 0x2028 || cp == 0x2029)) {
            emit_u(b, cp);
        } else {
            put(b, s + i, k);
        }
        i += k;
    }
    puts_(b, "\"");
}
static void jstrz(gen *g, buf *b, const char *s) { jstr(g, b, (const uint8_t *)s, strlen(s)); }

static const char *colon(const gen *g) { return g->style == CG_PY ? ": " : ":"; }
static const char *comma(const gen *g) { return g->style == CG_PY ? ", " : ","; }

static void key(gen *g, buf *b, const char *k)
{
    jstrz(g, b, k);
    puts_(b, colon(g));
}

/* A paragraph of about want bytes. */
static void text(gen *g, buf *t, size_t want)
{
    while (t->n < want) {
        const char *s = SENTENCES[rnd(g, sizeof SENTENCES / sizeof SENTENCES[0])];
        if (t->n)
            puts_(t, rnd(g, 5) == 0 ? "\n\n" : " ");
        puts_(t, s);
    }
}

static void text_value(gen *g, buf *b, size_t want)
{
    buf t = {0};
    text(g, &t, want);
    jstr(g, b, t.p, t.n);
    free(t.p);
}

static void arguments_value(gen *g, buf *b)
{
    /* the inner JSON follows the client's style too (json.dumps in Python, encoding/json in Go) */
    buf in = {0};
    puts_(&in, "{");
    key(g, &in, "email");
    jstrz(g, &in, "jane.roe@example.com");
    puts_(&in, comma(g));
    key(g, &in, "note");
    text_value(g, &in, 80 + rnd(g, 200));
    puts_(&in, comma(g));
    key(g, &in, "amount");
    puts_(&in, "42.10");
    puts_(&in, "}");
    jstr(g, b, in.p, in.n);
    free(in.p);
}

static void base64(gen *g, buf *b, size_t n)
{
    static const char al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    puts_(b, "\"data:image/png;base64,");
    for (size_t i = 0; i < n; i++)
        put(b, &al[rnd(g, 64)], 1);
    puts_(b, "\"");
}

static size_t turn_size(gen *g, size_t target)
{
    size_t avg = target / 12 + 60;
    return avg / 2 + rnd(g, (unsigned)avg);
}

static void openai_req(gen *g, buf *b, size_t target)
{
    puts_(b, "{");
    key(g, b, "model"); jstrz(g, b, "gpt-4o"); puts_(b, comma(g));
    key(g, b, "messages"); puts_(b, "[");
    puts_(b, "{"); key(g, b, "role"); jstrz(g, b, "system"); puts_(b, comma(g));
    key(g, b, "content"); jstrz(g, b, "You are a helpful assistant for Acme <Support> & Billing."); puts_(b, "}");
    int turn = 0;
    while (b->n < target) {
        puts_(b, comma(g));
        int r = turn % 4;
        if (r == 0) {
            puts_(b, "{"); key(g, b, "role"); jstrz(g, b, "user"); puts_(b, comma(g));
            key(g, b, "content");
            if (rnd(g, 3) == 0) {
                puts_(b, "[{"); key(g, b, "type"); jstrz(g, b, "text"); puts_(b, comma(g));
                key(g, b, "text"); text_value(g, b, turn_size(g, target)); puts_(b, "}");
                if (rnd(g, 4) == 0) {
                    puts_(b, comma(g)); puts_(b, "{"); key(g, b, "type"); jstrz(g, b, "image_url"); puts_(b, comma(g));
                    key(g, b, "image_url"); puts_(b, "{"); key(g, b, "url"); base64(g, b, turn_size(g, target));
                    puts_(b, comma(g)); key(g, b, "detail"); jstrz(g, b, "low"); puts_(b, "}}");
                }
                puts_(b, "]");
            } else {
                text_value(g, b, turn_size(g, target));
            }
            puts_(b, "}");
        } else if (r == 1) {
            puts_(b, "{"); key(g, b, "role"); jstrz(g, b, "assistant"); puts_(b, comma(g));
            key(g, b, "content"); puts_(b, "null"); puts_(b, comma(g));
            key(g, b, "tool_calls"); puts_(b, "[{"); key(g, b, "id"); jstrz(g, b, "call_7QxB2"); puts_(b, comma(g));
            key(g, b, "type"); jstrz(g, b, "function"); puts_(b, comma(g));
            key(g, b, "function"); puts_(b, "{"); key(g, b, "name"); jstrz(g, b, "lookup_customer"); puts_(b, comma(g));
            key(g, b, "arguments"); arguments_value(g, b); puts_(b, "}}]}");
        } else if (r == 2) {
            puts_(b, "{"); key(g, b, "role"); jstrz(g, b, "tool"); puts_(b, comma(g));
            key(g, b, "tool_call_id"); jstrz(g, b, "call_7QxB2"); puts_(b, comma(g));
            key(g, b, "content"); arguments_value(g, b); puts_(b, "}");
        } else {
            puts_(b, "{"); key(g, b, "role"); jstrz(g, b, "assistant"); puts_(b, comma(g));
            key(g, b, "content"); text_value(g, b, turn_size(g, target)); puts_(b, "}");
        }
        turn++;
    }
    puts_(b, "]"); puts_(b, comma(g));
    key(g, b, "temperature"); puts_(b, "1.0"); puts_(b, comma(g));
    key(g, b, "top_p"); puts_(b, "1e-05"); puts_(b, comma(g));
    key(g, b, "seed"); puts_(b, "9007199254740993");
    puts_(b, "}");
}

static void anthropic_req(gen *g, buf *b, size_t target)
{
    puts_(b, "{");
    key(g, b, "model"); jstrz(g, b, "claude-sonnet-4-20250514"); puts_(b, comma(g));
    key(g, b, "max_tokens"); puts_(b, "1024"); puts_(b, comma(g));
    key(g, b, "system"); jstrz(g, b, "You are a careful assistant."); puts_(b, comma(g));
    key(g, b, "messages"); puts_(b, "[");
    int turn = 0;
    while (b->n < target) {
        if (turn)
            puts_(b, comma(g));
        puts_(b, "{"); key(g, b, "role"); jstrz(g, b, turn % 2 ? "assistant" : "user"); puts_(b, comma(g));
        key(g, b, "content"); puts_(b, "[{"); key(g, b, "type"); jstrz(g, b, "text"); puts_(b, comma(g));
        key(g, b, "text"); text_value(g, b, turn_size(g, target)); puts_(b, "}");
        if (turn % 2) {
            puts_(b, comma(g)); puts_(b, "{"); key(g, b, "type"); jstrz(g, b, "tool_use"); puts_(b, comma(g));
            key(g, b, "id"); jstrz(g, b, "toolu_01A"); puts_(b, comma(g)); key(g, b, "name"); jstrz(g, b, "send_email");
            puts_(b, comma(g)); key(g, b, "input"); puts_(b, "{"); key(g, b, "to"); jstrz(g, b, "max@example.de");
            puts_(b, comma(g)); key(g, b, "body"); text_value(g, b, 120); puts_(b, "}}");
        }
        puts_(b, "]}");
        turn++;
    }
    puts_(b, "]"); puts_(b, comma(g));
    key(g, b, "temperature"); puts_(b, "1.0");
    puts_(b, "}");
}

static void responses_req(gen *g, buf *b, size_t target)
{
    puts_(b, "{");
    key(g, b, "model"); jstrz(g, b, "gpt-4.1"); puts_(b, comma(g));
    key(g, b, "instructions"); jstrz(g, b, "Answer briefly."); puts_(b, comma(g));
    key(g, b, "input"); puts_(b, "[");
    int turn = 0;
    while (b->n < target) {
        if (turn)
            puts_(b, comma(g));
        if (turn % 3 == 1) {
            puts_(b, "{"); key(g, b, "type"); jstrz(g, b, "function_call"); puts_(b, comma(g));
            key(g, b, "call_id"); jstrz(g, b, "call_9"); puts_(b, comma(g)); key(g, b, "name"); jstrz(g, b, "find_order");
            puts_(b, comma(g)); key(g, b, "arguments"); arguments_value(g, b); puts_(b, "}");
        } else {
            puts_(b, "{"); key(g, b, "role"); jstrz(g, b, turn % 3 ? "assistant" : "user"); puts_(b, comma(g));
            key(g, b, "content"); puts_(b, "[{"); key(g, b, "type"); jstrz(g, b, turn % 3 ? "output_text" : "input_text");
            puts_(b, comma(g)); key(g, b, "text"); text_value(g, b, turn_size(g, target)); puts_(b, "}]}");
        }
        turn++;
    }
    puts_(b, "]"); puts_(b, comma(g));
    key(g, b, "store"); puts_(b, "false");
    puts_(b, "}");
}

static void openai_resp(gen *g, buf *b, size_t target)
{
    puts_(b, "{");
    key(g, b, "id"); jstrz(g, b, "chatcmpl-9xQ2"); puts_(b, comma(g));
    key(g, b, "object"); jstrz(g, b, "chat.completion"); puts_(b, comma(g));
    key(g, b, "created"); puts_(b, "1732000000"); puts_(b, comma(g));
    key(g, b, "choices"); puts_(b, "[{"); key(g, b, "index"); puts_(b, "0"); puts_(b, comma(g));
    key(g, b, "message"); puts_(b, "{"); key(g, b, "role"); jstrz(g, b, "assistant"); puts_(b, comma(g));
    key(g, b, "content"); text_value(g, b, target > 200 ? target - 200 : 10); puts_(b, "}");
    puts_(b, comma(g)); key(g, b, "finish_reason"); jstrz(g, b, "stop"); puts_(b, "}]"); puts_(b, comma(g));
    key(g, b, "usage"); puts_(b, "{"); key(g, b, "prompt_tokens"); puts_(b, "212"); puts_(b, "}");
    puts_(b, "}");
}

static void anthropic_resp(gen *g, buf *b, size_t target)
{
    puts_(b, "{");
    key(g, b, "id"); jstrz(g, b, "msg_01XF"); puts_(b, comma(g));
    key(g, b, "type"); jstrz(g, b, "message"); puts_(b, comma(g));
    key(g, b, "role"); jstrz(g, b, "assistant"); puts_(b, comma(g));
    key(g, b, "content"); puts_(b, "[{"); key(g, b, "type"); jstrz(g, b, "thinking"); puts_(b, comma(g));
    key(g, b, "thinking"); jstrz(g, b, "Let me think."); puts_(b, comma(g));
    key(g, b, "signature"); jstrz(g, b, "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"); puts_(b, "}");
    puts_(b, comma(g)); puts_(b, "{"); key(g, b, "type"); jstrz(g, b, "text"); puts_(b, comma(g));
    key(g, b, "text"); text_value(g, b, target > 300 ? target - 300 : 10); puts_(b, "}]"); puts_(b, comma(g));
    key(g, b, "stop_reason"); jstrz(g, b, "end_turn");
    puts_(b, "}");
}

cg_doc cg_generate_one(uint64_t seed, size_t target, int style, int kind)
{
    gen g = {seed, style};
    buf b = {0};
    switch (kind) {
    case CG_OPENAI_REQ: openai_req(&g, &b, target); break;
    case CG_OPENAI_RESP: openai_resp(&g, &b, target); break;
    case CG_ANTHROPIC_REQ: anthropic_req(&g, &b, target); break;
    case CG_ANTHROPIC_RESP: anthropic_resp(&g, &b, target); break;
    default: responses_req(&g, &b, target); break;
    }
    cg_doc d = {b.p, b.n, style, kind};
    return d;
}

cg_doc cg_generate(uint64_t seed, size_t i, size_t n)
{
    gen g = {seed ^ (0x51ED27ull * (i + 1)), 0};
    /* stratified log-uniform sizes: 1 KiB .. 1 MiB */
    double lo = log(1024.0), hi = log(1048576.0);
    double u = ((double)i + (double)rnd(&g, 1000) / 1000.0) / (double)n;
    size_t target = (size_t)exp(lo + (hi - lo) * u);
    unsigned s = rnd(&g, 64);
    int style = s < 36 ? CG_JS : s < 57 ? CG_PY : CG_GO;
    unsigned k = rnd(&g, 64);
    int kind = k < 34 ? CG_OPENAI_REQ : k < 42 ? CG_OPENAI_RESP : k < 51 ? CG_ANTHROPIC_REQ : k < 54 ? CG_ANTHROPIC_RESP
                                                                                                     : CG_RESPONSES_REQ;
    return cg_generate_one(rnd64(&g), target, style, kind);
}

void cg_free(cg_doc *d)
{
    free(d->data);
    d->data = NULL;
    d->len = 0;
}
