package org.clv4j.models.sbg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code data/sbg_retention_cohorts.csv} (columns cohort, year, customers_alive, percent_alive_published,
 * used_for): Fader &amp; Hardie (2007), Table 1, the "regular" and "high end" cohorts of 1,000 customers.
 */
final class RetentionCohortsCsv {

    static final Path FILE = Path.of("..", "data", "sbg_retention_cohorts.csv");

    /** One row of the file; {@code customersAlive} is -1 where the file leaves it empty (projection rows). */
    record Row(String cohort, int year, long customersAlive, double percentAlivePublished, String usedFor) {
    }

    private RetentionCohortsCsv() {
    }

    /** All rows by cohort, in file order. */
    static Map<String, List<Row>> rows() {
        try {
            List<String> lines = Files.readAllLines(FILE);
            if (!lines.get(0).equals("cohort,year,customers_alive,percent_alive_published,used_for")) {
                throw new IllegalStateException("unexpected header: " + lines.get(0));
            }
            Map<String, List<Row>> rows = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                Row row = new Row(f[0], Integer.parseInt(f[1]), f[2].isEmpty() ? -1 : Long.parseLong(f[2]),
                        Double.parseDouble(f[3]), f[4]);
                rows.computeIfAbsent(row.cohort(), c -> new ArrayList<>()).add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The survivor counts of the rows with used_for = fit, through the public builder. */
    static SurvivalData fitData() {
        SurvivalData.Builder builder = SurvivalData.builder();
        for (List<Row> cohort : rows().values()) {
            for (Row row : cohort) {
                if (row.usedFor().equals("fit")) {
                    builder.add(row.cohort(), row.year(), row.customersAlive());
                }
            }
        }
        return builder.build();
    }

    /** The published % alive of a cohort, years 0..12. */
    static double[] publishedPercentAlive(String cohort) {
        return rows().get(cohort).stream().mapToDouble(Row::percentAlivePublished).toArray();
    }
}
