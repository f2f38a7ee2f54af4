package org.clv4j.cli;

import static org.clv4j.cli.BadInputTest.assertContains;
import static org.clv4j.cli.BadInputTest.assertOneLineError;
import static org.clv4j.cli.SummaryCommandTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.clv4j.core.TimeUnit;
import org.clv4j.models.bgnbd.BgNbdModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clv table}: the full CDNOW file end to end (23,570 customers; orders and revenue against a direct count
 * of the file, tiers against the predicted CLV), spreadsheet-safe customer ids, the NPS join, option errors.
 */
class TableCommandTest {

    static final List<String> COLUMNS = List.of("customer_id", "first_purchase", "cohort", "orders", "revenue",
            "average_order_value", "frequency", "recency", "T", "historical_clv", "predicted_purchases",
            "probability_alive", "predicted_clv", "rfm_segment", "lifecycle_stage", "value_tier", "nps_score",
            "nps_category", "nps_date");

    @TempDir
    Path dir;

    static String cell(CSVRecord row, String column) {
        return row.get(COLUMNS.indexOf(column));
    }

    @Test
    void cdnowMasterEndToEnd() throws IOException {
        Path data = Path.of("..", "data", "cdnow_master_transactions.csv");
        Path target = dir.resolve("table.csv");
        Cli.Run run = Cli.run("table", "--transactions", data.toString(), "--amount-column", "amount", "--output",
                target.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<CSVRecord> rows = Cli.parse(Files.readString(target));
        assertEquals(COLUMNS, rows.get(0).toList());
        assertEquals(23570, rows.size() - 1);

        // orders and revenue per customer, counted directly from the file
        Map<String, long[]> orders = new HashMap<>();
        Map<String, Double> revenue = new HashMap<>();
        List<String> lines = Files.readAllLines(data);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            orders.computeIfAbsent(f[0], k -> new long[1])[0]++;
            revenue.merge(f[0], Double.parseDouble(f[3]), Double::sum);
        }
        Map<String, Integer> tiers = new HashMap<>();
        double vipFloor = Double.POSITIVE_INFINITY;
        double highTop = Double.NEGATIVE_INFINITY;
        Set<String> stages = Set.of("new", "growing", "mature", "dormant", "lost");
        for (CSVRecord r : rows.subList(1, rows.size())) {
            String id = cell(r, "customer_id");
            assertEquals(orders.get(id)[0], Long.parseLong(cell(r, "orders")), id);
            assertEquals(revenue.get(id), Double.parseDouble(cell(r, "revenue")), 1e-9 * revenue.get(id) + 1e-9,
                    id);
            assertTrue(cell(r, "cohort").startsWith("1997-0"), id); // the cohort was acquired in Q1 1997
            double alive = Double.parseDouble(cell(r, "probability_alive"));
            assertTrue(alive >= 0.0 && alive <= 1.0, id);
            assertTrue(Double.parseDouble(cell(r, "predicted_purchases")) >= 0.0, id);
            double clv = Double.parseDouble(cell(r, "predicted_clv"));
            assertTrue(stages.contains(cell(r, "lifecycle_stage")), id);
            tiers.merge(cell(r, "value_tier"), 1, Integer::sum);
            if (cell(r, "value_tier").equals("vip")) {
                vipFloor = Math.min(vipFloor, clv);
            } else if (cell(r, "value_tier").equals("high")) {
                highTop = Math.max(highTop, clv);
            }
            assertEquals("", cell(r, "nps_score"));
        }
        // 23,570 customers: vip ranks < 4714, high < 11785, medium < 18856
        assertEquals(Map.of("vip", 4714, "high", 7071, "medium", 7071, "low", 4714), tiers);
        assertTrue(vipFloor >= highTop, vipFloor + " < " + highTop);
        assertContains(run, "clv table: 23570 customers, observation end 1998-06-30, time unit week, horizon "
                        + "52.1785714285714", "clv table: fitted BG/NBD to the 23570 customers: r = ",
                "clv table: fitted Gamma-Gamma to the ", "clv table: value tiers by predicted CLV: vip 4714, high 7071",
                "r = 0.2671, alpha = 5.9865, a = 0.4835, b = 2.1116",
                "clv table: fitted Gamma-Gamma to the 11515 customers with repeat purchases",
                "clv table: lifecycle stages: new 0, growing 2883, mature 4500, dormant 2443, lost 13744");
    }

