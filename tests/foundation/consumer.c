/* A program outside the project: uses only the installed header and pkg-config's flags. */
#include <sanctum.h>
#include <stdio.h>

int main(void)
{
    if (sanctum_abi_version() != SANCTUM_ABI_VERSION) {
        fprintf(stderr, "ABI mismatch: header %d, library %u\n", SANCTUM_ABI_VERSION, sanctum_abi_version());
        return 1;
    }
    sanctum_ctx *ctx = NULL;
    sanctum_error err;
    if (sanctum_ctx_new(&ctx, NULL, &err) != SANCTUM_OK) {
        fprintf(stderr, "ctx: %s\n", err.message);
        return 1;
    }
    sanctum_stats st = {0};
    st.struct_size = sizeof st;
    int ok = sanctum_ctx_stats(ctx, &st) == SANCTUM_OK && st.current_blocks == 0;
    sanctum_ctx_free(ctx);
    printf("consumer linked libsanctumcore %s\n", sanctum_version_string());
    return ok ? 0 : 1;
}
