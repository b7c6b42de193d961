/* dyad.c: the command-line interface.  Parses options, calls libdyad,
 * prints warnings and errors to stderr and picks the exit status; the
 * work itself is in the library (include/dyad.h).
 *
 * Exit status: 0 everything read; 1 some input skipped or rejected;
 * 2 usage error; 3 data files (lexicon) missing or malformed; 4 I/O or
 * database error.
 */
#include "dyad.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_DATA = 3, EXIT_IO = 4 };

static const char usage[] =
    "usage: dyad COMMAND [OPTIONS] FILE...\n"
    "\n"
    "Reads news articles (French first) and shows or codes what they say.\n"
    "FILE is a .txt article, a .jsonl file (one {\"id\",\"text\",\"date\",\"url\"}\n"
    "object per line), a directory (every *.txt and *.jsonl below it) or -\n"
    "for standard input.\n"
    "\n"
    "commands:\n"
    "  inspect FILE...   show each sentence: zone, tokens, lemmas, parts of speech\n"
    "  code FILE...      coded events, figures and agreements as JSON lines\n"
    "  dump --stage=S FILE...  one stage's layer as stable text (normalise,\n"
    "                    clean, segment, tag, repair, actors, code), for golden tests\n"
    "  dict check [FILE...]  validate the dictionaries (and FILEs), listing\n"
    "                    every problem as file:line: message\n"
    "  load FILE...      code the articles into the event store (--db), merging\n"
    "                    reports of one event; articles loaded before are skipped\n"
    "  events            the store's merged events, one line each, by date\n"
    "  timeline A B      what the store (--db) holds on two states, e.g. VNM KAZ:\n"
    "                    one line per event, figure and agreement, by date\n"
    "  report A B        the same as one self-contained HTML page with charts (-o)\n"
    "  help, version\n"
    "\n"
    "options:\n"
    "  --json            inspect: one JSON object per article instead of text\n"
    "  --format F        code: jsonl (default) or csv (one row per event);\n"
    "                    events: table (default), jsonl or csv (GDELT-like columns)\n"
    "  --db PATH         load, events, timeline, report: the SQLite store\n"
    "                    (default dyad.db)\n"
    "  --batch N         load: articles per transaction (default 5000)\n"
    "  --pair A,B        events: between states A and B, either way (VNM,KAZ)\n"
    "  --actor A         events: with state A on either side\n"
    "  --code P          events: CAMEO code starting with P (04, 042)\n"
    "  --from D, --to D  events: dated on or after, on or before D\n"
    "                    (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    "  --all-zones       inspect: also show captions, signatures, furniture...\n"
    "  --statements      code: also record plain statements (CAMEO 01x)\n"
    "  --data DIR        data directory (default: $DYAD_DATA, then the build's)\n"
    "  --dict FILE       also load this dictionary, over the built-in ones\n"
    "  -q, --quiet       no warnings about bad input (still counted), no load summary\n"
    "  --progress        progress on stderr (default when stderr is a terminal)\n"
    "  --stage=S         code: run the pipeline only up to stage S (benchmarks)\n"
    "  --threads N       inspect, dump, code, load: articles worked on N threads\n"
    "                    at once (default: one per CPU); the output is the same\n"
    "  -o, --output F    report: the HTML file to write (default report.html)\n"
    "\n"
    "exit status: 0 all input read, 1 some input skipped, 2 usage error,\n"
    "3 data files missing or malformed, 4 I/O or database error; dict check: 1\n"
    "if any problem.  timeline and report exit 0 when the store has nothing on\n"
    "the pair (and say so; report then writes no file).\n";

typedef struct run {
  const char *cmd;
  const char *stage;
  unsigned opts;
  int quiet;
  int progress;
  dyad_ctx *ctx;
  dyad_merge *merge; /* code: clusters across all inputs */
  dyad_store *store; /* load: the store written */
  dyad_store *peek;  /* load with threads: a second, read-only handle on the
                        store, to tell the articles not worth working on */
  int status;        /* exit status so far (path errors) */
  int store_failed;  /* load: a database error stopped it */
  long warnings;
  long failed;       /* documents the pipeline failed on */
  size_t bytes;
  time_t last_progress;
  dyad_input_stats stats;
} run;

