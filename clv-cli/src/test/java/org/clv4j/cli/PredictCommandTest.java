package org.clv4j.cli;

import static org.clv4j.cli.BadInputTest.assertContains;
import static org.clv4j.cli.BadInputTest.assertOneLineError;
import static org.clv4j.cli.FitCommandTest.CDNOW;
import static org.clv4j.cli.FitCommandTest.DATA;
import static org.clv4j.cli.FitCommandTest.DONATIONS;
import static org.clv4j.cli.FitCommandTest.json;
import static org.clv4j.cli.SummaryCommandTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.clv4j.core.TimeUnit;
import org.clv4j.models.bgnbd.BgNbdModel;
import org.clv4j.models.gammagamma.GammaGammaModel;
import org.clv4j.models.predictive.ProbabilisticClv;
import org.clv4j.models.predictive.ProbabilisticClvOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clv predict}, run in-process: published predictions and CLVs from hand-written model files (docs/
 * REFERENCES.md), the round trip summary → fit → predict on the CDNOW transactions, BG/BB on the donations, and
 * bad model files.
 */
class PredictCommandTest {

    @TempDir
    Path dir;

    /** BG/NBD and Gamma-Gamma at the CDNOW fits of docs/REFERENCES.md, written by hand as a user would. */
    private Path bgNbdFile() throws IOException {
        return write(dir, "bg.json", "{\"model\": \"bg-nbd\", \"timeUnit\": \"week\",",
                "  \"parameters\": {\"r\": 0.2426, \"alpha\": 4.4135, \"a\": 0.7929, \"b\": 2.4259}}");
    }

    private Path gammaGammaFile() throws IOException {
        return write(dir, "gg.json", "{\"model\": \"gamma-gamma\", \"parameters\": {\"p\": 6.2488, \"q\": 3.7446, "
                + "\"v\": 15.448}}");
    }

    private Path referenceCustomers() throws IOException {
        return write(dir, "customers.csv", "customer_id,frequency,recency,T,monetary_value", "a,2,30.43,38.86,22.35",
                "b,10,37,38,50", "c,29,37.71,38,30");
    }

    @Test
    void publishedBgNbdPredictionsFromAHandWrittenModelFile() throws IOException {
        Cli.Run run = Cli.run("predict", "--model-file", bgNbdFile().toString(), "--summary",
                referenceCustomers().toString(), "--horizon", "39");
        assertEquals(0, run.exitCode(), run::toString);
        List<CSVRecord> rows = run.csv();
        assertEquals(List.of("customer_id", "frequency", "recency", "T", "monetary_value", "expected_purchases",
                "probability_alive"), rows.get(0).toList());
        assertEquals(List.of("a", "2", "30.43", "38.86", "22.35"), rows.get(1).toList().subList(0, 5));
        // Fader, Hardie & Lee (2005): 1.226 purchases in the next 39 weeks, P(alive) = 0.7266
        assertEquals(1.226, Double.parseDouble(rows.get(1).get(5)), 0.0005);
        assertEquals(0.7266, Double.parseDouble(rows.get(1).get(6)), 0.00005);
        assertEquals(List.of("clv predict: 3 rows; expected purchases in the next 39.0 week: "
                + sum(rows, 5) + " in total"), run.errLines());
    }

