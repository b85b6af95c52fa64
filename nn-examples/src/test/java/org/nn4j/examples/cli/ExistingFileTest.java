package org.nn4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A missing, unreadable or wrong kind of file is a one-line usage error with status 2, before any work. */
class ExistingFileTest {

    @TempDir
    Path dir;

    @Command(name = "reader")
    static final class Reader implements Callable<Integer> {

        @Option(names = "--data", converter = ExistingFile.class, required = true)
        Path data;

        String read;

        @Override
        public Integer call() throws IOException {
            read = Files.readString(data);
            return 0;
        }
    }

    @Test
    void aMissingFileIsOneLineAndStatus2() {
        Path missing = dir.resolve("missing.csv");
        StringWriter err = new StringWriter();
        int status = commandLine(new Reader(), err).execute("--data", missing.toString());
        assertEquals(2, status);
        assertEquals("reader: Invalid value for option '--data': no such file: " + missing
                + " (see 'reader --help')\n", err.toString());
    }

    @Test
    void aMisspeltOptionIsReportedRatherThanTheRequiredOneItHid() {
        StringWriter err = new StringWriter();
        int status = commandLine(new Reader(), err).execute("--dta", "x.csv");
        assertEquals(2, status);
        assertEquals("reader: Unmatched arguments: '--dta', 'x.csv' (see 'reader --help')\n", err.toString());
    }

    @Test
    void aDirectoryIsNotAFile() {
        StringWriter err = new StringWriter();
        int status = commandLine(new Reader(), err).execute("--data", dir.toString());
        assertEquals(2, status);
        assertTrue(err.toString().contains(dir + " is a directory, expected a file"), err.toString());
    }

    @Test
    void anExistingFileIsPassedOn() throws IOException {
        Path file = Files.writeString(dir.resolve("data.csv"), "x,y\n");
        Reader reader = new Reader();
        assertEquals(0, commandLine(reader, new StringWriter()).execute("--data", file.toString()));
        assertEquals("x,y\n", reader.read);
    }

    @Test
    void badInputFoundWhileRunningIsOneLineAndStatus2() throws IOException {
        @Command(name = "failing")
        final class Failing implements Callable<Integer> {
            @Override
            public Integer call() {
                throw new IllegalArgumentException("training inputs have 3 columns\nthe model expects 2");
            }
        }
        StringWriter err = new StringWriter();
        assertEquals(2, commandLine(new Failing(), err).execute());
        assertEquals("failing: training inputs have 3 columns; the model expects 2\n", err.toString());
    }

    @Test
    void aBugIsNotDisguisedAsAUsageError() {
        @Command(name = "buggy")
        final class Buggy implements Callable<Integer> {
            @Override
            public Integer call() {
                throw new IllegalStateException("bug");
            }
        }
        StringWriter err = new StringWriter();
        assertEquals(ErrorHandlers.SOFTWARE, commandLine(new Buggy(), err).execute());
        assertTrue(err.toString().contains("IllegalStateException: bug"), err.toString());
    }

    private static CommandLine commandLine(Object command, StringWriter err) {
        return ErrorHandlers.install(new CommandLine(command)).setErr(new PrintWriter(err, true));
    }
}