static void on_warn(void *user, const char *path, long line, const char *msg) {
  run *r = user;
  r->warnings++;
  if (r->quiet) return;
  if (line > 0) fprintf(stderr, "dyad: %s:%ld: warning: %s\n", path, line, msg);
  else fprintf(stderr, "dyad: %s: warning: %s\n", path, msg);
}

static void on_dict_problem(void *user, const char *path, long line, const char *msg) {
  (void)user;
  if (line > 0) fprintf(stderr, "%s:%ld: %s\n", path, line, msg);
  else fprintf(stderr, "%s: %s\n", path, msg);
}

static void print_err(const dyad_err *err) {
  char buf[1200];
  fprintf(stderr, "dyad: %s\n", dyad_err_format(err, buf, sizeof buf));
}

/* load: store doc unless it is stored already; 1 (stop) on a database
 * error.  work and werr are what the worker did with it (DYAD_SKIPPED:
 * nothing, as the store had it when it was read: now it may not). */
static int load_doc(run *r, dyad_doc *doc, int work, const dyad_err *werr) {
  dyad_err err = {0};
  /* a worked article: dyad_store_add tells unchanged ones itself */
  int rc = work ? dyad_store_unchanged(r->store, doc, &err) : 0;
  if (rc == 0) {
    if (work == DYAD_SKIPPED) {
      work = dyad_process(doc, r->ctx, &err);
      werr = &err;
    }
    if (work) {
      print_err(werr);
      r->failed++;
      return 0;
    }
    rc = dyad_store_add(r->store, doc, r->ctx, &err);
  }
  if (rc < 0) {
    print_err(&err);
    r->store_failed = 1;
    return 1;
  }
  return 0;
}

/* inspect, dump, code: write doc, processed with rc and err. */
static void write_doc(run *r, dyad_doc *doc, int rc, const dyad_err *err) {
  if (rc) {
    print_err(err);
    r->failed++;
  } else if (!strcmp(r->cmd, "inspect")) {
    dyad_inspect_write(doc, r->ctx, stdout, r->opts);
  } else if (!strcmp(r->cmd, "dump")) {
    dyad_dump_write(doc, r->ctx, r->stage, stdout);
  } else {
    if (r->merge && dyad_merge_doc(r->merge, doc, r->ctx)) r->failed++;
    dyad_code_write(doc, r->ctx, stdout, r->opts);
  }
}

/* The work on each article, on a worker thread: only reads r. */
static int work_doc(void *user, dyad_doc *doc, const dyad_ctx *ctx, dyad_err *err) {
  const run *r = user;
  return r->stage ? dyad_process_until(doc, ctx, r->stage, err) : dyad_process(doc, ctx, err);
}

/* load with threads: no work for an article the store has already. */
static int skip_doc(void *user, const dyad_doc *doc) {
  run *r = user;
  dyad_err err = {0};
  return dyad_store_unchanged(r->peek, doc, &err) == 1;
}

/* Each article worked on, in input order. */
static int on_doc(void *user, dyad_doc *doc, int rc, const dyad_err *err) {
  run *r = user;
  int stop = 0;
  if (r->store) stop = load_doc(r, doc, rc, err);
  else write_doc(r, doc, rc, err);
  r->bytes += dyad_doc_size(doc);
  if (r->progress) {
    time_t now = time(NULL);
    if (now != r->last_progress) {
      r->last_progress = now;
      fprintf(stderr, "\rdyad: %ld articles, %.1f MB", r->stats.docs, r->bytes / 1e6);
    }
  }
  return stop;
}

static void on_path_error(void *user, const dyad_err *err) {
  run *r = user;
  print_err(err);
  if (err->code == DYAD_EUSAGE) r->status = EXIT_USAGE;
  else if (r->status == EXIT_OK) r->status = EXIT_INPUT;
}

