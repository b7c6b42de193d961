/* report.c: `dyad report A B -o report.html`, the history of a pair as
 * one self-contained HTML file (dyad_report_write).
 *
 * The page has no script and fetches nothing: inline CSS, inline SVG
 * charts drawn here.  Its parts, with the ids and classes tests look for:
 *   header       the pair, the date span, counts (dl#summary)
 *   events chart svg#chart-events: events per year, one stacked bar per
 *                year (rect.bar.q1 .. q4 by QuadClass, bottom up: verbal
 *                cooperation, material cooperation, verbal conflict,
 *                material conflict) and the mean Goldstein score of the
 *                year's events (polyline.goldstein, circle.gs-point and a
 *                label) on a -10..+10 scale at the right
 *   figures      svg#chart-figures: one panel (g.series) per indicator,
 *                unit and kind, each on its own scale: a segment over the
 *                period of each figure with a dot and its value
 *   agreements   table#agreements-table
 *   timeline     ol#timeline: li.event (with .q1-.q4), li.figure and
 *                li.agreement, by date, each with its sources quoted
 *                (blockquote.source: the sentence, the article's id and
 *                url, the byte span)
 * Every text from the database is escaped (& < > " '), invalid UTF-8
 * becomes U+FFFD and control characters spaces; only http(s) urls
 * become links.  The file is written to a temporary file beside out_path
 * (created exclusively, mode 0666 less the umask) and renamed over it, so
 * a reader never sees half a report.  The output depends only on the
 * database and the data files: no clock, no locale.
 */
#include "timeline.h"
#include "dates.h"
#include "err.h"
#include "utf8.h"
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- Escaping ------------------------------------------------------- */

/* s as HTML text or attribute value. */
static void rp_esc(FILE *f, const char *s) {
  if (!s) return;
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      switch (c) {
      case '&': fputs("&amp;", f); break;
      case '<': fputs("&lt;", f); break;
      case '>': fputs("&gt;", f); break;
      case '"': fputs("&quot;", f); break;
      case '\'': fputs("&#39;", f); break;
      default: fputc(c < 0x20 || c == 0x7F ? ' ' : c, f);
      }
      i++;
      continue;
    }
    int32_t cp;
    int k = utf8_decode(s + i, n - i, &cp);
    if (k == 0) {
      fputs("\xEF\xBF\xBD", f);
      i++;
    } else {
      if (cp >= 0x80 && cp <= 0x9F) fputc(' ', f);
      else fwrite(s + i, 1, (size_t)k, f);
      i += (size_t)k;
    }
  }
}

static int rp_http(const char *url) {
  return url && (!strncmp(url, "http://", 7) || !strncmp(url, "https://", 8));
}

/* ---- Page ----------------------------------------------------------- */

static const char rp_css[] =
    ":root{--q1:#7cc47a;--q2:#2a8a47;--q3:#f2a65a;--q4:#d1462f;--gs:#3949ab;--ink:#1f2328;"
    "--muted:#656d76;--line:#d8dee4;--bg:#fff;--panel:#f6f8fa}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"
    "'Segoe UI',Roboto,'DejaVu Sans',sans-serif}\n"
    "body>header,body>main,body>footer{max-width:980px;margin:0 auto;padding:0 24px}\n"
    "body>header{padding-top:28px}\n"
    "h1{font-size:28px;margin:0 0 4px;line-height:1.2}\n"
    "h1 .iso,.iso{font:600 13px ui-monospace,'DejaVu Sans Mono',monospace;color:var(--muted);"
    "border:1px solid var(--line);border-radius:4px;padding:1px 5px;vertical-align:middle}\n"
    "h2{font-size:19px;margin:32px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}\n"
    ".sub{color:var(--muted);margin:0 0 16px}\n"
    "dl.summary{display:flex;flex-wrap:wrap;gap:10px;margin:0}\n"
    "dl.summary div{flex:1 1 0;min-width:96px;background:var(--panel);border:1px solid var(--line);"
    "border-radius:8px;padding:8px 12px}\n"
    "dl.summary div.wide{flex:2 1 0;min-width:200px}\n"
    "dl.summary dt{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}\n"
    "dl.summary dd{margin:0;font-size:20px;font-weight:600;white-space:nowrap}\n"
    "dl.summary dd.span{font-size:15px;padding-top:4px}\n"
    "figure{margin:0}\n"
    "svg.chart{display:block;width:100%;height:auto;background:#fff;border:1px solid var(--line);border-radius:8px}\n"
    "svg text{font-family:system-ui,'DejaVu Sans',sans-serif;font-size:12px;fill:var(--ink)}\n"
    "svg text.tick,svg text.muted{fill:var(--muted)}\n"
    "svg line.grid{stroke:#e6eaef}\n"
    "svg line.axis{stroke:#8c959f}\n"
    ".q1{fill:var(--q1)}.q2{fill:var(--q2)}.q3{fill:var(--q3)}.q4{fill:var(--q4)}.q0{fill:#bbb}\n"
    "svg .goldstein{fill:none;stroke:var(--gs);stroke-width:2}\n"
    "svg .gs-point{fill:#fff;stroke:var(--gs);stroke-width:2}\n"
    "svg text.gs-label{fill:var(--gs);font-size:11px;font-weight:600;paint-order:stroke;stroke:#fff;"
    "stroke-width:3px;stroke-linejoin:round}\n"
    "svg .zero{stroke:var(--gs);stroke-dasharray:4 3;opacity:.5}\n"
    "svg .period{stroke:#0b7285;stroke-width:4;stroke-linecap:round;opacity:.45}\n"
    "svg .trend{fill:none;stroke:#0b7285;stroke-width:1.5}\n"
    "svg .point{fill:#0b7285}\n"
    "svg .point.other{fill:#fff;stroke:#0b7285;stroke-width:2}\n"
    "svg .period.other{stroke-dasharray:6 4;opacity:.6}\n"
    "svg text.value{font-size:11px;font-weight:600;fill:#0b7285;paint-order:stroke;stroke:#fff;stroke-width:3px;"
    "stroke-linejoin:round}\n"
    "svg text.panel-title{font-weight:600}\n"
    "figcaption{color:var(--muted);font-size:13px;margin-top:6px}\n";

