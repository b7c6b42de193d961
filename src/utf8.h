/* utf8.h: UTF-8 validation, repair, decoding and folding, and the keyword
 * tables of the scanners.
 *
 * Validation follows RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF.  Repair replaces each invalid byte with U+FFFD and each
 * NUL byte with a space, so offsets of valid text shift predictably.
 */
#ifndef DYAD_UTF8_H
#define DYAD_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Length of the valid sequence at s (1-4), or 0 if s[0..n) does not start
 * with a valid UTF-8 character.  *cp receives the code point. */
int utf8_decode(const char *s, size_t n, int32_t *cp /* out */);
/* Encode cp into out (>= 4 bytes); returns the byte count. */
int utf8_encode(int32_t cp, char *out);
/* 1 if s is valid UTF-8 with no NUL byte. */
int utf8_valid_nonul(const char *s, size_t n);
/* Offset of the first invalid byte or NUL, or n if none. */
size_t utf8_first_invalid(const char *s, size_t n);
/* Bytes needed by utf8_repair (without terminator). */
size_t utf8_repair_size(const char *s, size_t n);
/* Write the repaired text into out (utf8_repair_size bytes); returns the
 * number of replacements made. */
size_t utf8_repair(const char *s, size_t n, char *out);


/* Length of the longest prefix of s[0..n) made of printable ASCII bytes
 * (0x20 to 0x7E), read eight bytes at a time: the fast path of every
 * scanner over mostly-ASCII text. */
size_t utf8_ascii_run(const char *s, size_t n);

/* Lower-case s[0..n) into out (capacity cap) with utf8proc; s must be
 * valid UTF-8.  Returns the byte length written, or 0 if it does not fit. */
size_t utf8_lower(const char *s, size_t n, char *out, size_t cap);
/* Fold s[0..n) for matching: lower case, accents and other combining
 * marks removed ("Côte" -> "cote", "TOKAÏEV" -> "tokaiev"), œ and æ
 * kept.  Writes at most cap bytes to out; returns the length, or 0 if it
 * does not fit. */
size_t utf8_fold(const char *s, size_t n, char *out, size_t cap);
/* 1 if the first character of s is an upper-case letter. */
int utf8_is_upper_initial(const char *s, size_t n);

/* Keyword tables of the scanners (dates, figures): words of at most
 * UTF8_WORD_MAX - 1 bytes, each NUL-padded to UTF8_WORD_MAX bytes at the
 * start of an entry of size bytes, sorted in strcmp order.  The index of
 * the word w (NUL-padded to UTF8_WORD_MAX bytes) among the n > 0 entries
 * of table, -1 if absent. */
#define UTF8_WORD_MAX 16
int utf8_word_find(const void *table, size_t n, size_t size, const char *w);

/* A hash index over such a table (its words unique, at most 65534), for
 * the tables looked up most: built once, read-only after; the table is
 * borrowed and must outlive it.  utf8_word_index_find gives what
 * utf8_word_find gives, in a probe or two instead of a binary search's
 * chain of comparisons. */
typedef struct utf8_word_index utf8_word_index;
utf8_word_index *utf8_word_index_new(const void *table, size_t n, size_t size);
void utf8_word_index_free(utf8_word_index *ix);   /* accepts NULL */
int utf8_word_index_find(const utf8_word_index *ix, const char *w);

#endif
