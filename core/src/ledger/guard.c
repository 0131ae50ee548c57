/* The ledger stores names and notes in clear (list, audit trail, SQLite file), so a field that holds
 * something the token scanner recognises as a credential is refused: the value belongs on stdin,
 * where only its keyed fingerprint is kept. The scanner's built-in rules are the one pattern set. */
#include "ledger/ledger_internal.h"

#include "error.h"
#include "scan/scan_internal.h"

/* The scanner is built on first use and kept with the ledger (read-only ledgers never pay for it),
 * without JIT: it checks a few short fields, and compiling 150 rules to machine code would cost
 * more than all the matching it ever does here. */
static sanctum_status scanner_of(sanctum_ledger *l, sanctum_error *err)
{
    if (l->scanner != NULL)
        return SANCTUM_OK;
    sanctum_scan_options o;
    sanctum_scan_options_init(&o);
    o.flags = SANCTUM_SCAN_NO_INLINE_ALLOW; /* a "sanctum:allow" comment in a name does not exempt it */
    o.max_findings = 1;
    sanctum_status st = sc_scanner_build(&l->scanner, l->ctx, &o, NULL, 0, false, err);
    if (st != SANCTUM_OK && st != SANCTUM_E_NOMEM && err != NULL)
        err->offset = SANCTUM_NO_OFFSET;
    return st;
}

sanctum_status sc_ledger_refuse_secret(sanctum_ledger *l, const uint8_t *p, size_t n, const char *field,
                                       sanctum_error *err)
{
    if (n == 0)
        return SANCTUM_OK;
    sanctum_status st = scanner_of(l, err);
    if (st != SANCTUM_OK)
        return st;
    sanctum_scan_result *res = NULL;
    st = sanctum_scan_buffer(l->scanner, &res, p, n, NULL, 0, err);
    if (st != SANCTUM_OK)
        return st == SANCTUM_E_NOMEM ? st : sc_error(err, st, SANCTUM_NO_OFFSET, "%s could not be checked", field);
    if (res->count > 0) {
        /* The rule id and offset say what was found; the field's bytes are never quoted. */
        st = sc_error(err, SANCTUM_E_INVALID_ARG, res->findings[0].secret_offset,
                      "%s looks like a credential (scanner rule %s): the ledger stores the %s in clear; give the "
                      "secret's value on stdin (it is stored only as a keyed fingerprint)",
                      field, res->findings[0].rule_id, field);
    }
    sanctum_free(res);
    return st;
}
