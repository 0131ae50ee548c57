/* Name gazetteer lookup and the hand-kept word classes of the PERSON recognizer. */
#include <string.h>

#include "names.h"
#include "pii.h"

/* Greek without accents, as the generated keys are: a tonos or dialytika vowel (U+0386-U+03CE) becomes
 * its plain vowel. Returns the new length. */
static size_t fold_greek(uint8_t *k, size_t n)
{
    static const uint16_t FROM[] = {0x386, 0x388, 0x389, 0x38A, 0x38C, 0x38E, 0x38F, 0x390, 0x3AA, 0x3AB,
                                    0x3AC, 0x3AD, 0x3AE, 0x3AF, 0x3B0, 0x3CA, 0x3CB, 0x3CC, 0x3CD, 0x3CE};
    static const uint16_t TO[] = {0x391, 0x395, 0x397, 0x399, 0x39F, 0x3A5, 0x3A9, 0x3B9, 0x399, 0x3A5,
                                  0x3B1, 0x3B5, 0x3B7, 0x3B9, 0x3C5, 0x3B9, 0x3C5, 0x3BF, 0x3C5, 0x3C9};
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        if ((k[i] == 0xCE || k[i] == 0xCF) && i + 1 < n) {
            uint16_t cp = (uint16_t)(((k[i] & 0x1Fu) << 6) | (k[i + 1] & 0x3Fu));
            for (size_t j = 0; j < sizeof FROM / sizeof FROM[0]; j++)
                if (FROM[j] == cp) {
                    cp = TO[j];
                    break;
                }
            k[m++] = (uint8_t)(0xC0u | (cp >> 6));
            k[m++] = (uint8_t)(0x80u | (cp & 0x3Fu));
            i += 2;
        } else {
            k[m++] = k[i++];
        }
    }
    return m;
}

/* Latin capitals in two bytes become lower case as the generated keys are: À-Þ (not ×) and the
 * Extended-A capitals (Ł, Ő, Š, Ž; İ, ĸ and Ÿ have no partner there). Lengths do not change. */
static void fold_latin(uint8_t *k, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        uint8_t c = k[i];
        if (c < 0xC3 || c > 0xC5 || (k[i + 1] & 0xC0) != 0x80)
            continue;
        uint32_t cp = ((uint32_t)(c & 0x1Fu) << 6) | (k[i + 1] & 0x3Fu);
        bool up;
        if (cp < 0x100)
            up = cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
        else if (cp == 0x130 || cp == 0x138 || cp == 0x178)
            up = false;
        else if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
            up = (cp & 1u) == 1u;
        else
            up = (cp & 1u) == 0;
        if (up) {
            cp += cp < 0x100 ? 0x20u : 1u;
            k[i] = (uint8_t)(0xC0u | (cp >> 6));
            k[i + 1] = (uint8_t)(0x80u | (cp & 0x3Fu));
        }
        i++;
    }
}

static unsigned lookup_raw(const uint8_t *w, size_t n)
{
    if (n < 2 || n > 40)
        return 0;
    uint8_t key[41];
    uint8_t any = 0;
    for (size_t i = 0; i < n; i++) {
        key[i] = pii_lower(w[i]);
        any |= key[i];
    }
    if (any >= 0x80) { /* ASCII words need no folding */
        bool greek = false;
        for (size_t i = 0; i < n; i++)
            greek = greek || key[i] == 0xCE || key[i] == 0xCF;
        fold_latin(key, n);
        if (greek)
            n = fold_greek(key, n);
    }
    uint32_t h = 0x811c9dc5u;
    for (size_t i = 0; i < n; i++) {
        h ^= key[i];
        h *= 0x01000193u;
    }
    uint32_t tag = h >> 27;
    uint32_t mask = sc_names_table_mask;
    for (uint32_t slot = h & mask;; slot = (slot + 1) & mask) {
        uint32_t v = sc_names_table[slot];
        if (v == 0)
            return 0;
        if ((v >> 27) != tag)
            continue;
        uint32_t pos = (v >> 6) & 0x1fffffu;
        const char *k = &sc_names_blob[pos >> 12][pos & 4095u];
        if (memcmp(k, key, n) == 0 && k[n] == '\0')
            return v & 63u;
    }
}

unsigned sc_name_lookup(const uint8_t *w, size_t n)
{
    unsigned f = lookup_raw(w, n);
    return (f & (SC_NAME_FIRST | SC_NAME_LAST)) ? f : 0;
}

bool sc_place_lookup(const uint8_t *w, size_t n) { return (lookup_raw(w, n) & SC_NAME_PLACE) != 0; }

typedef struct word_class {
    const char *w;
    int cls;
} word_class;

