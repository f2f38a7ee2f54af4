package org.clv4j.models.predictive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;

/**
 * Reads data/cdnow_sample_summary.csv (the 2,357 customers of the CDNOW sample, calibration summaries in weeks, with
 * monetary value; see data/PROVENANCE.md) into columns, one row per customer in file order.
 */
final class CdnowCustomers {

    private CdnowCustomers() {
    }

    static SummaryColumns sample() {
        try {
            List<String> lines = Files.readAllLines(Path.of("..", "data", "cdnow_sample_summary.csv"));
            int n = lines.size() - 1;
            double[] x = new double[n];
            double[] tx = new double[n];
            double[] bigT = new double[n];
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i + 1).split(",");
                x[i] = Double.parseDouble(f[1]);
                tx[i] = Double.parseDouble(f[2]);
                bigT[i] = Double.parseDouble(f[3]);
                m[i] = Double.parseDouble(f[4]);
            }
            return SummaryColumns.of(x, tx, bigT, m, null, TimeUnit.WEEK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
