package org.clv4j.cli.csv;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.clv4j.models.nps.NpsAnswer;

/**
 * Survey answers (0–10 likelihood to recommend) in a CSV file, read as {@link NpsAnswer}s with their line numbers,
 * optionally linked to a customer, a segment and a date.
 *
 * <p>A score must be a whole number from 0 to 10 ({@code 9} or {@code 9.0}); anything else is an error naming the
 * file, line, column and value. A customer cell that is empty or a placeholder for a missing value
 * ({@link TransactionCsv.Format#PLACEHOLDER_CUSTOMER_IDS}, such as {@code (blank)}) makes an <em>anonymous</em>
 * answer: it counts in the score but is linked to nobody. Segments and dates, when their column is used, must not
 * be blank; dates are ISO or follow a pattern, as in {@link TransactionCsv}.
 */
public final class ResponseCsv {

    /**
     * Which columns hold what, and the options that name them (for messages).
     *
     * @param scoreColumn the score column
     * @param scoreOption the option choosing it, such as {@code --score-column}
     * @param customerColumn the customer id column, or {@code null}
     * @param customerOption the option choosing it
     * @param segmentColumn the segment column, or {@code null}
     * @param dateColumn the answer date column, or {@code null}
     * @param dateOption the option choosing it
     * @param datePattern a date pattern, or {@code null} for ISO dates and date-times
     */
    public record Layout(String scoreColumn, String scoreOption, String customerColumn, String customerOption,
                         String segmentColumn, String dateColumn, String dateOption, String datePattern) {

        /**
         * Validates the layout.
         *
         * @param scoreColumn the score column, not null
         * @param scoreOption its option
         * @param customerColumn the customer column, or {@code null}
         * @param customerOption its option
         * @param segmentColumn the segment column, or {@code null}
         * @param dateColumn the date column, or {@code null}
         * @param dateOption its option
         * @param datePattern the date pattern, or {@code null}
         * @throws IllegalArgumentException if the date pattern is invalid
         */
        public Layout {
            Objects.requireNonNull(scoreColumn, "scoreColumn");
            if (datePattern != null) {
                TransactionCsv.dateParser(datePattern);
            }
        }
    }

    /**
     * The answers and how many were anonymous.
     *
     * @param answers every answer, in file order
     * @param anonymous the answers without a customer id (0 when no customer column is used)
     */
    public record Answers(List<NpsAnswer> answers, long anonymous) {

        /**
         * Copies the list.
         *
         * @param answers the answers
         * @param anonymous the anonymous answers
         */
        public Answers {
            answers = List.copyOf(answers);
        }
    }

    private ResponseCsv() {
    }

    /**
     * Reads every answer.
     *
     * @param source the file
     * @param layout the columns
     * @return the answers
     * @throws IOException if the file cannot be read
     * @throws CsvInputException for a missing column, a bad score, a blank segment, a bad date, or no rows
     */
    public static Answers read(TransactionCsv.Source source, Layout layout) throws IOException {
        CsvFile file = CsvFile.open(source);
        int score = file.column(layout.scoreColumn(), layout.scoreOption(), true);
        int customer = layout.customerColumn() == null ? -1
                : file.column(layout.customerColumn(), layout.customerOption(), true);
        int segment = layout.segmentColumn() == null ? -1
                : file.column(layout.segmentColumn(), "--segment-column", true);
        int date = layout.dateColumn() == null ? -1 : file.column(layout.dateColumn(), layout.dateOption(), true);
        Function<String, LocalDate> dates = TransactionCsv.dateParser(layout.datePattern());
        TransactionCsv.Format ids = TransactionCsv.Format.defaults();
        List<NpsAnswer> answers = new ArrayList<>();
        long[] anonymous = new long[1];
        file.forEach((row, line) -> {
            String scoreText = row.get(score).trim();
            NpsAnswer answer;
            try {
                if (!TransactionCsv.isPlainDecimal(scoreText)) {
                    throw new IllegalArgumentException(scoreText);
                }
                answer = NpsAnswer.parse(scoreText, line);
            } catch (IllegalArgumentException e) {
                throw file.error(line, layout.scoreColumn(), scoreText,
                        "an answer must be a whole number from 0 to 10");
            }
            if (customer >= 0) {
                String id = row.get(customer).trim();
                if (ids.isBlankCustomerId(id)) {
                    anonymous[0]++;
                } else {
                    answer = answer.withCustomerId(id);
                }
            }
            if (segment >= 0) {
                String name = row.get(segment).trim();
                if (name.isEmpty()) {
                    throw file.error(line, layout.segmentColumn(), name, "the segment is blank");
                }
                answer = answer.withSegment(name);
            }
            if (date >= 0) {
                String text = row.get(date).trim();
                try {
                    answer = answer.withDate(dates.apply(text));
                } catch (DateTimeException e) {
                    throw file.error(line, layout.dateColumn(), text, layout.datePattern() == null
                            ? "not an ISO date such as 2024-03-01 or 2024-03-01T14:05"
                            : "not a date in the pattern '" + layout.datePattern() + "'");
                }
            }
            answers.add(answer);
        });
        return new Answers(answers, anonymous[0]);
    }

    /**
     * Each customer's latest answer: the one with the latest date, among equal dates (or without dates) the one on
     * the latest line. Anonymous answers are kept, each on its own.
     *
     * @param answers the answers
     * @return the answers kept, in order of the customers' (or anonymous answers') first appearance
     */
    public static List<NpsAnswer> latestPerCustomer(List<NpsAnswer> answers) {
        Comparator<NpsAnswer> order = Comparator.comparing((NpsAnswer a) -> a.date(),
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(NpsAnswer::line);
        Map<Object, NpsAnswer> latest = new LinkedHashMap<>();
        for (NpsAnswer a : answers) {
            Object key = a.customerId() == null ? new Object() : a.customerId();
            latest.merge(key, a, (old, now) -> order.compare(now, old) >= 0 ? now : old);
        }
        return List.copyOf(latest.values());
    }
}
