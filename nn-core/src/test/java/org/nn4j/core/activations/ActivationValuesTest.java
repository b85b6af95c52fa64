package org.nn4j.core.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Activation;

/** Forward values and derivatives of every element-wise activation, computed by hand. */
class ActivationValuesTest {

    private static void check(Activation f, double x, double y, double dy) {
        assertEquals(y, f.apply(x), 1e-15, f.describe() + "(" + x + ")");
        assertEquals(dy, f.derivative(x, f.apply(x)), 1e-15, f.describe() + "'(" + x + ")");
    }

    @Test
    void tanh() {
        check(new Tanh(), 0.5, 0.46211715726000974, 1 - 0.46211715726000974 * 0.46211715726000974);
        check(new Tanh(), 0, 0, 1);
    }

    @Test
    void relu() {
        check(new Relu(), 2.5, 2.5, 1);
        check(new Relu(), -3, 0, 0);
        check(new Relu(), 0, 0, 0);
    }

    @Test
    void leakyRelu() {
        check(new LeakyRelu(0.1), 2, 2, 1);
        check(new LeakyRelu(0.1), -3, -0.30000000000000004, 0.1);
        assertEquals(0.01, new LeakyRelu().alpha());
        assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(1.5));
    }

    @Test
    void identity() {
        check(new Identity(), -7.25, -7.25, 1);
    }

    @Test
    void softplus() {
        // ln(1 + e) and σ(1) = 1/(1 + e^−1)
        check(new Softplus(), 1, Math.log(1 + Math.E), 1 / (1 + Math.exp(-1)));
        check(new Softplus(), 0, Math.log(2), 0.5);
        // No overflow far out: softplus(1000) = 1000, softplus(−1000) = e^−1000 ≈ 0.
        check(new Softplus(), 1000, 1000, 1);
        check(new Softplus(), -1000, 0, 0);
    }
}