/* (two literals: C11 compilers need only take 4095 bytes in one) */
static const char rp_css_timeline[] =
    "table{border-collapse:collapse;width:100%;font-size:14px}\n"
    "th,td{text-align:left;vertical-align:baseline;padding:6px 8px;border-bottom:1px solid var(--line)}\n"
    "th{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}\n"
    "td a,td.docs span,td.parties{white-space:nowrap}\n"
    "ol.timeline{list-style:none;margin:0;padding:0;border-left:3px solid var(--line)}\n"
    "ol.timeline>li{position:relative;margin:0 0 14px;padding:2px 0 0 18px}\n"
    "ol.timeline>li::before{content:'';position:absolute;left:-8px;top:8px;width:13px;height:13px;"
    "border-radius:50%;background:#bbb;border:2px solid #fff}\n"
    "li.event.q1::before{background:var(--q1)}li.event.q2::before{background:var(--q2)}\n"
    "li.event.q3::before{background:var(--q3)}li.event.q4::before{background:var(--q4)}\n"
    "li.figure::before{background:#0b7285}li.agreement::before{background:#8250df}\n"
    ".row{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline}\n"
    ".date{font:13px ui-monospace,'DejaVu Sans Mono',monospace;color:var(--muted);min-width:8.5em}\n"
    ".what{flex:1 1 380px;font-weight:600}\n"
    ".badge{font:600 12px ui-monospace,'DejaVu Sans Mono',monospace;border-radius:10px;padding:1px 8px;color:#fff}\n"
    ".badge.q1{background:var(--q1);color:#123}.badge.q2{background:var(--q2)}"
    ".badge.q3{background:var(--q3);color:#321}.badge.q4{background:var(--q4)}.badge.q0{background:#999}\n"
    ".badge.fig{background:#0b7285}.badge.agr{background:#8250df}\n"
    ".count{font-size:13px;color:var(--muted);white-space:nowrap}\n"
    "details{margin:4px 0 0}\n"
    "summary{cursor:pointer;color:var(--muted);font-size:13px}\n"
    "blockquote.source{margin:6px 0 8px;padding:6px 12px;border-left:3px solid var(--line);background:var(--panel);"
    "border-radius:0 6px 6px 0}\n"
    "blockquote.source p{margin:0 0 2px;font-style:italic}\n"
    "blockquote.source footer{font-size:12px;color:var(--muted)}\n"
    "a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}\n"
    "footer.page{color:var(--muted);font-size:12px;margin-top:40px;padding-bottom:28px}\n"
    "footer.page p{border-top:1px solid var(--line);padding-top:10px;margin:0}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px;color:var(--muted);margin:0 0 6px}\n"
    ".legend i{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}\n"
    ".legend i.gs{background:none;border-top:2px solid var(--gs);height:0;width:16px;border-radius:0;vertical-align:3px}\n"
    "@media print{details{display:block}summary{display:none}}\n";

typedef struct rp {
  FILE *f;
  const describe *d;
  const history *h;
} rp;

