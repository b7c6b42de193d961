/* arena.h: bump allocator for everything a document owns.
 *
 * arena_alloc never fails (out of memory aborts through xmalloc, see
 * err.h); memory is released all at once by arena_free.  Blocks grow
 * geometrically; a request larger than a block gets a block of its own.
 */
#ifndef DYAD_ARENA_H
#define DYAD_ARENA_H
#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct arena {
  arena_block *head;  /* owned: chain of blocks, newest first */
  size_t used;        /* bytes used in head */
  size_t cap;         /* bytes available in head */
} arena;

void arena_init(arena *a);
void arena_free(arena *a);                     /* accepts an inited empty arena */
void *arena_alloc(arena *a, size_t n);         /* 16-byte aligned, uninitialised */
void *arena_calloc(arena *a, size_t n, size_t size); /* zeroed, overflow-checked */
char *arena_strndup(arena *a, const char *s, size_t n); /* NUL-terminated copy */
/* Grow an array allocated in the arena: returns a new block of new_n
 * elements holding the first old_n elements of old (old is abandoned). */
void *arena_grow(arena *a, void *old, size_t old_n, size_t new_n, size_t size);

#endif