/* dyad events: list the store's merged events. */
static int cmd_events(const dyad_ctx_opts *opts, const char *db, const dyad_events_query *q, unsigned fmt) {
  dyad_err err = {0};
  dyad_ctx *ctx = dyad_ctx_open(opts, &err);
  if (!ctx) {
    print_err(&err);
    return EXIT_DATA;
  }
  int status = EXIT_OK;
  dyad_store *st = dyad_store_open(db, DYAD_STORE_READONLY, &err);
  if (!st) {
    print_err(&err);
    status = EXIT_IO;
  } else if (dyad_events_write(st, ctx, q, fmt, stdout, &err) < 0) {
    if (err.code == DYAD_EUSAGE) fprintf(stderr, "dyad: events: %s\n", err.message);
    else print_err(&err);
    status = err.code == DYAD_EUSAGE ? EXIT_USAGE : EXIT_IO;
  }
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "dyad: error writing output\n");
    status = EXIT_IO;
  }
  dyad_store_close(st, NULL);
  dyad_ctx_free(ctx);
  return status;
}

/* A positive decimal number, or -1. */
static long parse_count(const char *s) {
  char *end;
  long n = strtol(s, &end, 10);
  return *s && !*end && n > 0 ? n : -1;
}

/* dyad timeline A B / dyad report A B: read the store, write words or HTML. */
static int cmd_history(int argc, char **argv) {
  const char *cmd = argv[1], *db = "dyad.db", *out_path = NULL, *data_dir = NULL, *codes[2] = {NULL, NULL};
  int report = !strcmp(cmd, "report"), ncodes = 0;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (!strncmp(a, "--db=", 5)) db = a + 5;
    else if (!strcmp(a, "--db") && i + 1 < argc) db = argv[++i];
    else if (!strncmp(a, "--data=", 7)) data_dir = a + 7;
    else if (!strcmp(a, "--data") && i + 1 < argc) data_dir = argv[++i];
    else if (report && !strncmp(a, "--output=", 9)) out_path = a + 9;
    else if (report && (!strcmp(a, "-o") || !strcmp(a, "--output")) && i + 1 < argc) out_path = argv[++i];
    else if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(usage, stdout); return EXIT_OK; }
    else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "dyad: %s: unknown option '%s' (try 'dyad help')\n", cmd, a);
      return EXIT_USAGE;
    } else if (ncodes < 2) codes[ncodes++] = a;
    else {
      fprintf(stderr, "dyad: %s: one pair at a time ('%s' is a third code)\n", cmd, a);
      return EXIT_USAGE;
    }
  }
  if (ncodes < 2) {
    fprintf(stderr, "dyad: %s: give two country codes, e.g. 'dyad %s VNM KAZ'\n", cmd, cmd);
    return EXIT_USAGE;
  }
  if (report && !out_path) out_path = "report.html";
  dyad_err err = {0};
  int rc;
  if (report) {
    rc = dyad_report_write(db, codes[0], codes[1], data_dir, out_path, &err);
  } else {
    const char *nc = getenv("NO_COLOR");
    unsigned opts = isatty(1) && !(nc && *nc) ? DYAD_OPT_COLOR : 0;
    rc = dyad_timeline_write(db, codes[0], codes[1], data_dir, stdout, opts, &err);
  }
  if (rc < 0) {
    if (err.code == DYAD_EDATA) {
      print_err(&err);
      fputs("dyad: the data files are built by 'make'; point --data or DYAD_DATA at their directory\n", stderr);
      return EXIT_DATA;
    }
    if (err.path[0]) fprintf(stderr, "dyad: %s: %s\n", err.path, err.message);
    else fprintf(stderr, "dyad: %s: %s\n", cmd, err.message);
    return err.code == DYAD_EUSAGE ? EXIT_USAGE : EXIT_IO;
  }
  if (rc == 0) {
    char up[2][16];
    for (int k = 0; k < 2; k++) {
      size_t j = 0;
      for (; codes[k][j] && j + 1 < sizeof up[k]; j++)
        up[k][j] = (codes[k][j] >= 'a' && codes[k][j] <= 'z') ? (char)(codes[k][j] - 32) : codes[k][j];
      up[k][j] = 0;
    }
    printf("no events, figures or agreements between %s and %s in %s%s\n", up[0], up[1], db,
           report ? "; no report written" : "");
  } else if (report) {
    printf("wrote %s (%d event%s, figure%s and agreement%s)\n", out_path, rc, rc == 1 ? "" : "s",
           rc == 1 ? "" : "s", rc == 1 ? "" : "s");
  }
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "dyad: error writing output\n");
    return EXIT_IO;
  }
  return EXIT_OK;
}

