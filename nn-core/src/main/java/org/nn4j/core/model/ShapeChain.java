package org.nn4j.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nn4j.api.Layer;
import org.nn4j.api.Shape;

/** Threads a sample's shape through a stack of layers, as {@link Sequential} and its builder check it. */
final class ShapeChain {

    private ShapeChain() {
    }

    /**
     * The output shape of every layer, each from the one before, checking that each layer takes its input.
     *
     * @param inputShape the shape of one input sample
     * @param layers the layers in order
     * @return layer i's output shape at position i
     * @throws IllegalArgumentException naming the first layer that does not fit
     */
    static List<Shape> of(Shape inputShape, List<Layer> layers) {
        List<Shape> shapes = new ArrayList<>(layers.size());
        Shape shape = inputShape;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = Objects.requireNonNull(layers.get(i), "layer " + i);
            try {
                shape = Objects.requireNonNull(layer.outputShape(shape), "outputShape");
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("Sequential: layer " + i + " (" + layer.describe()
                        + ") does not fit: " + e.getMessage(), e);
            }
            shapes.add(shape);
        }
        return List.copyOf(shapes);
    }
}