/* Sorted by word (strcmp order) for bsearch. */
static const word_class CLASSES[] = {
    {"abbey", SC_WORD_ORG_NEXT}, {"academy", SC_WORD_ORG_NEXT}, {"ace", SC_WORD_AMBIGUOUS},
    {"ada", SC_WORD_SOFTWARE}, {"address", SC_WORD_STOP}, {"admin", SC_WORD_STOP}, {"administrator", SC_WORD_STOP},
    {"admissions", SC_WORD_STOP}, {"adobe", SC_WORD_AMBIGUOUS}, {"again", SC_WORD_STOP},
    {"airflow", SC_WORD_SOFTWARE}, {"airport", SC_WORD_ORG_NEXT}, {"alabama", SC_WORD_PLACE},
    {"alert", SC_WORD_STOP}, {"alerts", SC_WORD_STOP}, {"alexa", SC_WORD_SOFTWARE},
    {"algorithm", SC_WORD_TECH_NOUN}, {"algorithms", SC_WORD_TECH_NOUN}, {"all", SC_WORD_STOP},
    {"allah", SC_WORD_STOP}, {"alpine", SC_WORD_SOFTWARE}, {"amazon", SC_WORD_STOP}, {"amber", SC_WORD_AMBIGUOUS},
    {"amount", SC_WORD_STOP}, {"ampere", SC_WORD_EPONYM}, {"angel", SC_WORD_AMBIGUOUS},
    {"angular", SC_WORD_SOFTWARE}, {"ansible", SC_WORD_STOP}, {"apache", SC_WORD_STOP}, {"api", SC_WORD_TECH_NOUN},
    {"apollo", SC_WORD_SOFTWARE}, {"applicant", SC_WORD_STOP}, {"april", SC_WORD_AMBIGUOUS},
    {"arabic", SC_WORD_STOP}, {"arch", SC_WORD_STOP}, {"archer", SC_WORD_AMBIGUOUS}, {"area", SC_WORD_ORG_NEXT},
    {"argo", SC_WORD_SOFTWARE}, {"arizona", SC_WORD_PLACE}, {"armani", SC_WORD_AMBIGUOUS},
    {"art", SC_WORD_AMBIGUOUS}, {"associates", SC_WORD_ORG_NEXT}, {"athena", SC_WORD_SOFTWARE},
    {"athens", SC_WORD_PLACE}, {"attack", SC_WORD_TECH_NOUN}, {"audi", SC_WORD_AMBIGUOUS},
    {"august", SC_WORD_AMBIGUOUS}, {"aunt", SC_WORD_TITLE}, {"aurora", SC_WORD_PLACE}, {"austin", SC_WORD_PLACE},
    {"autumn", SC_WORD_AMBIGUOUS}, {"ave", SC_WORD_ORG_NEXT}, {"avenue", SC_WORD_ORG_NEXT},
    {"baker", SC_WORD_AMBIGUOUS}, {"ballroom", SC_WORD_ORG_NEXT}, {"bank", SC_WORD_ORG_NEXT},
    {"bard", SC_WORD_SOFTWARE}, {"baron", SC_WORD_AMBIGUOUS}, {"bash", SC_WORD_STOP}, {"bay", SC_WORD_ORG_NEXT},
    {"bayes", SC_WORD_EPONYM}, {"bayesian", SC_WORD_STOP}, {"beach", SC_WORD_ORG_NEXT}, {"beam", SC_WORD_SOFTWARE},
    {"bear", SC_WORD_AMBIGUOUS}, {"bentley", SC_WORD_AMBIGUOUS}, {"benvolguda", SC_WORD_STOP}, {"benvolgut", SC_WORD_STOP}, {"berlin", SC_WORD_PLACE},
    {"bernoulli", SC_WORD_EPONYM}, {"bert", SC_WORD_SOFTWARE}, {"best", SC_WORD_STOP}, {"bhd", SC_WORD_ORG_NEXT},
    {"bic", SC_WORD_STOP}, {"bill", SC_WORD_AMBIGUOUS}, {"bing", SC_WORD_AMBIGUOUS}, {"bishop", SC_WORD_AMBIGUOUS},
    {"bixby", SC_WORD_SOFTWARE}, {"black", SC_WORD_AMBIGUOUS}, {"bloom", SC_WORD_EPONYM},
    {"blvd", SC_WORD_ORG_NEXT}, {"bo", SC_WORD_AMBIGUOUS}, {"board", SC_WORD_STOP}, {"bob", SC_WORD_AMBIGUOUS},
    {"boeing", SC_WORD_AMBIGUOUS}, {"bold", SC_WORD_TECH_NOUN}, {"bond", SC_WORD_AMBIGUOUS},
    {"boolean", SC_WORD_STOP}, {"bosch", SC_WORD_AMBIGUOUS}, {"boston", SC_WORD_PLACE}, {"bot", SC_WORD_STOP},
    {"both", SC_WORD_STOP}, {"boulevard", SC_WORD_ORG_NEXT}, {"bound", SC_WORD_TECH_NOUN},
    {"bovary", SC_WORD_ORG_NEXT}, {"branch", SC_WORD_ORG_NEXT}, {"brandeis", SC_WORD_AMBIGUOUS},
    {"brandy", SC_WORD_AMBIGUOUS}, {"bridge", SC_WORD_ORG_NEXT}, {"brooklyn", SC_WORD_PLACE},
    {"brown", SC_WORD_AMBIGUOUS}, {"buck", SC_WORD_AMBIGUOUS}, {"buddy", SC_WORD_AMBIGUOUS},
    {"buick", SC_WORD_AMBIGUOUS}, {"build", SC_WORD_STOP}, {"building", SC_WORD_ORG_NEXT},
    {"bunny", SC_WORD_ORG_NEXT}, {"bästa", SC_WORD_STOP}, {"cadillac", SC_WORD_AMBIGUOUS}, {"cafe", SC_WORD_ORG_NEXT},
    {"california", SC_WORD_PLACE}, {"camden", SC_WORD_PLACE}, {"campus", SC_WORD_ORG_NEXT},
    {"candidate", SC_WORD_STOP}, {"candy", SC_WORD_AMBIGUOUS}, {"capt", SC_WORD_TITLE}, {"captain", SC_WORD_TITLE},
    {"carnegie", SC_WORD_AMBIGUOUS}, {"carolina", SC_WORD_PLACE}, {"carter", SC_WORD_AMBIGUOUS},
    {"cash", SC_WORD_AMBIGUOUS}, {"cassandra", SC_WORD_SOFTWARE}, {"cathedral", SC_WORD_ORG_NEXT}, {"cauchy", SC_WORD_EPONYM},
    {"celery", SC_WORD_SOFTWARE}, {"celsius", SC_WORD_EPONYM}, {"center", SC_WORD_ORG_NEXT},
    {"centre", SC_WORD_ORG_NEXT}, {"chad", SC_WORD_PLACE}, {"chain", SC_WORD_TECH_NOUN},
    {"chance", SC_WORD_AMBIGUOUS}, {"chanel", SC_WORD_AMBIGUOUS}, {"charity", SC_WORD_AMBIGUOUS},
    {"charlotte", SC_WORD_PLACE}, {"chase", SC_WORD_AMBIGUOUS}, {"chatgpt", SC_WORD_SOFTWARE},
    {"chef", SC_WORD_SOFTWARE}, {"chelsea", SC_WORD_PLACE}, {"chevrolet", SC_WORD_AMBIGUOUS},
    {"chicago", SC_WORD_PLACE}, {"china", SC_WORD_PLACE}, {"chinese", SC_WORD_STOP}, {"chrome", SC_WORD_STOP},
    {"chrysler", SC_WORD_AMBIGUOUS}, {"church", SC_WORD_ORG_NEXT}, {"cinderella", SC_WORD_STOP},
    {"cipher", SC_WORD_TECH_NOUN}, {"cisco", SC_WORD_AMBIGUOUS}, {"city", SC_WORD_ORG_NEXT},
    {"claude", SC_WORD_SOFTWARE}, {"clay", SC_WORD_AMBIGUOUS}, {"client", SC_WORD_STOP}, {"clients", SC_WORD_STOP},
    {"clinic", SC_WORD_ORG_NEXT}, {"cnpj", SC_WORD_STOP}, {"co", SC_WORD_ORG_NEXT}, {"code", SC_WORD_TECH_NOUN},
    {"coding", SC_WORD_TECH_NOUN}, {"coefficient", SC_WORD_TECH_NOUN}, {"coefficients", SC_WORD_TECH_NOUN},
    {"cole", SC_WORD_AMBIGUOUS}, {"colleague", SC_WORD_STOP}, {"colleagues", SC_WORD_STOP},
    {"college", SC_WORD_ORG_NEXT}, {"committee", SC_WORD_STOP}, {"company", SC_WORD_ORG_NEXT},
    {"compiler", SC_WORD_TECH_NOUN}, {"complete", SC_WORD_TECH_NOUN}, {"completeness", SC_WORD_TECH_NOUN},
    {"condensed", SC_WORD_TECH_NOUN}, {"conjecture", SC_WORD_TECH_NOUN}, {"constant", SC_WORD_TECH_NOUN},
    {"consul", SC_WORD_SOFTWARE}, {"contact", SC_WORD_STOP}, {"cooper", SC_WORD_AMBIGUOUS},
    {"copilot", SC_WORD_SOFTWARE}, {"cornell", SC_WORD_AMBIGUOUS}, {"corp", SC_WORD_ORG_NEXT},
    {"corporation", SC_WORD_ORG_NEXT}, {"correlation", SC_WORD_TECH_NOUN}, {"cortana", SC_WORD_SOFTWARE},
    {"coulomb", SC_WORD_EPONYM}, {"country", SC_WORD_STOP}, {"county", SC_WORD_ORG_NEXT},
    {"court", SC_WORD_ORG_NEXT}, {"cpf", SC_WORD_STOP}, {"criterion", SC_WORD_TECH_NOUN},
    {"critical", SC_WORD_STOP}, {"crystal", SC_WORD_SOFTWARE}, {"curve", SC_WORD_TECH_NOUN},
    {"customer", SC_WORD_STOP}, {"customers", SC_WORD_STOP}, {"cypress", SC_WORD_SOFTWARE}, {"czech", SC_WORD_STOP},
    {"daisy", SC_WORD_AMBIGUOUS}, {"dakota", SC_WORD_PLACE}, {"dale", SC_WORD_AMBIGUOUS}, {"dallas", SC_WORD_PLACE},
    {"dame", SC_WORD_TITLE}, {"danish", SC_WORD_STOP}, {"dart", SC_WORD_SOFTWARE}, {"dartmouth", SC_WORD_AMBIGUOUS},
    {"dask", SC_WORD_SOFTWARE}, {"database", SC_WORD_TECH_NOUN}, {"datacenter", SC_WORD_ORG_NEXT},
    {"date", SC_WORD_STOP}, {"dawn", SC_WORD_AMBIGUOUS}, {"dean", SC_WORD_AMBIGUOUS}, {"dear", SC_WORD_STOP},
    {"debian", SC_WORD_STOP}, {"debug", SC_WORD_STOP}, {"december", SC_WORD_STOP}, {"dell", SC_WORD_AMBIGUOUS},
    {"deno", SC_WORD_SOFTWARE}, {"denver", SC_WORD_PLACE}, {"department", SC_WORD_ORG_NEXT},
    {"deploy", SC_WORD_STOP}, {"destiny", SC_WORD_AMBIGUOUS}, {"detroit", SC_WORD_PLACE},
    {"dick", SC_WORD_AMBIGUOUS}, {"dijkstra", SC_WORD_EPONYM}, {"dior", SC_WORD_AMBIGUOUS},
    {"dirichlet", SC_WORD_EPONYM}, {"disney", SC_WORD_AMBIGUOUS}, {"distance", SC_WORD_TECH_NOUN},
    {"distribution", SC_WORD_TECH_NOUN}, {"django", SC_WORD_SOFTWARE}, {"docker", SC_WORD_STOP},
    {"dodge", SC_WORD_AMBIGUOUS}, {"don", SC_WORD_AMBIGUOUS}, {"dott", SC_WORD_TITLE}, {"dove", SC_WORD_AMBIGUOUS},
    {"downtown", SC_WORD_ORG_NEXT}, {"doña", SC_WORD_TITLE}, {"dr", SC_WORD_TITLE}, {"dra", SC_WORD_TITLE},
    {"draga", SC_WORD_STOP}, {"dragi", SC_WORD_STOP}, {"dragă", SC_WORD_STOP}, {"drew", SC_WORD_AMBIGUOUS}, {"drive", SC_WORD_ORG_NEXT}, {"driver", SC_WORD_TECH_NOUN},
    {"droga", SC_WORD_STOP}, {"drogi", SC_WORD_STOP}, {"druid", SC_WORD_SOFTWARE}, {"duck", SC_WORD_ORG_NEXT}, {"duke", SC_WORD_AMBIGUOUS},
    {"dumbledore", SC_WORD_STOP}, {"dutch", SC_WORD_STOP}, {"earl", SC_WORD_AMBIGUOUS}, {"east", SC_WORD_AMBIGUOUS},
    {"editor", SC_WORD_STOP}, {"editors", SC_WORD_STOP}, {"effect", SC_WORD_TECH_NOUN},
    {"egregia", SC_WORD_STOP}, {"egregio", SC_WORD_STOP}, {"einstein", SC_WORD_EPONYM}, {"elasticsearch", SC_WORD_SOFTWARE}, {"electron", SC_WORD_SOFTWARE},
    {"elementary", SC_WORD_ORG_NEXT}, {"elimination", SC_WORD_TECH_NOUN}, {"elixir", SC_WORD_SOFTWARE},
    {"email", SC_WORD_STOP}, {"ember", SC_WORD_SOFTWARE}, {"encoding", SC_WORD_TECH_NOUN},
    {"engine", SC_WORD_TECH_NOUN}, {"england", SC_WORD_PLACE}, {"english", SC_WORD_STOP},
    {"enterprises", SC_WORD_ORG_NEXT}, {"equation", SC_WORD_TECH_NOUN}, {"equations", SC_WORD_TECH_NOUN},
    {"equilibrium", SC_WORD_TECH_NOUN}, {"error", SC_WORD_STOP}, {"errors", SC_WORD_STOP},
    {"estimada", SC_WORD_STOP}, {"estimado", SC_WORD_STOP}, {"estimat", SC_WORD_STOP}, {"estimation", SC_WORD_TECH_NOUN}, {"estimator", SC_WORD_TECH_NOUN}, {"euclid", SC_WORD_EPONYM},
    {"euclidean", SC_WORD_STOP}, {"euler", SC_WORD_EPONYM}, {"everybody", SC_WORD_STOP}, {"everyone", SC_WORD_STOP},
    {"extrabold", SC_WORD_TECH_NOUN}, {"fahrenheit", SC_WORD_EPONYM}, {"fairmont", SC_WORD_AMBIGUOUS},
    {"faith", SC_WORD_AMBIGUOUS}, {"faraday", SC_WORD_EPONYM}, {"fatal", SC_WORD_STOP}, {"february", SC_WORD_STOP},
    {"fedora", SC_WORD_SOFTWARE}, {"ferrari", SC_WORD_AMBIGUOUS}, {"festival", SC_WORD_ORG_NEXT}, {"filter", SC_WORD_TECH_NOUN},
    {"finnish", SC_WORD_STOP}, {"fisher", SC_WORD_AMBIGUOUS}, {"flask", SC_WORD_SOFTWARE},
    {"flink", SC_WORD_SOFTWARE}, {"florence", SC_WORD_PLACE}, {"florida", SC_WORD_PLACE}, {"fluff", SC_WORD_STOP},
    {"fluffy", SC_WORD_STOP}, {"folks", SC_WORD_STOP}, {"font", SC_WORD_TECH_NOUN}, {"fonts", SC_WORD_TECH_NOUN},
    {"ford", SC_WORD_AMBIGUOUS}, {"forest", SC_WORD_AMBIGUOUS}, {"format", SC_WORD_TECH_NOUN},
    {"formula", SC_WORD_TECH_NOUN}, {"fort", SC_WORD_STOP}, {"foundation", SC_WORD_ORG_NEXT},
    {"fourier", SC_WORD_EPONYM}, {"fox", SC_WORD_AMBIGUOUS}, {"framework", SC_WORD_TECH_NOUN},
    {"frank", SC_WORD_AMBIGUOUS}, {"frau", SC_WORD_TITLE}, {"french", SC_WORD_STOP}, {"friday", SC_WORD_STOP},
    {"friend", SC_WORD_STOP}, {"friends", SC_WORD_STOP}, {"frodo", SC_WORD_STOP}, {"function", SC_WORD_TECH_NOUN},
    {"gallery", SC_WORD_ORG_NEXT}, {"gandalf", SC_WORD_STOP}, {"gatsby", SC_WORD_SOFTWARE}, {"gauss", SC_WORD_EPONYM}, {"gaussian", SC_WORD_STOP},
    {"geachte", SC_WORD_STOP}, {"gemini", SC_WORD_SOFTWARE}, {"gene", SC_WORD_AMBIGUOUS}, {"gentoo", SC_WORD_SOFTWARE},
    {"georgia", SC_WORD_PLACE}, {"gerbiama", SC_WORD_STOP}, {"gerbiamas", SC_WORD_STOP}, {"german", SC_WORD_STOP}, {"gibbs", SC_WORD_EPONYM}, {"ginger", SC_WORD_AMBIGUOUS},
    {"github", SC_WORD_STOP}, {"glen", SC_WORD_AMBIGUOUS}, {"gmbh", SC_WORD_ORG_NEXT}, {"god", SC_WORD_STOP},
    {"good", SC_WORD_STOP}, {"goodness", SC_WORD_STOP}, {"google", SC_WORD_STOP}, {"gpt", SC_WORD_SOFTWARE},
    {"grace", SC_WORD_AMBIGUOUS}, {"gradle", SC_WORD_SOFTWARE}, {"grafana", SC_WORD_SOFTWARE},
    {"grant", SC_WORD_AMBIGUOUS}, {"graph", SC_WORD_TECH_NOUN}, {"gray", SC_WORD_AMBIGUOUS},
    {"great", SC_WORD_STOP}, {"greek", SC_WORD_STOP}, {"green", SC_WORD_AMBIGUOUS}, {"grey", SC_WORD_AMBIGUOUS},
    {"grok", SC_WORD_SOFTWARE}, {"group", SC_WORD_ORG_NEXT}, {"gucci", SC_WORD_AMBIGUOUS}, {"guest", SC_WORD_STOP},
    {"guests", SC_WORD_STOP}, {"guy", SC_WORD_AMBIGUOUS}, {"guys", SC_WORD_STOP}, {"hadoop", SC_WORD_SOFTWARE},
    {"hall", SC_WORD_ORG_NEXT}, {"hamiltonian", SC_WORD_STOP}, {"hamming", SC_WORD_EPONYM}, {"happy", SC_WORD_STOP},
    {"harbor", SC_WORD_ORG_NEXT}, {"harbour", SC_WORD_ORG_NEXT}, {"harley", SC_WORD_AMBIGUOUS},
    {"harley-davidson", SC_WORD_STOP}, {"harmony", SC_WORD_AMBIGUOUS}, {"harvard", SC_WORD_AMBIGUOUS},
    {"hash", SC_WORD_TECH_NOUN}, {"hawk", SC_WORD_AMBIGUOUS}, {"hazel", SC_WORD_AMBIGUOUS},
    {"headquarters", SC_WORD_ORG_NEXT}, {"heath", SC_WORD_AMBIGUOUS}, {"heavens", SC_WORD_STOP},
    {"hebrew", SC_WORD_STOP}, {"heinz", SC_WORD_AMBIGUOUS}, {"hello", SC_WORD_STOP}, {"helm", SC_WORD_SOFTWARE},
    {"hermes", SC_WORD_SOFTWARE}, {"heroku", SC_WORD_SOFTWARE}, {"herr", SC_WORD_TITLE}, {"herrn", SC_WORD_TITLE},
    {"hertz", SC_WORD_EPONYM}, {"hessian", SC_WORD_STOP}, {"hewlett-packard", SC_WORD_STOP}, {"hey", SC_WORD_STOP},
    {"hi", SC_WORD_STOP}, {"high", SC_WORD_ORG_NEXT}, {"hilbert", SC_WORD_EPONYM}, {"hilton", SC_WORD_AMBIGUOUS},
    {"hindi", SC_WORD_STOP}, {"hiring", SC_WORD_STOP}, {"hive", SC_WORD_SOFTWARE}, {"hoi", SC_WORD_STOP},
    {"holdings", SC_WORD_ORG_NEXT}, {"holly", SC_WORD_AMBIGUOUS}, {"honda", SC_WORD_AMBIGUOUS},
    {"honey", SC_WORD_AMBIGUOUS}, {"hope", SC_WORD_AMBIGUOUS}, {"hospital", SC_WORD_ORG_NEXT},
    {"hotel", SC_WORD_ORG_NEXT}, {"houston", SC_WORD_PLACE}, {"hq", SC_WORD_ORG_NEXT}, {"hr", SC_WORD_STOP},
    {"hudson", SC_WORD_SOFTWARE}, {"huffman", SC_WORD_EPONYM}, {"hugo", SC_WORD_SOFTWARE}, {"human", SC_WORD_STOP},
    {"hunter", SC_WORD_AMBIGUOUS}, {"hyatt", SC_WORD_AMBIGUOUS}, {"hyundai", SC_WORD_AMBIGUOUS},
    {"hyvä", SC_WORD_STOP}, {"iban", SC_WORD_STOP}, {"id", SC_WORD_STOP}, {"imei", SC_WORD_STOP}, {"inc", SC_WORD_ORG_NEXT},
    {"inequality", SC_WORD_TECH_NOUN}, {"inference", SC_WORD_TECH_NOUN}, {"info", SC_WORD_STOP},
    {"initiative", SC_WORD_ORG_NEXT}, {"institute", SC_WORD_ORG_NEXT}, {"integral", SC_WORD_TECH_NOUN}, {"integration", SC_WORD_TECH_NOUN},
    {"intel", SC_WORD_AMBIGUOUS}, {"interpreter", SC_WORD_TECH_NOUN}, {"iris", SC_WORD_AMBIGUOUS}, {"irish", SC_WORD_STOP},
    {"israel", SC_WORD_PLACE}, {"italian", SC_WORD_STOP}, {"italic", SC_WORD_TECH_NOUN},
    {"italics", SC_WORD_TECH_NOUN}, {"itin", SC_WORD_STOP}, {"ivy", SC_WORD_AMBIGUOUS}, {"jack", SC_WORD_AMBIGUOUS},
    {"jacobian", SC_WORD_STOP}, {"jade", SC_WORD_AMBIGUOUS}, {"jaeger", SC_WORD_SOFTWARE},
    {"january", SC_WORD_STOP}, {"japanese", SC_WORD_STOP}, {"jarvis", SC_WORD_SOFTWARE},
    {"jasmine", SC_WORD_SOFTWARE}, {"java", SC_WORD_STOP}, {"jax", SC_WORD_SOFTWARE}, {"jay", SC_WORD_AMBIGUOUS},
    {"jean", SC_WORD_AMBIGUOUS}, {"jekyll", SC_WORD_SOFTWARE}, {"jenkins", SC_WORD_SOFTWARE},
    {"jersey", SC_WORD_PLACE}, {"jest", SC_WORD_SOFTWARE}, {"jesus", SC_WORD_STOP}, {"jordan", SC_WORD_PLACE},
    {"joule", SC_WORD_EPONYM}, {"journey", SC_WORD_AMBIGUOUS}, {"joy", SC_WORD_AMBIGUOUS}, {"judge", SC_WORD_TITLE},
    {"julia", SC_WORD_SOFTWARE}, {"july", SC_WORD_STOP}, {"june", SC_WORD_AMBIGUOUS}, {"juno", SC_WORD_SOFTWARE},
    {"jupyter", SC_WORD_SOFTWARE}, {"justice", SC_WORD_AMBIGUOUS}, {"kafka", SC_WORD_SOFTWARE},
    {"kallis", SC_WORD_STOP}, {"kalman", SC_WORD_EPONYM}, {"karamazov", SC_WORD_ORG_NEXT}, {"karenina", SC_WORD_ORG_NEXT},
    {"karma", SC_WORD_SOFTWARE}, {"kedves", SC_WORD_STOP}, {"kellogg", SC_WORD_AMBIGUOUS}, {"kempinski", SC_WORD_AMBIGUOUS},
    {"keras", SC_WORD_SOFTWARE}, {"kernel", SC_WORD_TECH_NOUN}, {"kia", SC_WORD_AMBIGUOUS},
    {"kibana", SC_WORD_SOFTWARE}, {"kind", SC_WORD_STOP}, {"kindergarten", SC_WORD_ORG_NEXT},
    {"king", SC_WORD_AMBIGUOUS}, {"kit", SC_WORD_AMBIGUOUS}, {"kjære", SC_WORD_STOP}, {"knuth", SC_WORD_EPONYM}, {"korean", SC_WORD_STOP},
    {"kotlin", SC_WORD_SOFTWARE}, {"kubernetes", SC_WORD_STOP}, {"kära", SC_WORD_STOP}, {"käre", SC_WORD_STOP}, {"kæra", SC_WORD_STOP}, {"kære", SC_WORD_STOP}, {"kæri", SC_WORD_STOP}, {"labs", SC_WORD_ORG_NEXT}, {"lady", SC_WORD_TITLE},
    {"lagrange", SC_WORD_EPONYM}, {"lagrangian", SC_WORD_STOP}, {"lake", SC_WORD_ORG_NEXT},
    {"lambda", SC_WORD_SOFTWARE}, {"lamborghini", SC_WORD_AMBIGUOUS}, {"lance", SC_WORD_AMBIGUOUS},
    {"lane", SC_WORD_ORG_NEXT}, {"laplace", SC_WORD_EPONYM}, {"laplacian", SC_WORD_STOP},
    {"laravel", SC_WORD_SOFTWARE}, {"lark", SC_WORD_AMBIGUOUS}, {"las", SC_WORD_STOP}, {"law", SC_WORD_TECH_NOUN},
    {"lee", SC_WORD_AMBIGUOUS}, {"lemma", SC_WORD_TECH_NOUN}, {"levenshtein", SC_WORD_EPONYM},
    {"library", SC_WORD_ORG_NEXT}, {"lieve", SC_WORD_STOP}, {"lincoln", SC_WORD_PLACE}, {"linux", SC_WORD_STOP},
    {"little", SC_WORD_AMBIGUOUS}, {"llama", SC_WORD_SOFTWARE}, {"llc", SC_WORD_ORG_NEXT},
    {"llp", SC_WORD_ORG_NEXT}, {"loader", SC_WORD_TECH_NOUN}, {"log", SC_WORD_STOP},
    {"logistics", SC_WORD_ORG_NEXT}, {"logistique", SC_WORD_ORG_NEXT}, {"logs", SC_WORD_STOP},
    {"logstash", SC_WORD_SOFTWARE}, {"loki", SC_WORD_SOFTWARE}, {"london", SC_WORD_PLACE},
    {"long", SC_WORD_AMBIGUOUS}, {"lord", SC_WORD_TITLE}, {"los", SC_WORD_STOP}, {"love", SC_WORD_AMBIGUOUS},
    {"ltd", SC_WORD_ORG_NEXT}, {"ltda", SC_WORD_ORG_NEXT}, {"machine", SC_WORD_TECH_NOUN},
    {"machines", SC_WORD_TECH_NOUN}, {"madam", SC_WORD_STOP}, {"madame", SC_WORD_TITLE}, {"madison", SC_WORD_PLACE},
    {"madrid", SC_WORD_PLACE}, {"major", SC_WORD_AMBIGUOUS}, {"manager", SC_WORD_STOP}, {"march", SC_WORD_STOP},
    {"mark", SC_WORD_AMBIGUOUS}, {"markov", SC_WORD_EPONYM}, {"marriott", SC_WORD_AMBIGUOUS},
    {"mason", SC_WORD_AMBIGUOUS}, {"matrix", SC_WORD_TECH_NOUN}, {"maven", SC_WORD_STOP},
    {"max", SC_WORD_AMBIGUOUS}, {"may", SC_WORD_AMBIGUOUS}, {"mazda", SC_WORD_AMBIGUOUS},
    {"mellon", SC_WORD_AMBIGUOUS}, {"melody", SC_WORD_AMBIGUOUS}, {"member", SC_WORD_STOP},
    {"members", SC_WORD_STOP}, {"memorial", SC_WORD_ORG_NEXT}, {"meneer", SC_WORD_TITLE},
    {"mercedes", SC_WORD_AMBIGUOUS}, {"mercedes-benz", SC_WORD_STOP}, {"merry", SC_WORD_STOP},
    {"method", SC_WORD_TECH_NOUN}, {"methods", SC_WORD_TECH_NOUN}, {"metro", SC_WORD_ORG_NEXT},
    {"mevrouw", SC_WORD_TITLE}, {"michelin", SC_WORD_AMBIGUOUS}, {"miela", SC_WORD_STOP}, {"mielas", SC_WORD_STOP}, {"miles", SC_WORD_AMBIGUOUS},
    {"milá", SC_WORD_STOP}, {"milý", SC_WORD_STOP}, {"miss", SC_WORD_TITLE}, {"mistral", SC_WORD_SOFTWARE}, {"mittens", SC_WORD_STOP}, {"mlle", SC_WORD_TITLE},
    {"mme", SC_WORD_TITLE}, {"mocha", SC_WORD_SOFTWARE}, {"model", SC_WORD_TECH_NOUN},
    {"module", SC_WORD_TECH_NOUN}, {"monday", SC_WORD_STOP}, {"mongo", SC_WORD_SOFTWARE},
    {"mono", SC_WORD_TECH_NOUN}, {"monospace", SC_WORD_TECH_NOUN}, {"monsieur", SC_WORD_TITLE},
    {"mount", SC_WORD_ORG_NEXT}, {"mountain", SC_WORD_ORG_NEXT}, {"mouse", SC_WORD_ORG_NEXT}, {"mr", SC_WORD_TITLE},
    {"mrs", SC_WORD_TITLE}, {"ms", SC_WORD_TITLE}, {"much", SC_WORD_STOP}, {"museum", SC_WORD_ORG_NEXT},
    {"mx", SC_WORD_TITLE}, {"mysql", SC_WORD_SOFTWARE}, {"mīļais", SC_WORD_STOP}, {"mīļā", SC_WORD_STOP}, {"name", SC_WORD_STOP}, {"names", SC_WORD_STOP},
    {"nash", SC_WORD_EPONYM}, {"neptune", SC_WORD_SOFTWARE}, {"network", SC_WORD_TECH_NOUN}, {"new", SC_WORD_STOP},
    {"newton", SC_WORD_EPONYM}, {"newtonian", SC_WORD_STOP}, {"nginx", SC_WORD_SOFTWARE}, {"nib", SC_WORD_STOP},
    {"nick", SC_WORD_AMBIGUOUS}, {"nif", SC_WORD_STOP}, {"nike", SC_WORD_AMBIGUOUS}, {"nissan", SC_WORD_AMBIGUOUS},
    {"no", SC_WORD_STOP}, {"noble", SC_WORD_AMBIGUOUS}, {"noise", SC_WORD_TECH_NOUN}, {"nokia", SC_WORD_AMBIGUOUS},
    {"nomad", SC_WORD_SOFTWARE}, {"norm", SC_WORD_TECH_NOUN}, {"north", SC_WORD_AMBIGUOUS},
    {"norwegian", SC_WORD_STOP}, {"note", SC_WORD_STOP}, {"notes", SC_WORD_STOP}, {"notice", SC_WORD_STOP},
    {"november", SC_WORD_STOP}, {"number", SC_WORD_TECH_NOUN}, {"numbers", SC_WORD_TECH_NOUN},
    {"numpy", SC_WORD_SOFTWARE}, {"oblique", SC_WORD_TECH_NOUN}, {"october", SC_WORD_STOP},
    {"office", SC_WORD_ORG_NEXT}, {"officer", SC_WORD_TITLE}, {"offices", SC_WORD_ORG_NEXT},
    {"ohm", SC_WORD_EPONYM}, {"ok", SC_WORD_STOP}, {"okay", SC_WORD_STOP}, {"olive", SC_WORD_AMBIGUOUS},
    {"optimizer", SC_WORD_TECH_NOUN}, {"oracle", SC_WORD_AMBIGUOUS}, {"orchestra", SC_WORD_ORG_NEXT}, {"orlando", SC_WORD_PLACE},
    {"owner", SC_WORD_STOP}, {"owners", SC_WORD_STOP}, {"package", SC_WORD_TECH_NOUN}, {"page", SC_WORD_AMBIGUOUS},
    {"pan", SC_WORD_TITLE}, {"pandas", SC_WORD_SOFTWARE}, {"pani", SC_WORD_TITLE}, {"paradox", SC_WORD_TECH_NOUN},
    {"parent", SC_WORD_STOP}, {"parents", SC_WORD_STOP}, {"pareto", SC_WORD_EPONYM}, {"paris", SC_WORD_PLACE},
    {"park", SC_WORD_ORG_NEXT}, {"parser", SC_WORD_TECH_NOUN}, {"pascal", SC_WORD_AMBIGUOUS},
    {"pat", SC_WORD_AMBIGUOUS}, {"patience", SC_WORD_AMBIGUOUS}, {"pearl", SC_WORD_AMBIGUOUS},
    {"pearson", SC_WORD_EPONYM}, {"penny", SC_WORD_AMBIGUOUS}, {"perl", SC_WORD_SOFTWARE},
    {"philips", SC_WORD_AMBIGUOUS}, {"phoenix", SC_WORD_PLACE}, {"phone", SC_WORD_STOP}, {"pig", SC_WORD_ORG_NEXT},
    {"pinocchio", SC_WORD_STOP}, {"place", SC_WORD_ORG_NEXT}, {"plant", SC_WORD_ORG_NEXT},
    {"plaza", SC_WORD_ORG_NEXT}, {"plc", SC_WORD_ORG_NEXT}, {"please", SC_WORD_STOP}, {"plugin", SC_WORD_TECH_NOUN},
    {"poisson", SC_WORD_EPONYM}, {"polars", SC_WORD_SOFTWARE}, {"polish", SC_WORD_STOP}, {"polonius", SC_WORD_STOP},
    {"polynomial", SC_WORD_TECH_NOUN}, {"polynomials", SC_WORD_TECH_NOUN}, {"porsche", SC_WORD_AMBIGUOUS},
    {"port", SC_WORD_STOP}, {"portuguese", SC_WORD_STOP}, {"position", SC_WORD_STOP},
    {"postgres", SC_WORD_SOFTWARE}, {"poštovana", SC_WORD_STOP}, {"poštovani", SC_WORD_STOP}, {"prada", SC_WORD_AMBIGUOUS}, {"preschool", SC_WORD_ORG_NEXT},
    {"presto", SC_WORD_SOFTWARE}, {"prezada", SC_WORD_STOP}, {"prezado", SC_WORD_STOP}, {"prince", SC_WORD_AMBIGUOUS}, {"princeton", SC_WORD_AMBIGUOUS},
    {"principle", SC_WORD_TECH_NOUN}, {"problem", SC_WORD_TECH_NOUN}, {"process", SC_WORD_TECH_NOUN},
    {"prof", SC_WORD_TITLE}, {"professor", SC_WORD_TITLE}, {"prometheus", SC_WORD_SOFTWARE},
    {"protocol", SC_WORD_TECH_NOUN}, {"pty", SC_WORD_ORG_NEXT}, {"pulsar", SC_WORD_SOFTWARE},
    {"puppet", SC_WORD_SOFTWARE}, {"purdue", SC_WORD_AMBIGUOUS}, {"pvt", SC_WORD_ORG_NEXT},
    {"python", SC_WORD_STOP}, {"quixote", SC_WORD_ORG_NEXT}, {"radisson", SC_WORD_AMBIGUOUS},
    {"rails", SC_WORD_SOFTWARE}, {"rain", SC_WORD_AMBIGUOUS}, {"rakas", SC_WORD_STOP}, {"rapunzel", SC_WORD_STOP},
    {"ray", SC_WORD_AMBIGUOUS}, {"razor", SC_WORD_TECH_NOUN}, {"rd", SC_WORD_ORG_NEXT}, {"recruiter", SC_WORD_STOP},
    {"redis", SC_WORD_STOP}, {"reed", SC_WORD_AMBIGUOUS}, {"region", SC_WORD_ORG_NEXT},
    {"regular", SC_WORD_TECH_NOUN}, {"resources", SC_WORD_STOP}, {"rev", SC_WORD_TITLE}, {"reviewer", SC_WORD_STOP},
    {"reviewers", SC_WORD_STOP}, {"rich", SC_WORD_AMBIGUOUS}, {"riemann", SC_WORD_EPONYM},
    {"ritz", SC_WORD_AMBIGUOUS}, {"ritz-carlton", SC_WORD_STOP}, {"river", SC_WORD_ORG_NEXT},
    {"road", SC_WORD_ORG_NEXT}, {"rob", SC_WORD_AMBIGUOUS}, {"robin", SC_WORD_AMBIGUOUS},
    {"rocky", SC_WORD_AMBIGUOUS}, {"role", SC_WORD_STOP}, {"rolls-royce", SC_WORD_STOP}, {"ron", SC_WORD_AMBIGUOUS},
    {"rose", SC_WORD_AMBIGUOUS}, {"royal", SC_WORD_AMBIGUOUS}, {"ruby", SC_WORD_SOFTWARE},
    {"rule", SC_WORD_TECH_NOUN}, {"runtime", SC_WORD_TECH_NOUN}, {"russian", SC_WORD_STOP}, {"rust", SC_WORD_STOP},
    {"rusty", SC_WORD_AMBIGUOUS}, {"rutgers", SC_WORD_AMBIGUOUS}, {"saint", SC_WORD_STOP}, {"sainte", SC_WORD_STOP},
    {"sampling", SC_WORD_TECH_NOUN}, {"samsung", SC_WORD_AMBIGUOUS}, {"san", SC_WORD_STOP},
    {"sandy", SC_WORD_AMBIGUOUS}, {"sans", SC_WORD_TECH_NOUN}, {"santa", SC_WORD_STOP}, {"sarl", SC_WORD_ORG_NEXT},
    {"saturday", SC_WORD_STOP}, {"savannah", SC_WORD_PLACE}, {"sayın", SC_WORD_STOP}, {"scala", SC_WORD_SOFTWARE},
    {"scheduler", SC_WORD_TECH_NOUN}, {"school", SC_WORD_ORG_NEXT}, {"scipy", SC_WORD_SOFTWARE},
    {"scotland", SC_WORD_PLACE}, {"sdk", SC_WORD_TECH_NOUN}, {"search", SC_WORD_TECH_NOUN},
    {"selenium", SC_WORD_SOFTWARE}, {"semibold", SC_WORD_TECH_NOUN}, {"senhor", SC_WORD_TITLE},
    {"senhora", SC_WORD_TITLE}, {"senor", SC_WORD_TITLE}, {"senora", SC_WORD_TITLE}, {"sentry", SC_WORD_SOFTWARE},
    {"september", SC_WORD_STOP}, {"sequence", SC_WORD_TECH_NOUN}, {"serenity", SC_WORD_AMBIGUOUS},
    {"series", SC_WORD_TECH_NOUN}, {"server", SC_WORD_TECH_NOUN}, {"sevgili", SC_WORD_STOP}, {"señor", SC_WORD_TITLE},
    {"señora", SC_WORD_TITLE}, {"señorita", SC_WORD_TITLE}, {"sgt", SC_WORD_TITLE}, {"shannon", SC_WORD_AMBIGUOUS},
    {"sheraton", SC_WORD_AMBIGUOUS}, {"short", SC_WORD_AMBIGUOUS}, {"siemens", SC_WORD_AMBIGUOUS},
    {"sig", SC_WORD_TITLE}, {"signor", SC_WORD_TITLE}, {"signora", SC_WORD_TITLE},
    {"simulation", SC_WORD_TECH_NOUN}, {"simulations", SC_WORD_TECH_NOUN}, {"sinatra", SC_WORD_SOFTWARE},
    {"sir", SC_WORD_TITLE}, {"siri", SC_WORD_SOFTWARE}, {"sirs", SC_WORD_STOP}, {"sky", SC_WORD_AMBIGUOUS},
    {"smoothing", SC_WORD_TECH_NOUN}, {"snowball", SC_WORD_STOP}, {"so", SC_WORD_STOP}, {"sony", SC_WORD_AMBIGUOUS},
    {"sorbonne", SC_WORD_AMBIGUOUS}, {"sort", SC_WORD_TECH_NOUN}, {"south", SC_WORD_AMBIGUOUS},
    {"space", SC_WORD_TECH_NOUN}, {"spanish", SC_WORD_STOP}, {"spark", SC_WORD_SOFTWARE},
    {"sparrow", SC_WORD_AMBIGUOUS}, {"sphinx", SC_WORD_SOFTWARE}, {"spiral", SC_WORD_TECH_NOUN},
    {"spoštovana", SC_WORD_STOP}, {"spoštovani", SC_WORD_STOP}, {"spring", SC_WORD_AMBIGUOUS}, {"sprinkles", SC_WORD_STOP}, {"sq", SC_WORD_ORG_NEXT},
    {"sqlite", SC_WORD_SOFTWARE}, {"square", SC_WORD_ORG_NEXT}, {"sr", SC_WORD_TITLE}, {"sra", SC_WORD_TITLE},
    {"srl", SC_WORD_ORG_NEXT}, {"srta", SC_WORD_TITLE}, {"st", SC_WORD_ORG_NEXT}, {"stadium", SC_WORD_ORG_NEXT}, {"staff", SC_WORD_STOP},
    {"stanford", SC_WORD_AMBIGUOUS}, {"star", SC_WORD_AMBIGUOUS}, {"station", SC_WORD_ORG_NEXT},
    {"status", SC_WORD_STOP}, {"sterling", SC_WORD_AMBIGUOUS}, {"stimate", SC_WORD_STOP}, {"stimată", SC_WORD_STOP}, {"stone", SC_WORD_AMBIGUOUS},
    {"store", SC_WORD_ORG_NEXT}, {"storm", SC_WORD_SOFTWARE}, {"street", SC_WORD_ORG_NEXT},
    {"strong", SC_WORD_AMBIGUOUS}, {"student", SC_WORD_STOP}, {"students", SC_WORD_STOP},
    {"subaru", SC_WORD_AMBIGUOUS}, {"subject", SC_WORD_STOP}, {"suburbs", SC_WORD_ORG_NEXT},
    {"sue", SC_WORD_AMBIGUOUS}, {"summer", SC_WORD_AMBIGUOUS}, {"sunday", SC_WORD_STOP},
    {"sunny", SC_WORD_AMBIGUOUS}, {"support", SC_WORD_STOP}, {"svelte", SC_WORD_SOFTWARE},
    {"swedish", SC_WORD_STOP}, {"swift", SC_WORD_SOFTWARE}, {"sydney", SC_WORD_PLACE}, {"system", SC_WORD_STOP},
    {"szanowna", SC_WORD_STOP}, {"szanowny", SC_WORD_STOP}, {"taylor", SC_WORD_AMBIGUOUS}, {"team", SC_WORD_STOP}, {"tempo", SC_WORD_SOFTWARE},
    {"terminal", SC_WORD_ORG_NEXT}, {"terraform", SC_WORD_SOFTWARE}, {"tesla", SC_WORD_AMBIGUOUS},
    {"test", SC_WORD_TECH_NOUN}, {"tests", SC_WORD_TECH_NOUN}, {"thai", SC_WORD_STOP}, {"thanks", SC_WORD_STOP},
    {"thanos", SC_WORD_SOFTWARE}, {"the", SC_WORD_STOP}, {"theorem", SC_WORD_TECH_NOUN}, {"there", SC_WORD_STOP},
    {"thursday", SC_WORD_STOP}, {"tiffany", SC_WORD_AMBIGUOUS}, {"title", SC_WORD_STOP},
    {"toolkit", SC_WORD_TECH_NOUN}, {"torch", SC_WORD_SOFTWARE}, {"total", SC_WORD_STOP},
    {"toyota", SC_WORD_AMBIGUOUS}, {"trace", SC_WORD_STOP}, {"transform", SC_WORD_TECH_NOUN},
    {"travis", SC_WORD_SOFTWARE}, {"tree", SC_WORD_TECH_NOUN}, {"triangle", SC_WORD_TECH_NOUN},
    {"trinity", SC_WORD_AMBIGUOUS}, {"trino", SC_WORD_SOFTWARE}, {"tuesday", SC_WORD_STOP},
    {"tunnel", SC_WORD_ORG_NEXT}, {"turing", SC_WORD_EPONYM}, {"turkish", SC_WORD_STOP}, {"type", SC_WORD_STOP}, {"typeface", SC_WORD_TECH_NOUN},
    {"ubuntu", SC_WORD_STOP}, {"uncle", SC_WORD_TITLE}, {"university", SC_WORD_ORG_NEXT}, {"user", SC_WORD_STOP},
    {"users", SC_WORD_STOP}, {"vagrant", SC_WORD_SOFTWARE}, {"valley", SC_WORD_ORG_NEXT}, {"valued", SC_WORD_STOP},
    {"vanderbilt", SC_WORD_AMBIGUOUS}, {"vault", SC_WORD_SOFTWARE}, {"versace", SC_WORD_AMBIGUOUS},
    {"victoria", SC_WORD_PLACE}, {"victory", SC_WORD_AMBIGUOUS}, {"vienna", SC_WORD_PLACE},
    {"vietnamese", SC_WORD_STOP}, {"violet", SC_WORD_AMBIGUOUS}, {"virginia", SC_WORD_PLACE},
    {"voldemort", SC_WORD_STOP}, {"volt", SC_WORD_EPONYM}, {"volvo", SC_WORD_AMBIGUOUS}, {"vue", SC_WORD_SOFTWARE},
    {"vážená", SC_WORD_STOP}, {"vážený", SC_WORD_STOP}, {"wade", SC_WORD_AMBIGUOUS}, {"wales", SC_WORD_PLACE}, {"warehouse", SC_WORD_ORG_NEXT}, {"warm", SC_WORD_STOP},
    {"warn", SC_WORD_STOP}, {"warning", SC_WORD_STOP}, {"warnings", SC_WORD_STOP}, {"washington", SC_WORD_PLACE},
    {"watson", SC_WORD_AMBIGUOUS}, {"watt", SC_WORD_EPONYM}, {"way", SC_WORD_ORG_NEXT}, {"wednesday", SC_WORD_STOP},
    {"welcome", SC_WORD_STOP}, {"west", SC_WORD_AMBIGUOUS}, {"westin", SC_WORD_AMBIGUOUS},
    {"whiskers", SC_WORD_STOP}, {"white", SC_WORD_AMBIGUOUS}, {"will", SC_WORD_AMBIGUOUS},
    {"windows", SC_WORD_STOP}, {"winter", SC_WORD_AMBIGUOUS}, {"wolf", SC_WORD_AMBIGUOUS},
    {"wood", SC_WORD_AMBIGUOUS}, {"world", SC_WORD_STOP}, {"wren", SC_WORD_AMBIGUOUS}, {"yale", SC_WORD_AMBIGUOUS},
    {"yes", SC_WORD_STOP}, {"you", SC_WORD_STOP}, {"young", SC_WORD_AMBIGUOUS}, {"zookeeper", SC_WORD_SOFTWARE},
};

