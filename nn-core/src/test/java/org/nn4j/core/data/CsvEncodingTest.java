package org.nn4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV's encoding (issue 15): a UTF-8 byte-order mark is skipped; UTF-16 and bytes that are not UTF-8 are refused by name. */
class CsvEncodingTest {

    private static final String TABLE = "x1,x2,label\n0.5,1.5,a\n2,3,b\n";

    @TempDir
    Path dir;

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstColumnsName() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFF" + TABLE).getBytes(StandardCharsets.UTF_8));
        CsvTable table = CsvTable.read(file, "label");
        assertEquals(List.of("x1", "x2"), table.featureNames());
        assertEquals(1.5, table.features().get(0, 1));
        assertEquals(List.of("a", "b"), table.labels());
    }

    @Test
    void utf16IsRefusedByNameNotWithADecodersMessage() throws IOException {
        for (var charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {   // with and without a mark
            Path file = dir.resolve("wide-" + charset.name() + ".csv");
            Files.write(file, TABLE.getBytes(charset));
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvTable.read(file, "label"));
            assertEquals(file + ":1:0: the file looks like UTF-16 or UTF-32 text (a byte-order mark or zero bytes at"
                    + " its start); CSV files are read as UTF-8: convert it first, e.g. with iconv -f UTF-16 -t UTF-8",
                    e.getMessage());
        }
    }

    @Test
    void bytesThatAreNotUtf8AreOneClearError() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "x1,x2,label\n0.5,1.5,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvTable.read(file, "label"));
        assertTrue(e.getMessage().startsWith(file + ":0:0: the file is not UTF-8 text (Input length = 1): CSV files"
                + " are read as UTF-8"), e.getMessage());
    }
}
