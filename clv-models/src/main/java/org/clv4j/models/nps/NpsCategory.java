package org.clv4j.models.nps;

import java.util.Locale;

/**
 * The Net Promoter category of an answer to "How likely is it that you would recommend us to a friend or
 * colleague?" on the 0–10 scale (Reichheld 2003, "The one number you need to grow", Harvard Business Review).
 */
public enum NpsCategory {
    /** Answers 0 to 6. */
    DETRACTOR,
    /** Answers 7 and 8. */
    PASSIVE,
    /** Answers 9 and 10. */
    PROMOTER;

    /**
     * The category of a score.
     *
     * @param score a whole number from 0 to 10
     * @return detractor (0–6), passive (7–8) or promoter (9–10)
     * @throws IllegalArgumentException if the score is outside 0..10
     */
    public static NpsCategory of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "NPS answer must be a whole number from 0 to 10: score=%d", score));
        }
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }
}
