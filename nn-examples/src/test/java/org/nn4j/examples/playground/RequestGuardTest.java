package org.nn4j.examples.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestGuardTest {

    private final RequestGuard guard = new RequestGuard(Set.of("127.0.0.1", "localhost", "[::1]"), 7070);

    @Test
    void theServersOwnNamesPass() {
        assertEquals(Optional.empty(), guard.refusal("127.0.0.1:7070", null, null));
        assertEquals(Optional.empty(), guard.refusal("LOCALHOST:7070", "http://localhost:7070", "same-origin"));
        assertEquals(Optional.empty(), guard.refusal("[::1]:7070", "http://[::1]:7070", null));
    }

    @Test
    void aRebindingPagesHostIsRefused() {
        assertEquals(Optional.of("Host \"attacker.example:7070\" is not this server (it answers to"
                        + " 127.0.0.1:7070, [::1]:7070, localhost:7070)"),
                guard.refusal("attacker.example:7070", null, null));
    }

    @Test
    void aMissingHostOrAnotherPortIsRefused() {
        assertEquals(Optional.of("Host (missing) is not this server (it answers to 127.0.0.1:7070, [::1]:7070,"
                + " localhost:7070)"), guard.refusal(null, null, null));
        assertEquals(true, guard.refusal("127.0.0.1:8080", null, null).isPresent());
        assertEquals(true, guard.refusal("127.0.0.1", null, null).isPresent());
    }

    @Test
    void anotherSitesOriginIsRefused() {
        assertEquals(Optional.of("Origin \"http://attacker.example\" is not this server's page"),
                guard.refusal("127.0.0.1:7070", "http://attacker.example", null));
        assertEquals(Optional.of("Origin \"null\" is not this server's page"),
                guard.refusal("127.0.0.1:7070", "null", null));
        assertEquals(Optional.of("Origin \"https://127.0.0.1:7070\" is not this server's page"),
                guard.refusal("127.0.0.1:7070", "https://127.0.0.1:7070", null));
    }

    @Test
    void crossSiteFetchesAreRefused() {
        assertEquals(Optional.of("a request from another site (Sec-Fetch-Site: cross-site)"),
                guard.refusal("127.0.0.1:7070", null, "cross-site"));
    }

    @Test
    void controlCharactersInARefusedHeaderAreNotEchoed() {
        assertEquals(Optional.of("Host \"a?b:7070\" is not this server (it answers to 127.0.0.1:7070,"
                + " [::1]:7070, localhost:7070)"), guard.refusal("a\u001bb:7070", null, null));
    }
}
