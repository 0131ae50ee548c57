#!/bin/bash -eu
# Builds every harness in fuzz/ the OSS-Fuzz way: compiler, sanitizer flags and engine come from the
# environment ($CC $CFLAGS $LIB_FUZZING_ENGINE), binaries, seed corpora and dictionaries go to $OUT.
# Works locally too, e.g.:
#   CC=clang CXX=clang++ CFLAGS="-fsanitize=address,fuzzer-no-link" CXXFLAGS="$CFLAGS" \
#   LIB_FUZZING_ENGINE=-fsanitize=fuzzer SRC=$PWD/.. OUT=/tmp/out WORK=/tmp/work .clusterfuzzlite/build.sh
cd "$(dirname "$0")/.."
work=${WORK:-/tmp/sanctum-fuzz-work}/build
cmake -S . -B "$work" \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="${CXX:-clang++}" \
  -DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="${CXXFLAGS:-$CFLAGS}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSANCTUM_FUZZ=ON -DSANCTUM_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" \
  -DSANCTUM_SANITIZE=OFF -DSANCTUM_HARDEN=OFF -DSANCTUM_WERROR=OFF \
  -DSANCTUM_BUILD_TESTS=OFF -DSANCTUM_BUILD_BENCH=OFF
cmake --build "$work" -j "$(nproc)"
mkdir -p "$OUT"
for bin in "$work"/fuzz/fuzz_*; do
  name=$(basename "$bin")
  target=${name#fuzz_}
  cp "$bin" "$OUT/"
  if [ -d "corpus/$target" ]; then
    (cd "corpus/$target" && zip -q -r "$OUT/${name}_seed_corpus.zip" .)
  fi
  if [ -f "fuzz/$target.dict" ]; then
    cp "fuzz/$target.dict" "$OUT/$name.dict"
  fi
done
echo "build.sh: $(ls "$OUT"/fuzz_* | grep -vc '\.') harnesses in $OUT"
