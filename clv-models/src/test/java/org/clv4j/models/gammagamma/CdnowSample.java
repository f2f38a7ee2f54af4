package org.clv4j.models.gammagamma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CDNOW sample calibration summary bundled in {@code data/cdnow_sample_summary.csv} (see data/PROVENANCE.md):
 * 2,357 customers, 39 weeks; columns customer_id, frequency, recency, T, monetary_value, holdout_frequency.
 */
final class CdnowSample {

    final String[] customerId;
    final double[] frequency;
    final double[] monetaryValue;

    private CdnowSample(String[] customerId, double[] frequency, double[] monetaryValue) {
        this.customerId = customerId;
        this.frequency = frequency;
        this.monetaryValue = monetaryValue;
    }

    static CdnowSample load() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("..", "data", "cdnow_sample_summary.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!lines.get(0).equals("customer_id,frequency,recency,T,monetary_value,holdout_frequency")) {
            throw new IllegalStateException("unexpected header: " + lines.get(0));
        }
        int rows = lines.size() - 1;
        String[] id = new String[rows];
        double[] x = new double[rows];
        double[] m = new double[rows];
        for (int i = 0; i < rows; i++) {
            String[] f = lines.get(i + 1).split(",");
            id[i] = f[0];
            x[i] = Double.parseDouble(f[1]);
            m[i] = Double.parseDouble(f[4]);
        }
        return new CdnowSample(id, x, m);
    }

    int size() {
        return frequency.length;
    }
}
