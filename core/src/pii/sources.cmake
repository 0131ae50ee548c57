# PII detector: one file per recognizer, shared helpers, the compiled name gazetteer.
set(PII_DIR ${CMAKE_CURRENT_LIST_DIR})
list(APPEND SANCTUM_SOURCES
  ${PII_DIR}/detector.c
  ${PII_DIR}/iban_formats.c
  ${PII_DIR}/names.c
  ${PII_DIR}/names_cjk_data.c
  ${PII_DIR}/names_data.c
  ${PII_DIR}/numbers.c
  ${PII_DIR}/person_cjk.c
  ${PII_DIR}/person_cjk_roles.c
  ${PII_DIR}/person_consistency.c
  ${PII_DIR}/person_context.c
  ${PII_DIR}/person_formats.c
  ${PII_DIR}/person_headers.c
  ${PII_DIR}/person_initials.c
  ${PII_DIR}/person_lexicon.c
  ${PII_DIR}/person_lower.c
  ${PII_DIR}/person_lower_chat.c
  ${PII_DIR}/person_orgs.c
  ${PII_DIR}/person_places.c
  ${PII_DIR}/person_records.c
  ${PII_DIR}/person_script_titles.c
  ${PII_DIR}/phone_cc_data.c
  ${PII_DIR}/person_scripts.c
  ${PII_DIR}/rec_bank.c
  ${PII_DIR}/rec_card.c
  ${PII_DIR}/rec_deny.c
  ${PII_DIR}/rec_email.c
  ${PII_DIR}/rec_iban.c
  ${PII_DIR}/rec_person.c
  ${PII_DIR}/rec_phone_intl.c
  ${PII_DIR}/rec_phone_nanp.c
  ${PII_DIR}/rec_phone_national.c
  ${PII_DIR}/rec_spoken.c
  ${PII_DIR}/rec_ssn.c
  ${PII_DIR}/resolve.c
  ${PII_DIR}/text.c)
