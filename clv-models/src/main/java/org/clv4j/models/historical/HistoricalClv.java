package org.clv4j.models.historical;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.clv4j.core.Customer;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.CustomerSummaries;
import org.clv4j.core.summary.CustomerSummary;
import org.clv4j.core.summary.SummaryOptions;

/**
 * Historical (descriptive) customer lifetime value: what each customer's past purchasing is worth if it goes on
 * at the same rate for the expected customer lifespan.
 *
 * <pre>
 * CLV = margin × AOV × frequency × lifespanFactor − acquisitionCost
 * </pre>
 * per customer, with {@code AOV = revenue / orders} (each transaction is one order), {@code frequency = orders /
 * tenure} where the tenure runs from the first order to the observation end and is at least one time unit, and
 * the lifespan factor the lifespan {@code L} itself, or with a discount rate {@code d} per time unit the
 * present value of one unit per period for {@code L} periods, {@code Σ_{k=1..⌊L⌋} (1+d)^−k}, plus the fractional
 * last period pro rata, {@code (L − ⌊L⌋)(1+d)^−(⌊L⌋+1)} (see {@link #lifespanFactor(double, double)}). The
 * lifespan is given, or estimated from the churn in the log as described in {@link ChurnEstimate}. This is the
 * "average order value × purchase frequency × lifespan" formula of marketing practice; unlike the probabilistic
 * models it assumes every customer keeps its observed rate for the whole lifespan.
 *
 * <p>Orders are counted per transaction, not per purchase day as in {@link CustomerSummary#frequency()}: two
 * orders on one day are two orders. Zero-amount orders are orders. Refunds follow the
 * {@link HistoricalClvOptions#refundPolicy() refund policy}; they are never orders.
 *
 * <p>Stateless and thread-safe.
 */
public final class HistoricalClv {

    private HistoricalClv() {
    }

    /**
     * The historical CLV of every customer in {@code transactions}.
     *
     * @param transactions the transaction log, in any order; iterated once, or twice when some customer's
     *        transactions are out of date order (see {@link CustomerSummaries#summarize})
     * @param options margin, acquisition costs, lifespan, discount rate, window and segments
     * @return per-customer values with every input of the formula, and aggregates
     * @throws IllegalArgumentException for an empty log, invalid transactions (naming customer, field and value),
     *         transactions after the observation end, refunds under {@code RefundPolicy.REJECT}, or a lifespan that
     *         cannot be estimated
     */
    public static HistoricalClvResult calculate(Iterable<? extends Transaction> transactions,
                                                HistoricalClvOptions options) {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(options, "options");
        SummaryOptions byDay = SummaryOptions.defaults().withTimeUnit(TimeUnit.DAY)
                .withRefundPolicy(options.refundPolicy());
        if (options.observationEnd().isPresent()) {
            byDay = byDay.withObservationEnd(options.observationEnd().get());
        }
        List<CustomerSummary> summaries = CustomerSummaries.summarize(transactions, byDay);
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("no transactions: historical CLV needs at least one order");
        }
        CustomerSummary any = summaries.get(0);
        LocalDate end = any.firstPurchase().orElseThrow().plusDays(Math.round(any.T()));

        TimeUnit unit = options.timeUnit();
        ChurnEstimate churn = null;
        double lifespan;
        if (options.lifespan().isPresent()) {
            lifespan = options.lifespan().getAsDouble();
        } else {
            churn = estimateChurn(summaries, options.churnThreshold(), unit);
            lifespan = churn.lifespan();
        }
        double factor = lifespanFactor(lifespan, options.discountRate());
        double margin = options.margin();
        Map<String, Customer> records = options.customers();

        List<CustomerClv> rows = new ArrayList<>(summaries.size());
        Map<String, CustomerClv> byId = new HashMap<>(summaries.size() * 2);
        for (CustomerSummary s : summaries) {
            Customer record = records.get(s.customerId());
            Optional<String> segment = record == null ? Optional.empty()
                    : record.attribute(options.segmentAttribute());
            double acquisitionCost = record == null ? options.acquisitionCost()
                    : record.acquisitionCost().orElse(options.acquisitionCost());
            LocalDate first = s.firstPurchase().orElseThrow();
            int orders = s.orders();
            double revenue = s.totalSpend();
            double averageOrderValue = revenue / orders;
            double tenure = Math.max(1.0, unit.fromDays(s.T()));
            double frequency = orders / tenure;
            double clv = margin * averageOrderValue * frequency * factor - acquisitionCost;
            CustomerClv row = new CustomerClv(s.customerId(), segment, first, first.plusDays(Math.round(s.recency())),
                    orders, revenue, averageOrderValue, frequency, tenure, lifespan, factor, margin, acquisitionCost,
                    clv, unit);
            rows.add(row);
            byId.put(row.customerId(), row);
        }

