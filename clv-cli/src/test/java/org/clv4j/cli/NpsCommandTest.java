package org.clv4j.cli;

import static org.clv4j.cli.BadInputTest.assertContains;
import static org.clv4j.cli.BadInputTest.assertOneLineError;
import static org.clv4j.cli.SummaryCommandTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clv nps}: the docs/REFERENCES.md case (250 promoters, 675 passives, 75 detractors: NPS 17.5, standard error
 * 1.716 points, Wald 95% interval 14.1..20.9), segments and months by hand, and bad answers named by line.
 */
class NpsCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** 1000 answers: 250 promoters (9, 10), 675 passives (7, 8), 75 detractors (0..6), interleaved. */
    Path reference() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("respondent,score,channel");
        for (int i = 0; i < 1000; i++) {
            String score = i % 4 == 0 ? (i % 8 == 0 ? "9" : "10") : i % 40 >= 1 && i % 40 <= 3 ? String.valueOf(i % 7)
                    : (i % 2 == 0 ? "7" : "8.0");
            lines.add("r" + i + "," + score + ",web");
        }
        return write(dir, "answers.csv", lines.toArray(String[]::new));
    }

    @Test
    void referenceCase() throws IOException {
        Path file = reference();
        Cli.Run wald = Cli.run("nps", "--responses", file.toString(), "--interval", "wald");
        assertEquals(0, wald.exitCode(), wald::toString);
        JsonNode w = JSON.readTree(wald.out());
        assertEquals(250, w.get("promoters").asInt());
        assertEquals(675, w.get("passives").asInt());
        assertEquals(75, w.get("detractors").asInt());
        assertEquals(1000, w.get("responses").asInt());
        assertEquals(17.5, w.get("nps").asDouble(), 1e-12);
        // 100 sqrt((0.25 + 0.075 - 0.175^2) / 1000) = 100 sqrt(0.000294375)
        assertEquals(100.0 * Math.sqrt(0.000294375), w.get("standardError").asDouble(), 1e-12);
        assertEquals(1.716, w.get("standardError").asDouble(), 5e-4);
        JsonNode interval = w.get("confidenceInterval");
        assertEquals(14.1, interval.get(0).asDouble(), 0.05);
        assertEquals(20.9, interval.get(1).asDouble(), 0.05);
        assertEquals(17.5 - 1.959963984540054 * 100.0 * Math.sqrt(0.000294375), interval.get(0).asDouble(), 1e-9);
        assertEquals("wald", w.get("intervalMethod").asText());
        assertEquals(0.95, w.get("confidenceLevel").asDouble(), 0.0);

        // the default, adjusted Wald (docs/nps.md): p'_P = 250.75/1003, p'_D = 75.75/1003
        JsonNode a = JSON.readTree(Cli.run("nps", "-r", file.toString()).out());
        double pp = 250.75 / 1003;
        double pd = 75.75 / 1003;
        double half = 1.959963984540054 * Math.sqrt((pp + pd - (pp - pd) * (pp - pd)) / 1003);
        assertEquals(100 * (pp - pd - half), a.get("confidenceInterval").get(0).asDouble(), 1e-9);
        assertEquals(100 * (pp - pd + half), a.get("confidenceInterval").get(1).asDouble(), 1e-9);
        assertEquals(14.0859, a.get("confidenceInterval").get(0).asDouble(), 1e-4);
        assertEquals(20.8094, a.get("confidenceInterval").get(1).asDouble(), 1e-4);
        assertEquals(17.5, a.get("nps").asDouble(), 1e-12);
        assertEquals("adjusted-wald", a.get("intervalMethod").asText());
        assertFalse(a.has("segments"));
        assertFalse(a.has("months"));
    }

    @Test
    void segmentsMonthsAndLatestAnswerPerCustomer() throws IOException {
        Path file = write(dir, "s.csv", "customer,score,region,answered",
                "a,10,north,2024-01-05",
                "b,3,north,2024-01-20",
                "c,8,south,2024-02-01",
                "a,6,north,2024-02-10",       // a's latest answer: a detractor now
                "(blank),9,south,2024-02-11");
        Cli.Run run = Cli.run("nps", "-r", file.toString(), "--segment-column", "region", "--date-column",
                "answered", "--customer-column", "customer", "--interval", "wald");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode root = JSON.readTree(run.out());
        // all 5: promoters 10, 9; detractors 3, 6; passive 8: NPS 0
        assertEquals(0.0, root.get("nps").asDouble(), 0.0);
        // north: 10, 3, 6: (1 - 2)/3 = -33.3; south: 8, 9: (1 - 0)/2 = 50
        assertEquals(-100.0 / 3, root.get("segments").get("north").get("nps").asDouble(), 1e-12);
        assertEquals(50.0, root.get("segments").get("south").get("nps").asDouble(), 1e-12);
        // January: 10, 3: 0; February: 8, 6, 9: 0 too, with 3 answers
        assertEquals(2, root.get("months").get("2024-01").get("responses").asInt());
        assertEquals(3, root.get("months").get("2024-02").get("responses").asInt());
        assertContains(run, "1 of 5 answers have no customer id (anonymous)");

        Cli.Run latest = Cli.run("nps", "-r", file.toString(), "--date-column", "answered", "--customer-column",
                "customer", "--latest-per-customer");
        JsonNode l = JSON.readTree(latest.out());
        // a's 10 is replaced by its later 6: answers 3, 8, 6, 9: (1 - 2)/4 = -25
        assertEquals(4, l.get("responses").asInt());
        assertEquals(-25.0, l.get("nps").asDouble(), 1e-12);
        assertContains(latest, "1 earlier answers of the same customers left out");
        assertOneLineError(Cli.run("nps", "-r", file.toString(), "--latest-per-customer"), 2,
                "clv nps: --latest-per-customer needs --customer-column");
    }

    @Test
    void answersOutsideTheScaleOrNotWholeAreErrorsNamingTheLine() throws IOException {
        for (String bad : new String[] {"7.5", "11", "-1", "ten", "", "1e1x", "0x1p3", "NaN"}) {
            Path file = write(dir, "bad.csv", "score", "9", "\"" + bad + "\"");
            Cli.Run run = Cli.run("nps", "-r", file.toString());
            assertOneLineError(run, 1, "clv nps: error: " + file + ", line 3, column 'score': an answer must be a "
                    + "whole number from 0 to 10 (value '" + bad + "')");
        }
        Path blankSegment = write(dir, "seg.csv", "score,segment", "9,a", "8,");
        assertContains(Cli.run("nps", "-r", blankSegment.toString(), "--segment-column", "segment"),
                "line 3, column 'segment'", "the segment is blank");
        Path badDate = write(dir, "date.csv", "score,day", "9,2024-01-01", "8,1/2/2024");
        assertContains(Cli.run("nps", "-r", badDate.toString(), "--date-column", "day"), "line 3, column 'day'",
                "(value '1/2/2024')");
        Path empty = write(dir, "empty.csv", "score");
        assertContains(Cli.run("nps", "-r", empty.toString()), "no data");
        Path other = write(dir, "other.csv", "rating", "9");
        assertContains(Cli.run("nps", "-r", other.toString()), "column 'score'", "--score-column");
        assertOneLineError(Cli.run("nps", "-r", other.toString(), "--confidence-level", "1.5"), 2,
                "clv nps: invalid option value: confidence level must be in (0, 1)");
        assertOneLineError(Cli.run("nps", "-r", other.toString(), "--interval", "exact"), 2,
                "clv nps: Invalid value for option '--interval'");
    }
}
