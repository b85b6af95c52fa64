package org.nn4j.examples.playground;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The playground's web server: the JDK's own {@link HttpServer} (no dependency; server-sent events are a response
 * that never ends), serving one page from the jar and a small API.
 *
 * <pre>
 *   GET  /                                 the page (index.html, playground.css, playground.js)
 *   GET  /api/limits                       the choices, the defaults and the caps, as JSON
 *   POST /api/sessions?&lt;settings&gt;          a new session: {id, settings, notes}
 *   POST /api/sessions/ID/reset?&lt;settings&gt;  a fresh network with these settings: {settings, notes}
 *   POST /api/sessions/ID/start | pause | step | close
 *   POST /api/sessions/ID/explain          one step in the blog's names: {explained, text}
 *   GET  /api/sessions/ID/events           server-sent events, one "state" event per frame (see Frames)
 * </pre>
 * Every request passes the {@link RequestGuard} first. Settings come as URL parameters, so no request body is ever
 * read; every value is capped ({@link Settings#parse}). At most {@link Limits#MAX_SESSIONS} sessions live at once,
 * and a session no page has watched for {@value #IDLE_SECONDS} seconds is closed.
 */
public final class PlaygroundServer implements AutoCloseable {

    /** Seconds a session lives without a page watching it. */
    public static final int IDLE_SECONDS = 30;

    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/index.html", new String[] {"index.html", "text/html; charset=utf-8"},
            "/playground.css", new String[] {"playground.css", "text/css; charset=utf-8"},
            "/playground.js", new String[] {"playground.js", "text/javascript; charset=utf-8"});

    private final HttpServer server;
    private final ExecutorService pool;
    private final ScheduledExecutorService reaper;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final RequestGuard guard;
    private final SecureRandom random = new SecureRandom();
    private final int stopAfterEpochs;
    private final String shownHost;
    private volatile boolean closed;

    private PlaygroundServer(HttpServer server, String shownHost, Set<String> names, int stopAfterEpochs) {
        this.server = server;
        this.shownHost = shownHost;
        this.stopAfterEpochs = stopAfterEpochs;
        this.guard = new RequestGuard(names, server.getAddress().getPort());
        for (String[] file : FILES.values()) {
            files.put(file[0], resource(file[0]));
        }
        AtomicInteger threads = new AtomicInteger();
        // Each page's event stream holds a thread while it is open; the others serve the short requests.
        this.pool = Executors.newFixedThreadPool(2 * Limits.MAX_SESSIONS + 8, r -> {
            Thread t = new Thread(r, "playground-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "playground-reaper");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /**
     * Starts a server.
     *
     * @param host the address to listen on: {@code 127.0.0.1} (loopback, the default of the command), or another
     *     address of this machine, or {@code 0.0.0.0} for all of them
     * @param port the port, 0 for any free one
     * @param stopAfterEpochs every session stops training after this many epochs; 0 for no limit
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    public static PlaygroundServer start(String host, int port, int stopAfterEpochs) throws IOException {
        if (stopAfterEpochs < 0) {
            throw new IllegalArgumentException("stop after epochs must be 0 (no limit) or more, got "
                    + stopAfterEpochs);
        }
        InetAddress address = InetAddress.getByName(host);
        HttpServer http = HttpServer.create(new InetSocketAddress(address, port), 64);
        Set<String> names = new LinkedHashSet<>(List.of("127.0.0.1", "localhost", "[::1]"));
        String shown = address.isAnyLocalAddress() ? "127.0.0.1" : literal(address);
        if (address.isAnyLocalAddress()) {
            names.addAll(interfaceAddresses());
        } else {
            names.add(literal(address));
            names.add(host);
        }
        PlaygroundServer playground = new PlaygroundServer(http, shown, names, stopAfterEpochs);
        http.start();
        playground.reaper.scheduleWithFixedDelay(playground::reap, 5, 5, TimeUnit.SECONDS);
        return playground;
    }

    /** @return the port the server listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the page's address, such as {@code http://127.0.0.1:7070/} */
    public URI uri() {
        return URI.create("http://" + shownHost + ":" + port() + "/");
    }

    /** @return how many sessions are open */
    public int sessions() {
        return sessions.size();
    }

    /** Closes every session and stops the server. */
    @Override
    public void close() {
        closed = true;
        sessions.values().forEach(Session::close);
        sessions.clear();
        server.stop(0);
        reaper.shutdownNow();
        pool.shutdownNow();
    }

    private void reap() {
        sessions.values().removeIf(session -> {
            if (session.abandoned(TimeUnit.SECONDS.toNanos(IDLE_SECONDS))) {
                session.close();
                return true;
            }
            return false;
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (target.length() + (query == null ? 0 : query.length()) > Limits.MAX_URI_LENGTH) {
                Exchanges.text(exchange, 414, "the request's address is longer than " + Limits.MAX_URI_LENGTH
                        + " characters");
                return;
            }
            var headers = exchange.getRequestHeaders();
            Optional<String> refusal = guard.refusal(headers.getFirst("Host"), headers.getFirst("Origin"),
                    headers.getFirst("Sec-Fetch-Site"));
            if (refusal.isPresent()) {
                Exchanges.text(exchange, 403, "refused: " + refusal.get());
                return;
            }
            route(exchange, exchange.getRequestMethod(), target, query);
        } catch (IllegalArgumentException e) {
            Exchanges.text(exchange, 400, e.getMessage());
        } catch (UncheckedIOException e) {
            // The page went away while we answered: nothing to tell it.
        }
    }

    private void route(HttpExchange exchange, String method, String path, String query) throws IOException {
        String[] file = FILES.get(path);
        if (file != null) {
            if (Exchanges.requireMethod(exchange, method, "GET")) {
                Exchanges.send(exchange, 200, file[1], files.get(file[0]));
            }
        } else if (path.equals("/api/limits")) {
            if (Exchanges.requireMethod(exchange, method, "GET")) {
                Exchanges.json(exchange, 200, limits());
            }
        } else if (path.equals("/api/sessions")) {
            if (Exchanges.requireMethod(exchange, method, "POST")) {
                create(exchange, query);
            }
        } else if (path.startsWith("/api/sessions/")) {
            String[] parts = path.substring("/api/sessions/".length()).split("/", -1);
            Session session = parts.length == 2 ? sessions.get(parts[0]) : null;
            if (session == null) {
                Exchanges.json(exchange, 404, "{\"error\":\"no such session (it may have been closed after "
                        + IDLE_SECONDS + " s without a page): reload the page\"}");
                return;
            }
            act(exchange, method, session, parts[1], query);
        } else {
            Exchanges.text(exchange, 404, "not found: " + path);
        }
    }

    private void act(HttpExchange exchange, String method, Session session, String action, String query)
            throws IOException {
        if (action.equals("events")) {
            if (Exchanges.requireMethod(exchange, method, "GET")) {
                events(exchange, session);
            }
            return;
        }
        if (!Exchanges.requireMethod(exchange, method, "POST")) {
            return;
        }
        switch (action) {
            case "start" -> session.start();
            case "pause" -> session.pause();
            case "step" -> session.step();
            case "close" -> {
                sessions.remove(session.id());
                session.close();
            }
            case "reset" -> {
                Settings.Parsed parsed = Settings.parse(Exchanges.parameters(query));
                session.reset(parsed.settings());
                Exchanges.json(exchange, 200, settingsJson(null, parsed));
                return;
            }
            case "explain" -> {
                Session.Explanation explanation = session.explain();
                Exchanges.json(exchange, 200, "{\"explained\":" + explanation.explained() + ",\"text\":"
                        + Json.string(explanation.text()) + "}");
                return;
            }
            default -> {
                Exchanges.text(exchange, 404, "no such action: " + action);
                return;
            }
        }
        Exchanges.json(exchange, 200, "{\"ok\":true}");
    }

    private void create(HttpExchange exchange, String query) throws IOException {
        if (sessions.size() >= Limits.MAX_SESSIONS) {
            reap();
        }
        if (sessions.size() >= Limits.MAX_SESSIONS || closed) {
            Exchanges.json(exchange, 503, "{\"error\":" + Json.string("the playground already has "
                    + Limits.MAX_SESSIONS + " sessions open (one per tab): close a tab, wait " + IDLE_SECONDS + " s and reload") + "}");
            return;
        }
        Settings.Parsed parsed = Settings.parse(Exchanges.parameters(query));
        String id = HexFormat.of().formatHex(bytes(16));
        Session session = new Session(id, parsed.settings(), stopAfterEpochs);
        sessions.put(id, session);
        Exchanges.json(exchange, 200, settingsJson(id, parsed));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String settingsJson(String id, Settings.Parsed parsed) {
        return "{" + (id == null ? "" : "\"id\":" + Json.string(id) + ",") + "\"settings\":"
                + Json.object(parsed.settings().toParameters()) + ",\"notes\":" + Json.strings(parsed.notes()) + "}";
    }

    /** Streams the session's frames as server-sent events until the page goes away or another stream takes over. */
    private void events(HttpExchange exchange, Session session) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        Exchanges.commonHeaders(exchange);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long stream = session.attach();
        try {
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            Frames.Cursor cursor = new Frames.Cursor();
            long seen = 0;
            long due = System.nanoTime();
            while (!closed && !session.isClosed() && session.isCurrentStream(stream)) {
                long wait = (due - System.nanoTime()) / 1_000_000;
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                Optional<Frame> frame = session.frames().awaitNewer(seen, 5000);
                if (frame.isEmpty()) {
                    out.write(": still here\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    continue;
                }
                Frame f = frame.get();
                seen = f.version();
                String event = "event: state\ndata: " + Frames.state(f, cursor) + "\n\n";
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
                due = Math.max(due + 1_000_000_000L / f.experiment().settings().updates(), System.nanoTime() - 1);
            }
        } catch (IOException e) {
            // The page closed the stream.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.detach();
        }
    }

    private static String limits() {
        return "{\"datasets\":" + Json.strings(Settings.DATASETS)
                + ",\"activations\":" + Json.strings(Settings.ACTIVATIONS)
                + ",\"losses\":" + Json.strings(Settings.LOSSES)
                + ",\"optimizers\":" + Json.strings(Settings.OPTIMIZERS)
                + ",\"defaults\":" + Json.object(Settings.DEFAULTS.toParameters())
                + ",\"max\":{\"points\":" + Limits.MAX_POINTS + ",\"minPoints\":" + Limits.MIN_POINTS
                + ",\"noise\":" + Limits.MAX_NOISE + ",\"minSplit\":" + Limits.MIN_SPLIT
                + ",\"split\":" + Limits.MAX_SPLIT + ",\"layers\":" + Limits.MAX_LAYERS
                + ",\"neurons\":" + Limits.MAX_NEURONS + ",\"minRate\":" + Limits.MIN_RATE
                + ",\"rate\":" + Json.number(Limits.MAX_RATE) + ",\"batch\":" + Limits.MAX_BATCH
                + ",\"seed\":" + Limits.MAX_SEED + ",\"epochs\":" + Limits.MAX_EPOCHS
                + ",\"speed\":" + Limits.MAX_SPEED + ",\"updates\":" + Limits.MAX_UPDATES + "}}";
    }

    private static byte[] resource(String name) {
        try (InputStream in = PlaygroundServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("playground: " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("playground: cannot read " + name + " from the jar", e);
        }
    }

    private static String literal(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }

    /** The addresses of every interface: the names a server listening on all of them answers to. */
    private static Set<String> interfaceAddresses() throws SocketException {
        Set<String> names = new LinkedHashSet<>();
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                names.add(literal(address));
            }
        }
        return names;
    }
}
