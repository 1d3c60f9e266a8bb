package io.reportbot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.engine.EngineSettings;
import io.reportbot.engine.FallbackListener;
import io.reportbot.engine.IntentScore;
import io.reportbot.engine.ReloadableEngine;
import io.reportbot.store.InboxEntry;
import io.reportbot.store.QuestionStore;
import io.reportbot.store.StoredQuestion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The maintainer's page in real headless Chromium, against a real engine (intents copied to a temp folder), a real
 * SQLite store seeded with 30 days of questions, and the labelled sets under src/test/resources/eval. The tests run
 * in order, as a maintainer would: look at the traffic, read the inbox, add a question and retrain, check quality,
 * try the bot. Screenshots of every part go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPageIT {

    static final String TOKEN = "browser-test-token-not-a-secret";
    static final String XSS_SCRIPT = "<script>window.__xss='script'</script> Wetter morgen?";
    static final String XSS_IMG = "<img src=x onerror=\"window.__xss='img'\"> Wetter heute?";
    static final List<String> INCUBATORS = List.of("Gibt es in Beijing KI-Inkubatoren?",
            "Gibt es KI-Inkubatoren in Beijing?", "gibt es in beijing ki inkubatoren");
    static final List<String> PATENTS = List.of("Wie viele KI-Patente hat Beijing angemeldet?",
            "Wie viele KI-Patente meldet Beijing an?");

    @TempDir
    static Path dir;
    static Path intents;
    static QuestionStore store;
    static AdminServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Browsers.assumeInstalled();
        intents = Files.createDirectories(dir.resolve("intents"));
        try (Stream<Path> files = Files.list(Path.of("intents"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(f, intents.resolve(f.getFileName()));
            }
        }
        store = QuestionStore.open("jdbc:sqlite:" + dir.resolve("questions.db"));
        seed(store, Instant.now());
        EngineSettings settings = EngineSettings.bundled().withOverrides(null, intents);
        server = AdminServer.start(new AdminSettings("127.0.0.1", 0, TOKEN, false,
                        Optional.of(Path.of("src/test/resources/eval")), 30),
                ReloadableEngine.create(settings, FallbackListener.NONE), settings, store, Clock.systemUTC());
        browser = Browsers.start();
        login(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** 30 days of answered questions on three platforms in two languages, and the inbox's questions. */
    static void seed(QuestionStore store, Instant now) {
        Random random = new Random(42);
        String[] platforms = {"telegram", "discord", "console"};
        String[] intentNames = {"unicorns", "financing", "industry_size", "large_models"};
        List<StoredQuestion> qs = new ArrayList<>();
        for (int hour = 0; hour < 30 * 24; hour++) {
            int n = 1 + random.nextInt(hour < 24 ? 6 : 3);
            for (int i = 0; i < n; i++) {
                Instant t = now.minus(Duration.ofHours(hour)).minusSeconds(random.nextInt(3000));
                boolean fallback = random.nextInt(10) == 0;
                qs.add(new StoredQuestion(t, platforms[random.nextInt(3)], "bundled", random.nextBoolean() ? "de" : "en",
                        fallback ? "fallback" : intentNames[random.nextInt(4)], fallback ? 0.2 : 0.9, fallback,
                        50 + random.nextInt(200), "seed" + random.nextInt(50), null, List.of()));
            }
        }
        List<IntentScore> nearPlatforms = List.of(new IntentScore("innovation_platforms", 0.19),
                new IntentScore("beijing_leadership", 0.18), new IntentScore("out_of_scope", 0.13));
        List<IntentScore> nearWeather = List.of(new IntentScore("out_of_scope", 0.25),
                new IntentScore("overview", 0.1), new IntentScore("greeting", 0.05));
        List<IntentScore> nearFrontier = List.of(new IntentScore("frontier_tech", 0.22),
                new IntentScore("innovation_platforms", 0.2), new IntentScore("out_of_scope", 0.1));
        for (int i = 0; i < INCUBATORS.size(); i++) {
            qs.add(kept(now.minusSeconds(600 + i), "telegram", "de", INCUBATORS.get(i), nearPlatforms));
        }
        qs.add(kept(now.minusSeconds(900), "discord", "de", XSS_SCRIPT, nearWeather));
        qs.add(kept(now.minusSeconds(901), "discord", "de", XSS_IMG, nearWeather));
        for (int i = 0; i < PATENTS.size(); i++) {
            qs.add(kept(now.minusSeconds(1200 + i), "telegram", "de", PATENTS.get(i), nearFrontier));
        }
        store.insert(qs);
    }

    static StoredQuestion kept(Instant t, String platform, String lang, String text, List<IntentScore> top) {
        return new StoredQuestion(t, platform, "bundled", lang, "fallback", top.get(0).score(), true, 100, "seed", text,
                top);
    }

    static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    static void login(WebDriver driver) {
        driver.get(base() + "/login");
        driver.findElement(By.id("token")).sendKeys(TOKEN);
        driver.findElement(By.id("login")).click();
        wait(driver, 20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#traffic[data-loaded]")));
    }

    static WebDriverWait wait(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    static void part(WebDriver driver, String name) {
        driver.findElement(By.cssSelector("button.tab[data-part='" + name + "']")).click();
    }

    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    @Order(1)
    void thePageLoadsWithoutConsoleErrorsAndTheChartsDrawFromTheStore() throws Exception {
        for (String range : List.of("30d", "7d", "24h")) {
            browser.findElement(By.cssSelector("button.range[data-range='" + range + "']")).click();
            wait(browser, 20).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#traffic[data-loaded='" + range + "']")));
        }
        for (String chart : List.of("chart-platform", "chart-language", "chart-fallback")) {
            WebElement box = browser.findElement(By.id(chart));
            assertThat(box.findElements(By.cssSelector(".uplot canvas"))).as(chart).hasSize(1);
            long painted = (Long) js(browser, "var c = arguments[0].querySelector('canvas');"
                    + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; var n = 0;"
                    + "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n;", box);
            assertThat(painted).as(chart + ": pixels drawn").isGreaterThan(500);
        }
        assertThat(browser.findElement(By.id("chart-platform")).getAttribute("data-series")).isEqualTo("3");
        assertThat(browser.findElement(By.id("chart-language")).getAttribute("data-series")).isEqualTo("2");
        assertThat(browser.findElement(By.id("traffic-totals")).getText()).matches("\\d+ questions, \\d+ fell back .*");
        Browsers.screenshot(browser, "traffic");
        assertThat(Browsers.consoleErrors(browser)).isEmpty();
    }

    @Test
    @Order(2)
    void questionTextsWithMarkupAreShownAsText() throws Exception {
        part(browser, "inbox");
        wait(browser, 20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox[data-loaded] .group")));
        List<String> shown = browser.findElements(By.cssSelector("#inbox-groups .question")).stream()
                .map(WebElement::getText).toList();
        assertThat(shown).contains(XSS_SCRIPT, XSS_IMG);
        assertThat(browser.findElements(By.cssSelector("#inbox-groups img, #inbox-groups script"))).isEmpty();
        assertThat(js(browser, "return window.__xss === undefined;")).isEqualTo(true);
        WebElement incubators = group(browser, INCUBATORS.get(0));
        assertThat(incubators.findElement(By.cssSelector(".count")).getText()).isEqualTo("3 ×");
        assertThat(incubators.findElement(By.cssSelector(".top")).getText())
                .isEqualTo("nearest intents: innovation_platforms 0.19 · beijing_leadership 0.18 · out_of_scope 0.13");
        Browsers.screenshot(browser, "inbox");
        assertThat(Browsers.consoleErrors(browser)).isEmpty();
    }

    @Test
    @Order(3)
    void noSessionGives401AndAPostWithoutTheCsrfTokenGives403() throws Exception {
        Object forbidden = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[0]; fetch('/api/retrain', {method: 'POST', credentials: 'same-origin',"
                        + " headers: {'Content-Type': 'application/json'}, body: '{}'}).then(function (r) { done(r.status); });");
        assertThat(forbidden).isEqualTo(403L);
        AdminClient anonymous = new AdminClient(server.port());
        assertThat(anonymous.get("/").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/traffic").statusCode()).isEqualTo(401);
        assertThat(store.open(Instant.EPOCH, 100)).as("nothing was changed").hasSize(7);
        assertThat(Browsers.consoleErrors(browser)).as("the browser reports the refused POST, and only that")
                .singleElement().asString().contains("/api/retrain").contains("403");
    }

    @Test
    @Order(4)
    void addingAnInboxQuestionAndRetrainingMakesTheBotAnswerIt() throws Exception {
        String question = INCUBATORS.get(0);
        Path file = intents.resolve("innovation_platforms.json");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain(question);
        part(browser, "try");
        assertThat(ask(browser, question)).contains("fallback");

        part(browser, "inbox");
        wait(browser, 20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox[data-loaded] .group")));
        WebElement g = group(browser, question);
        new Select(g.findElement(By.cssSelector("select.which"))).selectByVisibleText(question);
        assertThat(new Select(g.findElement(By.cssSelector("select.intent"))).getFirstSelectedOption().getText())
                .as("the nearest intent is preselected").isEqualTo("innovation_platforms");
        g.findElement(By.cssSelector("button.add")).click();
        wait(browser, 20).until(d -> g.getAttribute("data-done") != null);
        assertThat(g.findElement(By.cssSelector(".result")).getText())
                .startsWith("added to innovation_platforms (examples.de); 3 questions marked added");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"" + question + "\"");

        part(browser, "retrain");
        browser.findElement(By.id("retrain-start")).click();
        wait(browser, 600).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#retrain[data-state='swapped'], #retrain[data-state='kept']")));
        String message = browser.findElement(By.id("retrain-message")).getText();
        assertThat(browser.findElement(By.id("retrain")).getAttribute("data-state")).as(message).isEqualTo("swapped");
        assertThat(browser.findElements(By.cssSelector("#retrain-broken li"))).as("no floor broken").isEmpty();
        List<WebElement> sets = browser.findElements(By.cssSelector(".setresult"));
        assertThat(sets).hasSizeGreaterThanOrEqualTo(4);
        for (WebElement set : sets) {
            assertThat(set.findElements(By.cssSelector(".no-regression"))).as("no question got worse in "
                    + set.getAttribute("data-set") + ": " + set.getText()).hasSize(1);
        }
        Browsers.screenshot(browser, "retrain");

        part(browser, "try");
        String debug = ask(browser, question);
        assertThat(debug).contains("intent=innovation_platforms").doesNotContain("fallback");
        assertThat(ask(browser, "Und in Euro?")).as("a follow-up stays on the topic of the same conversation")
                .startsWith("[de]").contains("intent=innovation_platforms");
        Browsers.screenshot(browser, "try-it");
        assertThat(Browsers.consoleErrors(browser)).isEmpty();
    }

    @Test
    @Order(5)
    void qualityShowsPerIntentFiguresAndTheConfusionHeatMap() throws Exception {
        part(browser, "quality");
        wait(browser, 60).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quality[data-loaded]")));
        new Select(browser.findElement(By.id("quality-set"))).selectByValue("holdout.jsonl");
        wait(browser, 20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#quality[data-loaded='holdout.jsonl']")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#quality-table tbody tr"));
        assertThat(rows).hasSizeGreaterThan(10);
        assertThat(browser.findElement(By.cssSelector("#quality-table tbody")).getText()).contains("unicorns");
        int labels = browser.findElements(By.cssSelector("#heatmap thead th.col")).size();
        assertThat(browser.findElements(By.cssSelector("#heatmap tbody td"))).hasSize(labels * labels);
        assertThat(browser.findElements(By.cssSelector("#heatmap td.diag.heat-9"))).isNotEmpty();
        Browsers.screenshot(browser, "quality");
        assertThat(Browsers.consoleErrors(browser)).isEmpty();
    }

    @Test
    @Order(6)
    void twoBrowsersActingOnTheSameGroupLoseNothing() throws Exception {
        ChromeDriver second = Browsers.start();
        try {
            login(second);
            List<WebElement> groups = new ArrayList<>();
            int i = 0;
            for (WebDriver d : List.of(browser, second)) {
                part(d, "inbox");
                wait(d, 20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox[data-loaded] .group")));
                groups.add(chooseInGroup(d, PATENTS.get(0), PATENTS.get(i++), "frontier_tech"));
            }
            groups.get(0).findElement(By.cssSelector("button.add")).click();
            groups.get(1).findElement(By.cssSelector("button.add")).click();
            wait(browser, 20).until(d -> groups.get(0).getAttribute("data-done") != null);
            wait(second, 20).until(d -> groups.get(1).getAttribute("data-done") != null);
            String first = groups.get(0).findElement(By.cssSelector(".result")).getText();
            String other = groups.get(1).findElement(By.cssSelector(".result")).getText();

            String file = Files.readString(intents.resolve("frontier_tech.json"), StandardCharsets.UTF_8);
            assertThat(file).as("both examples are in the file").contains(PATENTS.get(0), PATENTS.get(1));
            assertThat(store.open(Instant.EPOCH, 100)).extracting(InboxEntry::text).doesNotContainAnyElementsOf(PATENTS);
            assertThat(List.of(first, other)).as("each question marked once")
                    .anySatisfy(m -> assertThat(m).contains("2 questions marked added"))
                    .anySatisfy(m -> assertThat(m).contains("someone else handled this group already"));
            Browsers.screenshot(second, "inbox-two-browsers");
            assertThat(Browsers.consoleErrors(second)).isEmpty();
        } finally {
            second.quit();
        }
    }

    /**
     * Picks a question and an intent in the inbox group that shows {@code text}; the inbox may be drawn again right
     * after it loads, so a stale element means: find the group again.
     */
    static WebElement chooseInGroup(WebDriver driver, String text, String which, String intent) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement g = group(driver, text);
                new Select(g.findElement(By.cssSelector("select.which"))).selectByVisibleText(which);
                new Select(g.findElement(By.cssSelector("select.intent"))).selectByValue(intent);
                return g;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    static WebElement group(WebDriver driver, String text) {
        for (WebElement g : driver.findElements(By.cssSelector("#inbox-groups .group"))) {
            for (WebElement q : g.findElements(By.cssSelector(".question"))) {
                if (q.getText().equals(text)) {
                    return g;
                }
            }
        }
        throw new AssertionError("no inbox group shows " + text);
    }

    /** Asks in the Try-it box and returns the debug line of the answer. */
    static String ask(WebDriver driver, String question) {
        int before = driver.findElements(By.cssSelector("#chat .debug")).size();
        WebElement input = driver.findElement(By.id("try-input"));
        input.clear();
        input.sendKeys(question);
        driver.findElement(By.id("try-send")).click();
        wait(driver, 20).until(d -> d.findElements(By.cssSelector("#chat .debug")).size() > before);
        List<WebElement> lines = driver.findElements(By.cssSelector("#chat .debug"));
        return lines.get(lines.size() - 1).getText();
    }
}
