package org.clv4j.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;

/**
 * The CDNOW sample's calibration summaries ({@code data/cdnow_sample_summary.csv}: 2,357 customers, weeks; see
 * data/PROVENANCE.md) as columns, one row per customer in file order: the data of most published BTYD figures.
 */
public final class CdnowSample {

    private CdnowSample() {
    }

    /**
     * Frequency, recency and T of the 2,357 customers, in weeks.
     *
     * @return the columns, without monetary value
     */
    public static SummaryColumns calibration() {
        return read(false);
    }

    /**
     * Frequency, recency, T and the mean value of the repeat purchases, for the spend models.
     *
     * @return the columns, with monetary value
     */
    public static SummaryColumns calibrationWithMonetaryValue() {
        return read(true);
    }

    private static SummaryColumns read(boolean withMonetaryValue) {
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
            return SummaryColumns.of(x, tx, bigT, withMonetaryValue ? m : null, null, TimeUnit.WEEK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
