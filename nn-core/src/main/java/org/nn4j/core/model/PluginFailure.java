package org.nn4j.core.model;

/**
 * Carries a plug-in's exception, with the name of the plug-in that threw, from {@link Sequential}'s training step
 * to the {@link TrainingLoop}, which knows the epoch and batch and turns it into a {@link TrainingException}.
 */
final class PluginFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String component;

    PluginFailure(String component, Throwable cause) {
        super(component, cause, false, false);
        this.component = component;
    }

    String component() {
        return component;
    }
}
