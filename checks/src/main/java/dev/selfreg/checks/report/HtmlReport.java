package dev.selfreg.checks.report;

import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Verdict;
import dev.selfreg.checks.observed.ObservedRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Checklists as one self-contained HTML page a test engineer can hand on: no script, no external file, styles inline,
 * and a print layout (each device on its own pages, verdicts legible in black and white). Every value is escaped:
 * device data is untrusted.
 */
public final class HtmlReport {

    private static final String STYLE = """
            :root { --ok: #16794a; --ok-bg: #e3f5ea; --warn: #9a5b00; --warn-bg: #fff2d6; --bad: #b42318;
                    --bad-bg: #fde7e5; --muted: #667085; --line: #dde2ea; }
            body { font: 13px/1.45 system-ui, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", sans-serif;
                   color: #1c2430; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
            h1 { font-size: 20px; margin: 0 0 4px; }
            h2 { font-size: 16px; margin: 28px 0 4px; display: flex; gap: 10px; align-items: center; }
            h3 { font-size: 13px; margin: 16px 0 6px; color: var(--muted); text-transform: uppercase;
                 letter-spacing: .04em; }
            p.meta { color: var(--muted); margin: 0 0 12px; }
            table { width: 100%; border-collapse: collapse; margin: 6px 0 12px; }
            th { text-align: left; font-size: 11px; color: var(--muted); text-transform: uppercase;
                 border-bottom: 1px solid var(--line); padding: 5px 8px; }
            td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; }
            tr { break-inside: avoid; }
            .mono { font-family: ui-monospace, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
                    font-size: 12px; }
            .sub { color: var(--muted); font-size: 12px; }
            ul.evidence { margin: 4px 0 0; padding-left: 18px; }
            ul.evidence li { overflow-wrap: anywhere; }
            .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 11px; font-weight: 700;
                     border: 1px solid currentColor; white-space: nowrap; text-transform: uppercase; }
            .v-pass { color: var(--ok); background: var(--ok-bg); }
            .v-fail { color: var(--bad); background: var(--bad-bg); }
            .v-warn { color: var(--warn); background: var(--warn-bg); }
            .v-not-observed { color: var(--muted); background: #f2f4f7; }
            a { color: inherit; }
            @media print {
              body { margin: 0; max-width: none; font-size: 10.5pt; }
              section.device { break-before: page; }
              .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              a { text-decoration: none; }
            }
            """;

    private HtmlReport() {
    }

    /**
     * The page for {@code checklists}.
     *
     * @param title what the report is of, e.g. the platform's address
     * @param generatedAt when it was made
     */
    public static String write(String title, Instant generatedAt, List<Checklist> checklists) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Certification checks: ").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>Certification checks</h1>\n<p class=\"meta\">").append(escape(title)).append(" · ")
                .append(checklists.size()).append(" device(s) · generated ").append(generatedAt.truncatedTo(ChronoUnit.SECONDS)).append("</p>\n");
        html.append("<table class=\"summary\">\n<thead><tr><th>Device</th><th>Product</th><th>Verdict</th>");
        for (Verdict verdict : Verdict.values()) {
            html.append("<th>").append(verdict.label()).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Checklist checklist : checklists) {
            html.append("<tr><td class=\"mono\"><a href=\"#").append(anchor(checklist.imei(), "device")).append("\">")
                    .append(escape(checklist.imei())).append("</a></td><td>").append(escape(checklist.product()))
                    .append("</td><td>").append(badge(checklist.overall())).append("</td>");
            for (Verdict verdict : Verdict.values()) {
                html.append("<td>").append(checklist.count(verdict)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        checklists.forEach(checklist -> device(html, checklist));
        return html.append("</body>\n</html>\n").toString();
    }

    private static void device(StringBuilder html, Checklist checklist) {
        String imei = checklist.imei();
        html.append("<section class=\"device\" id=\"").append(anchor(imei, "device")).append("\">\n<h2>Device <span class=\"mono\">")
                .append(escape(imei)).append("</span> ").append(badge(checklist.overall())).append("</h2>\n")
                .append("<p class=\"meta\">judged as ").append(escape(checklist.product())).append(", observed until ")
                .append(checklist.observedUntil().truncatedTo(ChronoUnit.SECONDS)).append("</p>\n");
        html.append("<table class=\"checks\">\n<thead><tr><th>Rule</th><th>Verdict</th><th>What was observed</th></tr>")
                .append("</thead>\n<tbody>\n");
        for (CheckResult result : checklist.results()) {
            html.append("<tr><td><strong>").append(escape(result.id())).append("</strong> ").append(escape(result.rule()))
                    .append("<div class=\"sub\">").append(escape(result.source())).append(" · ")
                    .append(result.severity().name().toLowerCase(Locale.ROOT)).append("</div></td><td>")
                    .append(badge(result.verdict())).append("</td><td>").append(escape(result.summary()));
            if (!result.evidence().isEmpty()) {
                html.append("<ul class=\"evidence\">");
                for (Evidence e : result.evidence()) {
                    html.append("<li><a class=\"mono\" href=\"#").append(anchor(imei, e.ref())).append("\">")
                            .append(escape(e.ref())).append("</a> <span class=\"sub\">").append(e.time())
                            .append("</span> ").append(escape(e.detail())).append("</li>");
                }
                html.append("</ul>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<h3>Records</h3>\n<table class=\"records\">\n")
                .append("<thead><tr><th>Record</th><th>Time</th><th>Channel</th><th>What</th></tr></thead>\n<tbody>\n");
        for (ObservedRecord r : checklist.records()) {
            html.append("<tr id=\"").append(anchor(imei, r.ref())).append("\"><td class=\"mono\">").append(escape(r.ref()))
                    .append("</td><td class=\"mono\">").append(r.time()).append("</td><td>").append(escape(r.channel()))
                    .append("</td><td>").append(escape(r.summary())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static String badge(Verdict verdict) {
        return "<span class=\"badge v-" + verdict.code() + "\">" + verdict.label() + "</span>";
    }

    /** An id that names one record of one device; only letters, digits and '-' survive. */
    private static String anchor(String imei, String ref) {
        return (imei + "-" + ref).replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
