package org.nn4j.examples.playground;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses requests that do not come from the playground's own pages, the defence against DNS rebinding (a web
 * page on another site that makes its own name point at 127.0.0.1) and against other sites posting to the server.
 *
 * <pre>
 *   Host             must name this server: one of its names, with its port          else 403
 *   Origin           if sent, must be http://&lt;one of those names&gt;:&lt;port&gt;          else 403
 *   Sec-Fetch-Site   if sent, must not be cross-site                                 else 403
 * </pre>
 * A rebinding page's requests carry its own name in {@code Host} (the browser sent them to that name), and another
 * site's requests carry that site in {@code Origin}, so both are refused before anything runs.
 */
public final class RequestGuard {

    private final Set<String> hosts;

    /**
     * @param names the names this server answers to, such as {@code 127.0.0.1} and {@code localhost} (IPv6 literals
     *     in brackets, {@code [::1]})
     * @param port the port it listens on
     */
    public RequestGuard(Set<String> names, int port) {
        Set<String> allowed = new LinkedHashSet<>();
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            allowed.add(lower + ":" + port);
            if (port == 80) {
                allowed.add(lower);
            }
        }
        this.hosts = Set.copyOf(allowed);
    }

    /**
     * @param host the request's {@code Host} header, or null
     * @param origin the request's {@code Origin} header, or null
     * @param fetchSite the request's {@code Sec-Fetch-Site} header, or null
     * @return why the request is refused, or empty if it may go on
     */
    public Optional<String> refusal(String host, String origin, String fetchSite) {
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.of("Host " + shown(host) + " is not this server (it answers to " + String.join(", ",
                    new java.util.TreeSet<>(hosts)) + ")");
        }
        if (origin != null && !(origin.toLowerCase(Locale.ROOT).startsWith("http://")
                && hosts.contains(origin.substring("http://".length()).toLowerCase(Locale.ROOT)))) {
            return Optional.of("Origin " + shown(origin) + " is not this server's page");
        }
        if (fetchSite != null && fetchSite.equalsIgnoreCase("cross-site")) {
            return Optional.of("a request from another site (Sec-Fetch-Site: cross-site)");
        }
        return Optional.empty();
    }

    private static String shown(String header) {
        if (header == null) {
            return "(missing)";
        }
        String cut = header.length() > 80 ? header.substring(0, 80) + "…" : header;
        return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
