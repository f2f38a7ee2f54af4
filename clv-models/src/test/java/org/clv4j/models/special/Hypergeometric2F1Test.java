package org.clv4j.models.special;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link Hypergeometric2F1} against independent values.
 *
 * <p>The main fixture, {@code hyp2f1_reference.csv}, holds ln 2F1 at 1,641 points computed with mpmath at 50 and
 * 70 significant digits by {@code generate_2f1_table.py} (same directory; its header records the mpmath version
 * and date). Tolerance: the accuracy promised in the class Javadoc, {@code 1e-12 · max(1, |ln 2F1|)}.
 * Further checks use closed forms: 2F1(1, 1; 2; z) = −ln(1 − z)/z, 2F1(a, b; b; z) = (1 − z)^(−a),
 * 2F1(1/2, 1; 3/2; −z²) = arctan(z)/z, Gauss's theorem at z → 1, and polynomials.
 */
class Hypergeometric2F1Test {

    static final double TOLERANCE = 1e-12;

    record Row(String group, double a, double b, double c, double z, double log) {
    }

    static List<Row> reference() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = Hypergeometric2F1Test.class.getResourceAsStream("hyp2f1_reference.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new Row(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            }
        }
        return rows;
    }

    @Test
    void matchesHighPrecisionReferenceValues() throws IOException {
        List<Row> rows = reference();
        assertEquals(1641, rows.size(), "rows in hyp2f1_reference.csv");
        List<String> failures = new ArrayList<>();
        Map<String, Double> worst = new TreeMap<>();
        for (Row row : rows) {
            double scale = Math.max(1.0, Math.abs(row.log()));
            String where = String.format(Locale.ROOT, "%s 2F1(%s, %s; %s; %s)", row.group(), row.a(), row.b(),
                    row.c(), row.z());
            double actual;
            try {
                actual = Hypergeometric2F1.log2F1(row.a(), row.b(), row.c(), row.z());
            } catch (RuntimeException e) {
                failures.add(where + " threw " + e);
                continue;
            }
            double error = Math.abs(actual - row.log()) / scale;
            worst.merge(row.group(), error, Math::max);
            if (!(error <= TOLERANCE)) {
                failures.add(String.format(Locale.ROOT, "%s: expected %s, got %s (scaled error %.2e)", where,
                        row.log(), actual, error));
            }
        }
        System.out.println("2F1 worst scaled error by group: " + worst);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    @Test
    void closedForms() {
        for (double z : new double[] {-1e6, -3.0, -0.5, -1e-9, 1e-9, 0.3, 0.9, 0.999999}) {
            assertEquals(-Math.log1p(-z) / z, Hypergeometric2F1.value(1, 1, 2, z),
                    1e-13 * Math.abs(Math.log1p(-z) / z), "2F1(1,1;2;" + z + ")");
            assertEquals(-2.5 * Math.log1p(-z), Hypergeometric2F1.log2F1(2.5, 3.7, 3.7, z),
                    1e-13 * Math.max(1, Math.abs(2.5 * Math.log1p(-z))), "2F1(2.5,3.7;3.7;" + z + ")");
        }
        for (double x : new double[] {0.01, 0.5, 1.0, 3.0, 100.0}) {
            assertEquals(Math.atan(x) / x, Hypergeometric2F1.value(0.5, 1, 1.5, -x * x), 1e-14,
                    "arctan at " + x);
        }
        // (1 − z)^(−a) with a = 10^5: beyond double, but its logarithm is exact
        assertEquals(-1e5 * Math.log1p(-0.999), Hypergeometric2F1.log2F1(1e5, 7.0, 7.0, 0.999), 1e-9);
    }

    @Test
    void gaussTheoremNearOne() {
        // 2F1(a, b; c; 1) = Γ(c)Γ(c−a−b) / (Γ(c−a)Γ(c−b)) for c > a + b; at z = 1 − 1e-15 the difference is
        // O((1 − z)^(c−a−b)) relative, below 1e-12 for c − a − b >= 1
        double a = 0.7;
        double b = 1.3;
        double c = 3.5;
        double expected = org.apache.commons.math3.special.Gamma.logGamma(c)
                + org.apache.commons.math3.special.Gamma.logGamma(c - a - b)
                - org.apache.commons.math3.special.Gamma.logGamma(c - a)
                - org.apache.commons.math3.special.Gamma.logGamma(c - b);
        assertEquals(expected, Hypergeometric2F1.log2F1(a, b, c, 1 - 1e-15), 1e-12);
    }

    @Test
    void polynomials() {
        // 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
        double b = 1.7;
        double c = 0.4;
        for (double z : new double[] {-50.0, -1.0, 0.5, 0.99}) {
            double expected = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1));
            assertEquals(expected, Hypergeometric2F1.value(-2, b, c, z), 1e-13 * Math.abs(expected) + 1e-15);
        }
        // 2F1(2, 2; 1; z) = (1 + z)/(1 − z)^3, negative for z < −1
        for (double z : new double[] {-5.0, -2.0, -0.5, 0.5}) {
            double expected = (1 + z) / Math.pow(1 - z, 3);
            assertEquals(expected, Hypergeometric2F1.value(2, 2, 1, z), 1e-13 * Math.abs(expected), "z=" + z);
        }
    }

    @Test
    void trivialArguments() {
        assertEquals(1.0, Hypergeometric2F1.value(3, 4, 5, 0.0), 0.0);
        assertEquals(0.0, Hypergeometric2F1.log2F1(0.0, 4, 5, 0.7), 0.0);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.log2F1(1, 1, 0.0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.log2F1(1, 1, -3.0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.log2F1(1, 1, 2, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.log2F1(1, 1, 2, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.log2F1(Double.NaN, 1, 2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.log2F1(1, Double.NaN, 2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.log2F1(1, 1, Double.NaN, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.log2F1(1, 1, 2, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> Hypergeometric2F1.log2F1(1, 1, 2, Double.NEGATIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.value(1, 1, 2, 1.0));
        // the logarithm of a negative value
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.log2F1(2, 2, 1, -5.0));
        // overflow of the value itself
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.value(1e5, 7.0, 7.0, 0.999));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hypergeometric2F1.log2F1(0.5, 1.5, -2.0, 0.25));
        assertTrue(e.getMessage().contains("c=-2.0") && e.getMessage().contains("z=0.25"), e.getMessage());
    }

    @Test
    void lnGammaDifferenceMatchesHighPrecisionValues() {
        // ψ(x) and (ln Γ(x + 0.37) − ln Γ(x))/0.37 from mpmath at 30 digits
        double[][] cases = {
            {0.3, 0.0, -3.5025242222001331249},
            {7.5, 0.0, 1.9467574842460867881},
            {1e5, 0.0, 11.512920464961895087},
            {0.3, 0.37, -2.1541212386071883356},
            {1000.0, 0.37, 6.9074402653443771180},
            {2.0, -1e-9, 0.42278433477600010590},
        };
        for (double[] c : cases) {
            assertEquals(c[2], Hypergeometric2F1.lnGammaDifferenceOverEps(c[0], c[1]),
                    2e-15 * Math.max(1, Math.abs(c[2])),
                    "x=" + c[0] + ", eps=" + c[1]);
        }
    }
}
