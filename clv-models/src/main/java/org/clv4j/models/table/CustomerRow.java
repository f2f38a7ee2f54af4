package org.clv4j.models.table;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clv4j.models.lifecycle.LifecycleStage;
import org.clv4j.models.nps.NpsAnswer;
import org.clv4j.models.rfm.RfmSegment;

/**
 * One customer's line of the {@link CustomerTable}. Durations are in the table's
 * {@link CustomerTable#timeUnit() time unit}; amounts in the currency of the transactions.
 *
 * @param customerId the customer's id (column {@code customer_id})
 * @param firstPurchase the day of the first purchase (column {@code first_purchase})
 * @param cohort the acquisition cohort, the label of the first purchase's calendar period such as {@code 2010-12}
 *        (column {@code cohort})
 * @param orders the orders in the window, first purchase included (column {@code orders})
 * @param revenue the amounts of those orders summed, refunds netted under {@code RefundPolicy.NET} (column
 *        {@code revenue})
 * @param averageOrderValue revenue / orders (column {@code average_order_value})
 * @param frequency x, the repeat purchase days (column {@code frequency})
 * @param recency t<sub>x</sub>, from the first to the last purchase day (column {@code recency})
 * @param T from the first purchase day to the observation end (column {@code T})
 * @param historicalClv the historical CLV ({@link org.clv4j.models.historical.HistoricalClv}, column
 *        {@code historical_clv})
 * @param predictedPurchases E[Y(h) | x, t<sub>x</sub>, T], the purchases expected in the horizon h, when a
 *        transaction model is available (column {@code predicted_purchases}, empty otherwise)
 * @param probabilityAlive P(alive) at the observation end, when a transaction model is available (column
 *        {@code probability_alive})
 * @param predictedClv the probabilistic CLV over the horizon, when a transaction model and a spend model are
 *        available (column {@code predicted_clv})
 * @param rfmSegment the RFM segment (column {@code rfm_segment}, as {@link RfmSegment#label()})
 * @param lifecycleStage the lifecycle stage (column {@code lifecycle_stage}, as {@link LifecycleStage#id()})
 * @param valueTier the value tier (column {@code value_tier}, as {@link ValueTier#id()})
 * @param npsAnswer the customer's latest survey answer, when known (columns {@code nps_score},
 *        {@code nps_category}, {@code nps_date})
 */
public record CustomerRow(String customerId, LocalDate firstPurchase, String cohort, int orders, double revenue,
                          double averageOrderValue, int frequency, double recency, double T, double historicalClv,
                          OptionalDouble predictedPurchases, OptionalDouble probabilityAlive,
                          OptionalDouble predictedClv, RfmSegment rfmSegment, LifecycleStage lifecycleStage,
                          ValueTier valueTier, Optional<NpsAnswer> npsAnswer) {

    /**
     * Validates the components.
     *
     * @param customerId the customer's id, not null
     * @param firstPurchase the first purchase day, not null
     * @param cohort the cohort label, not null
     * @param orders the orders, {@code >= 1}
     * @param revenue the revenue, finite
     * @param averageOrderValue the average order value, finite
     * @param frequency x, {@code >= 0}
     * @param recency t<sub>x</sub>, {@code >= 0}
     * @param T the age, {@code >= recency}
     * @param historicalClv the historical CLV, finite
     * @param predictedPurchases the expected purchases, finite and {@code >= 0}, or empty
     * @param probabilityAlive P(alive) in [0, 1], or empty
     * @param predictedClv the predicted CLV, finite, or empty
     * @param rfmSegment the RFM segment, not null
     * @param lifecycleStage the lifecycle stage, not null
     * @param valueTier the value tier, not null
     * @param npsAnswer the latest answer, or empty
     * @throws IllegalArgumentException if a figure is out of range, naming the customer
     */
    public CustomerRow {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(firstPurchase, "firstPurchase");
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(predictedPurchases, "predictedPurchases");
        Objects.requireNonNull(probabilityAlive, "probabilityAlive");
        Objects.requireNonNull(predictedClv, "predictedClv");
        Objects.requireNonNull(rfmSegment, "rfmSegment");
        Objects.requireNonNull(lifecycleStage, "lifecycleStage");
        Objects.requireNonNull(valueTier, "valueTier");
        Objects.requireNonNull(npsAnswer, "npsAnswer");
        if (orders < 1 || !Double.isFinite(revenue) || !Double.isFinite(averageOrderValue) || frequency < 0
                || !(recency >= 0.0) || !(T >= recency) || !Double.isFinite(T) || !Double.isFinite(historicalClv)
                || !finiteNonNegative(predictedPurchases) || (probabilityAlive.isPresent()
                        && !(probabilityAlive.getAsDouble() >= 0.0 && probabilityAlive.getAsDouble() <= 1.0))
                || (predictedClv.isPresent() && !Double.isFinite(predictedClv.getAsDouble()))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "invalid table row for customer %s: "
                            + "orders=%d, revenue=%s, averageOrderValue=%s, frequency=%d, recency=%s, T=%s, "
                            + "historicalClv=%s, predictedPurchases=%s, probabilityAlive=%s, predictedClv=%s",
                    customerId, orders, revenue, averageOrderValue, frequency, recency, T, historicalClv,
                    predictedPurchases, probabilityAlive, predictedClv));
        }
    }

    private static boolean finiteNonNegative(OptionalDouble value) {
        return value.isEmpty() || (value.getAsDouble() >= 0.0 && Double.isFinite(value.getAsDouble()));
    }
}
