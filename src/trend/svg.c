/*
 * svg.c -- a trend as an SVG chart (dyad trend --svg), written by hand so
 * that no plotting library is needed: a stacked bar of the quad classes
 * per period on the left axis, the mean Goldstein score as a line on the
 * right axis (fixed at -10..+10, so charts of different dyads compare),
 * dated ticks, a legend, and a dashed mark at the start of each alert.
 * Plain SVG 1.1 with inline attributes only: rsvg-convert, browsers and
 * Inkscape draw it alike.
 */
#include "trend_private.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { W = 960, H = 520, ML = 64, MR = 72, MT = 56, MB = 120, MAX_LABELS = 6 };

static const char *const quad_color[5] = {"", "#9ad39a", "#2e8b57", "#f4a261", "#c0392b"};
static const char *const quad_label[5] = {"", "verbal cooperation", "material cooperation", "verbal conflict",
                                          "material conflict"};

static void xml_text(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(*s, out);
        }
    }
}

/* A round step for about six ticks up to max. */
static long tick_step(long max)
{
    long step = 1;
    for (;;) {
        if (max / step <= 6) return step;
        if (max / (step * 2) <= 6) return step * 2;
        if (max / (step * 5) <= 6) return step * 5;
        step *= 10;
    }
}

static void date_label(dyad_trend_by by, int ymd, char out[11])
{
    trend_format_date(ymd, out);
    if (by == DYAD_BY_MONTH) out[7] = 0;
}

