package org.nn4j.core.data;

import java.util.List;

/**
 * A classification data set ready for training, as {@link CsvLoader} produces it.
 *
 * @param train the training rows (standardised if asked)
 * @param test the test rows (standardised with the training rows' statistics)
 * @param featureNames the input columns' names, in order
 * @param classNames the classes in target-column order: one-hot column {@code j} is class {@code classNames[j]}
 * @param standardizer the rescaling fitted on the training rows, to apply to any new input
 */
public record ClassificationData(Dataset train, Dataset test, List<String> featureNames, List<String> classNames,
        Standardizer standardizer) {

    /**
     * Copies the lists.
     *
     * @param train the training rows (standardised if asked)
     * @param test the test rows (standardised with the training rows' statistics)
     * @param featureNames the input columns' names, in order
     * @param classNames the classes in target-column order: one-hot column {@code j} is class {@code classNames[j]}
     * @param standardizer the rescaling fitted on the training rows, to apply to any new input
     */
    public ClassificationData {
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
    }
}
