package org.clv4j.models.bgbb;

import java.util.Locale;

/** Validation of the whole-number arguments of the discrete-time model: counts of periods and transactions. */
final class Periods {

    private Periods() {
    }

    /**
     * Checks that {@code value} is a whole number in {@code [0, Integer.MAX_VALUE]}.
     *
     * @param name the argument's name, for the message
     * @param value the value
     * @return the value as an int
     * @throws IllegalArgumentException naming the argument and value otherwise
     */
    static int count(String name, double value) {
        if (!(value >= 0.0) || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be a whole number >= 0: %s=%s", name, name, value));
        }
        return (int) value;
    }

    /**
     * Checks a history (x, t_x, n): whole numbers with {@code x <= t_x <= n} and {@code t_x = 0} when {@code x = 0}.
     *
     * @param x repeat transactions
     * @param tx the period of the last transaction
     * @param n the number of transaction opportunities
     * @return {x, t_x, n} as ints
     * @throws IllegalArgumentException naming the argument and values of the first violated rule
     */
    static int[] history(double x, double tx, double n) {
        int ix = count("x", x);
        int itx = count("tx", tx);
        int in = count("n", n);
        String rule = rule(ix, itx, in, "x", "tx", "n");
        if (rule != null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: x=%d, tx=%d, n=%d", rule, ix, itx,
                    in));
        }
        return new int[] {ix, itx, in};
    }

    /**
     * The first rule a history of whole numbers violates, described with the given names of x, t_x and n.
     *
     * @return a description of the rule, or null when the history is valid
     */
    static String rule(int x, int tx, int n, String xName, String txName, String nName) {
        if (tx > n) {
            return txName + " (the period of the last transaction) must be <= " + nName;
        }
        if (x == 0 && tx != 0) {
            return txName + " must be 0 when " + xName + " is 0";
        }
        if (x > tx) {
            return xName + " must be <= " + txName + " (at most one transaction per period)";
        }
        return null;
    }
}
