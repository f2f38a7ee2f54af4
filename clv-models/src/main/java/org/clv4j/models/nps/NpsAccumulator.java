package org.clv4j.models.nps;

import java.util.Objects;

/**
 * Counts promoters, passives and detractors one answer at a time; {@link #combine(NpsAccumulator) combinable} for
 * parallel streams. Create one with {@link NetPromoterScore#accumulator()}. Not thread-safe.
 */
public final class NpsAccumulator {

    private final NetPromoterScore calculator;
    private int promoters;
    private int passives;
    private int detractors;

    NpsAccumulator(NetPromoterScore calculator) {
        this.calculator = calculator;
    }

    /**
     * Counts one answer.
     *
     * @param answer the answer
     */
    public void add(NpsAnswer answer) {
        add(answer.score());
    }

    /**
     * Counts one score.
     *
     * @param score 0..10
     * @throws IllegalArgumentException if the score is outside 0..10
     */
    public void add(int score) {
        switch (NpsCategory.of(score)) {
            case PROMOTER:
                promoters++;
                break;
            case PASSIVE:
                passives++;
                break;
            case DETRACTOR:
            default:
                detractors++;
                break;
        }
    }

    /**
     * Adds another accumulator's counts to this one.
     *
     * @param other the other accumulator; left unchanged
     * @return this accumulator
     */
    public NpsAccumulator combine(NpsAccumulator other) {
        Objects.requireNonNull(other, "other");
        promoters += other.promoters;
        passives += other.passives;
        detractors += other.detractors;
        return this;
    }

    /**
     * The number of answers counted.
     *
     * @return the count
     */
    public int responses() {
        return promoters + passives + detractors;
    }

    /**
     * The score of the answers counted so far.
     *
     * @return the result
     * @throws IllegalArgumentException if no answer was counted
     */
    public NpsResult result() {
        return calculator.fromCounts(promoters, passives, detractors);
    }
}
