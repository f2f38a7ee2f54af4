package org.clv4j.cli;

import static org.clv4j.cli.BadInputTest.assertOneLineError;
import static org.clv4j.cli.CohortCommandTest.RETAIL_CLEANING;
import static org.clv4j.cli.CohortCommandTest.concat;
import static org.clv4j.cli.CohortCommandTest.retail;
import static org.clv4j.cli.SummaryCommandTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clv segment}: quintile scores and grid segments by hand, formula-looking customer ids defused, and the
 * Online Retail segment sizes and k-means clusters of docs/rfm.md.
 */
class SegmentCommandTest {

    @TempDir
    Path dir;

    @Test
    void handScoredCustomers() throws IOException {
        // n = 5, so rank i (0-based) scores i + 1. Observation end 2024-01-31 (latest transaction).
        // recency days a 30, b 11, c 6, d 3, e 0; orders a 1 .. e 5; spend a 10, b 40, c 30, d 20, e 60.
        Path file = write(dir, "t.csv", "customer_id,date,amount",
                "a,2024-01-01,10",
                "b,2024-01-10,20", "b,2024-01-20,20",
                "c,2024-01-05,10", "c,2024-01-15,10", "c,2024-01-25,10",
                "d,2024-01-28,5", "d,2024-01-28,5", "d,2024-01-28,5", "d,2024-01-28,5",
                "e,2024-01-02,12", "e,2024-01-09,12", "e,2024-01-16,12", "e,2024-01-23,12", "e,2024-01-31,12");
        Cli.Run run = Cli.run("segment", "-t", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        // FM = floor((F + M + 1) / 2): a 1, b 3, c 3, d 3, e 5; grid (R, FM): (1,1) lost, (2,3) at risk,
        // (3,3) need attention, (4,3) potential loyalists, (5,5) champions
        assertEquals(String.join("\r\n",
                "customer_id,r_score,f_score,m_score,segment",
                "a,1,1,1,lost",
                "b,2,2,4,at risk",
                "c,3,3,3,need attention",
                "d,4,4,2,potential loyalists",
                "e,5,5,5,champions") + "\r\n", run.out());
        assertEquals("clv segment: champions: 1 customers", run.errLines().get(0));

        // spend per order instead: a 10, b 20, c 10, d 5, e 12 → ranked d, a, c (ties by id), e, b: M of a..e
        // is 2, 5, 3, 1, 4
        Cli.Run average = Cli.run("segment", "-t", file.toString(), "--monetary", "average-order");
        assertEquals(List.of("2", "5", "3", "1", "4"), average.csv().subList(1, 6).stream().map(r -> r.get(3))
                .toList());
    }

    @Test
    void formulaLookingCustomerIdsAreDefused() throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount", "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
                + "2024-01-01,10", "-1+2,2024-01-02,5", "@sum,2024-01-03,1", "-42,2024-01-04,2");
        Cli.Run run = Cli.run("segment", "-t", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<String> ids = run.csv().subList(1, 5).stream().map(r -> r.get(0)).toList();
        // customer id order: "-1+2" < "-42" < "=HYPERLINK..." < "@sum"
        assertEquals(List.of("'-1+2", "-42", "'=HYPERLINK(\"http://x\",\"y\")", "'@sum"), ids);
    }

    @Test
    void onlineRetailSegmentsAndClustersOfTheDocs() {
        Cli.Run run = Cli.run(concat(retail("segment"), RETAIL_CLEANING));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(4339 + 1, run.csv().size());
        // docs/rfm.md, "Worked example: Online Retail"
        List<String> expected = List.of("champions: 642", "loyal: 875", "potential loyalists: 515", "new: 15",
                "promising: 46", "need attention: 221", "about to sleep: 289", "at risk: 697", "can't lose: 86",
                "hibernating: 342", "lost: 611");
        List<String> counts = run.errLines().stream().filter(l -> l.endsWith(" customers"))
                .map(l -> l.substring("clv segment: ".length(), l.length() - " customers".length())).toList();
        assertEquals(expected, counts);
        CSVRecord first = run.csv().get(1);
        assertEquals(List.of("12346", "1", "1", "5", "at risk"), first.toList()); // 115, FM 3: at risk

        Cli.Run kmeans = Cli.run(concat(retail("segment"), RETAIL_CLEANING, new String[] {"--method", "kmeans"}));
        assertEquals(0, kmeans.exitCode(), kmeans::toString);
        List<String> sizes = kmeans.errLines().stream().filter(l -> l.contains(": cluster-"))
                .map(l -> l.replaceAll("^clv segment: (cluster-\\d): (\\d+) customers.*$", "$1 $2")).toList();
        assertEquals(List.of("cluster-1 715", "cluster-2 1194", "cluster-3 852", "cluster-4 1578"), sizes);
        assertEquals(715, kmeans.csv().stream().filter(r -> r.get(4).equals("cluster-1")).count());
    }

    @Test
    void optionErrors() throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount", "a,2024-01-01,1");
        assertOneLineError(Cli.run("segment", "-t", file.toString(), "--clusters", "3"), 2,
                "clv segment: --clusters and --seed need --method kmeans");
        assertOneLineError(Cli.run("segment", "-t", file.toString(), "--method", "kmeans", "--clusters", "0"), 2,
                "clv segment: invalid option value:");
        assertOneLineError(Cli.run("segment", "-t", file.toString(), "--method", "tree"), 2,
                "clv segment: Invalid value for option '--method'");
    }
}