int dyad_trend_svg(const dyad_trend *t, const dyad_alerts *alerts, const char *title, FILE *out)
{
    if (!t || !out) return -1;
    const size_t n = t->n;
    /* the alerts in the series, listed under the title: the plot starts
     * below the list, so that no label covers a bar or the line */
    size_t nmarks = 0;
    for (size_t k = 0; alerts && n && k < alerts->n; k++)
        if (alerts->alerts[k].start >= t->points[0].start && alerts->alerts[k].start <= t->points[n - 1].end) nmarks++;
    const int mt = MT + 16 * (int)(nmarks < MAX_LABELS ? nmarks : MAX_LABELS);
    const double pw = W - ML - MR, ph = H - mt - MB;
    long ymax = 1;
    for (size_t i = 0; i < n; i++)
        if (t->points[i].events > ymax) ymax = t->points[i].events;
    long step = tick_step(ymax);
    long top = (ymax + step - 1) / step * step;
    const double slot = n ? pw / (double)n : pw;
    const double bw = slot * 0.8 > 1 ? slot * 0.8 : 1;
    fprintf(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n"
            "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
            W, H, W, H, W, H);
    fputs("<text x=\"", out);
    fprintf(out, "%d\" y=\"28\" font-size=\"17\" font-weight=\"bold\" fill=\"#222\">", ML);
    xml_text(out, title ? title : "events");
    fputs("</text>\n", out);
    /* left axis: events, with grid lines */
    for (long v = 0; v <= top; v += step) {
        double y = mt + ph - ph * (double)v / (double)top;
        fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>\n", ML, y, W - MR, y);
        fprintf(out, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#333\">%ld</text>\n", ML - 6, y + 4, v);
    }
    fprintf(out,
            "<text transform=\"translate(18,%.1f) rotate(-90)\" text-anchor=\"middle\" fill=\"#333\">events per %s</text>\n",
            mt + ph / 2, dyad_trend_by_name(t->by));
    /* right axis: mean Goldstein score */
    for (int g = -10; g <= 10; g += 5) {
        double y = mt + ph / 2 - ph / 2 * g / 10.0;
        fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#1f4e9c\"/>\n", W - MR, y, W - MR + 5, y);
        fprintf(out, "<text x=\"%d\" y=\"%.1f\" fill=\"#1f4e9c\">%+d</text>\n", W - MR + 8, y + 4, g);
    }
    fprintf(out,
            "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#1f4e9c\" stroke-width=\"0.8\" "
            "stroke-dasharray=\"2,4\"/>\n",
            ML, mt + ph / 2, W - MR, mt + ph / 2);
    fprintf(out,
            "<text transform=\"translate(%d,%.1f) rotate(90)\" text-anchor=\"middle\" fill=\"#1f4e9c\">mean Goldstein score</text>\n",
            W - 14, mt + ph / 2);
    /* bars */
    for (size_t i = 0; i < n; i++) {
        const dyad_trend_point *p = &t->points[i];
        double x = ML + slot * (double)i + (slot - bw) / 2, base = mt + ph;
        for (int qd = 1; qd <= 4; qd++) {
            if (!p->quad[qd]) continue;
            double h = ph * (double)p->quad[qd] / (double)top;
            base -= h;
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", x, base, bw, h,
                    quad_color[qd]);
        }
    }
    /* the Goldstein line, broken where a period has no events */
    bool open = false;
    for (size_t i = 0; i < n; i++) {
        const dyad_trend_point *p = &t->points[i];
        if (!p->events) {
            if (open) fputs("\"/>\n", out);
            open = false;
            continue;
        }
        double x = ML + slot * ((double)i + 0.5), y = mt + ph / 2 - ph / 2 * p->goldstein_mean / 10.0;
        if (!open) fputs("<polyline fill=\"none\" stroke=\"#1f4e9c\" stroke-width=\"2\" points=\"", out);
        fprintf(out, "%.1f,%.1f ", x, y);
        open = true;
    }
    if (open) fputs("\"/>\n", out);
    for (size_t i = 0; i < n; i++) {
        const dyad_trend_point *p = &t->points[i];
        if (!p->events || n > 120) continue;
        double x = ML + slot * ((double)i + 0.5), y = mt + ph / 2 - ph / 2 * p->goldstein_mean / 10.0;
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#1f4e9c\"/>\n", x, y);
    }
    /* the time axis: about twelve dated ticks */
    fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>\n", ML, mt + ph, W - MR, mt + ph);
    size_t every = n > 12 ? (n + 11) / 12 : 1;
    for (size_t i = 0; i < n; i += every) {
        double x = ML + slot * ((double)i + 0.5);
        char d[11];
        date_label(t->by, t->points[i].start, d);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", x, mt + ph, x,
                mt + ph + 5);
        fprintf(out,
                "<text transform=\"translate(%.1f,%.1f) rotate(-40)\" text-anchor=\"end\" fill=\"#333\">%s</text>\n",
                x + 3, mt + ph + 16, d);
    }
    /* alerts: a dashed line at the period where the change starts, its
     * number above (side by side when changes start in one period) */
    size_t marks = 0;
    unsigned char *at_period = nmarks ? calloc(n, 1) : NULL;
    for (size_t k = 0; alerts && k < alerts->n && n; k++) {
        const dyad_alert *a = &alerts->alerts[k];
        if (a->start < t->points[0].start || a->start > t->points[n - 1].end) continue;
        size_t i = 0;
        while (i + 1 < n && t->points[i].end < a->start) i++;
        double x = ML + slot * ((double)i + 0.5);
        const char *color = a->change.direction > 0 ? "#7b1fa2" : "#00838f";
        char d[11];
        trend_format_date(a->start, d);
        fprintf(out,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\" "
                "stroke-dasharray=\"6,4\"/>\n",
                x, mt, x, mt + ph, color);
        fprintf(out, "<path d=\"M %.1f %d l -6 -10 l 12 0 z\" fill=\"%s\"/>\n", x, mt, color);
        fprintf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\" font-size=\"10\" "
                     "font-weight=\"bold\">%zu</text>\n",
                x + 9.0 * (at_period ? at_period[i] : 0), mt - 12, color, marks + 1);
        if (at_period && at_period[i] < 255) at_period[i]++;
        if (marks < MAX_LABELS) {
            char alarm[11];
            trend_format_date(a->alarm, alarm);
            fprintf(out,
                    "<text x=\"%d\" y=\"%d\" fill=\"%s\" font-size=\"12\">%zu  %s-%s: %s of %s from %s (alarm %s), "
                    "confidence %.2f</text>\n",
                    ML, MT - 8 + 16 * (int)marks, color, marks + 1, a->a, a->b,
                    a->change.direction > 0 ? "escalation" : "de-escalation",
                    a->material ? "material conflict" : "conflict", d, alarm, a->change.confidence);
        }
        marks++;
    }
    free(at_period);
    /* legend */
    double lx = ML, ly = H - 26;
    for (int qd = 1; qd <= 4; qd++) {
        fprintf(out, "<rect x=\"%.0f\" y=\"%.0f\" width=\"14\" height=\"14\" fill=\"%s\"/>\n", lx, ly - 11,
                quad_color[qd]);
        fprintf(out, "<text x=\"%.0f\" y=\"%.0f\" fill=\"#333\">%s</text>\n", lx + 19, ly, quad_label[qd]);
        lx += 19 + 7.2 * (double)strlen(quad_label[qd]) + 16;
    }
    fprintf(out, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#1f4e9c\" stroke-width=\"2\"/>\n", lx,
            ly - 4, lx + 20, ly - 4);
    fprintf(out, "<text x=\"%.0f\" y=\"%.0f\" fill=\"#1f4e9c\">Goldstein (mean)</text>\n", lx + 25, ly);
    lx += 25 + 7.2 * 16 + 16;
    fprintf(out,
            "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#7b1fa2\" stroke-width=\"2\" "
            "stroke-dasharray=\"6,4\"/>\n",
            lx, ly - 4, lx + 20, ly - 4);
    fprintf(out, "<text x=\"%.0f\" y=\"%.0f\" fill=\"#7b1fa2\">alert</text>\n", lx + 25, ly);
    fputs("</svg>\n", out);
    return ferror(out) ? -1 : 0;
}