    @Test
    void customerIdsThatLookLikeFormulasAreDefused() throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount",
                "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",2024-01-01,10",
                "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",2024-02-01,20",
                "-1+2,2024-01-15,5", "-1+2,2024-03-01,5", "+cmd,2024-01-20,7", "@SUM(A1),2024-02-20,9",
                "-42,2024-03-10,3");
        Path responses = write(dir, "r.csv", "customer_id,score,date", "-1+2,9,2024-03-05",
                "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",3,2024-03-06");
        Cli.Run run = Cli.run("table", "-t", file.toString(), "--no-predictions", "--lifespan", "1",
                "--responses", responses.toString());
        assertEquals(0, run.exitCode(), run::toString);
        String out = run.out();
        // the CSV text itself: the formula cell starts with a quote character inside the quoted field
        assertTrue(out.contains("\r\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","), out);
        assertTrue(out.contains("\r\n'-1+2,"), out);
        assertTrue(out.contains("\r\n'+cmd,"), out);
        assertTrue(out.contains("\r\n'@SUM(A1),"), out);
        assertTrue(out.contains("\r\n-42,"), out);   // a plain number stays as it is
        List<CSVRecord> rows = run.csv();
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", rows.get(1).get(0));
        assertEquals("3", cell(rows.get(1), "nps_score"));
        assertEquals("detractor", cell(rows.get(1), "nps_category"));
        assertEquals("2024-03-06", cell(rows.get(1), "nps_date"));
        assertEquals("9", cell(rows.get(2), "nps_score"));
        // without predictions the model columns are empty and the tiers follow the historical CLV
        assertEquals("", cell(rows.get(1), "predicted_clv"));
        assertEquals("", cell(rows.get(1), "probability_alive"));
        assertContains(run, "clv table: predictions switched off",
                "clv table: value tiers rank customers by historical CLV (no predicted CLV)",
                "clv table: value tiers by historical CLV: vip 1, high 2, medium 1, low 1",
                "NPS: latest answer of 2 customers joined; 0 answers of ids not in the transactions and 0 anonymous");
    }

    @Test
    void givenModelFiles() throws IOException {
        Path bgNbd = Files.writeString(dir.resolve("bg.json"), "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":0.2426,"
                + "\"alpha\":4.4135,\"a\":0.7929,\"b\":2.4259},\"timeUnit\":\"day\"}");
        Path spend = Files.writeString(dir.resolve("gg.json"), "{\"model\":\"gamma-gamma\",\"parameters\":"
                + "{\"p\":6.2488,\"q\":3.7446,\"v\":15.448}}");
        Path file = write(dir, "t.csv", "customer_id,date,amount", "a,2024-01-01,10", "a,2024-01-21,30",
                "b,2024-01-05,20", "c,2024-01-10,5", "c,2024-01-12,7", "c,2024-01-30,9");
        Cli.Run run = Cli.run("table", "-t", file.toString(), "--model-file", bgNbd.toString(), "--spend-model",
                spend.toString(), "--lifespan", "1", "--horizon", "30", "--step", "10");
        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(run.err().contains("fitted"), run::toString);
        assertContains(run, "time unit day, horizon 30.0 day", "value tiers by predicted CLV");
        BgNbdModel model = BgNbdModel.of(0.2426, 4.4135, 0.7929,
                2.4259, TimeUnit.DAY);
        for (CSVRecord r : run.csv().subList(1, 4)) {
            double x = Double.parseDouble(cell(r, "frequency"));
            double tx = Double.parseDouble(cell(r, "recency"));
            double t = Double.parseDouble(cell(r, "T"));
            assertEquals(model.probabilityAlive(x, tx, t), Double.parseDouble(cell(r, "probability_alive")), 1e-15);
            assertEquals(model.conditionalExpectedPurchases(30, x, tx, t),
                    Double.parseDouble(cell(r, "predicted_purchases")), 1e-15);
        }
        // a: x = 1, t_x = 20, T = 29 days (to 01-30)
        assertEquals(List.of("1", "20.0", "29.0"), List.of(cell(run.csv().get(1), "frequency"),
                cell(run.csv().get(1), "recency"), cell(run.csv().get(1), "T")));

        Path bgBb = Files.writeString(dir.resolve("bb.json"), "{\"model\":\"bg-bb\",\"parameters\":{\"alpha\":1.2,"
                + "\"beta\":0.75,\"gamma\":0.66,\"delta\":2.78},\"timeUnit\":\"year\"}");
        Cli.Run discrete = Cli.run("table", "-t", file.toString(), "--model-file", bgBb.toString());
        assertOneLineError(discrete, 1, "clv table: error: " + bgBb + ": the table needs a continuous-time");
        assertOneLineError(Cli.run("table", "-t", file.toString(), "--model-file", bgNbd.toString(),
                "--time-unit", "week", "--lifespan", "1"), 1, "clv table: error: " + file
                + ": the table is in week but the bg-nbd model is in day");
        assertOneLineError(Cli.run("table", "-t", file.toString(), "--model-file", bgNbd.toString(),
                "--no-predictions"), 2, "clv table: --no-predictions uses no model");
    }

    @Test
    void optionErrors() throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount", "a,2024-01-01,1", "a,2024-02-01,1");
        assertOneLineError(Cli.run("table", "-t", file.toString(), "--horizon", "10", "--step", "3"), 2,
                "clv table: invalid option value: --horizon must be a whole number of steps of 3.0 time units");
        assertOneLineError(Cli.run("table", "-t", file.toString(), "--step", "3"), 2,
                "clv table: invalid option value: --step needs --horizon");
        assertOneLineError(Cli.run("table", "-t", file.toString(), "--margin", "2"), 2,
                "clv table: invalid option value: margin");
        Path badScore = write(dir, "r.csv", "customer_id,score", "a,11");
        Cli.Run score = Cli.run("table", "-t", file.toString(), "--responses", badScore.toString(),
                "--no-predictions", "--lifespan", "1");
        assertOneLineError(score, 1, "clv table: error: " + badScore + ", line 2, column 'score'");
        Cli.Run noLifespan = Cli.run("table", "-t", file.toString(), "--no-predictions");
        assertOneLineError(noLifespan, 1, "clv table: error: " + file + ": historical CLV: cannot estimate the "
                + "lifespan");
        assertFalse(noLifespan.err().contains("\tat "));
    }
}
