package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground in a real browser: the built jar serves it ({@code playground --port 0}), and Debian's chromium,
 * headless, loads it through Selenium WebDriver and Debian's chromedriver ({@code /usr/bin/chromedriver}: nothing is
 * downloaded, Selenium Manager never runs). The tests click what a learner clicks and read what a learner sees: the
 * {@code #epoch}, {@code #train-loss} and {@code #test-loss} readouts, and the decision boundary's pixels.
 *
 * <p>Screenshots go to {@code target/playground-screenshots}, and also to the directory named by the system
 * property {@code nn4j.screenshots} ({@code docs/images/playground.sh} points it at {@code docs/images}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundBrowserIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static Process server;
    private static String url;
    private static WebDriver browser;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "the browser tests need Debian's chromium and chromium-driver (apt-get install chromium"
                        + " chromium-driver; .ci/run installs them)");
        server = new ProcessBuilder(JarRunner.command(List.of(), "playground", "--port", "0"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        assertTrue(first != null && first.matches("nn4j playground: http://127\\.0\\.0\\.1:\\d+/"), first);
        url = first.substring("nn4j playground: ".length());
        assertEquals("Open it in a browser; Ctrl-C stops the server.", out.readLine());

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        // Selenium looks for DevTools bindings matching the browser's version and warns when it has none; these
        // tests use WebDriver only.
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1150", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.destroy();
            assertTrue(server.waitFor(20, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
        }
    }

    @Test
    @Order(1)
    void theBlogsNetworkWithALargerStepLearnsXorAndTheMapTakesBothColours() throws IOException {
        open("?dataset=xor&hidden=4&activation=sigmoid&rate=2&seed=42&speed=400");
        waitFor("the untrained network", b -> text("status").startsWith("ready"));
        assertEquals("0", text("epoch"));
        assertEquals("0.2522", text("train-loss"), "the blog's first loss");
        double[] before = colours();
        assertTrue(before[0] < 0.02 && before[1] < 0.02, "untrained, the map is pale: " + describe(before));

        click("start");
        waitFor("#train-loss below 0.05", b -> loss("train-loss") < 0.05);
        // The map is redrawn from the frames that follow, and training goes on: as the loss falls further the map
        // only takes more colour, so wait for it (it can lag the loss readout by a few frames) instead of racing it.
        waitFor("the map to turn blue and red", b -> {
            double[] shares = colours();
            return shares[0] > 0.08 && shares[1] > 0.08;
        });
        double[] after = colours();
        assertTrue(after[0] > 0.08 && after[1] > 0.08, "trained, the map is blue and red: " + describe(after));
        assertTrue(loss("test-loss") < 0.05, text("test-loss"));
        screenshot("playground.png");
    }

    @Test
    @Order(2)
    void pauseStopsTheEpochsStepAddsOneAndResetStartsAgain() throws InterruptedException {
        click("pause");
        waitFor("the pause", b -> text("status").startsWith("paused at epoch"));
        int paused = epoch();
        Thread.sleep(600);
        assertEquals(paused, epoch(), "no epoch while paused");
        click("step");
        waitFor("one more epoch", b -> epoch() == paused + 1);
        Thread.sleep(300);
        assertEquals(paused + 1, epoch(), "a step is one epoch");
        assertEquals("stepped to epoch " + (paused + 1) + "; paused", text("status"));
        click("reset");
        waitFor("the reset", b -> epoch() == 0 && text("status").startsWith("ready"));
        assertEquals("0.2522", text("train-loss"));
    }

    @Test
    @Order(3)
    void theBlogsPresetFailsAndRaisingTheStepLearns() throws IOException {
        open("?speed=2000");
        waitFor("the page", b -> text("status").startsWith("ready"));
        click("preset-blog");
        waitFor("1000 epochs of the blog's setup", b -> epoch() == 1000 && text("status").startsWith("stopped"));
        assertEquals("0.2", value("rate"));
        assertTrue(loss("train-loss") > 0.2, "the blog's network does not learn XOR: " + text("train-loss"));
        double[] pale = colours();
        assertTrue(pale[0] < 0.02 && pale[1] < 0.02, "its map stays pale: " + describe(pale));
        screenshot("playground-blog.png");

        click("preset-raise");
        waitFor("1000 epochs with the step raised", b -> epoch() == 1000 && text("status").startsWith("stopped"));
        assertEquals("2.0", value("rate"));
        assertTrue(loss("train-loss") < 0.01, "with rate 2 it learns: " + text("train-loss"));
        double[] learned = colours();
        assertTrue(learned[0] > 0.2 && learned[1] > 0.2, describe(learned));
        screenshot("playground-learned.png");
    }

    @Test
    @Order(4)
    void explainOneStepShowsTheBlogsMatrices() throws IOException {
        click("reset");
        waitFor("the reset", b -> epoch() == 0);
        click("explain-button");
        waitFor("the explanation", b -> text("explain").contains("hidden_delta"));
        String explained = text("explain");
        assertTrue(explained.startsWith("One training step of the blog's network (epoch 0), in the blog's names."),
                explained);
        for (String name : List.of("z1 = X · weights1 + bias1", "output_delta = (y - output) * output * (1 - output)",
                "weights1 += Xᵀ · hidden_delta")) {
            assertTrue(explained.contains(name), name);
        }
        waitFor("the step", b -> epoch() == 1);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('explain-button').scrollIntoView();");
        screenshot("playground-explain.png");
    }

    @Test
    @Order(5)
    void theIssuesUrlStartsTrainingAtOnce() {
        open("?dataset=xor&hidden=4&activation=sigmoid&rate=2&seed=42&autostart=1");
        waitFor("training without a click", b -> epoch() > 0 && text("status").startsWith("training"));
        assertEquals("4", value("hidden"));
        assertEquals("2.0", value("rate"));
    }

    @Test
    @Order(6)
    void valuesBeyondTheLimitsAreCappedWithAMessageOnThePage() {
        open("?dataset=circles&points=5&hidden=50,3&rate=100");
        waitFor("the notes", b -> browser.findElement(By.id("notes")).isDisplayed());
        String notes = text("notes");
        for (String note : List.of("points: at least 10 points; 5 became 10",
                "hidden: at most 8 neurons per layer; 50 became 8", "rate: at most 10.0; 100 became 10.0")) {
            assertTrue(notes.contains(note), notes);
        }
        assertEquals("8,3", value("hidden"));
        assertEquals("10.0", value("rate"));
        assertEquals("10", browser.findElement(By.id("rate")).getAttribute("max"));
        assertEquals("1000", browser.findElement(By.id("points")).getAttribute("max"));

        // A value typed into a control is capped the same way.
        ((JavascriptExecutor) browser).executeScript("const e = document.getElementById('hidden');"
                + " e.value = '4,4,4,4,4,4,4,4'; e.dispatchEvent(new Event('change'));");
        waitFor("the new note", b -> text("notes").contains("hidden: at most 6 hidden layers; the last 2 were left out"));
        assertEquals("4,4,4,4,4,4", value("hidden"));
    }

    private static void open(String query) {
        browser.get(url + query);
    }

    private static void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private static int epoch() {
        return Integer.parseInt(text("epoch"));
    }

    private static double loss(String id) {
        String shown = text(id);
        return shown.equals("–") ? Double.NaN : Double.parseDouble(shown);
    }

    private static void waitFor(String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(40)).withMessage("waiting for " + what).until(condition);
    }

    /**
     * The share of the decision boundary's pixels that are clearly blue (class 0) and clearly red (class 1); the
     * pale middle of the colour scale, around 0.5, counts as neither.
     */
    private static double[] colours() {
        Object shares = ((JavascriptExecutor) browser).executeScript(
                "const c = document.getElementById('boundary');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "let blue = 0, red = 0; const n = d.length / 4;"
                + "for (let i = 0; i < d.length; i += 4) {"
                + "  const r = d[i], g = d[i + 1], b = d[i + 2];"
                + "  if (b - r > 60) blue++; else if (r - g > 60 && r - b > 60) red++;"
                + "}"
                + "return [blue / n, red / n];");
        List<?> list = (List<?>) shares;
        return new double[] {((Number) list.get(0)).doubleValue(), ((Number) list.get(1)).doubleValue()};
    }

    private static String describe(double[] shares) {
        return String.format("%.1f%% blue, %.1f%% red", 100 * shares[0], 100 * shares[1]);
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        Path dir = Path.of("target", "playground-screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), png);
        String docs = System.getProperty("nn4j.screenshots");
        if (docs != null && !docs.isBlank()) {
            Files.write(Path.of(docs).resolve(name), png);
        }
    }
}
