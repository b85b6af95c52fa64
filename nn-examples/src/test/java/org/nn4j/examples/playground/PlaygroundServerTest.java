package org.nn4j.examples.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nn4j.core.model.BlogNetwork;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingHistory;

/** The server as a page meets it, over HTTP on loopback: the guard, the caps, the actions and the event stream. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlaygroundServerTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PlaygroundServer server;

    @BeforeEach
    void start() throws IOException {
        server = PlaygroundServer.start("127.0.0.1", 0, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private HttpResponse<String> post(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String newSession(String query) throws IOException, InterruptedException {
        HttpResponse<String> created = post("/api/sessions?" + query);
        assertEquals(200, created.statusCode(), created.body());
        return field(created.body(), "id").replace("\"", "");
    }

    /** A field of a flat JSON object as written: a number, true/false/null or a quoted string. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"(?:[^\"\\\\]++|\\\\.)*+\"|[^,}\\]]*)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    /** The server-sent events of one session, one JSON "state" at a time. */
    private final class Events implements AutoCloseable {

        private final Stream<String> lines;
        private final Iterator<String> iterator;

        Events(String session) throws IOException, InterruptedException {
            lines = client.send(HttpRequest.newBuilder(uri("/api/sessions/" + session + "/events")).build(),
                    HttpResponse.BodyHandlers.ofLines()).body();
            iterator = lines.iterator();
        }

        String next() {
            while (iterator.hasNext()) {
                String line = iterator.next();
                if (line.startsWith("data: ")) {
                    return line.substring("data: ".length());
                }
            }
            throw new AssertionError("the event stream ended");
        }

        /** Reads states until one is paused at the given epoch, collecting the loss curve on the way. */
        String untilStoppedAt(int epoch, List<double[]> curve) {
            while (true) {
                String state = next();
                collect(state, curve);
                if (Integer.parseInt(field(state, "epoch")) == epoch && field(state, "running").equals("false")) {
                    return state;
                }
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    private static void collect(String state, List<double[]> curve) {
        String part = state.substring(state.indexOf("\"curve\":"), state.indexOf("]]}", state.indexOf("\"curve\":"))
                + 3);
        if (part.contains("\"reset\":true")) {
            curve.clear();
        }
        Matcher m = Pattern.compile("\\[(\\d+),([^,\\]]+),([^,\\]]+)\\]").matcher(part);
        while (m.find()) {
            curve.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3))});
        }
    }

    @Test
    void theEventStreamsLossesAreThoseOfOneFitWithTheSameSeed() throws Exception {
        // Mini-batches of 16 with shuffling, Adam, tanh, two hidden layers, a test split: every source of difference.
        String query = "dataset=circles&points=200&noise=0.1&split=25&hidden=5,3&activation=tanh&loss=bce"
                + "&optimizer=adam&rate=0.05&batch=16&seed=7&epochs=300&speed=3000";
        String session = newSession(query);
        List<double[]> curve = new ArrayList<>();
        String last;
        try (Events events = new Events(session)) {
            events.next();
            assertEquals(200, post("/api/sessions/" + session + "/start").statusCode());
            last = events.untilStoppedAt(300, curve);
        }
        Experiment experiment = Experiment.of(Settings.parse(Exchanges.parameters(query)).settings());
        Sequential model = experiment.newModel();
        TrainingHistory history = model.fit(experiment.train().inputs(), experiment.train().targets(),
                TrainingConfig.builder().epochs(300).batchSize(16)
                        .validation(experiment.test().inputs(), experiment.test().targets()).build());
        assertEquals(300, curve.size());
        for (int e = 0; e < 300; e++) {
            assertEquals(e, (int) curve.get(e)[0]);
            assertEquals(history.loss().get(e), curve.get(e)[1], 0.0, "training loss of epoch " + e);
            assertEquals(history.validationLoss().get(e), curve.get(e)[2], 0.0, "test loss of epoch " + e);
        }
        assertEquals(Double.toString(history.finalLoss()), field(last, "trainLoss"));
        assertEquals(Double.toString(history.finalMetric("val_loss")), field(last, "testLoss"));
        assertEquals("\"stopped at epoch 300, the epoch limit (300)\"", field(last, "status"));
    }

    @Test
    void explainTakesTheBlogsFirstStepAndTheTrainerGoesOnFromIt() throws Exception {
        String session = newSession("rate=2");
        HttpResponse<String> explained = post("/api/sessions/" + session + "/explain");
        assertEquals("true", field(explained.body(), "explained"));
        String text = field(explained.body(), "text");
        assertTrue(text.startsWith("\"One training step of the blog's network (epoch 0), in the blog's names."),
                text);
        for (String name : List.of("z1 = X · weights1 + bias1", "a1 = sigmoid(z1)",
                "output_delta = (y - output) * output * (1 - output)",
                "hidden_delta = (output_delta · weights2ᵀ) * a1 * (1 - a1)", "weights2 += a1ᵀ · output_delta",
                "bias1 += sum of hidden_delta's rows")) {
            assertTrue(text.contains(name), name);
        }
        List<double[]> curve = new ArrayList<>();
        try (Events events = new Events(session)) {
            assertEquals(200, post("/api/sessions/" + session + "/step").statusCode());
            events.untilStoppedAt(2, curve);
        }
        TrainingHistory history = BlogNetwork.create(42, 2).fit(XOR_X, XOR_Y, 2);
        assertEquals(2, curve.size());
        assertEquals(history.loss().get(0), curve.get(0)[1], 0.0);
        assertEquals(history.loss().get(1), curve.get(1)[1], 0.0);
        assertEquals(0.2522, history.loss().get(0), 5e-5, "the blog's first printed loss");
    }

    private static final org.nn4j.api.Matrix XOR_X = org.nn4j.api.Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0},
        {1, 1}});
    private static final org.nn4j.api.Matrix XOR_Y = org.nn4j.api.Matrix.columnVector(0, 1, 1, 0);

    @Test
    void explainSaysWhichNetworksItFits() throws Exception {
        String session = newSession("activation=relu&hidden=4,4");
        HttpResponse<String> answer = post("/api/sessions/" + session + "/explain");
        assertEquals("false", field(answer.body(), "explained"));
        assertTrue(field(answer.body(), "text").contains("it needs the blog's kind of network: one hidden layer"
                + " of sigmoids"), answer.body());
    }

    @Test
    void stopAfterEpochsEndsTrainingOnTheServer() throws Exception {
        server.close();
        server = PlaygroundServer.start("127.0.0.1", 0, 40);
        String session = newSession("speed=2000");
        try (Events events = new Events(session)) {
            post("/api/sessions/" + session + "/start");
            String last = events.untilStoppedAt(40, new ArrayList<>());
            assertEquals("\"stopped at epoch 40, the epoch limit (40)\"", field(last, "status"));
        }
        HttpResponse<String> again = post("/api/sessions/" + session + "/start");
        assertEquals(200, again.statusCode());
        try (Events events = new Events(session)) {
            String state = events.next();
            assertEquals("40", field(state, "epoch"));
            assertEquals("\"the epoch limit (40) is reached: reset, or raise the limit\"", field(state, "status"));
        }
    }

    @Test
    void pauseStepAndResetDoWhatTheySay() throws Exception {
        String session = newSession("speed=500");
        try (Events events = new Events(session)) {
            events.next();
            post("/api/sessions/" + session + "/start");
            Thread.sleep(300);
            post("/api/sessions/" + session + "/pause");
            String paused = events.next();
            while (!field(paused, "running").equals("false")) {
                paused = events.next();
            }
            int epoch = Integer.parseInt(field(paused, "epoch"));
            assertTrue(epoch > 0, paused);
            post("/api/sessions/" + session + "/step");
            String stepped = events.untilStoppedAt(epoch + 1, new ArrayList<>());
            assertEquals("\"stepped to epoch " + (epoch + 1) + "; paused\"", field(stepped, "status"));
            HttpResponse<String> reset = post("/api/sessions/" + session + "/reset?rate=0.5&seed=3");
            assertEquals("\"0.5\"", field(reset.body(), "rate"));
            String fresh = events.untilStoppedAt(0, new ArrayList<>());
            double untrained = BlogNetwork.create(3, 0.5).evaluateLoss(XOR_X, XOR_Y);
            assertEquals(Double.toString(untrained), field(fresh, "trainLoss"));
        }
    }

    @Test
    void capsComeBackAsNotes() throws Exception {
        HttpResponse<String> created = post("/api/sessions?hidden=50,3&rate=100");
        assertEquals(200, created.statusCode());
        assertEquals("\"8,3\"", field(created.body(), "hidden"));
        assertTrue(created.body().contains("\"notes\":[\"hidden: at most 8 neurons per layer; 50 became 8\","
                + "\"rate: at most 10.0; 100 became 10.0\"]"), created.body());
    }

    @Test
    void atMostEightSessionsLiveAtOnce() throws Exception {
        for (int i = 0; i < Limits.MAX_SESSIONS; i++) {
            newSession("");
        }
        HttpResponse<String> ninth = post("/api/sessions");
        assertEquals(503, ninth.statusCode());
        assertEquals("{\"error\":\"the playground already has 8 sessions open (one per tab): close a tab, wait 30 s"
                + " and reload\"}", ninth.body());
        assertEquals(Limits.MAX_SESSIONS, server.sessions());
    }

    @Test
    void aRebindingPagesHostIsRefusedBeforeAnythingRuns() throws Exception {
        String response = raw("POST /api/sessions HTTP/1.1\r\nHost: attacker.example:" + server.port()
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 403 "), response);
        assertTrue(response.endsWith("refused: Host \"attacker.example:" + server.port() + "\" is not this server"
                + " (it answers to 127.0.0.1:" + server.port() + ", [::1]:" + server.port() + ", localhost:"
                + server.port() + ")"), response);
        assertEquals(0, server.sessions());
    }

    @Test
    void anotherSitesOriginIsRefused() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/api/sessions"))
                .header("Origin", "http://attacker.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode());
        assertEquals("refused: Origin \"http://attacker.example\" is not this server's page", response.body());
        assertEquals(0, server.sessions());
        HttpResponse<String> own = client.send(HttpRequest.newBuilder(uri("/api/sessions"))
                .header("Origin", "http://127.0.0.1:" + server.port()).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, own.statusCode());
    }

    @Test
    void wrongMethodsUnknownSessionsAndLongAddressesAreRefused() throws Exception {
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri("/api/sessions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("GET is not allowed here; use POST", get.body());
        assertEquals(404, post("/api/sessions/0123/start").statusCode());
        assertEquals(414, post("/api/sessions?seed=" + "1".repeat(3000)).statusCode());
        String badEscape = raw("POST /api/sessions?seed=%zz HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertTrue(badEscape.startsWith("HTTP/1.1 400 "), badEscape);
        assertEquals(0, server.sessions());
    }

    @Test
    void thePageAndItsFilesComeFromTheJarWithAStrictPolicy() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<canvas id=\"boundary\""));
        assertEquals("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none';"
                + " form-action 'none'", page.headers().firstValue("Content-Security-Policy").orElseThrow());
        for (String file : List.of("/playground.js", "/playground.css")) {
            assertEquals(200, client.send(HttpRequest.newBuilder(uri(file)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        assertTrue(!page.body().contains("http://") && !page.body().contains("https://"),
                "the page fetches nothing from the internet");
    }

    @Test
    void aTabThatStopsReadingCannotStallAnotherTabsTraining() throws Exception {
        // Tab A: the largest network on the most points, one sample per batch, as fast as allowed, and an event
        // stream that is never read (its socket buffer fills and the server's writer blocks).
        String a = newSession("dataset=spirals&points=1000&hidden=8,8,8,8,8,8&batch=1&speed=100000&updates=30");
        post("/api/sessions/" + a + "/start");
        try (Socket stalled = new Socket("127.0.0.1", server.port())) {
            stalled.setReceiveBufferSize(1024);
            stalled.getOutputStream().write(("GET /api/sessions/" + a + "/events HTTP/1.1\r\nHost: 127.0.0.1:"
                    + server.port() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // Tab B: the blog's network at 1000 epochs a second.
            String b = newSession("speed=1000");
            try (Events events = new Events(b)) {
                events.next();
                post("/api/sessions/" + b + "/start");
                Thread.sleep(3000);
                post("/api/sessions/" + b + "/pause");
                String state = events.next();
                while (!field(state, "running").equals("false")) {
                    state = events.next();
                }
                int epochs = Integer.parseInt(field(state, "epoch"));
                assertTrue(epochs >= 300, "tab B trained only " + epochs + " epochs in 3 s (asked for 1000/s)");
            }
            // A trained on while nobody read its stream: a new stream takes over and shows its epoch.
            try (Events events = new Events(a)) {
                assertTrue(Integer.parseInt(field(events.next(), "epoch")) > 0);
            }
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
