/* cameo.h: the table of CAMEO event codes (data/cameo.tsv).
 *
 * One entry per code of the CAMEO 1.1b3 codebook, the twenty roots 01-20
 * and their 3- and 4-digit sub-codes, each with its English short name,
 * its Goldstein score and its QuadClass.  cameo_load reads and validates
 * the file (format in its own comment lines and in cameo.c): each problem
 * is reported through a callback as (file, line, message) and counted.
 * Once loaded the table is read-only; codes keep their file order (each
 * code after its parent), and cameo_find looks one up in constant time.
 */
#ifndef DYAD_CAMEO_H
#define DYAD_CAMEO_H
#include <stddef.h>

typedef struct cameo_code {
  char code[8];                /* "04", "042", "0211": 2 to 4 digits, NUL-terminated */
  const char *name;            /* English short name; owned by the table */
  double goldstein;            /* Goldstein score, -10.0 (conflict) to +10.0 (cooperation) */
  int quad;                    /* QuadClass: 1 verbal cooperation (roots 01-05),
                                  2 material cooperation (06-08), 3 verbal
                                  conflict (09-13), 4 material conflict (14-20) */
} cameo_code;

typedef struct cameo_table cameo_table;

/* Called once per problem: the file's path, its line (1-based; 0 when the
 * problem is the file as a whole) and a sentence without location. */
typedef void (*cameo_report_fn)(void *user, const char *file, long line, const char *msg);

/* Load and validate the table at path.  report (may be NULL) receives
 * each problem; *problems (may be NULL) is set to how many there were.
 * Lines with a problem are left out of the table; after 20 problems the
 * rest of the file is skipped.  Returns NULL only if the file cannot be
 * read (reported as a problem at line 0); otherwise a table, possibly
 * incomplete, that the caller frees with cameo_free. */
cameo_table *cameo_load(const char *path, cameo_report_fn report, void *user,
                        int *problems /* out */);

/* Free the table and every name in it; accepts NULL. */
void cameo_free(cameo_table *t);

/* The entry of code ("042"), or NULL if t or code is NULL or the code is
 * not in the table.  Valid until cameo_free(t). */
const cameo_code *cameo_find(const cameo_table *t, const char *code);

/* Number of codes in the table (0 for NULL), and the i-th in file order
 * (NULL when i >= cameo_count(t)).  Valid until cameo_free(t). */
size_t cameo_count(const cameo_table *t);
const cameo_code *cameo_at(const cameo_table *t, size_t i);

#endif
