/**
 * Special functions that the transaction models need and no dependency provides.
 *
 * <p>{@link org.clv4j.models.special.Hypergeometric2F1} is the Gauss hypergeometric function 2F1(a, b; c; z).
 * It appears wherever a gamma-distributed rate meets a beta- or gamma-distributed dropout: in the BG/NBD
 * conditional expectation, 2F1(r+x, b+x; a+b+x−1; t/(α+T+t)), and in the Pareto/NBD likelihood and P(alive),
 * 2F1(r+s+x, s+1; r+s+x+1; (α−β)/(α+t)). Customers with many purchases push the parameters to 10^5 and the
 * function far beyond the range of {@code double}, so it is computed as a logarithm:
 *
 * <pre>{@code
 * double lnF = Hypergeometric2F1.log2F1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
 * }</pre>
 *
 * <p>The series Σ (a)_n (b)_n z^n / ((c)_n n!) alone would converge slowly or not at all over the range the
 * models reach; the class documentation describes the transformations used instead and the accuracy, which is
 * tested against high-precision reference values.
 */
package org.clv4j.models.special;