static void rp_sources(rp *r, const hist_source *src, size_t n, int events) {
  fprintf(r->f, "<details class=\"sources\" open><summary>%zu report%s</summary>\n", n, n == 1 ? "" : "s");
  for (size_t i = 0; i < n; i++) {
    const hist_source *s = &src[i];
    fputs("<blockquote class=\"source\"", r->f);
    if (rp_http(s->url)) {
      fputs(" cite=\"", r->f);
      rp_esc(r->f, s->url);
      fputc('"', r->f);
    }
    fputs("><p>\xC2\xAB\xC2\xA0", r->f);
    rp_esc(r->f, s->sentence);
    fputs("\xC2\xA0\xC2\xBB</p><footer>", r->f);
    if (rp_http(s->url)) {
      fputs("<a class=\"doc\" href=\"", r->f);
      rp_esc(r->f, s->url);
      fputs("\">", r->f);
      rp_esc(r->f, s->doc);
      fputs("</a>", r->f);
    } else {
      fputs("<span class=\"doc\">", r->f);
      rp_esc(r->f, s->doc);
      fputs("</span>", r->f);
      if (s->url && *s->url) {
        fputs(" (", r->f);
        rp_esc(r->f, s->url);
        fputc(')', r->f);
      }
    }
    if (s->published) {
      fputs(" \xC2\xB7 published ", r->f);
      rp_esc(r->f, s->published);
    }
    fprintf(r->f, " \xC2\xB7 bytes %ld\xE2\x80\x93%ld", s->span_start, s->span_end);
    if (events && s->cameo && *s->cameo) {
      fputs(" \xC2\xB7 coded ", r->f);
      rp_esc(r->f, s->cameo);
    }
    if (s->date && *s->date) {
      fputs(" \xC2\xB7 dated ", r->f);
      rp_esc(r->f, s->date);
    }
    fputs("</footer></blockquote>\n", r->f);
  }
  fputs("</details>\n", r->f);
}

static void rp_count(FILE *f, long n) {
  fprintf(f, "<span class=\"count\">%ld source%s</span>", n, n == 1 ? "" : "s");
}

static void rp_item(rp *r, const hist_item *it) {
  char date[40], text[1024];
  FILE *f = r->f;
  if (it->kind == HIST_EVENT) {
    const hist_event *e = &r->h->events[it->index];
    const cameo_code *c = cameo_find(describe_cameo(r->d), e->cameo);
    describe_date(e->first, e->last, date);
    timeline_event_text(r->d, e, text, sizeof text);
    fprintf(f, "<li class=\"event q%d\" data-cameo=\"", e->quad);
    rp_esc(f, e->cameo);
    fprintf(f, "\"><div class=\"row\"><span class=\"date\">%s</span><span class=\"what\">", date);
    rp_esc(f, text);
    fprintf(f, "</span><span class=\"badge q%d\" title=\"", e->quad);
    if (c) {
      rp_esc(f, c->name);
      fprintf(f, " \xC2\xB7 %s \xC2\xB7 Goldstein %+.1f", describe_quad(c->quad), c->goldstein);
    }
    fputs("\">", f);
    rp_esc(f, e->cameo);
    fputs("</span>", f);
    rp_count(f, e->nsources);
    fputs("</div>\n", f);
    rp_sources(r, e->src, e->nsrc, 1);
  } else if (it->kind == HIST_FIGURE) {
    const hist_figure *g = &r->h->figures[it->index];
    describe_period(g->first, g->last, date);
    timeline_figure_text(g, text, sizeof text);
    fprintf(f, "<li class=\"figure\"><div class=\"row\"><span class=\"date\">%s</span><span class=\"what\">", date);
    rp_esc(f, text);
    fputs("</span><span class=\"badge fig\">figure</span>", f);
    rp_count(f, g->nsources);
    fputs("</div>\n", f);
    rp_sources(r, g->src, g->nsrc, 0);
  } else {
    const hist_agreement *a = &r->h->agreements[it->index];
    describe_date(a->first, a->last, date);
    timeline_agreement_text(a, text, sizeof text);
    fprintf(f, "<li class=\"agreement\"><div class=\"row\"><span class=\"date\">%s</span><span class=\"what\">", date);
    rp_esc(f, text);
    fputs("</span><span class=\"badge agr\">agreement</span>", f);
    rp_count(f, timeline_docs(a->src, a->nsrc));
    fputs("</div>\n", f);
    rp_sources(r, a->src, a->nsrc, 0);
  }
  fputs("</li>\n", f);
}

/* ---- Charts --------------------------------------------------------- */

static int rp_year(int32_t day) {
  int y, m, d;
  dates_civil(day, &y, &m, &d);
  return y;
}

/* A round step giving at most 5 intervals over span (span > 0). */
static double rp_step(double span) {
  double raw = span / 5, p = pow(10, floor(log10(raw))), m = raw / p;
  double s = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
  return s * p;
}

static void rp_num(FILE *f, double v) {
  char buf[40];
  fputs(describe_value_short(v, buf), f);
}

/* The charts show at most this many years (the latest). */
#define RP_MAX_YEARS 400
/* ... and values up to this size (a larger one is a misreading). */
#define RP_MAX_VALUE 1e15

/* events chart geometry (SVG user units) */
#define EV_W 760
#define EV_H 300
#define EV_L 48
#define EV_R 56
#define EV_T 18
#define EV_B 36

