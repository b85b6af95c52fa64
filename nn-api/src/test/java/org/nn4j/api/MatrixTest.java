package org.nn4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nn4j.engine.Engine;

class MatrixTest {

    private final Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});          // 2×3
    private final Matrix b = Matrix.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});     // 3×2

    @Test
    void timesComputesTheTextbookProduct() {
        // [1 2 3; 4 5 6]·[7 8; 9 10; 11 12] = [58 64; 139 154]
        assertEquals(Matrix.of(new double[][] {{58, 64}, {139, 154}}), a.times(b));
    }

    @Test
    void transposedProductsEqualTheProductWithAnExplicitTranspose() {
        Matrix c = Matrix.of(new double[][] {{1, -1}, {2, 0.5}});                        // 2×2
        assertEquals(a.transpose().times(c), a.transposeTimes(c));                       // aᵀ·c: 3×2
        assertEquals(a.times(b), a.timesTranspose(b.transpose()));
    }

    @Test
    void shapeErrorsNameBothShapes() {
        Matrix x = Matrix.zeros(4, 3);
        Matrix w = Matrix.zeros(2, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.times(w));
        assertEquals("times: 4×3 · 2×4 — inner sizes 3 and 2 differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.plus(w));
        assertEquals("plus: 4×3 and 2×4 — shapes differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.transposeTimes(w));
        assertEquals("transposeTimes: 4×3ᵀ · 2×4 — row counts 4 and 2 differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.timesTranspose(w));
        assertEquals("timesTranspose: 4×3 · 2×4ᵀ — column counts 3 and 4 differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.plusRow(Matrix.zeros(1, 4)));
        assertEquals("plusRow: 4×3 + 1×4 — expected a 1×3 row", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.minusRow(Matrix.zeros(2, 3)));
        assertEquals("minusRow: 4×3 − 2×3 — expected a 1×3 row", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.divideRow(Matrix.zeros(1, 4)));
        assertEquals("divideRow: 4×3 / 1×4 — expected a 1×3 row", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.divide(w));
        assertEquals("divide: 4×3 and 2×4 — shapes differ", e.getMessage());
    }

    @Test
    void constructionRejectsBadShapes() {
        assertEquals("Matrix: sizes must be positive, got 0×3",
                assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(0, 3)).getMessage());
        assertEquals("Matrix.of: row 1 has 1 columns, row 0 has 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Matrix.of(new double[][] {{1, 2}, {3}})).getMessage());
        assertEquals("Matrix.fromRowMajor: 2×2 needs 4 values, got 3",
                assertThrows(IllegalArgumentException.class, () -> Matrix.fromRowMajor(2, 2, 1, 2, 3)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(1 << 16, 1 << 16));
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(2, 0));
    }

    @Test
    void elementWiseOperationsAndBroadcasting() {
        assertEquals(Matrix.of(new double[][] {{2, 4, 6}, {8, 10, 12}}), a.plus(a));
        assertEquals(Matrix.filled(2, 3, 0), a.minus(a));
        assertEquals(Matrix.of(new double[][] {{1, 4, 9}, {16, 25, 36}}), a.multiply(a));
        assertEquals(Matrix.of(new double[][] {{0.5, 1, 1.5}, {2, 2.5, 3}}), a.scale(0.5));
        assertEquals(Matrix.of(new double[][] {{11, 22, 33}, {14, 25, 36}}), a.plusRow(Matrix.rowVector(10, 20, 30)));
        assertEquals(Matrix.of(new double[][] {{-1, -2, -3}, {-4, -5, -6}}), a.map(v -> -v));
        assertEquals(Matrix.of(new double[][] {{1, 4}, {2, 5}, {3, 6}}), a.transpose());
    }

    @Test
    void divisionAndRowBroadcastingLikeNumpy() {
        // a / a, a − [1 2 3] and a / [1 2 4], as numpy broadcasts a row over every row
        assertEquals(Matrix.filled(2, 3, 1), a.divide(a));
        assertEquals(Matrix.of(new double[][] {{0.25, 0.5, 0.75}, {1, 1.25, 1.5}}), a.divide(Matrix.filled(2, 3, 4)));
        assertEquals(Matrix.of(new double[][] {{0, 0, 0}, {3, 3, 3}}), a.minusRow(Matrix.rowVector(1, 2, 3)));
        assertEquals(Matrix.of(new double[][] {{1, 1, 0.75}, {4, 2.5, 1.5}}), a.divideRow(Matrix.rowVector(1, 2, 4)));
        Matrix byZero = Matrix.rowVector(1, -1, 0).divide(Matrix.rowVector(0, 0, 0));
        assertEquals(Matrix.rowVector(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN), byZero);
        assertEquals(Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}), a, "the operands are untouched");
    }

    @Test
    void expIsNumpysExpThroughTheEngine() {
        Matrix z = Matrix.fromRowMajor(2, 3, 0, 1, -1, 2, -2, 0.5);
        Matrix e = z.exp();
        double[] expected = {1, Math.E, 1 / Math.E, Math.exp(2), Math.exp(-2), Math.exp(0.5)};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], e.getFlat(i), Math.ulp(expected[i]), "element " + i);
        }
        assertEquals(Matrix.fromRowMajor(2, 3, 0, 1, -1, 2, -2, 0.5), z, "exp() leaves its operand alone");
        assertSame(z, z.expInPlace());
        assertEquals(e, z, "expInPlace computes the same bits as exp()");
    }

    @Test
    void reductionsMatchNumpy() {
        assertEquals(Matrix.rowVector(5, 7, 9), a.sumColumns());       // np.sum(a, axis=0, keepdims=True)
        assertEquals(Matrix.columnVector(6, 15), a.sumRows());          // np.sum(a, axis=1, keepdims=True)
        assertEquals(21, a.sum());
        assertEquals(3.5, a.mean());
        assertEquals(6, a.maxAbs());
    }

    @Test
    void inPlaceOperationsChangeTheMatrixAndReturnIt() {
        Matrix m = a.copy();
        assertSame(m, m.addInPlace(a));
        assertEquals(a.scale(2), m);
        m.addScaledInPlace(-0.5, a);
        assertEquals(a.scale(1.5), m);
        m.scaleInPlace(2).mapInPlace(v -> v + 1);
        assertEquals(a.scale(3).map(v -> v + 1), m);
        m.copyFromInPlace(a);
        assertEquals(a, m);
        m.fillInPlace(7);
        assertEquals(Matrix.filled(2, 3, 7), m);
        assertEquals(Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}), a, "the source is untouched");
    }

    @Test
    void selectRowsGathersInOrder() {
        assertEquals(Matrix.of(new double[][] {{4, 5, 6}, {1, 2, 3}, {4, 5, 6}}), a.selectRows(new int[] {1, 0, 1}));
        assertEquals(Matrix.rowVector(4, 5, 6), a.row(1));
        assertThrows(IndexOutOfBoundsException.class, () -> a.selectRows(new int[] {2}));
    }

    @Test
    void equalityIsBitExact() {
        assertNotEquals(Matrix.rowVector(0.0), Matrix.rowVector(-0.0));
        assertEquals(Matrix.rowVector(Double.NaN), Matrix.rowVector(Double.NaN));
        assertNotEquals(Matrix.rowVector(1, 2), Matrix.columnVector(1, 2));
        assertEquals(a.hashCode(), a.copy().hashCode());
    }

    @Test
    void copiesAreIndependent() {
        double[][] values = {{1, 2}};
        Matrix m = Matrix.of(values);
        values[0][0] = 99;
        assertEquals(1, m.get(0, 0));
        double[][] out = m.toArray();
        out[0][1] = 99;
        assertEquals(2, m.get(0, 1));
        assertArrayEquals(new double[] {1, 2}, m.toRowMajorArray());
    }

    @Test
    void productsOnOddShapesAgreeWithANaiveLoop() {
        int[][] shapes = {{1, 1, 1}, {1, 7, 1}, {3, 1, 5}, {5, 7, 11}, {13, 3, 2}, {17, 19, 23}};
        long seed = 1;
        for (int[] s : shapes) {
            Matrix x = random(s[0], s[1], seed++);
            Matrix y = random(s[1], s[2], seed++);
            Matrix expected = Matrix.zeros(s[0], s[2]);
            for (int i = 0; i < s[0]; i++) {
                for (int j = 0; j < s[2]; j++) {
                    double sum = 0;
                    for (int p = 0; p < s[1]; p++) {
                        sum += x.get(i, p) * y.get(p, j);
                    }
                    expected.set(i, j, sum);
                }
            }
            assertClose(expected, x.times(y));
            assertClose(expected, x.transpose().transposeTimes(y));
            assertClose(expected, x.timesTranspose(y.transpose()));
        }
    }

    @Test
    void productKernelDescribesTheChosenEngine() {
        String description = Matrix.productKernel();
        assertEquals(Engine.chosen().description(), description);
        assertTrue(description.startsWith("vector") || description.startsWith("scalar")
                || description.startsWith("reference"), description);
    }

    private static Matrix random(int rows, int cols, long seed) {
        java.util.Random r = new java.util.Random(seed);
        Matrix m = Matrix.zeros(rows, cols);
        m.mapInPlace(v -> r.nextDouble() * 2 - 1);
        return m;
    }

    private static void assertClose(Matrix expected, Matrix actual) {
        assertEquals(expected.shape(), actual.shape());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.getFlat(i), actual.getFlat(i), 1e-12, "element " + i);
        }
    }
}