    @Test
    void publishedParetoNbdPredictionAndClvTotal() throws IOException {
        // docs/REFERENCES.md: x = 26, t_x = 30.86, T = 31 at r = 0.5534, α = 10.5802, s = 0.6061, β = 11.6562:
        // P(alive) = 0.99792, 25.455 purchases expected in the next 52 weeks
        Path published = write(dir, "pareto.json", "{\"model\": \"pareto-nbd\", \"timeUnit\": \"week\", "
                + "\"parameters\": {\"r\": 0.5534, \"alpha\": 10.5802, \"s\": 0.6061, \"beta\": 11.6562}}");
        Path one = write(dir, "one.csv", "frequency,recency,T", "26,30.86,31");
        Cli.Run run = Cli.run("predict", "--model-file", published.toString(), "--summary", one.toString(),
                "--horizon", "52");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(25.455, Double.parseDouble(run.csv().get(1).get(3)), 0.0005);
        assertEquals(0.99792, Double.parseDouble(run.csv().get(1).get(4)), 0.000005);
        // the CLV total of the CDNOW sample at the printed CDNOW fit: 72,319.5 to the precision the printed
        // parameters allow (see ProbabilisticClvReferenceTest in clv-models: 72,320.39 here)
        Path fitted = write(dir, "pareto-fit.json", "{\"model\": \"pareto-nbd\", \"timeUnit\": \"week\", "
                + "\"parameters\": {\"r\": 0.5533, \"alpha\": 10.578, \"s\": 0.6062, \"beta\": 11.67}}");
        run = Cli.run("predict", "--model-file", fitted.toString(), "--summary", CDNOW.toString(), "--horizon",
                "52.14", "--step", "4.345", "--discount-rate", "0.01", "--spend-model", gammaGammaFile().toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(72_319.5, sum(run.csv(), 9), 1.0);
    }

    @Test
    void publishedClvsWithLifetimesMonthlySteps() throws IOException {
        Cli.Run run = Cli.run("predict", "--model-file", bgNbdFile().toString(), "--summary",
                referenceCustomers().toString(), "--horizon", "52.14", "--step", "4.345", "--discount-rate", "0.01",
                "--spend-model", gammaGammaFile().toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<CSVRecord> rows = run.csv();
        assertEquals(List.of("customer_id", "frequency", "recency", "T", "monetary_value", "expected_purchases",
                "probability_alive", "expected_average_value", "clv"), rows.get(0).toList());
        // Gamma-Gamma by hand: 6.2488 (15.448 + 2 · 22.35) / (2 · 6.2488 + 3.7446 − 1) = 24.6587
        assertEquals(24.6587, Double.parseDouble(rows.get(1).get(7)), 1e-4);
        // docs/REFERENCES.md, "CLV conventions" (tolerances as in ProbabilisticClvReferenceTest of clv-models: the
        // figures are at lifetimes' unrounded fit, the file holds the printed digits)
        assertEquals(36.278, Double.parseDouble(rows.get(1).get(8)), 0.0015);
        assertEquals(397.80, Double.parseDouble(rows.get(2).get(8)), 0.005);
        assertEquals(712.64, Double.parseDouble(rows.get(3).get(8)), 0.005);
        assertEquals(2, run.errLines().size(), run::toString);
        assertTrue(run.errLines().get(1).startsWith("clv predict: CLV over 12 steps of 4.345 week (discount rate "
                + "0.01 per step, margin 1.0): total "), run::toString);
    }

    @Test
    void marginScalesAndStepUnitsConvert() throws IOException {
        Path summary = referenceCustomers();
        List<CSVRecord> full = Cli.run("predict", "--model-file", bgNbdFile().toString(), "--summary",
                summary.toString(), "--horizon", "52.14", "--step", "4.345", "--spend-model",
                gammaGammaFile().toString()).csv();
        List<CSVRecord> third = Cli.run("predict", "--model-file", bgNbdFile().toString(), "--summary",
                summary.toString(), "--horizon", "52.14", "--step", "4.345", "--spend-model",
                gammaGammaFile().toString(), "--margin", "0.3").csv();
        for (int i = 1; i <= 3; i++) {
            assertEquals(0.3 * Double.parseDouble(full.get(i).get(8)), Double.parseDouble(third.get(i).get(8)),
                    1e-9);
        }
        // a year of weeks in 12 steps of a month (365.25 / 12 / 7 weeks): the library with withStep(MONTH)
        Cli.Run run = Cli.run("predict", "--model-file", bgNbdFile().toString(), "--summary", summary.toString(),
                "--horizon", Double.toString(365.25 / 7), "--step", "month", "--spend-model",
                gammaGammaFile().toString());
        assertEquals(0, run.exitCode(), run::toString);
        ProbabilisticClv clv = ProbabilisticClv.of(BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4259, TimeUnit.WEEK),
                GammaGammaModel.of(6.2488, 3.7446, 15.448), ProbabilisticClvOptions.defaults().withSteps(12)
                        .withStep(TimeUnit.MONTH));
        assertEquals(clv.customerValue(10, 37, 38, 50), Double.parseDouble(run.csv().get(2).get(8)), 1e-9);
    }

    @Test
    void roundTripFromTransactionsToClv() throws IOException {
        Path summary = dir.resolve("summary.csv");
        Cli.Run run = Cli.run("summary", "--transactions", DATA.resolve("cdnow_sample_transactions.csv").toString(),
                "--time-unit", "week", "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30",
                "--output", summary.toString());
        assertEquals(0, run.exitCode(), run::toString);
        Path bg = dir.resolve("bg.json");
        Path gg = dir.resolve("gg.json");
        assertEquals(0, Cli.run("fit", "--model", "bg-nbd", "--summary", summary.toString(), "-o", bg.toString())
                .exitCode());
        assertEquals(0, Cli.run("fit", "--model", "gamma-gamma", "--summary", summary.toString(), "-o",
                gg.toString()).exitCode());
        JsonNode bgJson = json(Files.readString(bg));
        assertEquals(-9582.43, bgJson.get("logLikelihood").asDouble(), 0.005);
        Path out = dir.resolve("clv.csv");
        run = Cli.run("predict", "--model-file", bg.toString(), "--summary", summary.toString(), "--horizon",
                "52.14", "--step", "4.345", "--discount-rate", "0.01", "--margin", "0.3", "--spend-model",
                gg.toString(), "--output", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.out());
        List<CSVRecord> rows = Cli.parse(Files.readString(out));
        assertEquals(List.of("customer_id", "frequency", "recency", "T", "monetary_value", "holdout_frequency",
                "holdout_monetary_value", "expected_purchases", "probability_alive", "expected_average_value",
                "clv"), rows.get(0).toList());
        assertEquals(2358, rows.size());
        // every row as the library computes it at the parameters of the model files
        JsonNode p = bgJson.get("parameters");
        JsonNode q = json(Files.readString(gg)).get("parameters");
        BgNbdModel model = BgNbdModel.of(p.get("r").asDouble(), p.get("alpha").asDouble(), p.get("a").asDouble(),
                p.get("b").asDouble(), TimeUnit.WEEK);
        ProbabilisticClv clv = ProbabilisticClv.of(model, GammaGammaModel.of(q.get("p").asDouble(),
                q.get("q").asDouble(), q.get("v").asDouble()), ProbabilisticClvOptions.defaults().withSteps(12)
                        .withStepLength(4.345).withDiscountRate(0.01).withMargin(0.3));
        double total = 0.0;
        for (CSVRecord r : rows.subList(1, rows.size())) {
            double x = Double.parseDouble(r.get(1));
            double tx = Double.parseDouble(r.get(2));
            double bigT = Double.parseDouble(r.get(3));
            double m = Double.parseDouble(r.get(4));
            assertEquals(clv.customerValue(x, tx, bigT, m), Double.parseDouble(r.get(10)), 1e-9, r::toString);
            assertEquals(model.conditionalExpectedPurchases(12 * 4.345, x, tx, bigT),
                    Double.parseDouble(r.get(7)), 1e-9, r::toString);
            assertEquals(model.probabilityAlive(x, tx, bigT), Double.parseDouble(r.get(8)), 1e-12);
            total += Double.parseDouble(r.get(10));
        }
        // the total on stderr; it is 0.3 × the 71,509.9 of docs/REFERENCES.md within the range that the printed
        // precision of lifetimes' parameters allows (±6.7, see ProbabilisticClvReferenceTest in clv-models)
        assertTrue(run.errLines().get(1).contains("total " + total), run::toString);
        assertEquals(0.3 * 71_509.9, total, 0.3 * 6.7);
    }

    @Test
    void bgBbOnTheDonationsReproducesFaderHardieShang2010() throws IOException {
        Path model = dir.resolve("bgbb.json");
        assertEquals(0, Cli.run("fit", "--model", "bg-bb", "--summary", DONATIONS.toString(), "--weight-column",
                "weight", "--time-unit", "year", "-o", model.toString()).exitCode());
        Cli.Run run = Cli.run("predict", "--model-file", model.toString(), "--summary", DONATIONS.toString(),
                "--horizon", "5");
        assertEquals(0, run.exitCode(), run::toString);
        List<CSVRecord> rows = run.csv();
        assertEquals(List.of("frequency", "recency", "n_periods", "weight", "holdout_transactions",
                "expected_purchases", "probability_alive"), rows.get(0).toList());
        double total = 0.0;
        for (CSVRecord r : rows.subList(1, rows.size())) {
            double expected = Double.parseDouble(r.get(5));
            double alive = Double.parseDouble(r.get(6));
            total += Double.parseDouble(r.get(3)) * expected;
            String history = r.get(0) + "," + r.get(1);
            switch (history) {
                case "0,0" -> {
                    assertEquals(0.116, alive, 0.0005);
                    assertEquals(0.0729, expected, 0.00005);
                }
                case "2,4" -> assertEquals(0.634, alive, 0.0005);
                case "6,6" -> {
                    assertEquals(1.0, alive, 0.0005);
                    assertEquals(3.7525, expected, 0.00005);
                }
                case "4,5" -> assertEquals(2.0300, expected, 0.00005);
                default -> { }
            }
        }
        // 12,884.2 expected transactions of all 11,104 donors in the next 5 years (weights from the column)
        assertEquals(12_884.2, total, 0.05);
        // whole periods only
        run = Cli.run("predict", "--model-file", model.toString(), "--summary", DONATIONS.toString(), "--horizon",
                "2.5");
        assertOneLineError(run, 2, "clv predict: invalid option value: --horizon must be a whole number of periods");
    }

    @Test
    void badModelFilesNameTheFileAndTheField() throws IOException {
        Path summary = referenceCustomers();
        String[][] cases = {
            {"{\"model\": \"bgnbd\", \"parameters\": {}, \"timeUnit\": \"week\"}",
                "field 'model' names no model (value \"bgnbd\"); expected bg-nbd, mbg-nbd, pareto-nbd, bg-bb or "
                        + "gamma-gamma"},
            {"{\"parameters\": {}, \"timeUnit\": \"week\"}", "field 'model' is missing"},
            {"{\"model\": \"bg-nbd\", \"parameters\": {\"r\": 0.24, \"alpha\": 4.4, \"a\": 0.79}, "
                    + "\"timeUnit\": \"week\"}",
                "field 'parameters.b' is missing; the bg-nbd parameters are r, alpha, a, b"},
            {"{\"model\": \"bg-nbd\", \"parameters\": {\"r\": 0.24, \"alpha\": -4.4, \"a\": 0.79, \"b\": 2.4}, "
                    + "\"timeUnit\": \"week\"}", "field 'parameters.alpha' must be a number > 0 (value -4.4)"},
            {"{\"model\": \"bg-nbd\", \"parameters\": {\"r\": 0, \"alpha\": 4.4, \"a\": 0.79, \"b\": 2.4}, "
                    + "\"timeUnit\": \"week\"}", "field 'parameters.r' must be a number > 0 (value 0)"},
            {"{\"model\": \"bg-nbd\", \"parameters\": {\"r\": \"0.24\", \"alpha\": 4.4, \"a\": 0.79, \"b\": 2.4}, "
                    + "\"timeUnit\": \"week\"}", "field 'parameters.r' must be a number > 0 (value \"0.24\")"},
            {"{\"model\": \"bg-nbd\", \"parameters\": {\"r\": 0.24, \"alpha\": 4.4, \"a\": 0.79, \"b\": 2.4, "
                    + "\"s\": 1}, \"timeUnit\": \"week\"}", "field 'parameters.s' is not a parameter of bg-nbd"},
            {"{\"model\": \"bg-nbd\", \"parameters\": {\"r\": 0.24, \"alpha\": 4.4, \"a\": 0.79, \"b\": 2.4}}",
                "field 'timeUnit' is missing"},
            {"{\"model\": \"bg-nbd\", \"parameters\": {\"r\": 0.24, \"alpha\": 4.4, \"a\": 0.79, \"b\": 2.4}, "
                    + "\"timeUnit\": \"fortnight\"}", "field 'timeUnit' is not a time unit (value \"fortnight\")"},
            {"{\"model\": \"bg-nbd\",\n \"parameters\": {\"r\": 0.24,, }", "not a valid model file (JSON) at line 2"},
            {"", "the model file is empty"},
            {"[1, 2]", "a model file must be a JSON object"},
            {"{\"model\": \"bg-nbd\", \"model\": \"bg-bb\"}", "not a valid model file (JSON)"},
        };
        for (String[] c : cases) {
            Path file = write(dir, "model.json", c[0]);
            Cli.Run run = Cli.run("predict", "--model-file", file.toString(), "--summary", summary.toString(),
                    "--horizon", "10");
            assertOneLineError(run, 1, "clv predict: error: " + file + ": ");
            assertContains(run, c[1]);
        }
    }

    @Test
    void spendModelErrors() throws IOException {
        Path summary = referenceCustomers();
        Path heavy = write(dir, "heavy.json", "{\"model\": \"gamma-gamma\", \"parameters\": {\"p\": 6, \"q\": 0.9, "
                + "\"v\": 15}}");
        Cli.Run run = Cli.run("predict", "--model-file", bgNbdFile().toString(), "--summary", summary.toString(),
                "--horizon", "12", "--spend-model", heavy.toString());
        assertOneLineError(run, 1, "clv predict: error: " + heavy + ": the Gamma-Gamma spend model needs q > 1");
        assertContains(run, "q=0.9");

        run = Cli.run("predict", "--model-file", bgNbdFile().toString(), "--summary", summary.toString(),
                "--horizon", "12", "--spend-model", bgNbdFile().toString());
        assertOneLineError(run, 1, "clv predict: error: ");
        assertContains(run, "bg-nbd is a transaction model; --spend-model needs a gamma-gamma model file");

        run = Cli.run("predict", "--model-file", gammaGammaFile().toString(), "--summary", summary.toString(),
                "--horizon", "12");
        assertOneLineError(run, 1, "clv predict: error: ");
        assertContains(run, "gamma-gamma is a spend model; pass it with --spend-model");

        Path noMoney = write(dir, "nomoney.csv", "frequency,recency,T", "2,30,38");
        run = Cli.run("predict", "--model-file", bgNbdFile().toString(), "--summary", noMoney.toString(),
                "--horizon", "12", "--spend-model", gammaGammaFile().toString());
        assertOneLineError(run, 1, "clv predict: error: " + noMoney + ", line 1, column 'monetary_value': no such "
                + "column");
    }

    @Test
    void commandLineErrors() throws IOException {
        String model = bgNbdFile().toString();
        String summary = referenceCustomers().toString();
        String spend = gammaGammaFile().toString();
        Cli.Run run = Cli.run("predict", "--model-file", model, "--summary", summary, "--horizon", "52",
                "--step", "4.345", "--spend-model", spend);
        assertOneLineError(run, 2, "clv predict: invalid option value: the horizon 52.0 week is not a whole number "
                + "of steps of 4.345 week (11.9677790564 steps); use --horizon 47.795 or 52.14");
        run = Cli.run("predict", "--model-file", model, "--summary", summary, "--horizon", "12", "--discount-rate",
                "0.01");
        assertOneLineError(run, 2, "clv predict: --step, --discount-rate and --margin apply to the CLV, which "
                + "needs --spend-model");
        run = Cli.run("predict", "--model-file", model, "--summary", summary, "--horizon", "-1");
        assertOneLineError(run, 2, "clv predict: invalid option value: --horizon must be finite and > 0");
        run = Cli.run("predict", "--model-file", model, "--summary", summary, "--horizon", "12", "--spend-model",
                spend, "--margin", "1.5");
        assertOneLineError(run, 2, "clv predict: invalid option value: margin must be a fraction in [0, 1]");
        run = Cli.run("predict", "--model-file", model, "--summary", summary, "--horizon", "12", "--spend-model",
                spend, "--step", "fortnight");
        assertOneLineError(run, 2, "clv predict: ");
        assertContains(run, "'fortnight' is not a step");
        run = Cli.run("predict", "--model-file", model, "--summary", summary, "--horizon", "12", "--time-unit",
                "day");
        assertOneLineError(run, 1, "clv predict: error: the summaries are in day (--time-unit) but the model in ");
    }

    @Test
    void predictedColumnsAreNotOverwritten() throws IOException {
        Path summary = write(dir, "again.csv", "frequency,recency,T,expected_purchases", "1,5,10,0.3");
        Cli.Run run = Cli.run("predict", "--model-file", bgNbdFile().toString(), "--summary", summary.toString(),
                "--horizon", "10");
        assertOneLineError(run, 1, "clv predict: error: " + summary + ", line 1, column 'expected_purchases': the "
                + "summary already has this column");
        Path out = dir.resolve("never.csv");
        run = Cli.run("predict", "--model-file", bgNbdFile().toString(), "--summary", summary.toString(),
                "--horizon", "10", "-o", out.toString());
        assertEquals(1, run.exitCode());
        assertFalse(Files.exists(out));
    }

    private static double sum(List<CSVRecord> rows, int column) {
        double s = 0.0;
        for (CSVRecord r : rows.subList(1, rows.size())) {
            s += Double.parseDouble(r.get(column));
        }
        return s;
    }
}