/* A signed score with a real minus sign: "+5.2", "−2.0", "0". */
static void rp_signed(FILE *f, double v, int decimals) {
  if (fabs(v) < 0.5 * pow(10, -decimals)) fputs(decimals ? "0.0" : "0", f);
  else fprintf(f, "%s%.*f", v < 0 ? "\xE2\x88\x92" : "+", decimals, fabs(v));
}

static void rp_chart_events(rp *r) {
  const history *h = r->h;
  FILE *f = r->f;
  int y0 = 0, y1 = 0;
  size_t undated = 0;
  for (size_t i = 0; i < h->nevents; i++) {
    const hist_event *e = &h->events[i];
    if (e->first > e->last) { undated++; continue; }
    int y = rp_year(e->first);
    if (!y0 || y < y0) y0 = y;
    if (!y1 || y > y1) y1 = y;
  }
  fputs("<section id=\"events-per-year\"><h2>Events per year</h2>\n", f);
  if (!y0) {
    fputs("<p>No dated events to chart.</p></section>\n", f);
    return;
  }
  size_t early = 0; /* a damaged date must not make the chart endless */
  if (y1 - y0 >= RP_MAX_YEARS) {
    y0 = y1 - RP_MAX_YEARS + 1;
    for (size_t i = 0; i < h->nevents; i++)
      early += h->events[i].first <= h->events[i].last && rp_year(h->events[i].first) < y0;
  }
  int ny = y1 - y0 + 1;
  long (*count)[5] = xcalloc((size_t)ny, sizeof *count);
  double *gsum = xcalloc((size_t)ny, sizeof *gsum);
  long *gn = xcalloc((size_t)ny, sizeof *gn);
  for (size_t i = 0; i < h->nevents; i++) {
    const hist_event *e = &h->events[i];
    if (e->first > e->last || rp_year(e->first) < y0) continue;
    int k = rp_year(e->first) - y0;
    count[k][e->quad >= 1 && e->quad <= 4 ? e->quad : 0]++;
    if (e->quad) gsum[k] += e->goldstein, gn[k]++;
  }
  long maxc = 1;
  for (int k = 0; k < ny; k++) {
    long t = count[k][0] + count[k][1] + count[k][2] + count[k][3] + count[k][4];
    if (t > maxc) maxc = t;
  }
  double step = rp_step((double)maxc);
  if (step < 1) step = 1;
  double top = ceil((double)maxc / step) * step;
  const double x0 = EV_L, x1 = EV_W - EV_R, yt = EV_T, yb = EV_H - EV_B;
  const double pw = x1 - x0, ph = yb - yt, band = pw / ny;
  double bw = band * 0.62;
  if (bw > 56) bw = 56;
  fputs("<figure>\n<div class=\"legend\">", f);
  for (int q = 1; q <= 4; q++) fprintf(f, "<span><i class=\"q%d\"></i>%s</span>", q, describe_quad(q));
  fputs("<span><i class=\"gs\"></i>mean Goldstein score (right scale)</span></div>\n", f);
  fprintf(f,
          "<svg id=\"chart-events\" class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
          "role=\"img\" aria-labelledby=\"chart-events-title\" xmlns=\"http://www.w3.org/2000/svg\">\n"
          "<title id=\"chart-events-title\">Events per year by QuadClass, with the mean Goldstein score</title>\n",
          EV_W, EV_H, EV_W, EV_H);
  /* left scale: counts; right scale: Goldstein; years below */
  fputs("<g class=\"scales\">", f);
  for (int t = 0; t <= 12 && t * step <= top + 1e-9; t++) {
    double v = t * step, y = yb - v / top * ph;
    fprintf(f, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x0, y, x1, y);
    fprintf(f, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%g</text>", x0 - 8, y + 4, v);
  }
  for (int g = -10; g <= 10; g += 5) {
    fprintf(f, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\">", x1 + 8, yb - (g + 10) / 20.0 * ph + 4);
    rp_signed(f, g, 0);
    fputs("</text>", f);
  }
  int lstep = (ny + 15) / 16;
  for (int k = 0; k < ny; k++)
    if (k % lstep == 0)
      fprintf(f, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>", x0 + band * (k + 0.5),
              yb + 20, y0 + k);
  fprintf(f, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x0, yb, x1, yb);
  fprintf(f, "<text class=\"muted\" transform=\"translate(14 %.1f) rotate(-90)\" text-anchor=\"middle\">events</text>",
          yt + ph / 2);
  fprintf(f,
          "<text class=\"muted\" transform=\"translate(%d %.1f) rotate(90)\" text-anchor=\"middle\">mean Goldstein</text>",
          EV_W - 12, yt + ph / 2);
  double zy = yb - 0.5 * ph;
  fprintf(f, "<line class=\"zero\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x0, zy, x1, zy);
  fputs("</g>\n", f);
  /* stacked bars, cooperation at the bottom */
  static const int order[5] = {1, 2, 3, 4, 0};
  fputs("<g class=\"bars\">\n", f);
  for (int k = 0; k < ny; k++) {
    double x = x0 + band * k + (band - bw) / 2, base = yb;
    for (int j = 0; j < 5; j++) {
      int q = order[j];
      long c = count[k][q];
      if (!c) continue;
      double hgt = c / top * ph;
      fprintf(f,
              "<rect class=\"bar q%d\" data-year=\"%d\" data-count=\"%ld\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
              "height=\"%.1f\"><title>%d: %ld %s</title></rect>\n",
              q, y0 + k, c, x, base - hgt, bw, hgt, y0 + k, c, describe_quad(q));
      base -= hgt;
    }
  }
  fputs("</g>\n<g class=\"goldstein-series\">\n", f);
  /* mean Goldstein per year */
  int npts = 0;
  for (int k = 0; k < ny; k++) npts += gn[k] > 0;
  if (npts > 1) {
    fputs("<polyline class=\"goldstein\" points=\"", f);
    for (int k = 0; k < ny; k++)
      if (gn[k]) fprintf(f, "%.1f,%.1f ", x0 + band * (k + 0.5), yb - (gsum[k] / gn[k] + 10) / 20 * ph);
    fputs("\"/>\n", f);
  }
  for (int k = 0; k < ny; k++) {
    if (!gn[k]) continue;
    double m = gsum[k] / gn[k], cx = x0 + band * (k + 0.5), cy = yb - (m + 10) / 20 * ph;
    fprintf(f,
            "<circle class=\"gs-point\" data-year=\"%d\" data-mean=\"%.2f\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\">"
            "<title>%d: mean Goldstein %+.2f over %ld event%s</title></circle>",
            y0 + k, m, cx, cy, y0 + k, m, gn[k], gn[k] == 1 ? "" : "s");
    fprintf(f, "<text class=\"gs-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", cx,
            cy < yt + 16 ? cy + 18 : cy - 9);
    rp_signed(f, m, 1);
    fputs("</text>\n", f);
  }
  fputs("</g>\n</svg>\n<figcaption>Bars: events per year (a cluster of reports counts once, in the year of its "
        "first day), stacked by QuadClass. Line: the mean Goldstein score of the year\xE2\x80\x99s events, from "
        "\xE2\x88\x92" "10 (conflict) to +10 (cooperation), on the right scale.",
        f);
  if (undated) fprintf(f, " %zu undated event%s not shown.", undated, undated == 1 ? "" : "s");
  if (early) fprintf(f, " %zu event%s before %d not shown.", early, early == 1 ? "" : "s", y0);
  fputs("</figcaption>\n</figure>\n</section>\n", f);
  free(count);
  free(gsum);
  free(gn);
}

/* figures chart geometry */
#define FG_W 760
#define FG_L 64
#define FG_R 24
#define FG_T 4
#define FG_PANEL 136
#define FG_AXIS 30

/* One panel per indicator and unit; actual values, targets and averages
 * share it, told apart by their marks. */
static int rp_series_cmp(const hist_figure *a, const hist_figure *b) {
  int c = strcmp(a->indicator, b->indicator);
  return c ? c : strcmp(a->unit, b->unit);
}

static int rp_fig_cmp(const void *x, const void *y) {
  const hist_figure *a = *(const hist_figure *const *)x, *b = *(const hist_figure *const *)y;
  int c = rp_series_cmp(a, b);
  if (c) return c;
  if (a->first != b->first) return a->first < b->first ? -1 : 1;
  if (a->last != b->last) return a->last < b->last ? -1 : 1;
  return strcmp(a->kind, b->kind);
}

static int rp_actual(const hist_figure *g) { return !strcmp(g->kind, "actual"); }

static void rp_chart_figures(rp *r) {
  const history *h = r->h;
  FILE *f = r->f;
  fputs("<section id=\"figures\"><h2>Figures</h2>\n", f);
  size_t n = 0, undated = 0, huge = 0;
  const hist_figure **fig = xcalloc(h->nfigures ? h->nfigures : 1, sizeof *fig);
  for (size_t i = 0; i < h->nfigures; i++) {
    if (h->figures[i].first > h->figures[i].last) undated++;
    else if (!(fabs(h->figures[i].value) <= RP_MAX_VALUE)) huge++; /* also NaN */
    else fig[n++] = &h->figures[i];
  }
  if (n == 0) {
    fputs(h->nfigures ? "<p>No dated figures to chart.</p>\n" : "<p>No figures.</p>\n", f);
    fputs("</section>\n", f);
    free(fig);
    return;
  }
  qsort(fig, n, sizeof *fig, rp_fig_cmp);
  size_t nseries = 1;
  int others = 0;
  for (size_t i = 0; i < n; i++) {
    if (i) nseries += rp_series_cmp(fig[i - 1], fig[i]) != 0;
    others |= !rp_actual(fig[i]);
  }
  int32_t dmin = fig[0]->first, dmax = fig[0]->last;
  for (size_t i = 0; i < n; i++) {
    if (fig[i]->first < dmin) dmin = fig[i]->first;
    if (fig[i]->last > dmax) dmax = fig[i]->last;
  }
  int ya = rp_year(dmin), yz = rp_year(dmax) + 1;
  size_t early = 0;
  if (yz - ya > RP_MAX_YEARS) { /* keep the figures of the latest years */
    ya = yz - RP_MAX_YEARS;
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
      if (fig[i]->first >= dates_days(ya, 1, 1)) fig[w++] = fig[i];
      else early++;
    n = w;
    if (n == 0) {
      fputs("<p>No figures to chart.</p>\n</section>\n", f);
      free(fig);
      return;
    }
    nseries = 1;
    for (size_t i = 1; i < n; i++) nseries += rp_series_cmp(fig[i - 1], fig[i]) != 0;
  }
  double t0 = dates_days(ya, 1, 1), t1 = dates_days(yz, 1, 1);
  const double x0 = FG_L, x1 = FG_W - FG_R, pw = x1 - x0;
  int H = FG_T + (int)nseries * FG_PANEL + FG_AXIS;
#define FG_X(day) (x0 + ((double)(day) - t0) / (t1 - t0) * pw)
  fprintf(f,
          "<figure>\n<svg id=\"chart-figures\" class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
          "role=\"img\" aria-labelledby=\"chart-figures-title\" xmlns=\"http://www.w3.org/2000/svg\">\n"
          "<title id=\"chart-figures-title\">Figures over time, one panel per indicator and unit</title>\n",
          FG_W, H, FG_W, H);
  size_t i = 0;
  for (size_t s = 0; s < nseries; s++) {
    size_t j = i + 1;
    while (j < n && !rp_series_cmp(fig[i], fig[j])) j++;
    double lo = 0, hi = 0;
    for (size_t k = i; k < j; k++) {
      if (fig[k]->value < lo) lo = fig[k]->value;
      if (fig[k]->value > hi) hi = fig[k]->value;
    }
    if (hi <= lo) hi = lo + 1;
    double step = rp_step(hi - lo);
    hi = ceil(hi / step) * step;
    lo = floor(lo / step) * step;
    double py = FG_T + (double)s * FG_PANEL, pt = py + 40, pb = py + FG_PANEL - 12;
#define FG_Y(v) (pb - ((v) - lo) / (hi - lo) * (pb - pt))
    fputs("<g class=\"series\" data-indicator=\"", f);
    rp_esc(f, fig[i]->indicator);
    fputs("\" data-unit=\"", f);
    rp_esc(f, fig[i]->unit);
    fprintf(f, "\">\n<text class=\"panel-title\" x=\"%.1f\" y=\"%.1f\">", x0, py + 20);
    rp_esc(f, fig[i]->indicator);
    fputs(" (", f);
    rp_esc(f, fig[i]->unit);
    fputs(")</text>\n<g class=\"scales\">", f);
    for (int y = ya; y <= yz; y++) {
      double x = FG_X(dates_days(y, 1, 1));
      fprintf(f, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x, pt - 6, x, pb);
    }
    for (int t = 0; t <= 12 && lo + t * step <= hi + step / 1e6; t++) {
      double v = lo + t * step, y = FG_Y(v);
      fprintf(f, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
              fabs(v) < step / 1e6 ? "axis" : "grid", x0, y, x1, y);
      fprintf(f, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", x0 - 8, y + 4);
      rp_num(f, fabs(v) < step / 1e6 ? 0 : v);
      fputs("</text>", f);
    }
    fputs("</g>\n", f);
    size_t nact = 0;
    for (size_t k = i; k < j; k++) nact += rp_actual(fig[k]);
    if (nact > 1) {
      fputs("<polyline class=\"trend\" points=\"", f);
      for (size_t k = i; k < j; k++)
        if (rp_actual(fig[k]))
          fprintf(f, "%.1f,%.1f ", (FG_X(fig[k]->first) + FG_X((double)fig[k]->last + 1)) / 2, FG_Y(fig[k]->value));
      fputs("\"/>\n", f);
    }
    for (size_t k = i; k < j; k++) {
      const hist_figure *g = fig[k];
      const char *other = rp_actual(g) ? "" : " other";
      double xa = FG_X(g->first), xb = FG_X((double)g->last + 1), y = FG_Y(g->value), cx = (xa + xb) / 2;
      char text[512];
      timeline_figure_text(g, text, sizeof text);
      fputs("<g class=\"figure-point\" data-kind=\"", f);
      rp_esc(f, g->kind);
      fprintf(f, "\"><line class=\"period%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", other, xa + 2, y,
              xb - 2, y);
      fprintf(f, "<circle class=\"point%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>", other, cx, y);
      fprintf(f, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", cx, y - 9);
      if (*other) {
        rp_esc(f, g->kind);
        fputc(' ', f);
      }
      rp_num(f, g->value);
      fputs("</text><title>", f);
      rp_esc(f, text);
      fprintf(f, " \xC2\xB7 %ld source%s</title></g>\n", g->nsources, g->nsources == 1 ? "" : "s");
    }
    fputs("</g>\n", f);
#undef FG_Y
    i = j;
  }
  /* years along the bottom */
  int ystep = (yz - ya + 11) / 12;
  fputs("<g class=\"years\">", f);
  for (int y = ya; y < yz; y++)
    if ((y - ya) % ystep == 0)
      fprintf(f, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>",
              (FG_X(dates_days(y, 1, 1)) + FG_X(dates_days(y + 1, 1, 1))) / 2, H - FG_AXIS + 18, y);
  fputs("</g>\n", f);
#undef FG_X
  fputs("</svg>\n<figcaption>One panel per indicator and unit, each on its own scale. A bar spans the period a "
        "figure is about; the dot and label give its value (k thousand, M million, B billion); the line joins "
        "the actual values.",
        f);
  if (others) fputs(" Hollow dots and dashed bars are targets or averages.", f);
  if (undated) fprintf(f, " %zu undated figure%s not shown.", undated, undated == 1 ? "" : "s");
  if (huge) fprintf(f, " %zu figure%s beyond 10<sup>15</sup> not shown.", huge, huge == 1 ? "" : "s");
  if (early) fprintf(f, " %zu figure%s before %d not shown.", early, early == 1 ? "" : "s", ya);
  fputs("</figcaption>\n</figure>\n</section>\n", f);
  free(fig);
}

/* ---- Agreements table ----------------------------------------------- */

static void rp_agreements(rp *r) {
  const history *h = r->h;
  FILE *f = r->f;
  fputs("<section id=\"agreements\"><h2>Agreements</h2>\n", f);
  if (!h->nagreements) {
    fputs("<p>No agreements.</p>\n</section>\n", f);
    return;
  }
  fputs("<table id=\"agreements-table\"><thead><tr><th>Date</th><th>Agreement</th><th>Parties</th>"
        "<th>Reported by</th></tr></thead>\n<tbody>\n",
        f);
  for (size_t i = 0; i < h->nitems; i++) {
    if (h->items[i].kind != HIST_AGREEMENT) continue;
    const hist_agreement *a = &h->agreements[h->items[i].index];
    char date[40];
    fprintf(f, "<tr class=\"agreement-row\"><td class=\"date\">%s</td><td>", describe_date(a->first, a->last, date));
    rp_esc(f, a->title);
    fputs("</td><td class=\"parties\">", f);
    rp_esc(f, timeline_name(r->d, a->party1));
    fputs(" \xE2\x80\x93 ", f);
    rp_esc(f, timeline_name(r->d, a->party2));
    fputs("</td><td class=\"docs\">", f);
    for (size_t k = 0; k < a->nsrc; k++) {
      if (k) fputs(", ", f);
      if (rp_http(a->src[k].url)) {
        fputs("<a href=\"", f);
        rp_esc(f, a->src[k].url);
        fputs("\">", f);
        rp_esc(f, a->src[k].doc);
        fputs("</a>", f);
      } else {
        fputs("<span>", f);
        rp_esc(f, a->src[k].doc);
        fputs("</span>", f);
      }
    }
    fputs("</td></tr>\n", f);
  }
  fputs("</tbody></table>\n</section>\n", f);
}

/* ---- The page ------------------------------------------------------- */

static void rp_page(rp *r, const char *db_path) {
  const history *h = r->h;
  FILE *f = r->f;
  const char *na = timeline_name(r->d, h->a), *nb = timeline_name(r->d, h->b);
  fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"dyad " DYAD_VERSION "\">\n<title>",
        f);
  rp_esc(f, na);
  fputs(" \xE2\x80\x93 ", f);
  rp_esc(f, nb);
  fprintf(f, ": events, figures and agreements</title>\n<style>\n%s%s"
             ".legend i.q1{background:var(--q1)}.legend i.q2{background:var(--q2)}"
             ".legend i.q3{background:var(--q3)}.legend i.q4{background:var(--q4)}\n</style>\n</head>\n<body>\n",
          rp_css, rp_css_timeline);
  fputs("<header>\n<h1>", f);
  rp_esc(f, na);
  fputs(" <span class=\"iso\">", f);
  rp_esc(f, h->a);
  fputs("</span> \xE2\x80\x93 ", f);
  rp_esc(f, nb);
  fputs(" <span class=\"iso\">", f);
  rp_esc(f, h->b);
  fputs("</span></h1>\n<p class=\"sub\">Inter-state events, figures and agreements coded by dyad from French news, "
        "in either direction between the two.</p>\n",
        f);
  /* summary; the period runs from the start of the earliest item to the
   * end of the latest, each as precise as that item's date */
  const hist_item *early = NULL, *late = NULL;
  for (size_t i = 0; i < h->nitems; i++) {
    const hist_item *it = &h->items[i];
    if (it->first > it->last) continue;
    if (!early || it->first < early->first) early = it;
    if (!late || it->last > late->last) late = it;
  }
  double gs = 0;
  long gn = 0;
  long quad[5] = {0};
  for (size_t i = 0; i < h->nevents; i++) {
    const hist_event *e = &h->events[i];
    quad[e->quad >= 1 && e->quad <= 4 ? e->quad : 0]++;
    if (e->quad) gs += e->goldstein, gn++;
  }
  fputs("<dl class=\"summary\" id=\"summary\">\n", f);
  if (early) {
    char d1[32], d2[32];
    dates_format(early->first, early->last, d1);
    dates_format(late->first, late->last, d2);
    char *cut = strchr(d1, '/'), *end = strchr(d2, '/');
    if (cut) *cut = 0;
    fprintf(f, "<div class=\"wide\"><dt>Period</dt><dd class=\"span\" id=\"period\">%s \xE2\x80\x93 %s</dd></div>\n",
            d1, end ? end + 1 : d2);
  }
  fprintf(f, "<div><dt>Events</dt><dd id=\"n-events\">%zu</dd></div>\n", h->nevents);
  fprintf(f, "<div><dt>Reports</dt><dd id=\"n-reports\">%zu</dd></div>\n", h->nreports);
  fprintf(f, "<div><dt>Articles</dt><dd id=\"n-articles\">%zu</dd></div>\n", h->ndocs);
  fprintf(f, "<div><dt>Figures</dt><dd id=\"n-figures\">%zu</dd></div>\n", h->nfigures);
  fprintf(f, "<div><dt>Agreements</dt><dd id=\"n-agreements\">%zu</dd></div>\n", h->nagreements);
  if (gn) fprintf(f, "<div><dt>Mean Goldstein</dt><dd id=\"mean-goldstein\">%+.1f</dd></div>\n", gs / gn);
  fputs("</dl>\n", f);
  if (h->nevents) {
    fputs("<p class=\"sub\" style=\"margin-top:10px\">", f);
    int any = 0;
    for (int q = 1; q <= 4; q++) {
      if (!quad[q]) continue;
      fprintf(f, "%s%ld %s", any ? " \xC2\xB7 " : "", quad[q], describe_quad(q));
      any = 1;
    }
    fputs("</p>\n", f);
  }
  fputs("</header>\n<main>\n", f);
  rp_chart_events(r);
  rp_chart_figures(r);
  rp_agreements(r);
  fputs("<section id=\"history\"><h2>Timeline</h2>\n<ol class=\"timeline\" id=\"timeline\">\n", f);
  for (size_t i = 0; i < h->nitems; i++) rp_item(r, &h->items[i]);
  fputs("</ol>\n</section>\n</main>\n<footer class=\"page\"><p>Made by dyad " DYAD_VERSION " from ", f);
  rp_esc(f, db_path);
  fputs(". Sentences are quoted as stored; spans are byte offsets into the original articles; "
        "CAMEO codes and Goldstein scores follow data/cameo.tsv.</p></footer>\n</body>\n</html>\n",
        f);
}

int dyad_report_write(const char *db_path, const char *a, const char *b, const char *data_dir,
                      const char *out_path, dyad_err *err) {
  describe *d;
  history *h;
  int rc = timeline_open(db_path, a, b, data_dir, &d, &h, err);
  if (rc) return rc;
  size_t n = h->nitems;
  if (n == 0) {
    history_free(h);
    describe_free(d);
    return 0;
  }
  size_t tn = strlen(out_path) + 48;
  char *tmp = xmalloc(tn);
  int fd = -1;
  for (int k = 0; k < 100 && fd < 0; k++) {
    snprintf(tmp, tn, "%s.tmp%ld.%d", out_path, (long)getpid(), k);
    fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!f) {
    rc = err_set(err, DYAD_EIO, out_path, 0, 0, "cannot write the report: %s", strerror(errno));
    if (fd >= 0) {
      close(fd);
      unlink(tmp);
    }
  } else {
    rp r = {f, d, h};
    rp_page(&r, db_path);
    int bad = ferror(f);
    if (fclose(f) != 0) bad = 1;
    if (bad) rc = err_set(err, DYAD_EIO, out_path, 0, 0, "cannot write the report: %s", strerror(errno));
    else if (rename(tmp, out_path) != 0)
      rc = err_set(err, DYAD_EIO, out_path, 0, 0, "cannot rename the report into place: %s", strerror(errno));
    if (rc) unlink(tmp);
  }
  free(tmp);
  history_free(h);
  describe_free(d);
  return rc ? rc : (int)n;
}
