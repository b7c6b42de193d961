/* test_merge.c: the merge rules (merge.h) on hand-made reports, and the
 * in-memory index: same event across reports, distinct events kept apart. */
#include "harness.h"
#include "merge.h"
#include <stdio.h>
#include <string.h>

/* days since 1970-01-01 of a date in 2023 (enough for these cases) */
static int32_t d23(int month, int day) {
  static const int cum[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  return 19358 + cum[month - 1] + day - 1;  /* 19358 = 2023-01-01 */
}

static merge_event ev(const char *s, const char *t, const char *code, int32_t first, int32_t last) {
  merge_event e;
  memset(&e, 0, sizeof e);
  snprintf(e.source, sizeof e.source, "%s", s);
  snprintf(e.target, sizeof e.target, "%s", t);
  snprintf(e.cameo, sizeof e.cameo, "%s", code);
  e.first = first;
  e.last = last;
  return e;
}

int main(void) {
  /* the rules */
  merge_event visit = ev("KAZ", "VNM", "042", d23(8, 20), d23(8, 22));
  merge_event day = ev("KAZ", "VNM", "042", d23(8, 21), d23(8, 21));
  EXPECT(merge_event_fits(&visit, &day), "day-in-interval", "a day inside the visit's interval fits");
  merge_event nextday = ev("KAZ", "VNM", "042", d23(8, 23), d23(8, 23));
  EXPECT(merge_event_fits(&visit, &nextday), "day-slack", "a day after the interval fits (one day of slack)");
  merge_event later = ev("KAZ", "VNM", "042", d23(8, 25), d23(8, 25));
  EXPECT(!merge_event_fits(&visit, &later), "days-apart", "three days after is another event");
  merge_event host = ev("VNM", "KAZ", "043", d23(8, 21), d23(8, 21));
  EXPECT(!merge_event_fits(&visit, &host), "visit-vs-host", "042 and 043 are distinct records");
  merge_event talks = ev("KAZ", "VNM", "040", d23(8, 21), d23(8, 21));
  EXPECT(!merge_event_fits(&visit, &talks), "talks-vs-visit", "040 and 042 are distinct events");
  merge_event root = ev("KAZ", "VNM", "04", d23(8, 21), d23(8, 21));
  EXPECT(merge_event_fits(&visit, &root), "bare-root", "a bare root fits a code of that root");
  merge_event rev = ev("VNM", "KAZ", "042", d23(8, 21), d23(8, 21));
  EXPECT(!merge_event_fits(&visit, &rev), "reverse-not-joint", "a visit the other way is another event");
  merge_event met1 = ev("KAZ", "VNM", "040", d23(8, 21), d23(8, 21));
  merge_event met2 = ev("VNM", "KAZ", "040", d23(8, 21), d23(8, 21));
  met2.joint = 1;
  EXPECT(merge_event_fits(&met1, &met2), "reverse-joint", "a joint act fits either direction");
  merge_event undated = ev("KAZ", "VNM", "042", 1, 0);
  EXPECT(!merge_event_fits(&visit, &undated), "undated", "an undated report joins nothing");
  merge_event year = ev("KAZ", "VNM", "042", d23(1, 1), d23(12, 31));
  EXPECT(!merge_event_fits(&visit, &year), "year", "a year is no evidence of sameness");
  merge_event a = visit, b = day;
  a.source_name = "Denis Sassou Nguesso";
  b.source_name = "Denis Sassou-N'Guesso";
  EXPECT(merge_event_fits(&a, &b), "name-spelling", "spellings of one name agree");
  b.source_name = "Sassou";
  EXPECT(merge_event_fits(&a, &b), "name-short", "a short form agrees");
  b.source_name = "Jean-Claude Gakosso";
  EXPECT(!merge_event_fits(&a, &b), "name-conflict", "two different persons conflict");
  a = visit;
  b = day;
  snprintf(a.place, sizeof a.place, "VNM");
  snprintf(b.place, sizeof b.place, "LAO");
  EXPECT(!merge_event_fits(&a, &b), "place-conflict", "two places conflict");

  /* absorb: the narrowest date and the longest code */
  merge_event c = ev("KAZ", "VNM", "04", d23(8, 20), d23(8, 22));
  merge_event_absorb(&c, &day);
  EXPECT_INT("absorb-first", d23(8, 21), c.first);
  EXPECT_INT("absorb-last", d23(8, 21), c.last);
  EXPECT_STR("absorb-code", "042", c.cameo);

  /* figures */
  merge_figure f1, f2;
  memset(&f1, 0, sizeof f1);
  snprintf(f1.indicator, sizeof f1.indicator, "trade");
  snprintf(f1.unit, sizeof f1.unit, "USD");
  snprintf(f1.kind, sizeof f1.kind, "actual");
  snprintf(f1.party1, sizeof f1.party1, "VNM");
  snprintf(f1.party2, sizeof f1.party2, "KAZ");
  f1.first = d23(1, 1);
  f1.last = d23(6, 30);
  f1.value = 600e6;
  f2 = f1;
  snprintf(f2.party1, sizeof f2.party1, "KAZ");
  snprintf(f2.party2, sizeof f2.party2, "VNM");
  f2.value = 601e6;
  EXPECT(merge_figure_fits(&f1, &f2), "figure-same", "same figure, parties swapped, value within 2 %%");
  f2.value = 700e6;
  EXPECT(!merge_figure_fits(&f1, &f2), "figure-value", "a different value is another figure");
  f2.value = 600e6;
  f2.last = d23(12, 31);
  EXPECT(!merge_figure_fits(&f1, &f2), "figure-period", "another period is another figure");

  /* the index: ids in order of creation, stable under reports' order */
  merge_index *m = merge_index_new();
  EXPECT_INT("index-first", 1, merge_index_event(m, &visit));
  EXPECT_INT("index-host", 2, merge_index_event(m, &host));
  EXPECT_INT("index-day", 1, merge_index_event(m, &day));
  EXPECT_INT("index-later", 3, merge_index_event(m, &later));
  EXPECT_INT("index-undated", 4, merge_index_event(m, &undated));
  EXPECT_INT("index-undated-again", 5, merge_index_event(m, &undated));
  /* the same event a year later is another cluster, far in the index */
  merge_event next_year = visit;
  next_year.first += 365;
  next_year.last += 365;
  EXPECT_INT("index-next-year", 6, merge_index_event(m, &next_year));
  /* a 32-day block boundary: reports on either side still meet */
  merge_event edge1 = ev("FRA", "DEU", "036", 19359 + 31, 19359 + 31);
  merge_event edge2 = ev("FRA", "DEU", "036", 19359 + 32, 19359 + 32);
  uint32_t e1 = merge_index_event(m, &edge1);
  EXPECT_INT("index-block-edge", e1, merge_index_event(m, &edge2));
  EXPECT_INT("index-fig", 8, merge_index_figure(m, &f1));
  f2 = f1;
  f2.value = 599e6;
  EXPECT_INT("index-fig-again", 8, merge_index_figure(m, &f2));
  /* many clusters: the bucket table grows, lookups stay right */
  for (int i = 0; i < 5000; i++) {
    merge_event x = ev("USA", "CHN", "036", 19000 + 3 * i, 19000 + 3 * i);
    merge_index_event(m, &x);
  }
  merge_event again = ev("CHN", "USA", "036", 19000 + 3 * 4321, 19000 + 3 * 4321);
  again.joint = 1;
  EXPECT_INT("index-grown", 9 + 4321, merge_index_event(m, &again));
  EXPECT_INT("index-count", 8 + 5000, merge_index_clusters(m));
  EXPECT(merge_index_bytes(m) > 0, "index-bytes", "bytes counted");
  merge_index_free(m);

  /* the only cluster of a pair and code takes the reports dates cannot place */
  m = merge_index_new();
  merge_event recall0 = ev("MLI", "FRA", "161", 1, 0);  /* an undated article first */
  merge_event recall1 = ev("MLI", "FRA", "161", d23(1, 31), d23(1, 31));
  merge_event recall2 = ev("MLI", "FRA", "161", d23(2, 1), d23(2, 1));
  EXPECT_INT("lone-first", 1, merge_index_event(m, &recall0));
  EXPECT_INT("lone-dated-joins-undated", 1, merge_index_event(m, &recall1));
  EXPECT_INT("lone-now-dated", 1, merge_index_event(m, &recall2));
  EXPECT_INT("lone-undated-joins", 1, merge_index_event(m, &recall0));
  merge_event wide = ev("MLI", "FRA", "161", d23(1, 1), d23(12, 31));
  EXPECT_INT("lone-year-joins", 1, merge_index_event(m, &wide));
  merge_event summon = ev("MLI", "FRA", "114", 1, 0);
  EXPECT_INT("lone-other-code", 2, merge_index_event(m, &summon));
  merge_event named = recall0;
  named.source_name = "Assimi Goita";
  merge_event other = recall0;
  other.source_name = "Abdoulaye Diop";
  EXPECT_INT("lone-named", 1, merge_index_event(m, &named));
  EXPECT_INT("lone-person-conflict", 3, merge_index_event(m, &other));
  merge_event rupt1 = ev("DZA", "MAR", "161", d23(8, 24), d23(8, 24));
  merge_event rupt2 = ev("DZA", "MAR", "161", d23(11, 2), d23(11, 2));
  merge_event rupt0 = ev("DZA", "MAR", "161", 1, 0);
  EXPECT_INT("lone-dated", 4, merge_index_event(m, &rupt1));
  EXPECT_INT("lone-dated-apart", 5, merge_index_event(m, &rupt2));
  EXPECT_INT("lone-two-clusters", 6, merge_index_event(m, &rupt0));
  merge_event rupt3 = ev("MAR", "DZA", "161", d23(12, 1), d23(12, 1));
  EXPECT_INT("lone-dated-not-dated", 7, merge_index_event(m, &rupt3));
  merge_event closed = ev("NER", "BEN", "172", d23(8, 1), d23(8, 1));
  merge_event years_before = ev("NER", "BEN", "172", d23(1, 1) - 730, d23(1, 1) - 1);
  EXPECT_INT("lone-wide-dated", 8, merge_index_event(m, &closed));
  EXPECT_INT("lone-wide-apart", 9, merge_index_event(m, &years_before));
  merge_index_free(m);
  HARNESS_END();
}
