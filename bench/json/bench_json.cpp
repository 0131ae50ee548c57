// bench_json: our validating parse and rewrite beside simdjson and cJSON, same corpus, same run.
//
//   bench_json [--docs N] [--min-time SECONDS]
//
// Corpus: chatgen.c (deterministic; 64 documents, 1 KiB .. 1 MiB, js/py/go client styles). MB = 10^6
// bytes of input per second, single thread; best and median over passes of the whole corpus. The
// cells run interleaved (one pass of each per round) so that load from elsewhere hits them alike.
// Cells: ours validate (strict parse to a tape, freed), ours parse+write (identity splice write),
// ours chat walk + write (parse + chat walk + decode of every scan string + write, no replacement),
// ours chat rewrite (the same + every scan string replaced by a copy of itself, so all re-encoded), simdjson dom parse, simdjson parse+minify, cJSON parse, cJSON parse+print.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include <cJSON.h>
#include <simdjson.h>

#include "chatgen.h"
#include "sanctum.h"

namespace {

struct Doc {
    std::vector<uint8_t> bytes;
    simdjson::padded_string padded;
    int style = 0, kind = 0;
};

using Clock = std::chrono::steady_clock;

struct Cell {
    double best = 0, median = 0;
    size_t passes = 0;
};

std::vector<Cell> measure_rounds(size_t total_bytes, double min_time, const std::vector<std::function<void()>> &fns)
{
    std::vector<std::vector<double>> times(fns.size());
    auto start = Clock::now();
    size_t rounds = 0;
    while (rounds < 5 || std::chrono::duration<double>(Clock::now() - start).count() < min_time * static_cast<double>(fns.size())) {
        for (size_t k = 0; k < fns.size(); k++) {
            auto t0 = Clock::now();
            fns[k]();
            times[k].push_back(std::chrono::duration<double>(Clock::now() - t0).count());
        }
        if (++rounds >= 2000)
            break;
    }
    std::vector<Cell> cells(fns.size());
    for (size_t k = 0; k < fns.size(); k++) {
        std::sort(times[k].begin(), times[k].end());
        cells[k].passes = times[k].size();
        cells[k].best = static_cast<double>(total_bytes) / times[k].front() / 1e6;
        cells[k].median = static_cast<double>(total_bytes) / times[k][times[k].size() / 2] / 1e6;
    }
    return cells;
}

[[noreturn]] void die(const char *what)
{
    std::fprintf(stderr, "bench_json: %s\n", what);
    std::exit(1);
}

sanctum_ctx *new_ctx()
{
    sanctum_ctx *ctx = nullptr;
    if (sanctum_ctx_new(&ctx, nullptr, nullptr) != SANCTUM_OK)
        die("cannot create a context");
    return ctx;
}

// Parse, walk (every scan string decoded), write with no replacement.
size_t chat_walk_write(sanctum_ctx *ctx, const Doc &d)
{
    sanctum_chat_doc *doc = nullptr;
    sanctum_error err;
    if (sanctum_chat_doc_new(&doc, ctx, SANCTUM_CHAT_AUTO, d.bytes.data(), d.bytes.size(), &err) != SANCTUM_OK)
        die(err.message);
    uint8_t *out = nullptr;
    size_t out_len = 0;
    if (sanctum_chat_doc_write(doc, &out, &out_len, &err) != SANCTUM_OK)
        die(err.message);
    sanctum_free(out);
    sanctum_free(doc);
    return out_len;
}

// Parse, walk, replace every scan string by its own text (so every one is re-encoded), write.
size_t chat_rewrite(sanctum_ctx *ctx, const Doc &d, size_t *nscan)
{
    sanctum_chat_doc *doc = nullptr;
    sanctum_error err;
    if (sanctum_chat_doc_new(&doc, ctx, SANCTUM_CHAT_AUTO, d.bytes.data(), d.bytes.size(), &err) != SANCTUM_OK)
        die(err.message);
    size_t n = sanctum_chat_doc_count(doc);
    for (size_t i = 0; i < n; i++) {
        sanctum_chat_text t;
        std::memset(&t, 0, sizeof t);
        t.struct_size = sizeof t;
        if (sanctum_chat_doc_text(doc, i, &t) != SANCTUM_OK ||
            sanctum_chat_doc_set_replacement(doc, i, t.text, t.text_len, &err) != SANCTUM_OK)
            die("replacement failed");
    }
    uint8_t *out = nullptr;
    size_t out_len = 0;
    if (sanctum_chat_doc_write(doc, &out, &out_len, &err) != SANCTUM_OK)
        die(err.message);
    sanctum_free(out);
    sanctum_free(doc);
    if (nscan != nullptr)
        *nscan += n;
    return out_len;
}

uint64_t peak_of(void (*op)(sanctum_ctx *, const Doc &), const Doc &d)
{
    sanctum_ctx *ctx = new_ctx();
    op(ctx, d);
    sanctum_stats s;
    std::memset(&s, 0, sizeof s);
    s.struct_size = sizeof s;
    sanctum_ctx_stats(ctx, &s);
    sanctum_ctx_free(ctx);
    return s.peak_bytes;
}

} // namespace

