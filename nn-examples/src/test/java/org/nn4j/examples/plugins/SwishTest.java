package org.nn4j.examples.plugins;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.gradcheck.GradientAssertions;
import org.nn4j.core.gradcheck.GradientCheckReport;

class SwishTest {

    @Test
    void derivativeMatchesFiniteDifferences() {
        Matrix points = Matrix.of(new double[][] {{-3.0, -1.2, -0.4}, {0.3, 1.1, 4.0}});
        GradientCheckReport report = GradientAssertions.assertGradients(new Swish(1.5), points);
        System.out.print(report);
    }
}
