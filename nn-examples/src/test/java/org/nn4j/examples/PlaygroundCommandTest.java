package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The playground's options that are refused before a server starts (the jar's run is PlaygroundBrowserIT's). */
class PlaygroundCommandTest {

    @Test
    void aPortOutOfRangeIsAUsageError() {
        assertEquals("nn4j playground: --port must be between 0 and 65535, got 70000\n",
                errorOf("playground", "--port", "70000"));
    }

    @Test
    void aNegativeEpochLimitIsAUsageError() {
        assertEquals("nn4j playground: --stop-after-epochs must be 0 (no limit) or more, got -1\n",
                errorOf("playground", "--stop-after-epochs", "-1"));
    }

    @Test
    void aPortInUseSaysSoAndSuggestsAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String err = errorOf("playground", "--port", Integer.toString(taken.getLocalPort()));
            assertTrue(err.startsWith("nn4j playground: --port " + taken.getLocalPort() + ": cannot listen on"
                    + " 127.0.0.1:" + taken.getLocalPort()), err);
            assertTrue(err.endsWith("is another playground running? Try --port 0 for any free port\n"), err);
        }
    }

    private static String errorOf(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(2, commandLine.execute(args));
        return err.toString().replace("\r\n", "\n");
    }
}