int main(int argc, char **argv) {
  /* a write over the file size limit (ulimit -f) fails with EFBIG, which
     dyad reports ("disk full"), instead of killing it half-way */
  signal(SIGXFSZ, SIG_IGN);
  if (argc < 2) {
    fputs("usage: dyad COMMAND [OPTIONS] FILE... (try 'dyad help')\n", stderr);
    return EXIT_USAGE;
  }
  run r = {0};
  r.cmd = argv[1];
  r.progress = -1;
  if (!strcmp(r.cmd, "help") || !strcmp(r.cmd, "--help") || !strcmp(r.cmd, "-h")) {
    fputs(usage, stdout);
    return EXIT_OK;
  }
  if (!strcmp(r.cmd, "version") || !strcmp(r.cmd, "--version")) {
    printf("dyad %s\n", DYAD_VERSION);
    return EXIT_OK;
  }
  if (!strcmp(r.cmd, "timeline") || !strcmp(r.cmd, "report")) return cmd_history(argc, argv);
  int dict_check = !strcmp(r.cmd, "dict");
  if (dict_check && (argc < 3 || strcmp(argv[2], "check"))) {
    fputs("dyad: dict: the only subcommand is 'dict check [FILE...]'\n", stderr);
    return EXIT_USAGE;
  }
  int load = !strcmp(r.cmd, "load"), events = !strcmp(r.cmd, "events");
  if (strcmp(r.cmd, "inspect") && strcmp(r.cmd, "code") && strcmp(r.cmd, "dump") && !dict_check && !load &&
      !events) {
    fprintf(stderr, "dyad: unknown command '%s' (try 'dyad help')\n", r.cmd);
    return EXIT_USAGE;
  }
  const char *data_dir = NULL, *db = "dyad.db", *format = NULL;
  long batch = 0, threads = 0;
  const char *pair = NULL;
  char pair1[64];
  dyad_events_query q = {{NULL, NULL}, NULL, NULL, NULL, NULL};
  const char **files = calloc((size_t)argc, sizeof *files);
  const char **dicts = calloc((size_t)argc, sizeof *dicts);
  int nfiles = 0, ndicts = 0, dashdash = 0;
  unsigned code_flags = 0;
  for (int i = dict_check ? 3 : 2; i < argc; i++) {
    const char *a = argv[i];
    if (dashdash || a[0] != '-' || !strcmp(a, "-")) files[nfiles++] = a;
    else if (!strcmp(a, "--")) dashdash = 1;
    else if (!strcmp(a, "--json")) r.opts |= DYAD_OPT_JSON;
    else if (!strncmp(a, "--format=", 9)) format = a + 9;
    else if (!strcmp(a, "--format") && i + 1 < argc) format = argv[++i];
    else if (!strncmp(a, "--db=", 5)) db = a + 5;
    else if (!strcmp(a, "--db") && i + 1 < argc) db = argv[++i];
    else if (!strncmp(a, "--batch=", 8)) batch = parse_count(a + 8);
    else if (!strcmp(a, "--batch") && i + 1 < argc) batch = parse_count(argv[++i]);
    else if (!strncmp(a, "--threads=", 10)) threads = parse_count(a + 10);
    else if (!strcmp(a, "--threads") && i + 1 < argc) threads = parse_count(argv[++i]);
    else if (!strncmp(a, "--pair=", 7)) pair = a + 7;
    else if (!strcmp(a, "--pair") && i + 1 < argc) pair = argv[++i];
    else if (!strncmp(a, "--actor=", 8)) q.actor = a + 8;
    else if (!strcmp(a, "--actor") && i + 1 < argc) q.actor = argv[++i];
    else if (!strncmp(a, "--code=", 7)) q.code = a + 7;
    else if (!strcmp(a, "--code") && i + 1 < argc) q.code = argv[++i];
    else if (!strncmp(a, "--from=", 7)) q.from = a + 7;
    else if (!strcmp(a, "--from") && i + 1 < argc) q.from = argv[++i];
    else if (!strncmp(a, "--to=", 5)) q.to = a + 5;
    else if (!strcmp(a, "--to") && i + 1 < argc) q.to = argv[++i];
    else if (!strcmp(a, "--all-zones")) r.opts |= DYAD_OPT_ALLZONES;
    else if (!strcmp(a, "--statements")) code_flags |= DYAD_CODE_STATEMENTS;
    else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) r.quiet = 1;
    else if (!strcmp(a, "--progress")) r.progress = 1;
    else if (!strcmp(a, "--no-progress")) r.progress = 0;
    else if (!strncmp(a, "--stage=", 8)) r.stage = a + 8;
    else if (!strcmp(a, "--stage") && i + 1 < argc) r.stage = argv[++i];
    else if (!strncmp(a, "--data=", 7)) data_dir = a + 7;
    else if (!strcmp(a, "--data") && i + 1 < argc) data_dir = argv[++i];
    else if (!strncmp(a, "--dict=", 7)) dicts[ndicts++] = a + 7;
    else if (!strcmp(a, "--dict") && i + 1 < argc) dicts[ndicts++] = argv[++i];
    else if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(usage, stdout); free(files); free(dicts); return EXIT_OK; }
    else {
      fprintf(stderr, "dyad: unknown option '%s' (try 'dyad help')\n", a);
      free(files);
      free(dicts);
      return EXIT_USAGE;
    }
  }
  if (format) {
    int ok = !strcmp(format, "jsonl") || !strcmp(format, "csv") || (events && !strcmp(format, "table"));
    if (!ok && (events || !strcmp(r.cmd, "code"))) {
      fprintf(stderr, "dyad: %s: unknown format '%s' (%s)\n", r.cmd, format,
              events ? "table, jsonl or csv" : "jsonl or csv");
      free(files);
      free(dicts);
      return EXIT_USAGE;
    }
    if (!strcmp(format, "csv")) r.opts |= DYAD_OPT_CSV;
    else if (!strcmp(format, "jsonl") && events) r.opts |= DYAD_OPT_JSON;
  }
  if (batch < 0) {
    fputs("dyad: load: --batch needs a positive number of articles\n", stderr);
    free(files);
    free(dicts);
    return EXIT_USAGE;
  }
  if (threads < 0 || threads > DYAD_MAX_THREADS) {
    fprintf(stderr, "dyad: --threads needs a number of threads from 1 to %d\n", DYAD_MAX_THREADS);
    free(files);
    free(dicts);
    return EXIT_USAGE;
  }
  const char *comma = pair ? strchr(pair, ',') : NULL;
  if (pair && (!comma || comma - pair >= (long)sizeof pair1)) {
    fprintf(stderr, "dyad: events: --pair needs two states, as in VNM,KAZ (got '%s')\n", pair);
    free(files);
    free(dicts);
    return EXIT_USAGE;
  }
  if (comma) {
    snprintf(pair1, sizeof pair1, "%.*s", (int)(comma - pair), pair);
    q.pair[0] = pair1;
    q.pair[1] = comma + 1;
  }
  dyad_ctx_opts opts = {0};
  opts.data_dir = data_dir;
  opts.code_flags = code_flags;
  opts.report = on_dict_problem;
  if (dict_check) {
    /* the files named are user dictionaries checked over the built-in ones */
    for (int i = 0; i < nfiles; i++) dicts[ndicts++] = files[i];
    opts.dict_files = dicts;
    opts.ndict_files = (size_t)ndicts;
    int problems = dyad_dict_check(&opts);
    if (problems == 0) printf("dict check: no problem\n");
    else if (problems > 0) fprintf(stderr, "dict check: %d problem%s\n", problems, problems > 1 ? "s" : "");
    free(files);
    free(dicts);
    return problems == 0 ? EXIT_OK : problems > 0 ? EXIT_INPUT : EXIT_DATA;
  }
  opts.dict_files = dicts;
  opts.ndict_files = (size_t)ndicts;
  if (events) {
    int status = EXIT_USAGE;
    if (nfiles) fprintf(stderr, "dyad: events: unexpected argument '%s' (events reads the store given by --db)\n", files[0]);
    else status = cmd_events(&opts, db, &q, r.opts);
    free(files);
    free(dicts);
    return status;
  }
  if (nfiles == 0) {
    fprintf(stderr, "dyad: %s: no input (give files, directories or - for stdin)\n", r.cmd);
    free(files);
    free(dicts);
    return EXIT_USAGE;
  }
  if (!strcmp(r.cmd, "dump") && !r.stage) {
    fputs("dyad: dump: --stage=normalise|clean|segment|tag|repair|actors|code is required\n", stderr);
    free(files);
    free(dicts);
    return EXIT_USAGE;
  }
  if (r.progress < 0) r.progress = isatty(2);
  dyad_err err = {0};
  opts.report = NULL; /* problems come back in err; 'dyad dict check' lists them all */
  r.ctx = dyad_ctx_open(&opts, &err);
  if (!r.ctx) {
    print_err(&err);
    if (err.code == DYAD_EIO)
      fputs("dyad: the data files are built by 'make'; point --data or DYAD_DATA at their directory\n",
            stderr);
    free(files);
    free(dicts);
    return EXIT_DATA;
  }
  dyad_ctx_set_warn(r.ctx, on_warn, &r);
  if (load) {
    r.store = dyad_store_open(db, 0, &err);
    if (!r.store) {
      print_err(&err);
      dyad_ctx_free(r.ctx);
      free(files);
      free(dicts);
      return EXIT_IO;
    }
    if (batch) dyad_store_set_batch(r.store, (size_t)batch);
  }
  if (!threads) threads = dyad_cpus();
  /* load on threads: a reader's handle tells the articles stored already,
     not worth working on (load_doc asks the writer's handle again, in order) */
  if (r.store && threads > 1) r.peek = dyad_store_open(db, DYAD_STORE_READONLY, NULL);
  if (!strcmp(r.cmd, "code") && (r.opts & DYAD_OPT_CSV)) fputs(dyad_csv_header(), stdout);
  if (!strcmp(r.cmd, "code") && !r.stage && !(r.merge = dyad_merge_new())) {
    fputs("dyad: out of memory\n", stderr);
    r.status = EXIT_IO;
  }
  dyad_run_opts ro = {(int)threads, work_doc, r.peek ? skip_doc : NULL, on_doc, on_path_error, &r};
  dyad_run(r.ctx, files, (size_t)nfiles, &ro, &r.stats);
  dyad_store_close(r.peek, NULL);
  int status = r.status;
  if (r.progress) fprintf(stderr, "\rdyad: %ld articles, %.1f MB, %ld skipped\n", r.stats.docs,
                          r.bytes / 1e6, r.stats.skipped);
  if (r.store) {
    dyad_store_stats ss;
    dyad_store_get_stats(r.store, &ss);
    memset(&err, 0, sizeof err);
    int rc = dyad_store_close(r.store, &err);
    if (rc && !r.store_failed) print_err(&err);
    if (rc || r.store_failed) {
      status = EXIT_IO;
    } else if (!r.quiet) {
      fprintf(stderr,
              "dyad: loaded %ld articles (%ld unchanged, %ld replaced), %ld events, %ld figures, "
              "%ld agreements into %s\n",
              ss.articles, ss.unchanged, ss.replaced, ss.events, ss.figures, ss.agreements, db);
    }
  }
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "dyad: error writing output\n");
    status = EXIT_IO;
  }
  if (status == EXIT_OK && (r.stats.skipped || r.failed)) status = EXIT_INPUT;
  dyad_merge_free(r.merge);
  dyad_ctx_free(r.ctx);
  free(files);
  free(dicts);
  return status;
}
