/* arena.c: bump allocator, see arena.h. */
#include "arena.h"
#include "err.h"
#include <stdint.h>
#include <string.h>

struct arena_block {
  arena_block *next;
  size_t cap;
  max_align_t align[];  /* data follows */
};

#define ARENA_MIN_BLOCK ((size_t)64 * 1024)

void arena_init(arena *a) { a->head = NULL; a->used = a->cap = 0; }

void arena_free(arena *a) {
  arena_block *b = a->head;
  while (b) {
    arena_block *n = b->next;
    free(b);
    b = n;
  }
  arena_init(a);
}

void *arena_alloc(arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (n == 0) n = 16;
  if (!a->head || a->cap - a->used < n) {
    size_t cap = a->head ? a->head->cap * 2 : ARENA_MIN_BLOCK;
    if (cap > 64 * ARENA_MIN_BLOCK) cap = 64 * ARENA_MIN_BLOCK;
    if (cap < n) cap = n;
    arena_block *b = xmalloc(sizeof *b + cap);
    b->cap = cap;
    if (a->head && n > a->cap - a->used && cap == n && a->cap - a->used > ARENA_MIN_BLOCK / 4) {
      /* big one-off block: keep the current head for small requests */
      b->next = a->head->next;
      a->head->next = b;
      return (void *)b->align;
    }
    b->next = a->head;
    a->head = b;
    a->used = 0;
    a->cap = cap;
  }
  void *p = (char *)a->head->align + a->used;
  a->used += n;
  return p;
}

void *arena_calloc(arena *a, size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) xoom(SIZE_MAX);
  void *p = arena_alloc(a, n * size);
  memset(p, 0, n * size);
  return p;
}

char *arena_strndup(arena *a, const char *s, size_t n) {
  char *p = arena_alloc(a, n + 1);
  if (n) memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void *arena_grow(arena *a, void *old, size_t old_n, size_t new_n, size_t size) {
  if (size && new_n > SIZE_MAX / size) xoom(SIZE_MAX);
  void *p = arena_alloc(a, new_n * size);
  if (old_n) memcpy(p, old, old_n * size);
  return p;
}
