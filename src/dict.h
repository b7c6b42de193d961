/* dict.h: the actor dictionaries (states, organisations, people, roles).
 *
 * Loads the TSV files of data/ (formats in docs/dictionaries.md), the
 * country table generated from iso-codes (build/data/countries.tsv) and
 * any user file given with --dict, validates them, and compiles every
 * name, variant, demonym, capital and role phrase into one phrase matcher
 * (match.h) over folded tokens.  A file's kind comes from its header
 * line.  User files take precedence: where a phrase has entries from a
 * user file, the built-in entries of that phrase are ignored.
 *
 * Validation problems are reported one by one through a callback as
 * (file, line, message); dict_load_* return how many there were.
 * Read-only once loaded; owned by the context.
 */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H
#include "match.h"
#include "dyad.h"
#include <stdint.h>

typedef enum dict_kind {
  DK_COUNTRY = 0,  /* a state's name: code */
  DK_CAPITAL,      /* a capital or seat used as a metonym: code */
  DK_DEMONYM,      /* an adjective or noun of nationality: code */
  DK_ORG,          /* an organisation: code, state (if a state's body) */
  DK_PERSON,       /* a person holding a post: code, role, term */
  DK_ROLE,         /* a phrase naming a role: role */
  DK__COUNT
} dict_kind;

const char *dict_kind_name(dict_kind k);

#define DICT_CODE_MAX 16
#define DICT_OPEN_END INT32_MAX

typedef struct dict_entry {
  uint8_t kind;                /* dict_kind */
  uint8_t role;                /* role number (dict_role_code), DK_PERSON and DK_ROLE */
  uint8_t prio;                /* 1 for user files (--dict), 0 built-in */
  char code[DICT_CODE_MAX];    /* country or organisation code; "" for DK_ROLE */
  char state[DICT_CODE_MAX];   /* the state it acts for: code itself, or an
                                  organisation's country; "" if none */
  int32_t start, end;          /* DK_PERSON term, days since 1970-01-01,
                                  inclusive: the first day of the start
                                  period to the last day of the end
                                  period; end DICT_OPEN_END if in office */
  int32_t start_last;          /* last day of the start period */
  int32_t end_first;           /* first day of the end period ("2008-09":
                                  09-01); terms overlap only when one
                                  surely starts before the other surely
                                  ends: start_last < end_first */
  const char *name;            /* canonical name (people, orgs); owned by dict */
  const char *file;            /* owned by dict */
  uint32_t line;
} dict_entry;

typedef struct dict dict;

/* Called for each problem found while loading. */
typedef void (*dict_report_fn)(void *user, const char *file, long line, const char *msg);

dict *dict_new(void);
void dict_free(dict *d);  /* accepts NULL */

/* Load the built-in dictionaries: every *.tsv of data_dir (the build's
 * data directory: the .tsv files of data/ are copied there, countries.tsv generated
 * there), in dependency order.  Returns the number of problems reported,
 * or -1 if the directory cannot be read (reported too). */
int dict_load_builtin(dict *d, const char *data_dir, dict_report_fn fn, void *user);
/* Load one user file with precedence over the built-in entries. */
int dict_load_file(dict *d, const char *path, int prio, dict_report_fn fn, void *user);
/* Cross-file checks (overlapping terms, conflicting names); call once
 * after loading.  Returns the number of problems reported. */
int dict_finish(dict *d, dict_report_fn fn, void *user);

const matcher *dict_matcher(const dict *d);
const dict_entry *dict_entry_at(const dict *d, uint32_t i);
size_t dict_nentries(const dict *d);
/* Role code of a role number ("HOS"), or "?". */
const char *dict_role_code(const dict *d, unsigned role);
/* Role number of a code, or -1. */
int dict_role_find(const dict *d, const char *code);
/* The person entry holding (state, role) on day, or NULL. */
const dict_entry *dict_holder(const dict *d, const char *state, unsigned role, int32_t day);
/* The last day the people files speak of (the latest start or end of a
 * term): terms still open are known to run at least until then. */
int32_t dict_as_of(const dict *d);

/* The state whose compound-adjective prefix is folded[0..n) ("franco"),
 * or NULL. */
const char *dict_prefix_state(const dict *d, const char *folded, size_t n);

/* Parse YYYY, YYYY-MM or YYYY-MM-DD: *first and *last day of the period.
 * Returns 0, or -1 if s is not such a date. */
int dict_parse_period(const char *s, size_t n, int32_t *first, int32_t *last);

#endif