        List<String> withoutOrders = new ArrayList<>();
        for (String id : records.keySet()) {
            if (!byId.containsKey(id)) {
                withoutOrders.add(id);
            }
        }
        return new HistoricalClvResult(rows, Collections.unmodifiableMap(byId), ClvAggregate.of(clvs(rows)),
                segments(rows), unsegmented(rows), end, lifespan, churn, withoutOrders, options);
    }

    /**
     * The lifespan factor of the CLV formula: the present value, at discount rate {@code d} per time unit, of one
     * unit received at the end of each of the {@code L} time units of the lifespan, a fractional last unit counting
     * pro rata:
     * <pre>
     * factor = Σ_{k=1..n} (1+d)^−k + (L − n)·(1+d)^−(n+1),   n = ⌊L⌋
     *        = (1 − (1+d)^−n) / d + (L − n)·(1+d)^−(n+1)
     * </pre>
     * computed as {@code −expm1(−n·log1p(d)) / d} so that small rates lose no precision. With {@code d = 0} the
     * factor is {@code L}. It is continuous and increasing in {@code L}, and never exceeds {@code L}.
     *
     * @param lifespan {@code L}, finite and {@code > 0}
     * @param discountRate {@code d}, finite and {@code >= 0}
     * @return the factor, in (0, L]
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double lifespanFactor(double lifespan, double discountRate) {
        if (!(lifespan > 0.0) || !Double.isFinite(lifespan)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "lifespan must be finite and > 0: lifespan=%s", lifespan));
        }
        if (!(discountRate >= 0.0) || !Double.isFinite(discountRate)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "discount rate must be finite and >= 0: discountRate=%s", discountRate));
        }
        if (discountRate == 0.0) {
            return lifespan;
        }
        double n = Math.floor(lifespan);
        double logGrowth = Math.log1p(discountRate);
        double whole = -Math.expm1(-n * logGrowth) / discountRate;
        double fraction = (lifespan - n) * Math.exp(-(n + 1.0) * logGrowth);
        return Math.min(lifespan, whole + fraction);
    }

    /** The churn estimate of {@link ChurnEstimate}; the summaries are in days. */
    private static ChurnEstimate estimateChurn(List<CustomerSummary> byDay, double threshold, TimeUnit unit) {
        int churned = 0;
        double exposureDays = 0.0;
        for (CustomerSummary s : byDay) {
            double inactive = unit.fromDays(s.T() - s.recency());
            if (inactive > threshold) {
                churned++;
                exposureDays += s.recency();
            } else {
                exposureDays += s.T();
            }
        }
        return ChurnEstimate.of(threshold, byDay.size(), churned, unit.fromDays(exposureDays), unit);
    }

    private static double[] clvs(List<CustomerClv> rows) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(i).clv();
        }
        return values;
    }

    private static Map<String, ClvAggregate> segments(List<CustomerClv> rows) {
        Map<String, List<CustomerClv>> groups = new LinkedHashMap<>();
        for (CustomerClv row : rows) {
            row.segment().ifPresent(s -> groups.computeIfAbsent(s, k -> new ArrayList<>()).add(row));
        }
        TreeMap<String, ClvAggregate> result = new TreeMap<>();
        groups.forEach((segment, members) -> result.put(segment, ClvAggregate.of(clvs(members))));
        return Collections.unmodifiableMap(result);
    }

    private static ClvAggregate unsegmented(List<CustomerClv> rows) {
        List<CustomerClv> members = new ArrayList<>();
        for (CustomerClv row : rows) {
            if (row.segment().isEmpty()) {
                members.add(row);
            }
        }
        return members.isEmpty() ? null : ClvAggregate.of(clvs(members));
    }
}
