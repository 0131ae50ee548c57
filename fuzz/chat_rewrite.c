/* Fuzz harness: the chat walk and rewrite. The first byte picks the format argument (bits 0-1; Gemini
 * when bits 0-1 and 5-7 are all set), the replacement flavour (bits 2-4) and the chat flags (bit 5
 * lone surrogates, 6 scrub_system, 7 numbers; flavour 7 also refuses attachments); the rest is the
 * document.
 * Properties (abort on violation): replacing every scan string gives valid JSON; walking the output
 * finds the same scan strings at the same paths holding exactly the replacements; every byte outside
 * the replaced string tokens is the input's; with no replacement the output is the input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "sanctum.h"

static size_t string_token_len(const uint8_t *p, size_t n)
{
    if (n == 0 || p[0] != '"')
        abort();
    for (size_t i = 1; i < n; i++) {
        if (p[i] == '\\')
            i++;
        else if (p[i] == '"')
            return i + 1;
    }
    abort();
}

static sanctum_chat_text get(const sanctum_chat_doc *doc, size_t i)
{
    sanctum_chat_text t;
    memset(&t, 0, sizeof t);
    t.struct_size = sizeof t;
    if (sanctum_chat_doc_text(doc, i, &t) != SANCTUM_OK)
        abort();
    return t;
}

/* Replacement i: plain markers, or ones with characters that need escaping in JSON. */
static size_t replacement(int flavour, size_t i, char *buf, size_t cap)
{
    static const char *extra[] = {"", " \"q\" \\ / \n\t", " <&> \xe2\x80\xa8 \xc3\xbc \xf0\x9f\x98\x80",
                                  " \x01\x1f \xef\xbf\xbd"};
    int n = snprintf(buf, cap, "<M_%zu>%s", i, extra[flavour & 3]);
    size_t len = (size_t)n;
    if (flavour & 4) { /* an embedded NUL */
        buf[len] = '\0';
        len++;
    }
    return len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int32_t format = data[0] % 4;
    int flavour = (data[0] >> 2) & 7;
    uint32_t flags = ((data[0] & 0x20) ? (uint32_t)SANCTUM_CHAT_ALLOW_LONE_SURROGATES : 0u) |
                     ((data[0] & 0x40) ? (uint32_t)SANCTUM_CHAT_SCRUB_SYSTEM : 0u) |
                     ((data[0] & 0x80) ? (uint32_t)SANCTUM_CHAT_NUMBERS : 0u) |
                     ((data[0] & 0x1C) == 0x1C ? (uint32_t)SANCTUM_CHAT_REFUSE_ATTACHMENTS : 0u);
    if ((data[0] & 0xE3) == 0xE3)
        format = SANCTUM_CHAT_GEMINI;
    data++;
    size--;
    sanctum_ctx *ctx = NULL;
    if (sanctum_ctx_new(&ctx, NULL, NULL) != SANCTUM_OK)
        return 0;
    sanctum_error err;
    sanctum_chat_doc *doc = NULL;
    sanctum_status st = sanctum_chat_doc_new_ex(&doc, ctx, format, flags, data, size, &err);
    if (st != SANCTUM_OK) {
        if (doc != NULL || err.message[0] == '\0' || (err.offset > size && err.offset != SANCTUM_NO_OFFSET))
            abort();
        fuzz_ctx_free_checked(ctx);
        return 0;
    }
    uint8_t *out = NULL;
    size_t out_len = 0;
    if (sanctum_chat_doc_write(doc, &out, &out_len, &err) != SANCTUM_OK || out_len != size ||
        (size != 0 && memcmp(out, data, size) != 0))
        abort();
    sanctum_free(out);
    size_t cnt = sanctum_chat_doc_count(doc);
    char buf[96];
    for (size_t i = 0; i < cnt; i++) {
        size_t n = replacement(flavour, i, buf, sizeof buf - 1);
        if (sanctum_chat_doc_set_replacement(doc, i, (const uint8_t *)buf, n, &err) != SANCTUM_OK)
            abort();
    }
    if (sanctum_chat_doc_write(doc, &out, &out_len, &err) != SANCTUM_OK)
        abort();
    if (sanctum_json_validate(ctx, SANCTUM_JSON_STRICT | (flags & SANCTUM_JSON_ALLOW_LONE_SURROGATES), out, out_len,
                              &err) != SANCTUM_OK)
        abort();
    sanctum_chat_doc *again = NULL;
    if (sanctum_chat_doc_new_ex(&again, ctx, format, flags, out, out_len, &err) != SANCTUM_OK)
        abort();
    if (sanctum_chat_doc_count(again) != cnt)
        abort();
    size_t ip = 0, op = 0;
    uint64_t last = UINT64_MAX;
    for (size_t i = 0; i < cnt; i++) {
        sanctum_chat_text a = get(again, i), b = get(doc, i);
        size_t n = replacement(flavour, i, buf, sizeof buf - 1);
        if (a.text_len != n || memcmp(a.text, buf, n) != 0 || strcmp(a.path, b.path) != 0 || a.role != b.role ||
            a.kind != b.kind)
            abort();
        if (b.offset == last)
            continue;
        last = b.offset;
        size_t gap = (size_t)b.offset - ip;
        if (op + gap > out_len || memcmp(out + op, data + ip, gap) != 0)
            abort();
        ip += gap;
        op += gap;
        /* a replaced number (outside nested JSON) became a string */
        ip += b.number && !b.nested ? b.text_len : string_token_len(data + ip, size - ip);
        op += string_token_len(out + op, out_len - op);
    }
    if (out_len - op != size - ip || memcmp(out + op, data + ip, size - ip) != 0)
        abort();
    sanctum_free(again);
    sanctum_free(out);
    sanctum_free(doc);
    fuzz_ctx_free_checked(ctx);
    return 0;
}
