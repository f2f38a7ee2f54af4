package org.clv4j.models.nps;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One survey answer on the 0–10 likelihood-to-recommend scale, optionally linked to a customer, a segment, an
 * answer date and the line (or row) of the input it came from, so that errors and joins can name it.
 *
 * <pre>{@code
 * NpsAnswer a = NpsAnswer.parse("9", 17).withCustomerId("c-42").withSegment("retail")
 *         .withDate(LocalDate.of(2024, 3, 2));
 * }</pre>
 *
 * @param score the answer, a whole number from 0 to 10
 * @param customerId the answering customer's id, or {@code null}
 * @param segment the segment the answer belongs to, or {@code null}
 * @param date the day of the answer, or {@code null}
 * @param line the input line or row number, or 0 when unknown
 */
public record NpsAnswer(int score, String customerId, String segment, LocalDate date, long line) {

    /**
     * Validates the score.
     *
     * @param score the answer, 0..10
     * @param customerId the customer id, or {@code null}
     * @param segment the segment, or {@code null}
     * @param date the day of the answer, or {@code null}
     * @param line the input line, or 0 when unknown; not negative
     * @throws IllegalArgumentException if the score is outside 0..10 (naming the line) or the line is negative
     */
    public NpsAnswer {
        if (score < 0 || score > 10) {
            throw invalid(Integer.toString(score), line);
        }
        if (line < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "line must be >= 0: line=%d", line));
        }
    }

    private static IllegalArgumentException invalid(String score, long line) {
        return new IllegalArgumentException(line > 0
                ? String.format(Locale.ROOT, "NPS answer must be a whole number from 0 to 10 at line %d: score=%s",
                        line, score)
                : String.format(Locale.ROOT, "NPS answer must be a whole number from 0 to 10: score=%s", score));
    }

    /**
     * An answer with a score only.
     *
     * @param score 0..10
     * @return the answer
     * @throws IllegalArgumentException if the score is outside 0..10
     */
    public static NpsAnswer of(int score) {
        return new NpsAnswer(score, null, null, null, 0);
    }

    /**
     * An answer read as a number from a given input line.
     *
     * @param score a whole number from 0 to 10 ({@code 9.0} is accepted, {@code 9.5} is not)
     * @param line the input line, positive, or 0 when unknown
     * @return the answer
     * @throws IllegalArgumentException if the score is not a whole number in 0..10, naming the line
     */
    public static NpsAnswer of(double score, long line) {
        if (!(score >= 0.0 && score <= 10.0) || score != Math.rint(score)) {
            throw invalid(Double.toString(score), line);
        }
        return new NpsAnswer((int) score, null, null, null, line);
    }

    /**
     * Parses an answer from text, such as a CSV field.
     *
     * @param text the field; surrounding blanks are ignored; {@code 9} and {@code 9.0} are accepted
     * @param line the input line, positive, or 0 when unknown
     * @return the answer
     * @throws IllegalArgumentException if the text is not a whole number in 0..10, naming the line and the text
     */
    public static NpsAnswer parse(String text, long line) {
        Objects.requireNonNull(text, "text");
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw invalid("'" + text + "'", line);
        }
        if (!(value >= 0.0 && value <= 10.0) || value != Math.rint(value)) {
            throw invalid("'" + text + "'", line);
        }
        return new NpsAnswer((int) value, null, null, null, line);
    }

    /**
     * The answer's category.
     *
     * @return promoter, passive or detractor
     */
    public NpsCategory category() {
        return NpsCategory.of(score);
    }

    /**
     * A copy linked to a customer.
     *
     * @param id the customer id, not blank
     * @return the copy
     */
    public NpsAnswer withCustomerId(String id) {
        Objects.requireNonNull(id, "customerId");
        if (id.isBlank()) {
            throw new IllegalArgumentException(where() + "customer id must not be blank: customerId='" + id + "'");
        }
        return new NpsAnswer(score, id, segment, date, line);
    }

    /**
     * A copy in a segment.
     *
     * @param name the segment name, not blank
     * @return the copy
     */
    public NpsAnswer withSegment(String name) {
        Objects.requireNonNull(name, "segment");
        if (name.isBlank()) {
            throw new IllegalArgumentException(where() + "segment must not be blank: segment='" + name + "'");
        }
        return new NpsAnswer(score, customerId, name, date, line);
    }

    /**
     * A copy with the day of the answer.
     *
     * @param day the date
     * @return the copy
     */
    public NpsAnswer withDate(LocalDate day) {
        return new NpsAnswer(score, customerId, segment, Objects.requireNonNull(day, "date"), line);
    }

    /**
     * A copy with the input line.
     *
     * @param number the line, positive, or 0 when unknown
     * @return the copy
     */
    public NpsAnswer withLine(long number) {
        return new NpsAnswer(score, customerId, segment, date, number);
    }

    /** "at line 17: " or "", for messages. */
    String where() {
        return line > 0 ? "at line " + line + ": " : "";
    }

    /** "NPS answer at line 17", "NPS answer of customer c-42" or "NPS answer 9 (no line number)", for messages. */
    String describe() {
        if (line > 0) {
            return "NPS answer at line " + line;
        }
        return customerId != null ? "NPS answer of customer " + customerId
                : "NPS answer " + score + " (no line number)";
    }
}
