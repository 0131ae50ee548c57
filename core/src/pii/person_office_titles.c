/* PII precision, round 14: a title before an office or a profession addresses someone by their office, not by
 * their name: "Lieber Herr Direktor", "Sehr geehrte Frau Bürgermeisterin", "Monsieur le Maire", "Madame la
 * Présidente", "Estimada Señora Ministra", "Gentile Signor Sindaco", "Geachte heer Burgemeester". English
 * offices are English words the title path already leaves ("Dear Mr President"); these are the offices of
 * German, French, Spanish, Portuguese, Italian and Dutch letters. An office that is also a family name is
 * left out ("Frau Richter", "Herr Hauptmann", "Señor Pastor" are people). */
#include "person.h"

bool pii_office_after_title(const uint8_t *w, size_t n)
{
    static const char *const OFFICE[] = {
        "abb\xc3\xa9", "abgeordnete", "abgeordneter", "alcalde", "alcaldesa", "ambasciatore", "ambasciatrice",
        "ambassadeur", "ambassadrice", "anwalt", "anw\xc3\xa4ltin", "assessore", "avvocata", "avvocato",
        "botschafter", "botschafterin", "burgemeester", "b\xc3\xa2tonnier", "b\xc3\xbcrgermeister",
        "b\xc3\xbcrgermeisterin", "commissaire", "concejal", "concejala", "conseiller", "conseill\xc3\xa8re",
        "consigliere", "cur\xc3\xa9", "decana", "decano", "dekan", "dekanin", "deputada", "deputado", "diputada",
        "diputado", "directeur", "director", "directora", "directrice", "direktor", "direktorin", "diretor",
        "diretora", "direttore", "direttrice", "docteur", "doctor", "doctora", "dokter", "doktor", "dominee",
        "dottore", "dottoressa", "d\xc3\xa9put\xc3\xa9", "d\xc3\xa9put\xc3\xa9" "e", "embajador", "embajadora",
        "gerente", "giudice", "ingegnere", "juez", "jueza", "juge", "kanzler", "kanzlerin", "kollege", "kollegin",
        "kommissar", "kommissarin", "landrat", "landr\xc3\xa4tin", "maire", "minister", "ministerin", "ministra",
        "ministre", "ministro", "notar", "notarin", "oberb\xc3\xbcrgermeister", "oberb\xc3\xbcrgermeisterin",
        "onorevole", "parroco", "pastoor", "pastorin", "pfarrer", "pfarrerin", "prefeita", "prefeito", "prefetto",
        "preside", "presidenta", "presidente", "profesor", "profesora", "professeur", "professor", "professora",
        "professore", "professoressa", "proviseur", "pr\xc3\xa4sident", "pr\xc3\xa4sidentin", "pr\xc3\xa9" "fet",
        "pr\xc3\xa9" "f\xc3\xa8te", "pr\xc3\xa9sident", "pr\xc3\xa9sidente", "recteur", "rector", "rectora",
        "rectrice", "rektor", "rektorin", "rettore", "richterin", "secretaria", "secretario", "secr\xc3\xa9taire",
        "segretaria", "segretario", "senador", "senadora", "sindaca", "sindaco", "s\xc3\xa9nateur",
        "s\xc3\xa9natrice", "tesorera", "tesorero", "tr\xc3\xa9sorier", "tr\xc3\xa9sori\xc3\xa8re", "vereador",
        "vereadora", "voorzitter", "vorsitzende", "vorsitzender", "wethouder", NULL};
    return n >= 4 && n <= 22 && WORD_IN_SORTED(w, n, OFFICE);
}
