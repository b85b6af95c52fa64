package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nn4j.api.Matrix;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.api.training.TrainingStart;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.optimizers.Sgd;

/**
 * NaN and infinity in the training or validation data are rejected before anything trains, naming the data, the
 * value, the row and the column; the model and the listeners are untouched.
 */
class NonFiniteDataTest {

    private static Matrix clean(int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.setFlat(i, (i % 7) / 7.0);
        }
        return m;
    }

    @ParameterizedTest
    @CsvSource({
        "training inputs,     NaN,       3, 1",
        "training inputs,     Infinity,  0, 0",
        "training targets,    -Infinity, 5, 0",
        "validation inputs,   NaN,       2, 2",
        "validation targets,  Infinity,  1, 0",
    })
    void aNonFiniteValueIsRejectedBeforeTrainingNamingRowAndColumn(String where, double bad, int row, int col) {
        Matrix x = clean(6, 3);
        Matrix y = clean(6, 1);
        Matrix vx = clean(4, 3);
        Matrix vy = clean(4, 1);
        Matrix target = switch (where) {
            case "training inputs" -> x;
            case "training targets" -> y;
            case "validation inputs" -> vx;
            default -> vy;
        };
        target.set(row, col, bad);
        Sequential model = Sequential.builder().input(3).dense(2).activation(new Sigmoid()).dense(1)
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(3).build();
        Matrix before = model.predict(clean(6, 3));
        List<String> heard = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onTrainingStart(TrainingStart event, TrainingControl control) {
                heard.add("start");
            }
        };
        TrainingConfig config = TrainingConfig.builder().epochs(5).validation(vx, vy).listener(listener).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(x, y, config));

        assertEquals("fit: " + where + " hold " + bad + " at row " + row + ", column " + col, e.getMessage());
        assertEquals(before, model.predict(clean(6, 3)));
        assertEquals(List.of(), heard);
    }
}
