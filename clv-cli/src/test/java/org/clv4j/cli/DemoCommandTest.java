package org.clv4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code clv demo} runs on the bundled resource and reports the CDNOW figures. */
class DemoCommandTest {

    @Test
    void printsTheReport() {
        Cli.Run run = Cli.run("demo");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        String out = run.out();
        // 6,919 transactions and 2,357 customers (data/PROVENANCE.md); 946 customers with frequency > 0 in the
        // published calibration summary (data/cdnow_sample_summary.csv, the Gamma-Gamma subset of REFERENCES.md)
        assertTrue(out.contains("6919 CD purchases by 2357 customers"), out);
        assertTrue(out.contains("946 of 2357 customers (40.1%)"), out);
        // customer 1 of the reference summary: x = 2, t_x = 30.43, T = 38.86, m = 22.345 (22.35), holdout 1
        assertTrue(out.contains("       1          2    30.43  38.86           22.35                  1"), out);
        assertTrue(out.contains("2. Historical CLV"), out);
        // the BG/NBD fit of REFERENCES.md (r=0.2426, alpha=4.4135 (4.4136 at the exact optimum), a=0.7929,
        // b=2.4259, LL -9582.43) and the 1,882 holdout purchases of data/cdnow_sample_summary.csv
        assertTrue(out.contains("BG/NBD r=0.2426 alpha=4.4136 a=0.7929 b=2.4259 (log-likelihood -9582.43)"), out);
        assertTrue(out.contains("for the 39 holdout weeks, 1882 made"), out);
        // Gamma-Gamma p=6.25, q=3.74, v=15.44 (Fader & Hardie 2013, note 025)
        assertTrue(out.contains("Gamma-Gamma p=6.250 q=3.744 v=15.44"), out);
    }

    @Test
    void noSubcommandPrintsUsageAndFails() {
        Cli.Run run = Cli.run();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Usage: clv"), run::toString);
    }
}
