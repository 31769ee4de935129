package app.quorum.bench;

import java.util.List;
import java.util.Locale;

/** The scale curve as an SVG: votes/s (left axis) and vote p99 in ms (right axis) against the number of delegates. */
final class Chart {

    private Chart() {
    }

    static String svg(List<HallReport.Round> rounds, String secrecy) {
        List<HallReport.Round> points = rounds.stream().filter(r -> r.secrecy().equals(secrecy)).toList();
        int w = 720;
        int h = 420;
        int left = 70;
        int right = 70;
        int top = 40;
        int bottom = 60;
        double maxN = points.stream().mapToInt(HallReport.Round::delegates).max().orElse(1);
        double maxRate = Math.max(1, points.stream().mapToDouble(HallReport.Round::votesPerSecond).max().orElse(1)) * 1.15;
        double maxP99 = Math.max(1, points.stream().mapToDouble(HallReport.Round::voteP99Ms).filter(d -> !Double.isNaN(d)).max().orElse(1)) * 1.15;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", w, h));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">Quorum hall benchmark (%s ballot): votes/s and vote p99 against delegates</text>%n", left, secrecy));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", left, h - bottom, w - right, h - bottom));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1f77b4\"/>%n", left, top, left, h - bottom));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d62728\"/>%n", w - right, top, w - right, h - bottom));
        for (int i = 0; i <= 4; i++) {
            double f = i / 4.0;
            int y = (int) (h - bottom - f * (h - top - bottom));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#1f77b4\">%.0f</text>%n", left - 6, y + 4, f * maxRate));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#d62728\">%.0f</text>%n", w - right + 6, y + 4, f * maxP99));
        }
        StringBuilder rate = new StringBuilder();
        StringBuilder p99 = new StringBuilder();
        for (HallReport.Round r : points) {
            double x = left + r.delegates() / maxN * (w - left - right);
            double yr = h - bottom - r.votesPerSecond() / maxRate * (h - top - bottom);
            double yp = h - bottom - (Double.isNaN(r.voteP99Ms()) ? 0 : r.voteP99Ms()) / maxP99 * (h - top - bottom);
            rate.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, yr));
            p99.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, yp));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1f77b4\"/>%n", x, yr));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" fill=\"#d62728\"/>%n", x - 3.5, yp - 3.5));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x, h - bottom + 18, r.delegates()));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"").append(rate).append("\"/>\n");
        svg.append("<polyline fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"6 4\" points=\"").append(p99).append("\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">delegates</text>%n", (w) / 2, h - 18));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" fill=\"#1f77b4\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">votes/s</text>%n", h / 2, h / 2));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#d62728\" transform=\"rotate(90 %d %d)\" text-anchor=\"middle\">vote p99 (ms)</text>%n", w - 14, h / 2, w - 14, h / 2));
        svg.append("</svg>\n");
        return svg.toString();
    }
}
