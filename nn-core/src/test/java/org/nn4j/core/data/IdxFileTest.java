package org.nn4j.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxFileTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzip {0}")
    @ValueSource(booleans = {false, true})
    void readsSizesAndUnsignedBytes(boolean gzip) throws IOException {
        byte[] data = {0, 1, (byte) 200, (byte) 255, 17, 42};
        Path file = IdxFiles.write(dir.resolve("x.idx"), IdxFiles.idx(data, 3, 2), gzip);
        IdxFile idx = IdxFile.read(file);
        assertArrayEquals(new int[] {3, 2}, idx.dimensions());
        assertArrayEquals(data, idx.data());
        assertEquals(200, idx.data()[2] & 0xFF);
    }

    private String error(byte[] content, boolean gzip) throws IOException {
        Path file = IdxFiles.write(dir.resolve(gzip ? "bad.gz" : "bad"), content, gzip);
        return assertThrows(IdxFormatException.class, () -> IdxFile.read(file)).getMessage();
    }

    @Test
    void wrongMagicNumber() throws IOException {
        byte[] content = IdxFiles.idx(new byte[4], 4);
        content[1] = 0x08;
        assertEquals(dir.resolve("bad") + ": not an IDX file: the magic number starts with 0x00 0x08, expected"
                + " 0x00 0x00", error(content, false));
    }

    @Test
    void otherElementTypes() throws IOException {
        byte[] content = IdxFiles.idx(new byte[4], 4);
        content[2] = 0x0D;
        assertEquals(dir.resolve("bad") + ": element type 0x0D is not supported; only unsigned bytes (0x08) are",
                error(content, false));
    }

    @Test
    void truncatedData() throws IOException {
        byte[] content = IdxFiles.idx(new byte[12], 2, 3, 2);
        assertEquals(dir.resolve("bad.gz") + ": truncated: the header declares 2×3×2 = 12 bytes of data, found 7",
                error(Arrays.copyOf(content, content.length - 5), true));
    }

    @Test
    void truncatedHeader() throws IOException {
        assertEquals(dir.resolve("bad") + ": truncated header: it ends before size 2 of 3",
                error(Arrays.copyOf(IdxFiles.idx(new byte[0], 1, 1, 1), 9), false));
        assertEquals(dir.resolve("bad") + ": too short for an IDX header: 2 bytes",
                error(new byte[] {0, 0}, false));
    }

    @Test
    void bytesAfterTheData() throws IOException {
        byte[] content = IdxFiles.idx(new byte[5], 4);
        assertEquals(dir.resolve("bad") + ": bytes after the 4 data the header declares", error(content, false));
    }

    @Test
    void absurdSizesFailBeforeAnythingIsAllocated() throws IOException {
        // 100000 × 100000 × 100000 bytes would be 10^15: refused from the header alone
        Path huge = IdxFiles.write(dir.resolve("huge"), IdxFiles.idx(new byte[0], 100000, 100000, 100000), false);
        assertEquals(huge + ": the sizes 100000×100000 declare more than 2147483639 bytes of data, more than one"
                + " array can hold", assertThrows(IdxFormatException.class,
                        () -> IdxFile.read(huge, Long.MAX_VALUE)).getMessage());
        assertEquals(dir.resolve("bad") + ": size 2 is 0; sizes must be at least 1",
                error(IdxFiles.idx(new byte[0], 3, 0), false));
        assertEquals(dir.resolve("bad") + ": declares 0 dimensions; expected 1 to 4",
                error(IdxFiles.idx(new byte[0]), false));
        // over the default limit of 256 MiB: refused before a byte of data is read (a gzip bomb stops here)
        assertEquals(dir.resolve("bad") + ": the sizes 20000×20000 declare more than 268435456 bytes of data, the"
                + " reader's limit", error(IdxFiles.idx(new byte[20], 20000, 20000), false));
        Path small = IdxFiles.write(dir.resolve("small"), IdxFiles.idx(new byte[20], 4, 5), false);
        assertEquals(small + ": the sizes 4×5 declare more than 19 bytes of data, the reader's limit",
                assertThrows(IdxFormatException.class, () -> IdxFile.read(small, 19)).getMessage());
        // under the limit, a header that promises 2 GB of a 20-byte file: truncated, having read what is there
        Path lying = IdxFiles.write(dir.resolve("lying"), IdxFiles.idx(new byte[20], 40000, 50000), false);
        assertEquals(lying + ": truncated: the header declares 40000×50000 = 2000000000 bytes of data, found 20",
                assertThrows(IdxFormatException.class, () -> IdxFile.read(lying, Integer.MAX_VALUE)).getMessage());
    }

    @Test
    void damagedGzip() throws IOException {
        byte[] content = Files.readAllBytes(IdxFiles.write(dir.resolve("ok.gz"), IdxFiles.idx(new byte[64], 64),
                true));
        content[content.length - 8] ^= 0x55; // the CRC-32 of the uncompressed data, in the gzip trailer
        assertEquals(dir.resolve("bad") + ": damaged gzip data (Corrupt GZIP trailer)", error(content, false));
    }
}
