/* dyad.c: the command-line interface.  Parses options, calls libdyad,
 * prints warnings and errors to stderr and picks the exit status; the
 * work itself is in the library (include/dyad.h).
 *
 * Exit status: 0 everything read; 1 some input skipped or rejected;
 * 2 usage error; 3 data files (lexicon) missing or malformed; 4 I/O or
 * database.
 */
#include "dyad.h"
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
    "  timeline A B      what the store (--db) holds on two states, e.g. VNM KAZ:\n"
    "                    one line per event, figure and agreement, by date\n"
    "  report A B        the same as one self-contained HTML page with charts (-o)\n"
    "  help, version\n"
    "\n"
    "options:\n"
    "  --json            inspect: one JSON object per article instead of text\n"
    "  --format F        code: jsonl (default) or csv (one row per event)\n"
    "  --all-zones       inspect: also show captions, signatures, furniture...\n"
    "  --statements      code: also record plain statements (CAMEO 01x)\n"
    "  --data DIR        data directory (default: $DYAD_DATA, then the build's)\n"
    "  --dict FILE       also load this dictionary, over the built-in ones\n"
    "  -q, --quiet       no warnings about bad input (still counted)\n"
    "  --progress        progress on stderr (default when stderr is a terminal)\n"
    "  --stage=S         code: run the pipeline only up to stage S (benchmarks)\n"
    "  --db PATH         timeline, report: the store (default dyad.db)\n"
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

static int on_doc(void *user, dyad_doc *doc) {
  run *r = user;
  dyad_err err = {0};
  int rc = r->stage ? dyad_process_until(doc, r->ctx, r->stage, &err) : dyad_process(doc, r->ctx, &err);
  if (rc) {
    print_err(&err);
    r->failed++;
  } else if (!strcmp(r->cmd, "inspect")) {
    dyad_inspect_write(doc, r->ctx, stdout, r->opts);
  } else if (!strcmp(r->cmd, "dump")) {
    dyad_dump_write(doc, r->ctx, r->stage, stdout);
  } else {
    if (r->merge && dyad_merge_doc(r->merge, doc, r->ctx)) r->failed++;
    dyad_code_write(doc, r->ctx, stdout, r->opts);
  }
  r->bytes += dyad_doc_size(doc);
  dyad_doc_free(doc);
  if (r->progress) {
    time_t now = time(NULL);
    if (now != r->last_progress) {
      r->last_progress = now;
      fprintf(stderr, "\rdyad: %ld articles, %.1f MB", r->stats.docs, r->bytes / 1e6);
    }
  }
  return 0;
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
  if (strcmp(r.cmd, "inspect") && strcmp(r.cmd, "code") && strcmp(r.cmd, "dump") && !dict_check) {
    fprintf(stderr, "dyad: unknown command '%s' (try 'dyad help')\n", r.cmd);
    return EXIT_USAGE;
  }
  const char *data_dir = NULL;
  const char **files = calloc((size_t)argc, sizeof *files);
  const char **dicts = calloc((size_t)argc, sizeof *dicts);
  int nfiles = 0, ndicts = 0, dashdash = 0;
  unsigned code_flags = 0;
  for (int i = dict_check ? 3 : 2; i < argc; i++) {
    const char *a = argv[i];
    if (dashdash || a[0] != '-' || !strcmp(a, "-")) files[nfiles++] = a;
    else if (!strcmp(a, "--")) dashdash = 1;
    else if (!strcmp(a, "--json")) r.opts |= DYAD_OPT_JSON;
    else if (!strcmp(a, "--format=csv") || (!strcmp(a, "--format") && i + 1 < argc && !strcmp(argv[i + 1], "csv") && ++i))
      r.opts |= DYAD_OPT_CSV;
    else if (!strcmp(a, "--format=jsonl") || (!strcmp(a, "--format") && i + 1 < argc && !strcmp(argv[i + 1], "jsonl") && ++i))
      r.opts &= ~DYAD_OPT_CSV;
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
  int status = EXIT_OK;
  if (!strcmp(r.cmd, "code") && (r.opts & DYAD_OPT_CSV)) fputs(dyad_csv_header(), stdout);
  if (!strcmp(r.cmd, "code") && !r.stage && !(r.merge = dyad_merge_new())) {
    fputs("dyad: out of memory\n", stderr);
    status = EXIT_IO;
  }
  for (int i = 0; i < nfiles; i++) {
    memset(&err, 0, sizeof err);
    int rc = dyad_read_path(r.ctx, files[i], on_doc, &r, &r.stats, &err);
    if (rc == DYAD_EUSAGE) {
      print_err(&err);
      status = EXIT_USAGE;
    } else if (rc) {
      print_err(&err);
      if (status == EXIT_OK) status = EXIT_INPUT;
    }
  }
  if (r.progress) fprintf(stderr, "\rdyad: %ld articles, %.1f MB, %ld skipped\n", r.stats.docs,
                          r.bytes / 1e6, r.stats.skipped);
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