int main(int argc, char **argv)
{
    size_t ndocs = 64;
    double min_time = 0.5;
    int only_style = -1;
    for (int i = 1; i < argc; i++) {
        if (std::strcmp(argv[i], "--docs") == 0 && i + 1 < argc)
            ndocs = static_cast<size_t>(std::strtoul(argv[++i], nullptr, 10));
        else if (std::strcmp(argv[i], "--min-time") == 0 && i + 1 < argc)
            min_time = std::strtod(argv[++i], nullptr);
        else if (std::strcmp(argv[i], "--style") == 0 && i + 1 < argc) {
            const char *st = argv[++i];
            only_style = std::strcmp(st, "js") == 0 ? 0 : std::strcmp(st, "py") == 0 ? 1 : std::strcmp(st, "go") == 0 ? 2 : -2;
            if (only_style == -2)
                die("--style takes js, py or go");
        }
        else {
            std::fprintf(stderr, "usage: bench_json [--docs N] [--min-time SECONDS] [--style js|py|go]\n");
            return 2;
        }
    }
    std::vector<Doc> docs;
    size_t total = 0, styles[3] = {0, 0, 0};
    for (size_t i = 0; i < ndocs; i++) {
        cg_doc g = cg_generate(20241122u, i, ndocs);
        if (only_style >= 0 && g.style != only_style) {
            cg_free(&g);
            continue;
        }
        docs.emplace_back();
        docs.back().bytes.assign(g.data, g.data + g.len);
        docs.back().padded = simdjson::padded_string(reinterpret_cast<const char *>(g.data), g.len);
        docs.back().style = g.style;
        docs.back().kind = g.kind;
        styles[g.style]++;
        total += g.len;
        cg_free(&g);
    }
    // sanity: everything parses everywhere, and our rewrite without edits is the identity
    sanctum_ctx *ctx = new_ctx();
    simdjson::dom::parser sj;
    size_t nscan = 0, identical = 0, sj_identical = 0;
    for (const Doc &d : docs) {
        sanctum_error err;
        uint8_t *out = nullptr;
        size_t out_len = 0;
        if (sanctum_json_roundtrip(&out, &out_len, ctx, SANCTUM_JSON_STRICT, d.bytes.data(), d.bytes.size(), &err) !=
            SANCTUM_OK)
            die(err.message);
        identical += out_len == d.bytes.size() && std::memcmp(out, d.bytes.data(), out_len) == 0;
        sanctum_free(out);
        chat_rewrite(ctx, d, &nscan);
        simdjson::dom::element e;
        if (sj.parse(d.padded).get(e) != simdjson::SUCCESS)
            die("simdjson rejected a document");
        std::string m = simdjson::minify(e);
        sj_identical += m.size() == d.bytes.size() && std::memcmp(m.data(), d.bytes.data(), m.size()) == 0;
    }
    ndocs = docs.size();
    std::printf("corpus: %zu documents, %.2f MB (js %zu, py %zu, go %zu), %zu scan strings\n", ndocs,
                static_cast<double>(total) / 1e6, styles[0], styles[1], styles[2], nscan);
    std::printf("byte-identical after round trip: ours %zu/%zu, simdjson parse+minify %zu/%zu\n\n", identical, ndocs,
                sj_identical, ndocs);

    // Cells run interleaved, one pass each per round, so a noisy neighbour slows them alike.
    std::vector<std::function<void()>> fns;
    fns.push_back([&] {
        for (const Doc &d : docs) {
            std::vector<uint8_t> copy(d.bytes);
            asm volatile("" : : "r"(copy.data()) : "memory");
        }
    });
    fns.push_back([&] {
        for (const Doc &d : docs) {
            sanctum_error err;
            if (sanctum_json_validate(ctx, SANCTUM_JSON_STRICT, d.bytes.data(), d.bytes.size(), &err) != SANCTUM_OK)
                die(err.message);
        }
    });
    fns.push_back([&] {
        for (const Doc &d : docs) {
            sanctum_error err;
            uint8_t *out = nullptr;
            size_t out_len = 0;
            if (sanctum_json_roundtrip(&out, &out_len, ctx, SANCTUM_JSON_STRICT, d.bytes.data(), d.bytes.size(), &err) !=
                SANCTUM_OK)
                die(err.message);
            sanctum_free(out);
        }
    });
    fns.push_back([&] {
        for (const Doc &d : docs)
            chat_walk_write(ctx, d);
    });
    fns.push_back([&] {
        for (const Doc &d : docs)
            chat_rewrite(ctx, d, nullptr);
    });
    fns.push_back([&] {
        for (const Doc &d : docs) {
            simdjson::dom::element e;
            if (sj.parse(d.padded).get(e) != simdjson::SUCCESS)
                die("simdjson");
        }
    });
    fns.push_back([&] {
        for (const Doc &d : docs) {
            simdjson::dom::element e;
            if (sj.parse(d.padded).get(e) != simdjson::SUCCESS)
                die("simdjson");
            std::string m = simdjson::minify(e);
            asm volatile("" : : "r"(m.data()) : "memory");
        }
    });
    fns.push_back([&] {
        for (const Doc &d : docs) {
            const char *end = nullptr;
            cJSON *j = cJSON_ParseWithLengthOpts(reinterpret_cast<const char *>(d.bytes.data()), d.bytes.size(), &end, 0);
            if (j == nullptr)
                die("cJSON");
            cJSON_Delete(j);
        }
    });
    fns.push_back([&] {
        for (const Doc &d : docs) {
            const char *end = nullptr;
            cJSON *j = cJSON_ParseWithLengthOpts(reinterpret_cast<const char *>(d.bytes.data()), d.bytes.size(), &end, 0);
            if (j == nullptr)
                die("cJSON");
            char *s = cJSON_PrintUnformatted(j);
            cJSON_free(s);
            cJSON_Delete(j);
        }
    });
    std::vector<Cell> cells = measure_rounds(total, min_time, fns);
    const Cell &c_memcpy = cells[0];
    const Cell &c_parse = cells[1];
    const Cell &c_write = cells[2];
    const Cell &c_walk = cells[3];
    const Cell &c_chat = cells[4];
    const Cell &c_sj = cells[5];
    const Cell &c_sj_ser = cells[6];
    const Cell &c_cj = cells[7];
    const Cell &c_cj_ser = cells[8];
    std::printf("%-44s %10s %10s %7s\n", "cell (MB/s = 10^6 input bytes / s)", "best", "median", "passes");
    auto row = [](const char *name, const Cell &c) {
        std::printf("%-44s %10.0f %10.0f %7zu\n", name, c.best, c.median, c.passes);
    };
    row("memcpy into a new buffer (reference)", c_memcpy);
    row("ours: validating parse (tape)", c_parse);
    row("ours: parse + write (identity splice)", c_write);
    row("ours: chat walk + write (no replacement)", c_walk);
    row("ours: chat rewrite (every scan string)", c_chat);
    row("simdjson: parse (dom)", c_sj);
    row("simdjson: parse + minify", c_sj_ser);
    row("cJSON: parse", c_cj);
    row("cJSON: parse + print", c_cj_ser);
    std::printf("\nsimdjson kernel: %s\n", simdjson::get_active_implementation()->name().c_str());
    std::printf("ratio parse          ours/simdjson parse          : best %.2fx  median %.2fx  (target >= 1.0x)\n",
                c_parse.best / c_sj.best, c_parse.median / c_sj.median);
    std::printf("ratio parse+write    ours/simdjson parse+minify   : best %.2fx  median %.2fx  (target >= 3.0x)\n",
                c_write.best / c_sj_ser.best, c_write.median / c_sj_ser.median);
    std::printf("ratio chat walk+write ours/simdjson parse+minify  : best %.2fx  median %.2fx\n",
                c_walk.best / c_sj_ser.best, c_walk.median / c_sj_ser.median);
    std::printf("ratio chat rewrite   ours/simdjson parse+minify   : best %.2fx  median %.2fx\n",
                c_chat.best / c_sj_ser.best, c_chat.median / c_sj_ser.median);
    std::printf("ratio parse          ours/cJSON parse             : best %.2fx  median %.2fx\n",
                c_parse.best / c_cj.best, c_parse.median / c_cj.median);
    std::printf("ratio parse+write    ours/cJSON parse+print       : best %.2fx  median %.2fx\n",
                c_write.best / c_cj_ser.best, c_write.median / c_cj_ser.median);
    sanctum_ctx_free(ctx);

    // peak memory (the context's accounting) for 1 MiB documents
    std::printf("\npeak memory for a 1 MiB document (bytes from the context / document size):\n");
    const char *style_names[] = {"js", "py", "go"};
    for (int style = 0; style < 3; style++) {
        Doc d;
        cg_doc g = cg_generate_one(7u + static_cast<uint64_t>(style), 1u << 20, style, CG_OPENAI_REQ);
        d.bytes.assign(g.data, g.data + g.len);
        cg_free(&g);
        double size = static_cast<double>(d.bytes.size());
        uint64_t p_parse = peak_of([](sanctum_ctx *c, const Doc &x) {
            sanctum_error err;
            sanctum_json_validate(c, SANCTUM_JSON_STRICT, x.bytes.data(), x.bytes.size(), &err);
        }, d);
        uint64_t p_write = peak_of([](sanctum_ctx *c, const Doc &x) {
            sanctum_error err;
            uint8_t *out = nullptr;
            size_t n = 0;
            sanctum_json_roundtrip(&out, &n, c, SANCTUM_JSON_STRICT, x.bytes.data(), x.bytes.size(), &err);
            sanctum_free(out);
        }, d);
        uint64_t p_walk = peak_of([](sanctum_ctx *c, const Doc &x) { chat_walk_write(c, x); }, d);
        uint64_t p_chat = peak_of([](sanctum_ctx *c, const Doc &x) { chat_rewrite(c, x, nullptr); }, d);
        std::printf("  %s style, %zu bytes: parse %.2fx, parse+write %.2fx, chat walk+write %.2fx, chat rewrite all "
                    "%.2fx  (target <= 2x)\n",
                    style_names[style], d.bytes.size(), static_cast<double>(p_parse) / size,
                    static_cast<double>(p_write) / size, static_cast<double>(p_walk) / size,
                    static_cast<double>(p_chat) / size);
    }
    return 0;
}