static int cmp_word(const uint8_t *w, size_t n, const char *k)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t a = pii_lower(w[i]), b = (uint8_t)k[i];
        if (b == 0)
            return 1;
        if (a != b)
            return a < b ? -1 : 1;
    }
    return k[n] == 0 ? 0 : -1;
}

/* cmp_word for a key lowered once (the word is read once, not once per probe), from byte `from` on:
 * the first letter is the same in a CLASSES bucket. */
static inline int cmp_key(const uint8_t *key, size_t n, const char *k, size_t from)
{
    for (size_t i = from; i < n; i++) {
        uint8_t b = (uint8_t)k[i];
        if (b == 0)
            return 1;
        if (key[i] != b)
            return key[i] < b ? -1 : 1;
    }
    return k[n] == 0 ? 0 : -1;
}

/* Hash indexes of CLASSES and BEFORE, built once on first use (pii_run_once): slot = 1 + index of the
 * entry, 0 = empty. The word is found by the same exact compare of its ASCII-lowered bytes as the sorted
 * lists' binary search, in one probe or two. */
enum { CLASS_SLOTS = 2048, BEFORE_SLOTS = 1024 };
static uint16_t class_slot[CLASS_SLOTS], before_slot[BEFORE_SLOTS];
/* Bit n of before_len_first[c] / before_len_last[c]: a word of BEFORE of n bytes begins / ends with byte c.
 * The word before every capitalized word is looked up: most leave on these two loads, before hashing. */
