package org.clv4j.models.bgbb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;

/**
 * The donations data of Fader, Hardie &amp; Shang (2010) as bundled in {@code data/} (see data/PROVENANCE.md):
 * the 1995 cohort of 11,104 donors, 6 annual repeat opportunities 1996..2001, one row per (x, t_x) pattern.
 */
final class Donations {

    /** The number of donors in the cohort. */
    static final int DONORS = 11_104;

    final double[] x;
    final double[] tx;
    final double[] n;
    final double[] weight;
    final double[] holdoutTransactions;

    private Donations(double[] x, double[] tx, double[] n, double[] weight, double[] holdout) {
        this.x = x;
        this.tx = tx;
        this.n = n;
        this.weight = weight;
        this.holdoutTransactions = holdout;
    }

    static Donations load() {
        List<String> lines = read("donations_bgbb_summary.csv");
        if (!lines.get(0).equals("frequency,recency,n_periods,weight,holdout_transactions")) {
            throw new IllegalStateException("unexpected header: " + lines.get(0));
        }
        int rows = lines.size() - 1;
        double[] x = new double[rows];
        double[] tx = new double[rows];
        double[] n = new double[rows];
        double[] w = new double[rows];
        double[] h = new double[rows];
        for (int i = 0; i < rows; i++) {
            String[] f = lines.get(i + 1).split(",");
            x[i] = Double.parseDouble(f[0]);
            tx[i] = Double.parseDouble(f[1]);
            n[i] = Double.parseDouble(f[2]);
            w[i] = Double.parseDouble(f[3]);
            h[i] = Double.parseDouble(f[4]);
        }
        return new Donations(x, tx, n, w, h);
    }

    /** Total repeat transactions per year 1996..2006 (6 calibration, 5 holdout years). */
    static double[] annualTransactions() {
        List<String> lines = read("donations_annual_transactions.csv");
        if (!lines.get(0).equals("year,repeat_transactions,period")) {
            throw new IllegalStateException("unexpected header: " + lines.get(0));
        }
        double[] counts = new double[lines.size() - 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Double.parseDouble(lines.get(i + 1).split(",")[1]);
        }
        return counts;
    }

    SummaryColumns columns() {
        return SummaryColumns.of(x, tx, n, null, weight, TimeUnit.YEAR);
    }

    int rows() {
        return x.length;
    }

    private static List<String> read(String file) {
        try {
            return Files.readAllLines(Path.of("..", "data", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
