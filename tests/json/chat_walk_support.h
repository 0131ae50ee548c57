/* What the chat-walk tests share: the examples, a document made with the current flags, the walk
 * checked against the texts it should find (check_doc), and output checks. */
#ifndef CHAT_WALK_SUPPORT_H
#define CHAT_WALK_SUPPORT_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "sweep.h"
#include "test_util.h"

#define EXAMPLES SANCTUM_SOURCE_DIR "/examples/"

#define U SANCTUM_CHAT_ROLE_USER
#define A SANCTUM_CHAT_ROLE_ASSISTANT
#define T SANCTUM_CHAT_ROLE_TOOL
#define N SANCTUM_CHAT_ROLE_NONE
#define TEXT SANCTUM_CHAT_KIND_TEXT
#define ARGS SANCTUM_CHAT_KIND_TOOL_ARGUMENTS
#define RES SANCTUM_CHAT_KIND_TOOL_RESULT
#define ID SANCTUM_CHAT_KIND_IDENTIFIER
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* One text the walk must find: its JSON path, role and kind, in document order. */
typedef struct expect {
    const char *path;
    int32_t role, kind;
} expect;

extern uint32_t g_flags; /* sanctum_chat_flags for new_doc / check_doc */

/* An example file under examples/ (malloc'd). */
uint8_t *read_example(const char *name, size_t *len);
/* A chat document of the given format (SANCTUM_CHAT_AUTO to detect) with g_flags; fails the test if refused. */
sanctum_chat_doc *new_doc(sanctum_ctx *ctx, int32_t format, const uint8_t *p, size_t n);
sanctum_chat_text text_at(const sanctum_chat_doc *doc, size_t i);
size_t string_token_len(const uint8_t *p, size_t n);
/* Walks in, checks its format, shape and texts against want, replaces every text with a marker, writes,
 * checks every byte outside the texts came back unchanged, and returns the output as a malloc'd C string. */
char *check_doc(sanctum_ctx *ctx, const uint8_t *in, size_t n, int32_t want_format, int32_t want_shape,
                const expect *want, size_t nwant);
void must_contain(const char *s, const char *part);
void must_not_contain(const char *s, const char *part);

#endif