static uint32_t before_len_first[256], before_len_last[256];
static pii_once words_hashed = PII_ONCE_INIT;

/* k[0..n) zero-padded to a multiple of 8 bytes, read eight at a time: one multiply per eight bytes, not
 * one per byte as in FNV (its chain of multiplies was the cost of a look-up). */
static uint32_t word_hash(const uint8_t *k, size_t n)
{
    uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15u;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t v;
        memcpy(&v, k + i, 8);
        h = (h ^ v) * 0xBF58476D1CE4E5B9u;
    }
    return (uint32_t)(h ^ (h >> 32));
}

static void hash_insert(uint16_t *slots, uint32_t mask, const char *w, size_t index)
{
    uint8_t key[48] = {0};
    size_t n = strlen(w);
    if (n > 40)
        return; /* looked up through the sorted list */
    memcpy(key, w, n);
    uint32_t i = word_hash(key, n) & mask;
    while (slots[i] != 0)
        i = (i + 1) & mask;
    slots[i] = (uint16_t)(index + 1);
}

static void hash_words(void);

/* The word w is key[0..n) (w is not read past its end). */
static inline bool key_is(const char *w, const uint8_t *key, size_t n)
{
    size_t i = 0;
    while (i < n && w[i] != '\0' && (uint8_t)w[i] == key[i])
        i++;
    return i == n && w[n] == '\0';
}

