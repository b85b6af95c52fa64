package org.nn4j.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;

/**
 * Makes one optimizer step all-or-nothing (the fourth of the blog's steps, after a {@link GradientPass}): snapshot,
 * update, and roll back if the optimizer throws part-way.
 * <pre>
 *   before:  copy every parameter value into scratch space (allocated once, reused every batch)
 *            take the optimizer's state()                   (empty, and free, for stateless optimizers)
 *   update:  optimizer.update(parameters)
 *   failed:  copy the values back, restoreState(state), rethrow
 * </pre>
 * The price is one copy of the parameters and of the optimizer state per batch, O(parameters), against the
 * O(batch · parameters) of the forward and backward passes. Rolling back rather than computing the update into
 * scratch space keeps every optimizer unchanged: it updates the real parameters in place, as the blog does.
 */
public final class UpdateGuard {

    private final Map<String, Parameter> byPath;
    private final List<Parameter> parameters;
    private final List<Matrix> backup;

    /**
     * Allocates the scratch space once for these parameters.
     *
     * @param parameters the model's parameters by path ({@link Sequential#parameters()})
     */
    public UpdateGuard(Map<String, Parameter> parameters) {
        this.byPath = parameters;
        this.parameters = List.copyOf(parameters.values());
        this.backup = new ArrayList<>(this.parameters.size());
        for (Parameter p : this.parameters) {
            backup.add(Matrix.zeros(p.value().rows(), p.value().cols()));
        }
    }

    /**
     * Runs {@code optimizer.update(parameters)} so that it either completes or leaves nothing changed.
     *
     * @param optimizer the optimizer
     * @throws RuntimeException what the optimizer threw (an {@link Error} passes through as it is), after the rollback
     */
    public void update(Optimizer optimizer) {
        for (int i = 0; i < parameters.size(); i++) {
            backup.get(i).copyFromInPlace(parameters.get(i).value());
        }
        Map<String, Matrix> state = optimizer.state();
        try {
            optimizer.update(byPath);
        } catch (Throwable e) {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).value().copyFromInPlace(backup.get(i));
            }
            optimizer.restoreState(state);
            throw e;
        }
    }
}
