package org.clv4j.models.nps;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collector;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Net Promoter Score (Reichheld 2003) of 0–10 likelihood-to-recommend answers, with its standard error, a
 * confidence interval, breakdowns by segment and month, and a test of the difference between two scores.
 *
 * <p>With n answers, P promoters (9–10), D detractors (0–6) and the passives (7–8) in between:
 * <pre>
 *   NPS = 100 · (P − D) / n                                   points, −100..100
 *   se  = 100 · √((p_P + p_D − (p_P − p_D)²) / n)             p_P = P/n, p_D = D/n
 * </pre>
 * the standard error of a difference of two multinomial shares. The confidence interval is the
 * {@link NpsIntervalMethod#ADJUSTED_WALD adjusted Wald} interval by default, which keeps close to its nominal
 * coverage on small samples (segments, months); {@link NpsIntervalMethod#WALD} gives the textbook NPS ± z·se.
 * Example (docs/REFERENCES.md): 250 promoters, 675 passives, 75 detractors → NPS 17.5, se 1.716, Wald 95% interval
 * 14.1..20.9, adjusted Wald 14.1..20.8.
 *
 * <p>Zero answers have no score: every method that would compute one throws {@link IllegalArgumentException}.
 *
 * <p>Immutable and thread-safe.
 */
public final class NetPromoterScore {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0.0, 1.0);
    private static final NetPromoterScore DEFAULTS = new NetPromoterScore(0.95, NpsIntervalMethod.ADJUSTED_WALD);

    private final double confidenceLevel;
    private final NpsIntervalMethod method;
    private final double z;

    private NetPromoterScore(double confidenceLevel, NpsIntervalMethod method) {
        this.confidenceLevel = confidenceLevel;
        this.method = method;
        this.z = z(confidenceLevel);
    }

    static double z(double level) {
        return NORMAL.inverseCumulativeProbability(0.5 + level / 2.0);
    }

    /**
     * 95% adjusted Wald intervals.
     *
     * @return the default calculator
     */
    public static NetPromoterScore withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another confidence level.
     *
     * @param level in (0, 1), such as 0.9
     * @return the copy
     * @throws IllegalArgumentException if {@code level} is not in (0, 1)
     */
    public NetPromoterScore withConfidenceLevel(double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "confidence level must be in (0, 1): confidenceLevel=%s", level));
        }
        return new NetPromoterScore(level, method);
    }

    /**
     * A copy with another interval method.
     *
     * @param intervalMethod Wald or adjusted Wald
     * @return the copy
     */
    public NetPromoterScore withIntervalMethod(NpsIntervalMethod intervalMethod) {
        return new NetPromoterScore(confidenceLevel, Objects.requireNonNull(intervalMethod, "method"));
    }

    /**
     * The confidence level.
     *
     * @return the level
     */
    public double confidenceLevel() {
        return confidenceLevel;
    }

    /**
     * The interval method.
     *
     * @return the method
     */
    public NpsIntervalMethod intervalMethod() {
        return method;
    }

    /**
     * The score of category counts.
     *
     * @param promoters answers 9–10, non-negative
     * @param passives answers 7–8, non-negative
     * @param detractors answers 0–6, non-negative
     * @return the result
     * @throws IllegalArgumentException if a count is negative or all are zero
     */
    public NpsResult fromCounts(int promoters, int passives, int detractors) {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "NPS counts must be non-negative: promoters=%d, passives=%d, detractors=%d", promoters,
                    passives, detractors));
        }
        long total = (long) promoters + passives + detractors;
        if (total == 0) {
            throw new IllegalArgumentException("NPS needs at least one response: responses=0");
        }
        int n = Math.toIntExact(total);
        double pP = (double) promoters / n;
        double pD = (double) detractors / n;
        double nps = pP - pD;
        double se = Math.sqrt(Math.max(0.0, pP + pD - nps * nps) / n);
        double[] interval = interval(promoters, detractors, n, z, method);
        return new NpsResult(n, promoters, passives, detractors, 100.0 * nps, 100.0 * se, interval[0],
                interval[1], confidenceLevel, method);
    }

    /** The interval in points, clipped to [−100, 100]. */
    static double[] interval(int promoters, int detractors, int n, double z, NpsIntervalMethod method) {
        double pseudo = method == NpsIntervalMethod.ADJUSTED_WALD ? 0.75 : 0.0;
        double m = n + 4.0 * pseudo;
        double pP = (promoters + pseudo) / m;
        double pD = (detractors + pseudo) / m;
        double centre = pP - pD;
        double se = Math.sqrt(Math.max(0.0, pP + pD - centre * centre) / m);
        return new double[] {100.0 * Math.max(-1.0, centre - z * se), 100.0 * Math.min(1.0, centre + z * se)};
    }

    /**
     * The score of answers.
     *
     * @param answers the answers; at least one
     * @return the result
     * @throws IllegalArgumentException if there are no answers
     */
    public NpsResult score(Iterable<NpsAnswer> answers) {
        Objects.requireNonNull(answers, "answers");
        NpsAccumulator accumulator = accumulator();
        for (NpsAnswer a : answers) {
            accumulator.add(a);
        }
        return accumulator.result();
    }

    /**
     * The score of raw 0..10 scores.
     *
     * @param scores the scores; at least one
     * @return the result
     * @throws IllegalArgumentException if there are no scores or one is outside 0..10 (naming its index)
     */
    public NpsResult score(int... scores) {
        NpsAccumulator accumulator = accumulator();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] < 0 || scores[i] > 10) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "NPS answer must be a whole number from 0 to 10 at index %d: score=%d", i, scores[i]));
            }
            accumulator.add(scores[i]);
        }
        return accumulator.result();
    }

    /**
     * Scores by segment.
     *
     * @param answers answers that all have a {@link NpsAnswer#segment() segment}
     * @return segment → score, in segment name order; empty for no answers
     * @throws IllegalArgumentException if an answer has no segment, naming its line
     */
    public SortedMap<String, NpsResult> bySegment(Iterable<NpsAnswer> answers) {
        return new TreeMap<>(groupBy(answers, "segment", NpsAnswer::segment));
    }

    /**
     * Scores by calendar month of the answer date.
     *
     * @param answers answers that all have a {@link NpsAnswer#date() date}
     * @return month → score, in calendar order; empty for no answers
     * @throws IllegalArgumentException if an answer has no date, naming its line
     */
    public SortedMap<YearMonth, NpsResult> byMonth(Iterable<NpsAnswer> answers) {
        return new TreeMap<>(groupBy(answers, "date", a -> a.date() == null ? null : YearMonth.from(a.date())));
    }

    /**
     * Scores by any key, for example an RFM segment looked up by {@link NpsAnswer#customerId()}.
     *
     * @param answers the answers
     * @param key the group of an answer; must not return {@code null}
     * @param <K> the key type
     * @return key → score, in order of first appearance; empty for no answers
     * @throws IllegalArgumentException if the key of an answer is {@code null}, naming its line
     */
    public <K> Map<K, NpsResult> groupBy(Iterable<NpsAnswer> answers, Function<? super NpsAnswer, K> key) {
        return groupBy(answers, "group key", key);
    }

    private <K> Map<K, NpsResult> groupBy(Iterable<NpsAnswer> answers, String what,
                                          Function<? super NpsAnswer, K> key) {
        Objects.requireNonNull(answers, "answers");
        Map<K, NpsAccumulator> groups = new LinkedHashMap<>();
        for (NpsAnswer a : answers) {
            K k = key.apply(a);
            if (k == null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has no %s", a.describe(), what));
            }
            groups.computeIfAbsent(k, x -> accumulator()).add(a);
        }
        Map<K, NpsResult> result = new LinkedHashMap<>();
        groups.forEach((k, acc) -> result.put(k, acc.result()));
        return result;
    }

    /**
     * Tests whether two scores from independent samples differ: z = (NPS<sub>a</sub> − NPS<sub>b</sub>) /
     * √(se<sub>a</sub>² + se<sub>b</sub>²) with the Wald standard errors, two-sided p = 2·Φ(−|z|), and the Wald
     * interval of the difference at this calculator's level. The normal approximation wants some 30 answers or
     * more per sample.
     *
     * @param a the first score
     * @param b the second score
     * @return the test
     * @throws IllegalArgumentException if both standard errors are 0 (each sample has all its answers in one
     *         category), where the z statistic is undefined
     */
    public NpsDifference compare(NpsResult a, NpsResult b) {
        double difference = a.nps() - b.nps();
        double se = Math.hypot(a.standardError(), b.standardError());
        if (!(se > 0.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the NPS difference has standard error 0 (every answer of each sample in one category), "
                            + "so the z test is undefined: nps=%s and %s", a.nps(), b.nps()));
        }
        double zStat = difference / se;
        double p = Math.min(1.0, 2.0 * NORMAL.cumulativeProbability(-Math.abs(zStat)));
        return new NpsDifference(difference, se, zStat, p, difference - z * se, difference + z * se,
                confidenceLevel);
    }

    /**
     * An empty accumulator scored by this calculator.
     *
     * @return a new accumulator
     */
    public NpsAccumulator accumulator() {
        return new NpsAccumulator(this);
    }

    /**
     * This calculator as a {@link Collector} of answers; works on parallel streams.
     *
     * @return the collector
     */
    public Collector<NpsAnswer, NpsAccumulator, NpsResult> collector() {
        return Collector.of(this::accumulator, NpsAccumulator::add, NpsAccumulator::combine, NpsAccumulator::result);
    }
}
