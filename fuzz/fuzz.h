/* Shared by every harness: the libFuzzer entry points, also driven by replay.c and AFL++'s driver. */
#ifndef SANCTUM_FUZZ_H
#define SANCTUM_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#endif
