package org.clv4j.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clv4j.cli.csv.CsvWriter;
import org.clv4j.cli.csv.TransactionCsv;
import org.clv4j.models.cohort.CohortAnalysis;
import org.clv4j.models.cohort.CohortRow;
import org.clv4j.models.cohort.CohortTable;
import org.clv4j.models.cohort.CohortUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code clv cohort}: the acquisition cohort table ({@link CohortAnalysis}) as CSV, one row per cohort and period
 * since acquisition.
 */
@Command(name = "cohort", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Acquisition cohorts: customers grouped by the calendar period of their first purchase, "
                + "followed period by period (period 0 holds the first purchase).",
                "Columns: " + "cohort,customers,period,active_customers,retention_rate,orders,revenue,"
                        + "cumulative_revenue_per_customer. Labels: 2010-12 (month), 2010-W49 (ISO week), 2010-Q4, "
                        + "2010. A partial last period is reported on stderr."})
public final class CohortCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TransactionOptions input;

    @Option(names = "--cohort-unit", paramLabel = "UNIT", defaultValue = "month",
            converter = CohortUnitConverter.class, completionCandidates = CohortUnits.class,
            description = "Calendar period of cohorts and of the table's periods: week (ISO, Monday to Sunday), "
                    + "month, quarter or year (default: ${DEFAULT-VALUE}).")
    CohortUnit unit;

    @Option(names = "--observation-end", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "Last day of the observation window, ISO (default: the last transaction date). The "
                    + "table runs to its period; later transactions are errors.")
    LocalDate observationEnd;

    @Option(names = "--complete-periods-only",
            description = "Leave out the last period when the observation end falls inside it (a cohort acquired "
                    + "in it disappears).")
    boolean completePeriodsOnly;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        CohortAnalysis analysis = CohortAnalysis.withDefaults().withUnit(unit)
                .withRefundPolicy(input.refundPolicy()).withPartialPeriods(!completePeriodsOnly);
        if (observationEnd != null) {
            analysis = analysis.withObservationEnd(observationEnd);
        }
        CohortAnalysis configured = analysis;
        TransactionCsv csv = input.open(observationEnd);
        CohortTable table = csv.compute(configured::compute);
        PrintWriter err = spec.commandLine().getErr();
        TransactionOptions.printNotes(err, spec.qualifiedName(), csv);
        output.writeCsv(spec, out -> {
            out.header(CohortTable.COLUMNS.toArray(new String[0]));
            for (CohortRow r : table.rows()) {
                out.text(r.cohort()).integer(r.customers()).integer(r.period()).integer(r.activeCustomers())
                        .number(r.retentionRate()).integer(r.orders()).number(r.revenue())
                        .number(r.cumulativeRevenuePerCustomer()).endRow();
            }
        });
        LocalDate end = table.observationEnd().orElse(null);
        if (end != null && table.lastPeriodPartial() && !completePeriodsOnly) {
            err.println(String.format(Locale.ROOT, "%s: note: the last period, %s, is partial: the observation "
                    + "ends on %s; its figures are so far (--complete-periods-only leaves it out)",
                    spec.qualifiedName(), unit.label(end), end));
        }
        err.println(String.format(Locale.ROOT, "%s: %d customers in %d cohorts, %d orders, revenue %s",
                spec.qualifiedName(), table.customers(), table.cohorts().size(), table.orders(),
                CsvWriter.formatNumber(table.revenue())));
        err.flush();
        return 0;
    }

    /** {@code week}, {@code month}, {@code quarter} or {@code year}, as {@link CohortUnit#parse}. */
    static final class CohortUnitConverter implements ITypeConverter<CohortUnit> {
        @Override
        public CohortUnit convert(String value) {
            try {
                return CohortUnit.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value
                        + "' is not a cohort unit (expected week, month, quarter or year)");
            }
        }
    }

    /** Completion candidates for {@code --cohort-unit}. */
    static final class CohortUnits implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("week", "month", "quarter", "year").iterator();
        }
    }
}
