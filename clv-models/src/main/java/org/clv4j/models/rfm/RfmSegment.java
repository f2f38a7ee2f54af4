package org.clv4j.models.rfm;

import java.util.Locale;

/**
 * Named RFM segments on the grid of the recency score R (1–5) against the FM score, the mean of the frequency and
 * monetary scores rounded half up: FM = ⌊(F + M + 1) / 2⌋.
 *
 * <p>The grid is the widely used R-by-F segment map of RFM practice, read with FM in place of F, and its
 * bottom-left corner (R ≤ 2, FM ≤ 2) split into <em>hibernating</em> (R = 2) and <em>lost</em> (R = 1):
 * <pre>
 *            FM=1          FM=2           FM=3            FM=4         FM=5
 *   R=5   new           potential      potential       champions    champions
 *   R=4   promising     potential      potential       loyal        loyal
 *   R=3   about to sleep about to sleep need attention loyal        loyal
 *   R=2   hibernating   hibernating    at risk         at risk      can't lose
 *   R=1   lost          lost           at risk         at risk      can't lose
 * </pre>
 * (potential = potential loyalists). Every one of the 25 cells has exactly one segment.
 */
public enum RfmSegment {
    /** Bought recently, buy often and spend the most: R = 5, FM 4–5. */
    CHAMPIONS("champions"),
    /** Buy regularly and spend well: R 3–4, FM 4–5. */
    LOYAL("loyal"),
    /** Recent customers with average frequency and spend: R 4–5, FM 2–3. */
    POTENTIAL_LOYALISTS("potential loyalists"),
    /** Bought very recently, for the first time or little: R = 5, FM = 1. */
    NEW("new"),
    /** Recent, but have bought little: R = 4, FM = 1. */
    PROMISING("promising"),
    /** Average on all counts: R = 3, FM = 3. */
    NEED_ATTENTION("need attention"),
    /** Fading, low frequency and spend: R = 3, FM 1–2. */
    ABOUT_TO_SLEEP("about to sleep"),
    /** Used to buy well, not for a while: R 1–2, FM 3–4. */
    AT_RISK("at risk"),
    /** Were among the best, now long gone: R 1–2, FM = 5. */
    CANT_LOSE("can't lose"),
    /** Long ago, little, seldom: R = 2, FM 1–2. */
    HIBERNATING("hibernating"),
    /** The lowest recency, frequency and spend: R = 1, FM 1–2. */
    LOST("lost");

    private static final RfmSegment[][] GRID = {
        // FM = 1 .. 5, for R = 1 .. 5
        {LOST, LOST, AT_RISK, AT_RISK, CANT_LOSE},
        {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE},
        {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL},
        {PROMISING, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, LOYAL, LOYAL},
        {NEW, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, CHAMPIONS, CHAMPIONS},
    };

    private final String label;

    RfmSegment(String label) {
        this.label = label;
    }

    /**
     * The segment's display name in lower case, such as {@code can't lose}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * A machine-friendly id: the label with blanks as hyphens and the apostrophe dropped, such as
     * {@code cant-lose} or {@code potential-loyalists}.
     *
     * @return the id
     */
    public String id() {
        return label.replace("'", "").replace(' ', '-');
    }

    /**
     * The FM score: the mean of F and M rounded half up.
     *
     * @param f the frequency score, 1..5
     * @param m the monetary score, 1..5
     * @return ⌊(f + m + 1) / 2⌋, 1..5
     * @throws IllegalArgumentException if a score is outside 1..5
     */
    public static int fm(int f, int m) {
        requireScore("frequency", f);
        requireScore("monetary", m);
        return (f + m + 1) / 2;
    }

    /**
     * The segment of a cell of the grid.
     *
     * @param r the recency score, 1..5
     * @param fm the FM score, 1..5
     * @return the segment
     * @throws IllegalArgumentException if a score is outside 1..5
     */
    public static RfmSegment of(int r, int fm) {
        requireScore("recency", r);
        requireScore("FM", fm);
        return GRID[r - 1][fm - 1];
    }

    private static void requireScore(String name, int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s score must be in 1..5: score=%d",
                    name, score));
        }
    }
}
