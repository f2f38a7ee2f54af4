package org.clv4j.models.rfm;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RFM scores of all customers, in customer-id order, with segment counts. Immutable.
 *
 * <p>As CSV, one line per {@link #scores() score} with the stable columns {@link #COLUMNS}.
 */
public final class RfmTable {

    /**
     * CSV columns: the {@link RfmScore} components, with {@code rfm} = {@link RfmScore#code()} and
     * {@code segment} = {@link RfmSegment#label()}.
     */
    public static final List<String> COLUMNS = List.of("customer_id", "recency_days", "frequency", "monetary", "r",
            "f", "m", "rfm", "segment");

    private final LocalDate observationEnd;
    private final List<RfmScore> scores;
    private final Map<String, RfmScore> byId;
    private final Map<RfmSegment, Integer> segmentCounts;

    RfmTable(LocalDate observationEnd, List<RfmScore> scores) {
        this.observationEnd = observationEnd;
        this.scores = List.copyOf(scores);
        Map<String, RfmScore> index = new HashMap<>();
        Map<RfmSegment, Integer> counts = new EnumMap<>(RfmSegment.class);
        for (RfmSegment s : RfmSegment.values()) {
            counts.put(s, 0);
        }
        for (RfmScore s : this.scores) {
            index.put(s.customerId(), s);
            counts.merge(s.segment(), 1, Integer::sum);
        }
        this.byId = index;
        this.segmentCounts = Collections.unmodifiableMap(counts);
    }

    /**
     * The observation end the recencies count to.
     *
     * @return the date; empty when the table was scored from given {@link RfmValues}
     */
    public Optional<LocalDate> observationEnd() {
        return Optional.ofNullable(observationEnd);
    }

    /**
     * The scores, in customer-id order.
     *
     * @return an unmodifiable list
     */
    public List<RfmScore> scores() {
        return scores;
    }

    /**
     * One customer's score.
     *
     * @param customerId the id
     * @return the score, or empty
     */
    public Optional<RfmScore> score(String customerId) {
        return Optional.ofNullable(byId.get(customerId));
    }

    /**
     * The number of customers in each segment, every segment present (possibly with 0), in the order of
     * {@link RfmSegment}.
     *
     * @return an unmodifiable map
     */
    public Map<RfmSegment, Integer> segmentCounts() {
        return segmentCounts;
    }
}