/* The entry of CLASSES whose word is key[0..n), or -1. */
static long class_find(const uint8_t *key, size_t n)
{
    const uint32_t mask = CLASS_SLOTS - 1;
    for (uint32_t i = word_hash(key, n) & mask; class_slot[i] != 0; i = (i + 1) & mask) {
        if (key_is(CLASSES[class_slot[i] - 1].w, key, n))
            return class_slot[i] - 1;
    }
    return -1;
}

static void words_hash_once(void) { pii_run_once(&words_hashed, hash_words); }

/* CLASSES index by first letter: words starting with 'a' + k are [CLASS_FIRST[k], CLASS_FIRST[k + 1]).
 * Kept in step with CLASSES by hand; sc_word_classes_check() (tested) verifies both. */
static const uint16_t CLASS_FIRST[27] = {0, 53, 108, 194, 249, 285, 323, 363, 418, 439, 467, 494, 534, 596, 625, 640, 703, 704, 742, 848, 882, 887, 905, 929, 929, 933, 934};

static int sc_word_class_sorted(const uint8_t *w, size_t n);

int sc_word_class(const uint8_t *w, size_t n)
{
    if (n == 0 || !pii_is_alpha(w[0]))
        return SC_WORD_NONE;
    uint8_t key[48] = {0};
    if (n <= 40) {
        words_hash_once();
        for (size_t i = 0; i < n; i++)
            key[i] = pii_lower(w[i]);
        long e = class_find(key, n);
        return e < 0 ? SC_WORD_NONE : CLASSES[e].cls;
    }
    return sc_word_class_sorted(w, n);
}

