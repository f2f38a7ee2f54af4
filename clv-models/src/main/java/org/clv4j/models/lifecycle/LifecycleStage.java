package org.clv4j.models.lifecycle;

import java.util.Locale;
import java.util.Objects;

/**
 * The stage of a customer in its relationship with the business, from the first purchase to its end. The rules
 * that assign a stage are in {@link LifecycleRules}; in brief, checked in this order:
 * <ol>
 *   <li>{@link #LOST}: inactive far beyond its purchase rhythm, or P(alive) under a low threshold;</li>
 *   <li>{@link #DORMANT}: overdue against its purchase rhythm, or P(alive) falling under a threshold;</li>
 *   <li>{@link #NEW}: active, first purchase recent;</li>
 *   <li>{@link #GROWING}: active and established, buying faster lately, or not yet of high value;</li>
 *   <li>{@link #MATURE}: active and established, buying at a steady rate, high value.</li>
 * </ol>
 */
public enum LifecycleStage {
    /** Introduction: the first purchase was recent and the customer is not overdue. */
    NEW,
    /** Growth: active, past the introduction, with a rising purchase rate or a value still below the high tier. */
    GROWING,
    /** Maturity: active, past the introduction, steady purchase rate, high value. */
    MATURE,
    /** Dormancy: overdue against the customer's own purchase rhythm, or P(alive) falling. */
    DORMANT,
    /** Churned (win-back candidates): inactive far beyond the rhythm, or P(alive) under the lost threshold. */
    LOST;

    /**
     * The stage's name in lower case, as printed in tables: {@code new}, {@code growing}, {@code mature},
     * {@code dormant} or {@code lost}.
     *
     * @return the id
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the customer is still buying: new, growing or mature.
     *
     * @return true for the active stages
     */
    public boolean isActive() {
        return this == NEW || this == GROWING || this == MATURE;
    }

    /**
     * Parses an {@link #id()}, ignoring case.
     *
     * @param text the id
     * @return the stage
     * @throws IllegalArgumentException if {@code text} names no stage
     */
    public static LifecycleStage parse(String text) {
        Objects.requireNonNull(text, "text");
        for (LifecycleStage stage : values()) {
            if (stage.id().equalsIgnoreCase(text.trim())) {
                return stage;
            }
        }
        throw new IllegalArgumentException("unknown lifecycle stage: '" + text
                + "' (expected new, growing, mature, dormant or lost)");
    }
}
