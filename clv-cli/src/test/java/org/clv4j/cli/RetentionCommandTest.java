package org.clv4j.cli;

import static org.clv4j.cli.BadInputTest.assertContains;
import static org.clv4j.cli.BadInputTest.assertOneLineError;
import static org.clv4j.cli.SummaryCommandTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clv retention} on Fader &amp; Hardie (2007), Table 1 (data/sbg_retention_cohorts.csv, rows used_for = fit):
 * the published parameters and log-likelihoods of each cohort (docs/REFERENCES.md: regular α = 0.704, β = 1.182,
 * LL −1680.27; high end α = 0.668, β = 3.806, LL −1611.16; parameters to the printed digits, LL to 0.01), the
 * projection against the closed form S(t) = Π_{i=1..t} (β + i − 1)/(α + β + i − 1), and the pooled fit's reported
 * log-likelihood against the likelihood recomputed from that closed form.
 */
class RetentionCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The fit rows of the data file, header cohort,year,customers_alive. */
    Path fitRows(String onlyCohort) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "data", "sbg_retention_cohorts.csv"));
        assertEquals("cohort,year,customers_alive,percent_alive_published,used_for", lines.get(0));
        List<String> out = new ArrayList<>();
        out.add(onlyCohort == null ? "cohort,year,customers_alive" : "year,customers_alive");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[4].equals("fit") && (onlyCohort == null || onlyCohort.equals(f[0]))) {
                out.add(onlyCohort == null ? f[0] + "," + f[1] + "," + f[2] : f[1] + "," + f[2]);
            }
        }
        return write(dir, "survivors.csv", out.toArray(String[]::new));
    }

    /** S(t) by the product formula. */
    static double survival(double alpha, double beta, int t) {
        double s = 1.0;
        for (int i = 1; i <= t; i++) {
            s *= (beta + i - 1) / (alpha + beta + i - 1);
        }
        return s;
    }

    /** The sBG log-likelihood of a cohort's survivor counts, from the product formula. */
    static double logLikelihood(double alpha, double beta, long[] alive) {
        double ll = 0.0;
        int n = alive.length - 1;
        for (int t = 1; t <= n; t++) {
            ll += (alive[t - 1] - alive[t]) * Math.log(survival(alpha, beta, t - 1) - survival(alpha, beta, t));
        }
        return ll + alive[n] * Math.log(survival(alpha, beta, n));
    }

    static void assertProjection(JsonNode fit, int periods) {
        double alpha = fit.get("parameters").get("alpha").asDouble();
        double beta = fit.get("parameters").get("beta").asDouble();
        JsonNode projection = fit.get("projection");
        assertEquals(periods + 1, projection.size());
        for (int t = 0; t <= periods; t++) {
            assertEquals(survival(alpha, beta, t), projection.get(t).asDouble(), 1e-12, "S(" + t + ")");
        }
    }

    @Test
    void twoCohortsReproduceThePublishedFitsAndThePooledFit() throws IOException {
        Path file = fitRows(null);
        Cli.Run run = Cli.run("retention", "--survivors", file.toString(), "--period-column", "year");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode root = JSON.readTree(run.out());
        assertEquals("sbg", root.get("model").asText());

        Map<String, double[]> published = new LinkedHashMap<>();
        published.put("regular", new double[] {0.704, 1.182, -1680.27});
        published.put("high_end", new double[] {0.668, 3.806, -1611.16});
        JsonNode cohorts = root.get("cohorts");
        assertEquals(2, cohorts.size());
        int i = 0;
        for (Map.Entry<String, double[]> p : published.entrySet()) {
            JsonNode c = cohorts.get(i++);
            assertEquals(p.getKey(), c.get("cohort").asText());
            assertEquals(1000, c.get("customers").asInt());
            assertEquals(7, c.get("lastPeriod").asInt());
            assertEquals(p.getValue()[0], c.get("parameters").get("alpha").asDouble(), 5e-4, p.getKey());
            assertEquals(p.getValue()[1], c.get("parameters").get("beta").asDouble(), 5e-4, p.getKey());
            assertEquals(p.getValue()[2], c.get("logLikelihood").asDouble(), 0.01, p.getKey());
            assertTrue(c.get("converged").asBoolean());
            assertTrue(c.has("standardErrors"));
            assertProjection(c, 12);
        }

        // the pooled fit: one (alpha, beta) for both cohorts; its log-likelihood recomputed from the closed form
        double alpha = root.get("parameters").get("alpha").asDouble();
        double beta = root.get("parameters").get("beta").asDouble();
        long[] regular = {1000, 631, 468, 382, 326, 289, 262, 241};
        long[] highEnd = {1000, 869, 743, 653, 593, 551, 517, 491};
        double ll = logLikelihood(alpha, beta, regular) + logLikelihood(alpha, beta, highEnd);
        assertEquals(ll, root.get("logLikelihood").asDouble(), 1e-6);
        // pooling two different cohorts costs likelihood: below the sum of the separate fits
        assertTrue(ll < -1680.27 - 1611.16, "pooled " + ll);
        assertProjection(root, 12);
        assertTrue(run.err().contains("2 cohorts (pooled fit), 2000 customers"), run::toString);
    }

    @Test
    void oneCohortWithoutACohortColumn() throws IOException {
        Path file = fitRows("regular");
        Cli.Run run = Cli.run("retention", "-s", file.toString(), "--period-column", "year",
                "--projection-periods", "3");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode root = JSON.readTree(run.out());
        assertFalse(root.has("cohorts"));
        assertEquals(0.704, root.get("parameters").get("alpha").asDouble(), 5e-4);
        assertEquals(1.182, root.get("parameters").get("beta").asDouble(), 5e-4);
        assertEquals(-1680.27, root.get("logLikelihood").asDouble(), 0.01);
        assertProjection(root, 3);
        assertEquals(List.of("clv retention: 1 cohort, 1000 customers; alpha 0.7041, beta 1.1820, log-likelihood "
                + "-1680.27"), run.errLines()); // docs/cli.md
        // the file-to-file path: written atomically, same content
        Path target = dir.resolve("fit.json");
        assertEquals(0, Cli.run("retention", "-s", file.toString(), "--period-column", "year",
                "--projection-periods", "3", "-o", target.toString()).exitCode());
        assertEquals(run.out(), Files.readString(target));
    }

    @Test
    void aFitThatDoesNotConvergeIsWrittenWithExitCodeThree() throws IOException {
        // a constant churn of one half per period: no heterogeneity, the best sBG is the limit alpha, beta → ∞
        Path file = write(dir, "geometric.csv", "period,customers_alive", "0,1024", "1,512", "2,256", "3,128",
                "4,64");
        Cli.Run run = Cli.run("retention", "-s", file.toString());
        assertEquals(ClvCommand.EXIT_NOT_CONVERGED, run.exitCode(), run::toString);
        JsonNode root = JSON.readTree(run.out());
        assertFalse(root.get("converged").asBoolean());
        assertContains(run, "clv retention: warning: the fit did not converge", "(not converged, see the warnings)");
    }

    @Test
    void badSurvivorFiles() throws IOException {
        Path fraction = write(dir, "f.csv", "period,customers_alive", "0,100", "1,80.5");
        Cli.Run run = Cli.run("retention", "-s", fraction.toString());
        assertOneLineError(run, 1, "clv retention: error: " + fraction + ", line 3, column 'customers_alive'");
        assertContains(run, "not a whole number", "(value '80.5')");

        Path gap = write(dir, "g.csv", "cohort,period,customers_alive", "a,0,100", "a,1,80", "a,3,50");
        assertContains(Cli.run("retention", "-s", gap.toString()), gap.toString(), "cohort a",
                "period 2 is missing");

        Path twice = write(dir, "t.csv", "period,customers_alive", "0,100", "1,80", "1,70");
        assertContains(Cli.run("retention", "-s", twice.toString()), twice + ", line 4", "period 1 is given twice");

        Path growing = write(dir, "up.csv", "period,customers_alive", "0,100", "1,120");
        assertContains(Cli.run("retention", "-s", growing.toString()), growing.toString());

        Path noChurn = write(dir, "n.csv", "period,customers_alive", "0,100", "1,100", "2,100");
        Cli.Run flat = Cli.run("retention", "-s", noChurn.toString());
        assertOneLineError(flat, 1, "clv retention: error: " + noChurn + ": cannot fit the sBG model");

        Path missing = write(dir, "m.csv", "period,alive", "0,100");
        Cli.Run column = Cli.run("retention", "-s", missing.toString());
        assertOneLineError(column, 1, "clv retention: error: " + missing + ", line 1, column 'customers_alive'");
        assertContains(column, "--alive-column");

        assertOneLineError(Cli.run("retention", "-s", missing.toString(), "--projection-periods", "-1"), 2,
                "clv retention: invalid option value: --projection-periods");
    }
}