/* The binary search of CLASSES (words longer than the hash key; the check of the index). */
static int sc_word_class_sorted(const uint8_t *w, size_t n)
{
    if (n == 0 || !pii_is_alpha(w[0]))
        return SC_WORD_NONE;
    unsigned k = (unsigned)(pii_lower(w[0]) - 'a');
    size_t lo = CLASS_FIRST[k], hi = CLASS_FIRST[k + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_word(w, n, CLASSES[mid].w);
        if (c == 0)
            return CLASSES[mid].cls;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return SC_WORD_NONE;
}

static bool ctx_tables_sorted(void);

bool sc_word_classes_check(void)
{
    if (!ctx_tables_sorted())
        return false;
    size_t count = sizeof CLASSES / sizeof CLASSES[0];
    if (CLASS_FIRST[26] != count)
        return false;
    for (size_t i = 0; i < count; i++) {
        if (i > 0 && strcmp(CLASSES[i - 1].w, CLASSES[i].w) >= 0)
            return false;
        unsigned k = (unsigned)(CLASSES[i].w[0] - 'a');
        if (k > 25 || i < CLASS_FIRST[k] || i >= CLASS_FIRST[k + 1])
            return false;
        if (sc_word_class((const uint8_t *)CLASSES[i].w, strlen(CLASSES[i].w)) != CLASSES[i].cls ||
            sc_word_class_sorted((const uint8_t *)CLASSES[i].w, strlen(CLASSES[i].w)) != CLASSES[i].cls)
            return false;
    }
    return true;
}

typedef struct ctx_word {
    const char *w;
    int kind;
} ctx_word;

/* Sorted (strcmp order) for bsearch. */
static const ctx_word BEFORE[] = {
    {"abuela", SC_PCTX_RELATION}, {"abuelo", SC_PCTX_RELATION}, {"afternoon", SC_PCTX_GREETING},
    {"ahoj", SC_PCTX_GREETING}, {"anh", SC_PCTX_RELATION}, {"appelle", SC_PCTX_VERB},
    {"applicant", SC_PCTX_RELATION}, {"ask", SC_PCTX_VERB}, {"asked", SC_PCTX_VERB},
    {"assistant", SC_PCTX_RELATION}, {"attention", SC_PCTX_RELATION}, {"attn", SC_PCTX_RELATION},
    {"attorney", SC_PCTX_RELATION}, {"author", SC_PCTX_RELATION}, {"avec", SC_PCTX_VERB}, {"avisa", SC_PCTX_VERB},
    {"avise", SC_PCTX_VERB}, {"avó", SC_PCTX_RELATION}, {"avô", SC_PCTX_RELATION}, {"babci", SC_PCTX_RELATION},
    {"babcia", SC_PCTX_RELATION}, {"babushka", SC_PCTX_RELATION}, {"baby", SC_PCTX_RELATION},
    {"bapak", SC_PCTX_RELATION}, {"bel", SC_PCTX_VERB}, {"benvolguda", SC_PCTX_GREETING}, {"benvolgut", SC_PCTX_GREETING}, {"beste", SC_PCTX_GREETING}, {"bibi", SC_PCTX_RELATION},
    {"bonjour", SC_PCTX_GREETING}, {"boss", SC_PCTX_RELATION}, {"boyfriend", SC_PCTX_RELATION},
    {"brother", SC_PCTX_RELATION}, {"buddy", SC_PCTX_RELATION}, {"bwana", SC_PCTX_RELATION}, {"by", SC_PCTX_VERB},
    {"bye", SC_PCTX_GREETING}, {"bà", SC_PCTX_RELATION}, {"bästa", SC_PCTX_GREETING}, {"bố", SC_PCTX_RELATION}, {"call", SC_PCTX_VERB},
    {"called", SC_PCTX_RELATION}, {"candidate", SC_PCTX_RELATION}, {"canım", SC_PCTX_GREETING},
    {"cara", SC_PCTX_GREETING}, {"caro", SC_PCTX_GREETING}, {"cc", SC_PCTX_RELATION}, {"chao", SC_PCTX_GREETING},
    {"cheers", SC_PCTX_GREETING}, {"cher", SC_PCTX_GREETING}, {"chez", SC_PCTX_VERB}, {"chiama", SC_PCTX_VERB},
    {"chiedi", SC_PCTX_VERB}, {"child", SC_PCTX_RELATION}, {"chào", SC_PCTX_GREETING}, {"chère", SC_PCTX_GREETING},
    {"chú", SC_PCTX_RELATION}, {"chị", SC_PCTX_RELATION}, {"ciao", SC_PCTX_GREETING}, {"cioci", SC_PCTX_RELATION},
    {"ciocia", SC_PCTX_RELATION}, {"client", SC_PCTX_RELATION}, {"co", SC_PCTX_RELATION},
    {"colleague", SC_PCTX_RELATION}, {"colleagues", SC_PCTX_RELATION}, {"com", SC_PCTX_VERB}, {"con", SC_PCTX_VERB},
    {"congrats", SC_PCTX_GREETING}, {"congratulations", SC_PCTX_GREETING}, {"contact", SC_PCTX_VERB},
    {"contacted", SC_PCTX_VERB}, {"contractor", SC_PCTX_RELATION}, {"cousin", SC_PCTX_RELATION},
    {"cousine", SC_PCTX_RELATION}, {"coworker", SC_PCTX_RELATION}, {"customer", SC_PCTX_RELATION},
    {"czesc", SC_PCTX_GREETING}, {"cześć", SC_PCTX_GREETING}, {"cô", SC_PCTX_RELATION}, {"dad", SC_PCTX_RELATION},
    {"dating", SC_PCTX_VERB}, {"daughter", SC_PCTX_RELATION}, {"dear", SC_PCTX_GREETING},
    {"dedushka", SC_PCTX_RELATION}, {"demande", SC_PCTX_VERB}, {"dengan", SC_PCTX_VERB}, {"dia", SC_PCTX_VERB},
    {"dias", SC_PCTX_VERB}, {"dile", SC_PCTX_VERB}, {"draga", SC_PCTX_GREETING}, {"dragi", SC_PCTX_GREETING}, {"dragă", SC_PCTX_GREETING},
    {"drahá", SC_PCTX_GREETING}, {"drahý", SC_PCTX_GREETING}, {"droga", SC_PCTX_GREETING},
    {"drogi", SC_PCTX_GREETING}, {"dumela", SC_PCTX_GREETING}, {"dziadek", SC_PCTX_RELATION},
    {"dziadka", SC_PCTX_RELATION}, {"días", SC_PCTX_VERB}, {"egregia", SC_PCTX_GREETING}, {"egregio", SC_PCTX_GREETING}, {"email", SC_PCTX_VERB}, {"emailed", SC_PCTX_VERB},
    {"employee", SC_PCTX_RELATION}, {"encik", SC_PCTX_RELATION}, {"escreve", SC_PCTX_VERB},
    {"escribe", SC_PCTX_VERB}, {"estimada", SC_PCTX_GREETING}, {"estimado", SC_PCTX_GREETING},
    {"estimat", SC_PCTX_GREETING}, {"evening", SC_PCTX_GREETING}, {"ex", SC_PCTX_RELATION}, {"fala", SC_PCTX_VERB}, {"father", SC_PCTX_RELATION},
    {"fiance", SC_PCTX_RELATION}, {"fiancee", SC_PCTX_RELATION}, {"flatmate", SC_PCTX_RELATION},
    {"for", SC_PCTX_VERB}, {"frag", SC_PCTX_VERB}, {"friend", SC_PCTX_RELATION}, {"friends", SC_PCTX_RELATION},
    {"from", SC_PCTX_VERB}, {"geachte", SC_PCTX_GREETING}, {"gentile", SC_PCTX_GREETING}, {"gerbiama", SC_PCTX_GREETING}, {"gerbiamas", SC_PCTX_GREETING}, {"girlfriend", SC_PCTX_RELATION},
    {"gogo", SC_PCTX_RELATION}, {"goodbye", SC_PCTX_GREETING}, {"granddaughter", SC_PCTX_RELATION},
    {"grandfather", SC_PCTX_RELATION}, {"grandma", SC_PCTX_RELATION}, {"grandmother", SC_PCTX_RELATION},
    {"grandpa", SC_PCTX_RELATION}, {"grandson", SC_PCTX_RELATION}, {"gửi", SC_PCTX_VERB},
    {"habari", SC_PCTX_GREETING}, {"habla", SC_PCTX_VERB}, {"hallo", SC_PCTX_GREETING}, {"hallå", SC_PCTX_GREETING},
    {"halo", SC_PCTX_VERB}, {"hei", SC_PCTX_GREETING}, {"hej", SC_PCTX_GREETING}, {"hello", SC_PCTX_GREETING},
    {"helped", SC_PCTX_VERB}, {"hermana", SC_PCTX_RELATION}, {"hermano", SC_PCTX_RELATION},
    {"hey", SC_PCTX_GREETING}, {"hi", SC_PCTX_GREETING}, {"hire", SC_PCTX_VERB}, {"hired", SC_PCTX_VERB},
    {"hoi", SC_PCTX_GREETING}, {"hola", SC_PCTX_GREETING}, {"husband", SC_PCTX_RELATION},
    {"hyvä", SC_PCTX_GREETING}, {"ibu", SC_PCTX_RELATION}, {"intern", SC_PCTX_RELATION},
    {"introduce", SC_PCTX_VERB}, {"introduced", SC_PCTX_VERB}, {"invite", SC_PCTX_VERB}, {"invited", SC_PCTX_VERB},
    {"irmã", SC_PCTX_RELATION}, {"irmão", SC_PCTX_RELATION}, {"jambo", SC_PCTX_GREETING},
    {"kallis", SC_PCTX_GREETING}, {"kamusta", SC_PCTX_GREETING}, {"kay", SC_PCTX_VERB}, {"kedves", SC_PCTX_GREETING}, {"khun", SC_PCTX_RELATION},
    {"kid", SC_PCTX_RELATION}, {"kjære", SC_PCTX_GREETING}, {"kochana", SC_PCTX_GREETING},
    {"kochany", SC_PCTX_GREETING}, {"kumusta", SC_PCTX_GREETING}, {"kuya", SC_PCTX_RELATION}, {"kwa", SC_PCTX_VERB},
    {"kära", SC_PCTX_GREETING}, {"käre", SC_PCTX_GREETING}, {"kæra", SC_PCTX_GREETING}, {"kære", SC_PCTX_GREETING}, {"kæri", SC_PCTX_GREETING}, {"labas", SC_PCTX_GREETING},
    {"landlord", SC_PCTX_RELATION}, {"lawyer", SC_PCTX_RELATION}, {"liebe", SC_PCTX_GREETING},
    {"lieber", SC_PCTX_GREETING}, {"lieve", SC_PCTX_GREETING}, {"liga", SC_PCTX_VERB}, {"ligar", SC_PCTX_VERB},
    {"ligue", SC_PCTX_VERB}, {"llama", SC_PCTX_VERB}, {"llamar", SC_PCTX_VERB}, {"llame", SC_PCTX_VERB},
    {"love", SC_PCTX_VERB}, {"loves", SC_PCTX_VERB}, {"malam", SC_PCTX_VERB}, {"mama", SC_PCTX_RELATION},
    {"maman", SC_PCTX_RELATION}, {"mambo", SC_PCTX_GREETING}, {"mamie", SC_PCTX_RELATION},
    {"manager", SC_PCTX_RELATION}, {"married", SC_PCTX_VERB}, {"mate", SC_PCTX_RELATION}, {"meet", SC_PCTX_VERB},
    {"meeting", SC_PCTX_VERB}, {"merhaba", SC_PCTX_GREETING}, {"met", SC_PCTX_VERB}, {"miela", SC_PCTX_GREETING}, {"mielas", SC_PCTX_GREETING}, {"milá", SC_PCTX_GREETING},
    {"milý", SC_PCTX_GREETING}, {"mit", SC_PCTX_VERB}, {"moin", SC_PCTX_GREETING}, {"molo", SC_PCTX_GREETING},
    {"mom", SC_PCTX_RELATION}, {"morgen", SC_PCTX_VERB}, {"morning", SC_PCTX_GREETING},
    {"mother", SC_PCTX_RELATION}, {"mpendwa", SC_PCTX_GREETING}, {"mum", SC_PCTX_RELATION},
    {"mummy", SC_PCTX_RELATION}, {"mzee", SC_PCTX_RELATION}, {"mīļais", SC_PCTX_GREETING}, {"mīļā", SC_PCTX_GREETING}, {"mẹ", SC_PCTX_RELATION},
    {"namaskar", SC_PCTX_GREETING}, {"namaste", SC_PCTX_GREETING}, {"named", SC_PCTX_RELATION},
    {"napisz", SC_PCTX_VERB}, {"neighbor", SC_PCTX_RELATION}, {"neighbour", SC_PCTX_RELATION},
    {"nephew", SC_PCTX_RELATION}, {"niece", SC_PCTX_RELATION}, {"night", SC_PCTX_GREETING},
    {"noches", SC_PCTX_VERB}, {"noite", SC_PCTX_VERB}, {"nonna", SC_PCTX_RELATION}, {"nonno", SC_PCTX_RELATION},
    {"oi", SC_PCTX_GREETING}, {"ola", SC_PCTX_GREETING}, {"olá", SC_PCTX_GREETING}, {"oma", SC_PCTX_RELATION},
    {"oncle", SC_PCTX_RELATION}, {"onkel", SC_PCTX_RELATION}, {"opa", SC_PCTX_RELATION}, {"pagi", SC_PCTX_VERB},
    {"pak", SC_PCTX_RELATION}, {"para", SC_PCTX_VERB}, {"partner", SC_PCTX_RELATION}, {"patient", SC_PCTX_RELATION},
    {"pergunta", SC_PCTX_VERB}, {"ping", SC_PCTX_VERB}, {"pinged", SC_PCTX_VERB}, {"pour", SC_PCTX_VERB},
    {"poštovana", SC_PCTX_GREETING}, {"poštovani", SC_PCTX_GREETING}, {"prezada", SC_PCTX_GREETING}, {"prezado", SC_PCTX_GREETING}, {"prima", SC_PCTX_RELATION}, {"primo", SC_PCTX_RELATION}, {"puan", SC_PCTX_RELATION},
    {"querida", SC_PCTX_GREETING}, {"querido", SC_PCTX_GREETING}, {"rakas", SC_PCTX_GREETING},
    {"recruiter", SC_PCTX_RELATION}, {"regards", SC_PCTX_RELATION}, {"remind", SC_PCTX_VERB},
    {"ring", SC_PCTX_VERB}, {"roommate", SC_PCTX_RELATION}, {"ruf", SC_PCTX_VERB}, {"sag", SC_PCTX_VERB},
    {"salaam", SC_PCTX_GREETING}, {"salam", SC_PCTX_GREETING}, {"salut", SC_PCTX_GREETING}, {"saw", SC_PCTX_VERB},
    {"sawasdee", SC_PCTX_GREETING}, {"sawubona", SC_PCTX_GREETING}, {"scrivi", SC_PCTX_VERB}, {"see", SC_PCTX_VERB},
    {"selam", SC_PCTX_GREETING}, {"servus", SC_PCTX_GREETING}, {"sevgili", SC_PCTX_GREETING},
    {"siang", SC_PCTX_VERB}, {"sibling", SC_PCTX_RELATION}, {"signed", SC_PCTX_RELATION},
    {"sister", SC_PCTX_RELATION}, {"soita", SC_PCTX_VERB}, {"son", SC_PCTX_RELATION}, {"sorry", SC_PCTX_GREETING},
    {"spouse", SC_PCTX_RELATION}, {"spoštovana", SC_PCTX_GREETING}, {"spoštovani", SC_PCTX_GREETING}, {"stepdaughter", SC_PCTX_RELATION}, {"stepson", SC_PCTX_RELATION},
    {"stimate", SC_PCTX_GREETING}, {"stimată", SC_PCTX_GREETING}, {"student", SC_PCTX_RELATION}, {"supervisor", SC_PCTX_RELATION}, {"sveiki", SC_PCTX_GREETING},
    {"szanowna", SC_PCTX_GREETING}, {"szanowny", SC_PCTX_GREETING}, {"szia", SC_PCTX_GREETING}, {"tante", SC_PCTX_RELATION}, {"tarde", SC_PCTX_VERB}, {"tardes", SC_PCTX_VERB},
    {"teacher", SC_PCTX_RELATION}, {"tell", SC_PCTX_VERB}, {"tenant", SC_PCTX_RELATION}, {"tere", SC_PCTX_GREETING},
    {"terve", SC_PCTX_GREETING}, {"text", SC_PCTX_VERB}, {"texted", SC_PCTX_VERB}, {"thank", SC_PCTX_GREETING},
    {"thanks", SC_PCTX_GREETING}, {"thx", SC_PCTX_GREETING}, {"tia", SC_PCTX_RELATION}, {"tio", SC_PCTX_RELATION},
    {"tita", SC_PCTX_RELATION}, {"to", SC_PCTX_VERB}, {"told", SC_PCTX_VERB}, {"tuan", SC_PCTX_RELATION},
    {"twin", SC_PCTX_RELATION}, {"tía", SC_PCTX_RELATION}, {"tío", SC_PCTX_RELATION}, {"ugogo", SC_PCTX_RELATION},
    {"vanakkam", SC_PCTX_GREETING}, {"visit", SC_PCTX_VERB}, {"visited", SC_PCTX_VERB}, {"vovó", SC_PCTX_RELATION},
    {"vraag", SC_PCTX_VERB}, {"vážená", SC_PCTX_GREETING}, {"vážený", SC_PCTX_GREETING}, {"welcome", SC_PCTX_GREETING}, {"wife", SC_PCTX_RELATION}, {"with", SC_PCTX_VERB},
    {"wujek", SC_PCTX_RELATION}, {"wujka", SC_PCTX_RELATION}, {"yo", SC_PCTX_GREETING}, {"zadzwoń", SC_PCTX_VERB},
    {"zdravo", SC_PCTX_GREETING}, {"zeg", SC_PCTX_VERB}, {"zia", SC_PCTX_RELATION}, {"zio", SC_PCTX_RELATION},
    {"ông", SC_PCTX_RELATION}, {"Αγαπητέ", SC_PCTX_GREETING}, {"Αγαπητή", SC_PCTX_GREETING},
    {"Γεια", SC_PCTX_GREETING}, {"Καλημέρα", SC_PCTX_GREETING}, {"Χαίρετε", SC_PCTX_GREETING},
    {"αγαπητέ", SC_PCTX_GREETING}, {"αγαπητή", SC_PCTX_GREETING}, {"γεια", SC_PCTX_GREETING},
    {"καλημέρα", SC_PCTX_GREETING}, {"σας", SC_PCTX_VERB}, {"σου", SC_PCTX_VERB}, {"χαίρετε", SC_PCTX_GREETING},
    {"Алло", SC_PCTX_GREETING}, {"Вітаю", SC_PCTX_GREETING}, {"Дорога", SC_PCTX_GREETING},
    {"Дорогая", SC_PCTX_GREETING}, {"Дорогий", SC_PCTX_GREETING}, {"Дорогой", SC_PCTX_GREETING},
    {"Любий", SC_PCTX_GREETING}, {"Милая", SC_PCTX_GREETING}, {"Милый", SC_PCTX_GREETING},
    {"Привет", SC_PCTX_GREETING}, {"Привіт", SC_PCTX_GREETING}, {"Уважаемая", SC_PCTX_GREETING},
    {"Уважаемый", SC_PCTX_GREETING}, {"Шановна", SC_PCTX_GREETING}, {"Шановний", SC_PCTX_GREETING},
    {"алло", SC_PCTX_GREETING}, {"бабо", SC_PCTX_RELATION}, {"бабусі", SC_PCTX_RELATION},
    {"бабушка", SC_PCTX_RELATION}, {"бабушке", SC_PCTX_RELATION}, {"бабушки", SC_PCTX_RELATION},
    {"брат", SC_PCTX_RELATION}, {"брату", SC_PCTX_RELATION}, {"внук", SC_PCTX_RELATION},
    {"внука", SC_PCTX_RELATION}, {"внуку", SC_PCTX_RELATION}, {"внучка", SC_PCTX_RELATION},
    {"внучке", SC_PCTX_RELATION}, {"внучки", SC_PCTX_RELATION}, {"від", SC_PCTX_VERB}, {"вітаю", SC_PCTX_GREETING},
    {"дедушка", SC_PCTX_RELATION}, {"дедушке", SC_PCTX_RELATION}, {"дедушки", SC_PCTX_RELATION},
    {"для", SC_PCTX_VERB}, {"дорога", SC_PCTX_GREETING}, {"друг", SC_PCTX_RELATION}, {"дяде", SC_PCTX_RELATION},
    {"дядо", SC_PCTX_RELATION}, {"дядько", SC_PCTX_RELATION}, {"дядя", SC_PCTX_RELATION},
    {"дідусю", SC_PCTX_RELATION}, {"дідуся", SC_PCTX_RELATION}, {"запитай", SC_PCTX_VERB},
    {"колега", SC_PCTX_RELATION}, {"колеги", SC_PCTX_RELATION}, {"коллега", SC_PCTX_RELATION},
    {"контакт", SC_PCTX_VERB}, {"кума", SC_PCTX_RELATION}, {"куме", SC_PCTX_RELATION}, {"леля", SC_PCTX_RELATION},
    {"любий", SC_PCTX_GREETING}, {"мама", SC_PCTX_RELATION}, {"маме", SC_PCTX_RELATION},
    {"милая", SC_PCTX_GREETING}, {"милый", SC_PCTX_GREETING}, {"напиши", SC_PCTX_VERB}, {"номер", SC_PCTX_VERB},
    {"от", SC_PCTX_VERB}, {"папа", SC_PCTX_RELATION}, {"папе", SC_PCTX_RELATION}, {"подзвони", SC_PCTX_VERB},
    {"подруга", SC_PCTX_RELATION}, {"позвони", SC_PCTX_VERB}, {"привет", SC_PCTX_GREETING},
    {"привіт", SC_PCTX_GREETING}, {"про", SC_PCTX_VERB}, {"сестра", SC_PCTX_RELATION}, {"сестре", SC_PCTX_RELATION},
    {"скажи", SC_PCTX_VERB}, {"спроси", SC_PCTX_VERB}, {"телефон", SC_PCTX_VERB}, {"тете", SC_PCTX_RELATION},
    {"тёте", SC_PCTX_RELATION}, {"тётя", SC_PCTX_RELATION}, {"тітка", SC_PCTX_RELATION},
    {"уважаемая", SC_PCTX_GREETING}, {"уважаемый", SC_PCTX_GREETING}, {"шановна", SC_PCTX_GREETING},
    {"шановний", SC_PCTX_GREETING},
};
static const ctx_word AFTER[] = {
    {"agreed", SC_PCTX_AFTER}, {"aliandika", SC_PCTX_AFTER}, {"alisema", SC_PCTX_AFTER}, {"amepiga", SC_PCTX_AFTER},
    {"asked", SC_PCTX_AFTER}, {"asks", SC_PCTX_AFTER}, {"atakuja", SC_PCTX_AFTER}, {"bilang", SC_PCTX_AFTER},
    {"called", SC_PCTX_AFTER}, {"dijo", SC_PCTX_AFTER}, {"disse", SC_PCTX_AFTER}, {"emailed", SC_PCTX_AFTER},
    {"escreveu", SC_PCTX_AFTER}, {"escribió", SC_PCTX_AFTER}, {"gọi", SC_PCTX_AFTER}, {"ligou", SC_PCTX_AFTER},
    {"llamó", SC_PCTX_AFTER}, {"mentioned", SC_PCTX_AFTER}, {"needs", SC_PCTX_AFTER}, {"nói", SC_PCTX_AFTER},
    {"pediu", SC_PCTX_AFTER}, {"replied", SC_PCTX_AFTER}, {"responded", SC_PCTX_AFTER}, {"rief", SC_PCTX_AFTER},
    {"sagt", SC_PCTX_AFTER}, {"sagte", SC_PCTX_AFTER}, {"said", SC_PCTX_AFTER}, {"says", SC_PCTX_AFTER},
    {"schrieb", SC_PCTX_AFTER}, {"sent", SC_PCTX_AFTER}, {"suggested", SC_PCTX_AFTER}, {"tells", SC_PCTX_AFTER},
    {"texted", SC_PCTX_AFTER}, {"thinks", SC_PCTX_AFTER}, {"told", SC_PCTX_AFTER}, {"wants", SC_PCTX_AFTER},
    {"writes", SC_PCTX_AFTER}, {"wrote", SC_PCTX_AFTER}, {"έγραψε", SC_PCTX_AFTER}, {"είπε", SC_PCTX_AFTER},
    {"говорит", SC_PCTX_AFTER}, {"дзвонив", SC_PCTX_AFTER}, {"дзвонила", SC_PCTX_AFTER}, {"звонил", SC_PCTX_AFTER},
    {"звонила", SC_PCTX_AFTER}, {"ищет", SC_PCTX_AFTER}, {"каже", SC_PCTX_AFTER}, {"написав", SC_PCTX_AFTER},
    {"написал", SC_PCTX_AFTER}, {"написала", SC_PCTX_AFTER}, {"передав", SC_PCTX_AFTER}, {"передал", SC_PCTX_AFTER},
    {"передала", SC_PCTX_AFTER}, {"писал", SC_PCTX_AFTER}, {"писала", SC_PCTX_AFTER}, {"пише", SC_PCTX_AFTER},
    {"пишет", SC_PCTX_AFTER}, {"придёт", SC_PCTX_AFTER}, {"приедет", SC_PCTX_AFTER}, {"прийде", SC_PCTX_AFTER},
    {"приїде", SC_PCTX_AFTER}, {"просив", SC_PCTX_AFTER}, {"просил", SC_PCTX_AFTER}, {"просила", SC_PCTX_AFTER},
    {"сказав", SC_PCTX_AFTER}, {"сказал", SC_PCTX_AFTER}, {"сказала", SC_PCTX_AFTER}, {"шукає", SC_PCTX_AFTER},
};
static const ctx_word SIGNOFFS[] = {
    {"abbraccio", SC_PCTX_SIGNOFF}, {"abrazo", SC_PCTX_SIGNOFF}, {"abraços", SC_PCTX_SIGNOFF},
    {"amitiés", SC_PCTX_SIGNOFF}, {"asante", SC_PCTX_SIGNOFF}, {"atenciosamente", SC_PCTX_SIGNOFF},
    {"baci", SC_PCTX_SIGNOFF}, {"bacioni", SC_PCTX_SIGNOFF}, {"beijinhos", SC_PCTX_SIGNOFF},
    {"beijos", SC_PCTX_SIGNOFF}, {"besitos", SC_PCTX_SIGNOFF}, {"beso", SC_PCTX_SIGNOFF},
    {"besos", SC_PCTX_SIGNOFF}, {"best", SC_PCTX_SIGNOFF}, {"bises", SC_PCTX_SIGNOFF}, {"bjs", SC_PCTX_SIGNOFF},
    {"br", SC_PCTX_SIGNOFF}, {"cheers", SC_PCTX_SIGNOFF}, {"cordialement", SC_PCTX_SIGNOFF},
    {"cordially", SC_PCTX_SIGNOFF}, {"cordialmente", SC_PCTX_SIGNOFF}, {"cumprimentos", SC_PCTX_SIGNOFF},
    {"groeten", SC_PCTX_SIGNOFF}, {"groetjes", SC_PCTX_SIGNOFF}, {"grüsse", SC_PCTX_SIGNOFF},
    {"grüße", SC_PCTX_SIGNOFF}, {"herzlich", SC_PCTX_SIGNOFF}, {"herzlichst", SC_PCTX_SIGNOFF},
    {"hilsen", SC_PCTX_SIGNOFF}, {"hälsningar", SC_PCTX_SIGNOFF}, {"kisses", SC_PCTX_SIGNOFF},
    {"knuffel", SC_PCTX_SIGNOFF}, {"kr", SC_PCTX_SIGNOFF}, {"kram", SC_PCTX_SIGNOFF}, {"kramar", SC_PCTX_SIGNOFF},
    {"kusjes", SC_PCTX_SIGNOFF}, {"later", SC_PCTX_SIGNOFF}, {"lg", SC_PCTX_SIGNOFF}, {"love", SC_PCTX_SIGNOFF},
    {"mfg", SC_PCTX_SIGNOFF}, {"mvh", SC_PCTX_SIGNOFF}, {"peluk", SC_PCTX_SIGNOFF}, {"pozdrav", SC_PCTX_SIGNOFF},
    {"pozdravem", SC_PCTX_SIGNOFF}, {"pozdrawiam", SC_PCTX_SIGNOFF}, {"pozdrowienia", SC_PCTX_SIGNOFF},
    {"pup", SC_PCTX_SIGNOFF}, {"puszi", SC_PCTX_SIGNOFF}, {"puszik", SC_PCTX_SIGNOFF}, {"regards", SC_PCTX_SIGNOFF},
    {"respectfully", SC_PCTX_SIGNOFF}, {"rgds", SC_PCTX_SIGNOFF}, {"saludos", SC_PCTX_SIGNOFF},
    {"selamlar", SC_PCTX_SIGNOFF}, {"sevgilerle", SC_PCTX_SIGNOFF}, {"signed", SC_PCTX_SIGNOFF},
    {"sincerely", SC_PCTX_SIGNOFF}, {"terveisin", SC_PCTX_SIGNOFF}, {"thank", SC_PCTX_SIGNOFF},
    {"thanks", SC_PCTX_SIGNOFF}, {"ttyl", SC_PCTX_SIGNOFF}, {"warmly", SC_PCTX_SIGNOFF}, {"xoxo", SC_PCTX_SIGNOFF},
    {"yours", SC_PCTX_SIGNOFF}, {"üdvözlettel", SC_PCTX_SIGNOFF}, {"ściskam", SC_PCTX_SIGNOFF},
};

static void hash_words(void)
{
    _Static_assert(sizeof CLASSES / sizeof CLASSES[0] < CLASS_SLOTS / 2, "CLASS_SLOTS: keep the load under 1/2");
    _Static_assert(sizeof BEFORE / sizeof BEFORE[0] < BEFORE_SLOTS / 2, "BEFORE_SLOTS: keep the load under 1/2");
    for (size_t i = 0; i < sizeof CLASSES / sizeof CLASSES[0]; i++)
        hash_insert(class_slot, CLASS_SLOTS - 1, CLASSES[i].w, i);
    for (size_t i = 0; i < sizeof BEFORE / sizeof BEFORE[0]; i++) {
        hash_insert(before_slot, BEFORE_SLOTS - 1, BEFORE[i].w, i);
        size_t l = strlen(BEFORE[i].w);
        if (l > 0 && l <= 16) { /* ctx_find reads no longer word */
            before_len_first[(uint8_t)BEFORE[i].w[0]] |= 1u << l;
            before_len_last[(uint8_t)BEFORE[i].w[l - 1]] |= 1u << l;
        }
    }
}

static int ctx_find(const ctx_word *t, size_t count, const uint8_t *w, size_t n)
{
    if (n == 0 || n > 16)
        return SC_PCTX_NONE;
    if (t == BEFORE) {
        words_hash_once();
        if (!((before_len_first[pii_lower(w[0])] & before_len_last[pii_lower(w[n - 1])]) >> n & 1u))
            return SC_PCTX_NONE;
    }
    uint8_t key[16] = {0};
    for (size_t i = 0; i < n; i++)
        key[i] = pii_lower(w[i]);
    if (t == BEFORE) {
        const uint32_t mask = BEFORE_SLOTS - 1;
        for (uint32_t i = word_hash(key, n) & mask; before_slot[i] != 0; i = (i + 1) & mask) {
            if (key_is(BEFORE[before_slot[i] - 1].w, key, n))
                return BEFORE[before_slot[i] - 1].kind;
        }
        return SC_PCTX_NONE;
    }
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_key(key, n, t[mid].w, 0);
        if (c == 0)
            return t[mid].kind;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return SC_PCTX_NONE;
}

const char *sc_person_context_before_at(size_t i, int *kind)
{
    if (i >= sizeof BEFORE / sizeof BEFORE[0])
        return NULL;
    *kind = BEFORE[i].kind;
    return BEFORE[i].w;
}

int sc_person_context_word(const uint8_t *w, size_t n, int where_after)
{
    if (where_after == 2)
        return ctx_find(SIGNOFFS, sizeof SIGNOFFS / sizeof SIGNOFFS[0], w, n);
    if (where_after)
        return ctx_find(AFTER, sizeof AFTER / sizeof AFTER[0], w, n);
    return ctx_find(BEFORE, sizeof BEFORE / sizeof BEFORE[0], w, n);
}

static bool ctx_sorted(const ctx_word *t, size_t count)
{
    for (size_t i = 1; i < count; i++)
        if (strcmp(t[i - 1].w, t[i].w) >= 0)
            return false;
    return true;
}

static bool ctx_tables_sorted(void)
{
    return ctx_sorted(BEFORE, sizeof BEFORE / sizeof BEFORE[0]) && ctx_sorted(AFTER, sizeof AFTER / sizeof AFTER[0]) &&
           ctx_sorted(SIGNOFFS, sizeof SIGNOFFS / sizeof SIGNOFFS[0]);
}
