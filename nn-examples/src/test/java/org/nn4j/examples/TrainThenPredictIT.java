package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise of issue 14, through the built jar on iris-, wine- and breast-cancer-like tables
 * ({@link SyntheticTables}): {@code train} with its defaults and {@code --save}, then {@code predict} on the raw
 * file, gets exactly the rows right that train reported right (train's counts on its train and test rows add up to
 * predict's count on the whole file), writes the predicted class by name, and never repeats a header name.
 */
class TrainThenPredictIT {

    private static final Pattern ACCURACY = Pattern.compile("(\\w+) accuracy: [0-9.]+ \\((\\d+) of (\\d+) rows\\)");

    @TempDir
    Path dir;

    static List<SyntheticTables.Recipe> tables() {
        return List.of(SyntheticTables.IRIS, SyntheticTables.WINE, SyntheticTables.BREAST_CANCER);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void predictOnTheRawFileScoresWhatTrainReported(SyntheticTables.Recipe table) throws Exception {
        Path csv = SyntheticTables.write(table, dir.resolve(table.name() + ".csv"));
        JarRunner jar = new JarRunner(dir);
        JarRunner.Run train = jar.run("train", "--data", csv.toString(), "--label", table.label(),
                "--save", "m.json");
        assertEquals(0, train.status(), train.err());
        int correct = 0;
        int rows = 0;
        Matcher m = ACCURACY.matcher(train.out());
        while (m.find()) {
            correct += Integer.parseInt(m.group(2));
            rows += Integer.parseInt(m.group(3));
        }
        assertEquals(Files.readAllLines(csv).size() - 1, rows, train.out());

        JarRunner.Run predict = jar.run("predict", "--model", "m.json", "--data", csv.toString(),
                "--label", table.label());
        assertEquals(0, predict.status(), predict.err());
        assertEquals("", predict.err());
        List<String> lines = predict.out().lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(header.size(), new HashSet<>(header).size(), "duplicate header names: " + header);
        int truth = header.indexOf("true_" + table.label());
        int predicted = header.indexOf("predicted_" + table.label());
        assertTrue(truth >= 0 && predicted >= 0, header.toString());
        int right = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            assertTrue(table.classes().contains(fields[predicted]), "not a label: " + line);
            right += fields[truth].equals(fields[predicted]) ? 1 : 0;
        }
        assertEquals(rows, lines.size() - 1);
        assertEquals(correct, right, "predict's correct rows vs train's\n" + train.out());
        assertTrue(right > 0.8 * rows, "accuracy " + right + " of " + rows);
        JarRunner.Run summary = jar.run("summary", "m.json");
        assertTrue(summary.out().contains("Classes: " + String.join(", ", table.classes().stream().sorted().toList())), summary.out());
        assertTrue(summary.out().contains("Features: " + String.join(", ", table.features())), summary.out());
    }
}
