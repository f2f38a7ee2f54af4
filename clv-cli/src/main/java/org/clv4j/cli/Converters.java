package org.clv4j.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.RefundPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the option types shared by the subcommands. */
public final class Converters {

    private Converters() {
    }

    /** {@code day}, {@code week}, {@code month}, {@code year} or a number of days, as {@link TimeUnit#parse}. */
    public static final class TimeUnitConverter implements ITypeConverter<TimeUnit> {
        @Override
        public TimeUnit convert(String value) {
            try {
                return TimeUnit.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value
                        + "' is not a time unit (expected day, week, month, year or a number of days)");
            }
        }
    }

    /** An ISO date, {@code 2024-03-31}. */
    public static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO date such as 2024-03-31");
            }
        }
    }

    /** {@code reject}, {@code drop} or {@code net}, any case. */
    public static final class RefundPolicyConverter implements ITypeConverter<RefundPolicy> {
        @Override
        public RefundPolicy convert(String value) {
            try {
                return RefundPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a refund policy (expected reject, drop "
                        + "or net)");
            }
        }
    }

    /** {@code reject}, {@code drop} or {@code net}, any case, for {@code --cancellations}. */
    public static final class CancellationPolicyConverter implements ITypeConverter<RefundPolicy> {
        @Override
        public RefundPolicy convert(String value) {
            try {
                return RefundPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a cancellation policy (expected reject, "
                        + "drop or net)");
            }
        }
    }

    /** Completion candidates and help text for {@code --refunds}. */
    public static final class RefundPolicies implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("reject", "drop", "net").iterator();
        }
    }

    /** Completion candidates and help text for {@code --time-unit}. */
    public static final class TimeUnits implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("day", "week", "month", "year").iterator();
        }
    }
}
