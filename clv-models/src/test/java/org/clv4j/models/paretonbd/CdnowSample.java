package org.clv4j.models.paretonbd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;

/** Reads data/cdnow_sample_summary.csv (2,357 customers, weeks; see data/PROVENANCE.md) into columns. */
final class CdnowSample {

    private CdnowSample() {
    }

    /**
     * The CDNOW sample's calibration summaries.
     *
     * @return frequency, recency and T of the 2,357 customers, in weeks
     */
    static SummaryColumns read() {
        try {
            List<String> lines = Files.readAllLines(Path.of("..", "data", "cdnow_sample_summary.csv"));
            int n = lines.size() - 1;
            double[] x = new double[n];
            double[] tx = new double[n];
            double[] bigT = new double[n];
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i + 1).split(",");
                x[i] = Double.parseDouble(f[1]);
                tx[i] = Double.parseDouble(f[2]);
                bigT[i] = Double.parseDouble(f[3]);
            }
            return SummaryColumns.of(x, tx, bigT, null, null, TimeUnit.WEEK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
