package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.Sme;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.service.security.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The web pages in a real browser (Debian's headless Chromium and chromedriver, which .ci/run
 * installs): an SME's self-check to result to appeal, a farm's plots, an officer's override with a
 * reason, an appeal corrected with a form, the language switch, and every page in Chinese and English at
 * 1400 and 390 px with a scan for codes left untranslated; the session-expired, offline, error and empty
 * states. Screenshots of every page at both widths go to target/screenshots for review.
 */
@Tag("slow")
class WebUiTest extends ApiTestSupport {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must have Debian's chromium and chromium-driver: .ci/run installs them");
        }
        Assumptions.assumeTrue(present, "chromium and chromedriver are not installed here; .ci/run installs them");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800", "--lang=zh-CN");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(), options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshPage() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/app/#/login");
        ((JavascriptExecutor) browser).executeScript("localStorage.clear(); sessionStorage.clear()");
        browser.navigate().refresh();
    }

    private WebElement shown(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void signIn(String user) {
        shown("username").sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
    }

    private static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The carbon-efficiency levels' names, from carbon_efficiency_levels.csv (Zhejiang 碳效码). */
    private static final Map<Integer, String> LEVEL_NAMES = Map.of(1, "高效", 2, "较高效", 3, "平均水平", 4, "较低效", 5, "低效");

    /** A dimension's level as the page words it: 3 级，平均水平, or 未评估 when the API has none. */
    private static String levelWords(JsonNode level) {
        return level.isNull() || level.isMissingNode() ? "未评估" : level.asInt() + " 级，" + LEVEL_NAMES.get(level.asInt());
    }

    private static double number(String shown) {
        return Double.parseDouble(shown.replace(",", "").replace("%", "").strip());
    }

    /**
     * A double click on Rate stores one rating (the button waits for the answer), and the same data sent again returns
     * the rating already made (the page sends one Idempotency-Key per version of the data).
     */
    @Test
    void aDoubleClickOnRateStoresOneRatingAndTheSameDataAgainNoSecond() {
        signIn("sme-a");
        shown("rate");
        int before = officer.get("/api/v1/smes/" + SME_A + "/ratings?limit=500").json().size();
        WebElement rate = browser.findElement(By.id("rate"));
        new Actions(browser).doubleClick(rate).perform();
        shown("rating-view");
        String first = wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("rating-view")).getAttribute("data-rating-id"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("rate"))).click();
        // The button comes back once the answer is shown; the view is drawn anew, so read it afresh.
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("rate")).isEnabled());
        String second = wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("rating-view")).getAttribute("data-rating-id"));
        assertThat(second).as("the same data again answers with the rating already made").isEqualTo(first);
        assertThat(officer.get("/api/v1/smes/" + SME_A + "/ratings?limit=500").json().size()).isEqualTo(before + 1);
    }

    /**
     * Try it rates the form's data in the sandbox: the answer and, field by field, what differs from the firm's newest stored
     * rating (the API's own changes), and nothing is stored: the history and the audit chain keep their length.
     */
    @Test
    void tryingChangedDataShowsWhatWouldChangeAndStoresNothing() {
        signIn("sme-a");
        shown("rate").click();
        shown("rating-view");
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("rate")).isEnabled());
        JsonNode history = officer.get("/api/v1/smes/" + SME_A + "/ratings?limit=500").json();
        long entries = officer.get("/api/v1/audit/verify").json().get("entries").asLong();
        // A tenth of the electricity in every month: emissions fall, so green figures move.
        for (WebElement kwh : browser.findElements(By.cssSelector("input[id^='quick-kwh-']"))) {
            if (kwh.getAttribute("value").isBlank()) {
                continue;
            }
            double quantity = number(kwh.getAttribute("value"));
            kwh.clear();
            kwh.sendKeys(String.valueOf(quantity / 10));
        }
        browser.findElement(By.cssSelector("#advanced > summary")).click();
        String request = shown("request-json").getAttribute("value");
        browser.findElement(By.id("try")).click();
        WebElement headline = shown("trial-headline");
        assertThat(browser.switchTo().activeElement()).isEqualTo(headline);

        JsonNode simulation = smeA.postJson("/api/v1/ratings:simulate?against=" + history.get(0).get("id").asString(), request).json();
        List<String> fields = simulation.get("changes").valueStream().map(c -> c.get("field").asString()).toList();
        assertThat(fields).as("less electricity changes the green assessment").contains("green.score");
        assertThat(browser.findElements(By.cssSelector("#trial-changes li")).stream().map(li -> li.getAttribute("data-field")).toList())
                .isEqualTo(fields);
        JsonNode score = simulation.get("changes").valueStream().filter(c -> c.get("field").asString().equals("green.score")).findFirst()
                .orElseThrow();
        assertThat(browser.findElement(By.cssSelector("#trial-changes li[data-field='green.score']")).getText())
                .isEqualTo("绿色得分：" + score.get("before").asInt() + " → " + score.get("after").asInt());
        assertThat(headline.getText()).endsWith("绿色得分 " + simulation.at("/rating/green/score").asInt() + "/100");

        assertThat(officer.get("/api/v1/smes/" + SME_A + "/ratings?limit=500").json().size()).isEqualTo(history.size());
        assertThat(officer.get("/api/v1/audit/verify").json().get("entries").asLong()).isEqualTo(entries);
        assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).hasSize(history.size());
        screenshot("sme-trial");
    }

    @Test
    void anSmeRatesItsFirmSeesTheExplanationAndContestsIt() {
        signIn("sme-a");
        shown("rate");
        // The sign-in outlives a reload of the page (a session token in this tab, not the password).
        browser.navigate().refresh();
        shown("rate");
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("sme-a（企业）");
        // The guided form in plain fields, one submit: a small firm, 20,000 度 in the first month, Zhejiang picked by name.
        new Select(browser.findElement(By.id("quick-size"))).selectByValue("SMALL");
        assertThat(new Select(browser.findElement(By.id("quick-province"))).getFirstSelectedOption().getText()).isEqualTo("浙江");
        WebElement january = browser.findElement(By.id("quick-kwh-0"));
        january.clear();
        january.sendKeys("20000");
        // The advanced editor shows the request the fields make, as they change.
        browser.findElement(By.cssSelector("#advanced > summary")).click();
        assertThat(shown("request-json").getAttribute("value")).contains("\"sizeClass\": \"SMALL\"", "\"quantity\": 20000");
        browser.findElement(By.id("rate")).click();
        WebElement badge = shown("badge");
        // Focus moves to the answer; the live region holds only its short summary.
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("headline-decision");
        String level = browser.findElement(By.id("headline-colour")).getText();
        assertThat(level).matches("(碳效|三维综合) [1-5] 级/5 级，.+");
        assertThat(browser.findElement(By.id("result-summary")).getAttribute("textContent"))
                .isEqualTo(browser.findElement(By.id("headline-decision")).getText() + "; " + badge.getText() + " · " + level);
        assertThat(browser.findElement(By.id("toast")).getText()).isEqualTo("评级已完成并保存。");
        String ratingId = browser.findElement(By.id("rating-view")).getAttribute("data-rating-id");
        JsonNode rating = officer.get("/api/v1/ratings/" + ratingId).json();
        assertThat(rating.get("smeId").asString()).isEqualTo(SME_A);
        // One answer first: the score out of 100, as the API gives it.
        assertThat(browser.findElement(By.id("headline-score")).getText()).endsWith(rating.at("/green/score").asInt() + "/100");
        assertThat(browser.findElement(By.id("headline-decision")).getText()).isNotBlank();
        JsonNode request = officer.get("/api/v1/ratings/" + ratingId + "/request").json();
        assertThat(request.at("/sme/sizeClass").asString()).isEqualTo("SMALL");
        assertThat(request.at("/carbonAccount/lines").valueStream()
                .filter(l -> l.get("activity").asString().equals("ELECTRICITY") && l.get("month").asString().equals("2025-01"))
                .map(l -> l.get("quantity").asDouble() + " " + l.get("unit").asString()).toList()).containsExactly("20000.0 度");

        // What is shown is the API's own rating: the level the colour reads (the three dimensions' middle one) on the scale, and the
        // carbon-efficiency level beside it when they differ.
        int own = rating.at("/green/carbonEfficiencyLevel").asInt();
        int combined = rating.at("/green/dimensions/combinedLevel").asInt();
        assertThat(level).isEqualTo(combined == own ? "碳效 " + own + " 级/5 级，" + LEVEL_NAMES.get(own)
                : "三维综合 " + combined + " 级/5 级，" + LEVEL_NAMES.get(combined) + "（碳效 " + own + " 级）");
        browser.findElement(By.cssSelector("#details > summary")).click();
        List<List<String>> dimensions = browser.findElements(By.cssSelector("#dimensions tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).limit(2).toList()).toList();
        assertThat(dimensions).containsExactly(
                List.of("行业先进性：对比行业基准", levelWords(rating.at("/green/carbonEfficiencyLevel"))),
                List.of("区域贡献：对比本省电网下的行业基准", levelWords(rating.at("/green/dimensions/regionalLevel"))),
                List.of("历史下降：对比企业自身前 12 个月", levelWords(rating.at("/green/dimensions/historicalLevel"))),
                List.of("三维综合（定色依据）", levelWords(rating.at("/green/dimensions/combinedLevel"))));
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('dimensions').closest('.table-wrap').previousElementSibling.scrollIntoView()");
        screenshot("sme-dimensions");
        browser.findElement(By.cssSelector("#details > summary")).click();
        String colour = rating.at("/green/colour").asString();
        assertThat(badge.getAttribute("data-colour")).isEqualTo(colour);
        assertThat(badge.getText()).isEqualTo(switch (colour) {
            case "DEEP_GREEN" -> "深绿";
            case "LIGHT_GREEN" -> "浅绿";
            case "YELLOW" -> "黄";
            default -> "红";
        });
        // The reasons on the answer are the API's first three, word for word (their values are the engine's, ReasonValuesTest).
        List<String> apiReasons = rating.at("/explanation/reasons").valueStream().map(r -> r.get("zh").asString()).limit(3).toList();
        assertThat(browser.findElements(By.cssSelector("#reasons li")).stream().map(WebElement::getText).toList())
                .isEqualTo(apiReasons.isEmpty() ? List.of("无") : apiReasons);
        // The basis is one click away, behind 查看详细依据.
        assertThat(browser.findElement(By.id("green-score")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("#details > summary")).click();
        assertThat(number(browser.findElement(By.id("green-score")).getText())).isEqualTo(rating.at("/green/score").asDouble());
        assertThat(browser.findElements(By.cssSelector("#criteria tbody tr"))).hasSize(rating.at("/explanation/ruleHits").size());

        // The charts are drawn from the rating's numbers: contributions as points above or below the average firm, the base apart.
        WebElement scope2 = browser.findElement(By.cssSelector("#scope-chart .bar[data-key='scope2']"));
        double apiScope2 = rating.at("/carbon/scope2Kg").asDouble();
        assertThat(Double.parseDouble(scope2.getAttribute("data-value"))).isEqualTo(apiScope2);
        assertThat(number(scope2.findElement(By.className("bar-value")).getText())).isCloseTo(apiScope2, within(0.05));
        List<WebElement> points = browser.findElements(By.cssSelector("#contributions-chart .bar[data-key]"));
        assertThat(rating.at("/explanation/contributions/0/feature").asString()).isEqualTo("base");
        assertThat(points).hasSize(rating.at("/explanation/contributions").size() - 1);
        assertThat(Double.parseDouble(points.get(0).getAttribute("data-value")))
                .isEqualTo(rating.at("/explanation/contributions/1/points").asDouble());
        assertThat(browser.findElement(By.cssSelector("#contributions-chart figcaption")).getText())
                .startsWith("基础分 " + rating.at("/explanation/contributions/0/points").asInt() + " 分");
        String feature = rating.at("/explanation/contributions/1/feature").asString();
        assertThat(points.get(0).findElement(By.className("bar-label")).getText())
                .isEqualTo(anonymous.get("/api/v1/vocabulary").json().at("/features/" + feature + "/zh").asString());
        assertThat(browser.findElements(By.cssSelector("#trend-chart circle.point"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#contributions-chart .tick"))).hasSizeGreaterThanOrEqualTo(2);

        // Each behaviour with what it rests on, and the what-if changes the sandbox confirmed, as the API gives them.
        assertThat(browser.findElement(By.id("green-path")).getAttribute("data-path")).isEqualTo(rating.at("/green/path").asString());
        assertThat(rating.at("/green/behaviours").size()).isPositive();
        assertThat(browser.findElements(By.cssSelector("#behaviours tbody tr"))).hasSize(rating.at("/green/behaviours").size());
        JsonNode simulation = smeA.postJson("/api/v1/ratings:simulate?against=" + ratingId, request.toString()).json();
        assertThat(browser.findElements(By.cssSelector("#what-if li[data-lever]")).stream().map(e -> e.getAttribute("data-lever")).toList())
                .isEqualTo(simulation.get("whatIf").valueStream().map(w -> w.get("lever").asString()).toList());
        screenshot("sme-result");

        browser.findElement(By.id("contest")).click();
        new Select(shown("appeal-field")).selectByValue("sme.sizeClass");
        browser.findElement(By.id("appeal-claim")).sendKeys("我们有 40 名员工，应为小型企业 / we have 40 employees");
        browser.findElement(By.id("appeal-evidence")).sendKeys("社保缴纳名单 2025-11");
        browser.findElement(By.id("appeal-submit")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("appeal-status"), "data-status", "OPEN"));
        // The contested input in words, not its path.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("appeals"), "企业规模"));
        assertThat(browser.findElement(By.id("appeals")).getText()).doesNotContain("sme.sizeClass");
        WebElement status = browser.findElement(By.cssSelector("#appeals .appeal-status"));
        assertThat(status.getAttribute("data-status")).isEqualTo("OPEN");
        assertThat(status.getText()).isEqualTo("处理中");
        screenshot("sme-appeal");
    }

    @Test
    void aFarmSeesEachPlotsOutlineAndNdviCurveWithTheDetectedCrop() {
        RatingRequest farm = java.util.stream.LongStream.range(0, 300).mapToObj(engine.syntheticRequests(11)::get)
                .filter(RatingRequest::hasPlots).findFirst().orElseThrow();
        Sme mine = new Sme(SME_A, farm.sme().name(), farm.sme().regionCode(), farm.sme().industryCode(), farm.sme().sizeClass(),
                farm.sme().foundedOn());
        String body = GreenCreditJson.mapper().writeValueAsString(new RatingRequest(mine, farm.carbonAccount(), farm.greenBehaviours(),
                farm.credit(), farm.plots(), farm.loanRequest()));
        signIn("sme-a");
        shown("rate");
        browser.findElement(By.cssSelector("#advanced > summary")).click();
        WebElement textarea = shown("request-json");
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", textarea, body);
        browser.findElement(By.id("rate")).click();
        shown("plots");
        String ratingId = browser.findElement(By.id("rating-view")).getAttribute("data-rating-id");
        JsonNode plot = officer.get("/api/v1/ratings/" + ratingId).json().at("/crop/plots/0");
        String plotId = plot.get("plotId").asString();
        String cropName = anonymous.get("/api/v1/vocabulary").json().at("/crops/" + plot.get("crop").asString() + "/zh").asString();
        assertThat(browser.findElement(By.id("crop-" + plotId)).getText()).isEqualTo(cropName);
        assertThat(browser.findElements(By.cssSelector("#outline-" + plotId + " polygon.plot-polygon"))).hasSize(1);
        long clear = farm.plots().get(0).ndvi().stream().filter(o -> o.clearSky()).count();
        assertThat(browser.findElements(By.cssSelector("#ndvi-" + plotId + " circle.point"))).hasSize((int) clear);
        assertThat(browser.findElement(By.id("ndvi-" + plotId)).getAttribute("data-stage")).isEqualTo(plot.get("growthStage").asString());
        assertThat(browser.findElement(By.cssSelector("#ndvi-" + plotId + " figcaption")).getText()).contains(cropName);
        // The stage found is marked on the curve; the outline has a scale in metres; the probability is a percentage.
        assertThat(browser.findElements(By.cssSelector("#ndvi-" + plotId + " line.marker"))).hasSize(plot.hasNonNull("stageDate") ? 1 : 0);
        assertThat(browser.findElement(By.cssSelector("#outline-" + plotId + " line.scale-bar")).getAttribute("data-metres")).matches("[125]0*");
        assertThat(browser.findElement(By.id("probability-" + plotId)).getText())
                .isEqualTo(Math.round(plot.get("probability").asDouble() * 100) + "%");
        screenshot("farm-plots");
    }

    /** Four eyes on the console: the officer who asked for an override sees it waiting for another, with nothing to approve. */
    @Test
    void anOverrideWaitingForASecondOfficerOffersNoApprovalToItsRequester() {
        String id = api.postJson("/api/v1/ratings", AccessApiTest.requestFor("91330800WEBUI00002")).json().get("id").asString();
        // Above greencredit.override.four-eyes-above-cny (300,000 in the shipped settings): waits for a second officer.
        ApiClient.Reply requested = officer.postJson("/api/v1/ratings/" + id + "/overrides",
                "{\"limitCny\": 500000, \"reason\": \"site visit: turnover confirmed by bank statements\"}");
        assertThat(requested.json().get("status").asString()).isEqualTo("PENDING_SECOND_APPROVAL");
        String override = requested.json().get("id").asString();
        By item = By.cssSelector("li[data-override='" + override + "']");

        signIn("officer");
        WebElement own = wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        assertThat(own.findElements(By.className("approve"))).isEmpty();
        assertThat(own.findElement(By.className("awaiting-other")).getText()).isNotBlank();

        freshPage();
        signIn("officer2");
        WebElement other = wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        assertThat(other.findElements(By.className("approve"))).hasSize(1);
        assertThat(other.findElements(By.className("awaiting-other"))).isEmpty();
    }

    @Test
    void anOfficerOverridesAReferralWithAReason() {
        String id = api.postJson("/api/v1/ratings", AccessApiTest.requestFor("91330800WEBUI00001")).json().get("id").asString();
        signIn("officer");
        WebElement open = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.open-rating[data-id='" + id + "']")));
        screenshot("officer-queue");
        open.click();
        shown("override-form");
        assertThat(browser.findElement(By.id("rating-view")).getAttribute("data-rating-id")).isEqualTo(id);
        // A firm without a carbon account or credit data: what was not assessed is listed; the firm's next step is not the
        // officer's, so no primary action here.
        assertThat(browser.findElement(By.id("missing-data")).getText()).startsWith("以下内容未能评估");
        assertThat(browser.findElements(By.id("primary-action"))).isEmpty();
        // The queue line names the firm, its PD as a percentage and how long it has waited.
        WebElement line = browser.findElement(By.cssSelector("#queue tr[data-id='" + id + "']"));
        assertThat(line.getText()).contains("测试企业", "91330800WEBUI00001", "%");
        new Select(browser.findElement(By.id("override-outcome"))).selectByValue("APPROVE");
        browser.findElement(By.id("override-limit")).sendKeys("50000");
        browser.findElement(By.id("override-reason")).sendKeys("实地核查了纳税记录 verified the tax records on site");
        browser.findElement(By.id("override-submit")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("override-status"), "data-status", "APPLIED"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.open-rating[data-id='" + id + "']")));
        screenshot("officer-override");
        JsonNode overrides = officer.get("/api/v1/ratings/" + id + "/overrides").json();
        assertThat(overrides.get(0).get("reason").asString()).contains("verified the tax records");
        assertThat(overrides.get(0).get("limitCny").asDouble()).isEqualTo(50_000.0);
    }

    /**
     * SME B rates itself and contests a field; an officer signs in and opens the appeal from the list, beside its rating.
     * Returns the appeal's id; the list line must name the field in words.
     */
    private String appealOpenedByAnOfficer(String field, String claim, String fieldInWords) {
        String ratingId = smeB.postJson("/api/v1/ratings", AccessApiTest.requestFor(SME_B)).json().get("id").asString();
        String appealId = smeB.postJson("/api/v1/ratings/" + ratingId + "/appeals",
                "{\"field\": \"" + field + "\", \"claim\": \"" + claim + "\"}").json().get("id").asString();
        signIn("officer");
        WebElement appeal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#open-appeals [data-appeal='" + appealId + "']")));
        assertThat(appeal.getText()).contains(fieldInWords).doesNotContain(field);
        appeal.findElement(By.className("open-appeal")).click();
        shown("appeal-answer-form");
        return appealId;
    }

    @Test
    void anOfficerAnswersAnAppealAndTheSmeReadsTheAnswer() {
        String appealId = appealOpenedByAnOfficer("green.colour", "we installed solar panels last year", "绿色评级 · 颜色");
        WebElement form = browser.findElement(By.id("appeal-answer-form"));
        form.findElement(By.className("appeal-answer")).sendKeys("请补充电费单据后重新申请 / send your electricity bills and apply again");
        form.findElement(By.className("appeal-resolve")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-appeal='" + appealId + "']")));
        screenshot("officer-appeal");
        JsonNode answered = smeB.get("/api/v1/appeals/" + appealId).json();
        assertThat(answered.get("status").asString()).isEqualTo("REJECTED");
        assertThat(answered.get("answer").asString()).contains("electricity bills");
        assertThat(answered.get("resolvedBy").asString()).isEqualTo("officer");
    }

    @Test
    void theLanguageSwitchTurnsThePagesFromChineseToEnglish() {
        browser.get("http://localhost:" + port + "/app/#/filing");
        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#filing h2")));
        assertThat(heading.getText()).startsWith("算法备案");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        screenshot("filing-zh");

        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#filing h2"), "Algorithm filing"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("lang-switch")).getText()).isEqualTo("中文");
        assertThat(browser.findElements(By.cssSelector("#filing-rules tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#fairness-region tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.id("filing-fairness")).getText()).contains("Fairness: decisions by group", "less-developed");
        assertThat(browser.findElement(By.id("filing-appeal-feedback")).getText()).contains("Appeal feedback", "Outcome changes");
        screenshot("filing-en");

        browser.get("http://localhost:" + port + "/app/#/login");
        assertThat(shown("sign-in").getText()).isEqualTo("Sign in");
    }

    @Test
    void onAPhoneTheKeyboardAloneSignsInAndNothingSpillsSideways() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            WebElement user = shown("username");
            assertThat(browser.switchTo().activeElement()).isEqualTo(user);
            user.sendKeys("sme-a", org.openqa.selenium.Keys.TAB);
            WebElement password = browser.switchTo().activeElement();
            assertThat(password.getAttribute("id")).isEqualTo("password");
            password.sendKeys(PASSWORD);
            password.sendKeys(org.openqa.selenium.Keys.ENTER);
            shown("rate");
            browser.findElement(By.id("rate")).sendKeys(org.openqa.selenium.Keys.ENTER);
            shown("badge");
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            assertThat(browser.findElements(By.cssSelector("label[for]"))).allSatisfy(label ->
                    assertThat(browser.findElements(By.id(label.getAttribute("for")))).hasSize(1));
            screenshot("phone-result");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1800));
        }
    }

    /** Latin upper-case codes (PD_REVIEW_BAND, PACKAGING), rule-id shapes (G-CO-YEL), camelCase names and request paths. */
    private static final Pattern CODE = Pattern.compile(
            "\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b[A-Z]{4,}\\b|\\b[A-Z]-[A-Z]{2,}(-[A-Z0-9]+)*\\b|\\b[a-z]+[A-Z][A-Za-z]*\\b|\\b[a-z]+\\.[a-z]+[A-Za-z]*\\b");
    /** Acronyms a Chinese reader meets as they are (file formats, metrics, cited bodies and standards). */
    private static final Set<String> ACRONYMS = Set.of("NDVI", "JSON", "AUC", "CSV", "UTF", "GBK", "PSI", "IPCC", "NAICS", "ISO", "GreenCredit", "Brier");

    /**
     * What a Chinese page shows that is not Chinese: every code-like word in the rendered text of main, all disclosures
     * opened; left out are identifiers shown as such (code elements: rule ids and versions, beside their words).
     */
    private List<String> untranslatedCodes() {
        String text = (String) ((JavascriptExecutor) browser).executeScript("""
                const closed = [...document.querySelectorAll('details:not([open])')];
                closed.forEach(d => d.open = true);
                const copy = document.body.cloneNode(true);
                copy.querySelectorAll("code, script, textarea, option:not(:checked)").forEach(n => n.remove());
                document.body.append(copy);
                const seen = copy.innerText;
                copy.remove();
                closed.forEach(d => d.open = false);
                return seen;""");
        List<String> codes = new java.util.ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            if (!ACRONYMS.contains(m.group())) {
                int from = Math.max(0, m.start() - 30);
                codes.add(m.group() + " in «" + text.substring(from, Math.min(text.length(), m.end() + 30)).replace('\n', ' ') + "»");
            }
        }
        return codes;
    }

    private void useLanguage(String lang) {
        ((JavascriptExecutor) browser).executeScript("localStorage.setItem('gc-lang', arguments[0])", lang);
        browser.navigate().refresh();
    }

    /**
     * Each page, in each language and at a desk's and a phone's width: drawn without sideways spill, every code in
     * words on the Chinese pages, and a screenshot of each for review. Also the empty states a new firm and an empty
     * search meet.
     */
    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"zh, 1400", "zh, 390", "en, 1400", "en, 390"})
    void everyPageReadsInItsLanguageAtBothWidths(String lang, int width) {
        String smeId = "91330800MA2BW" + lang.toUpperCase(java.util.Locale.ROOT) + width;
        String user = "sme-" + lang + width;
        accounts.putUser(user, PASSWORD, Role.SME, smeId);
        String referred = api.postJson("/api/v1/ratings", AccessApiTest.requestFor("91330800WEBUIP" + lang.toUpperCase(java.util.Locale.ROOT) + width))
                .json().get("id").asString();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, width < 600 ? 844 : 1000));
        String tag = lang + "-" + width;
        try {
            useLanguage(lang);
            shown("username");
            screenshot("login-" + tag);
            // The skip link is the first thing the keyboard reaches, shows itself when focused, and moves focus to the content.
            assertThat(((JavascriptExecutor) browser).executeScript("return document.querySelector("
                    + "'a[href], button:not(.hidden), input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').id")).isEqualTo("skip-link");
            WebElement skip = browser.findElement(By.id("skip-link"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", skip);
            assertThat(skip.getRect().getY()).isGreaterThanOrEqualTo(0);
            assertThat(skip.getText()).isEqualTo(lang.equals("zh") ? "跳到主要内容" : "Skip to main content");
            skip.sendKeys(org.openqa.selenium.Keys.ENTER);
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
            signIn(user);
            // A new firm: its history says so instead of an empty table.
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#history tr.empty"),
                    lang.equals("zh") ? "还没有评级" : "No rating yet"));
            screenshot("sme-form-" + tag);
            assertCodesInWords(lang, "sme form");
            // While the answer is on its way (each request held 1.5 s), Rate says so and cannot be pressed again.
            org.openqa.selenium.chromium.ChromiumNetworkConditions slow = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
            slow.setLatency(Duration.ofMillis(1500));
            browser.setNetworkConditions(slow);
            try {
                browser.findElement(By.id("rate")).click();
                WebElement busy = browser.findElement(By.id("rate"));
                assertThat(busy.isEnabled()).isFalse();
                assertThat(busy.getAttribute("aria-busy")).isEqualTo("true");
                assertThat(busy.getText()).isEqualTo(lang.equals("zh") ? "加载中…" : "Loading…");
            } finally {
                browser.deleteNetworkConditions();
            }
            shown("headline");
            shown("what-if-view");
            // The example firm is approved with a schedule: the one next step opens the basis at its repayment schedule.
            WebElement action = browser.findElement(By.id("primary-action"));
            assertThat(action.getAttribute("data-target")).isEqualTo("schedule-heading");
            action.click();
            assertThat(browser.findElement(By.id("schedule")).isDisplayed()).isTrue();
            ((JavascriptExecutor) browser).executeScript("document.getElementById('details').open = false");
            screenshot("sme-result-" + tag);
            assertCodesInWords(lang, "sme result");
            assertNoSidewaysSpill();
            assertBadgesReadAtAaContrast();
            // The smallest text of the charts: 11 px or more on any width.
            Number smallest = (Number) ((JavascriptExecutor) browser).executeScript("""
                    let min = 1e9;
                    document.querySelectorAll('figure text, figure .bar-label, figure .tick').forEach(n => {
                      const box = n.getBoundingClientRect();
                      if (box.height > 0) min = Math.min(min, n.tagName === 'text' ? box.height : parseFloat(getComputedStyle(n).fontSize));
                    });
                    return min;""");
            assertThat(smallest.doubleValue()).as("smallest chart text, px").isGreaterThanOrEqualTo(11.0);

            browser.findElement(By.id("sign-out")).click();
            signIn("officer");
            WebElement open = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.open-rating[data-id='" + referred + "']")));
            open.click();
            shown("override-form");
            screenshot("officer-" + tag);
            assertCodesInWords(lang, "officer console");
            assertNoSidewaysSpill();
            WebElement search = browser.findElement(By.id("filter-firm"));
            search.sendKeys("没有这家企业 no such firm");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#queue tr.empty"),
                    lang.equals("zh") ? "没有待审核的评级" : "Nothing waits for review"));

            browser.get("http://localhost:" + port + "/app/#/filing");
            shown("filing-identity");
            assertThat(browser.findElement(By.id("filing-number")).getText())
                    .isEqualTo(lang.equals("zh") ? "尚未填写（由部署本系统的银行提供）" : "not yet filled in (given by the bank that runs this service)");
            assertThat(browser.findElements(By.cssSelector("#filing-models .model-words"))).isNotEmpty();
            screenshot("filing-" + tag);
            assertCodesInWords(lang, "filing");
            assertNoSidewaysSpill();
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1800));
        }
    }

    private void assertCodesInWords(String lang, String page) {
        if (lang.equals("zh")) {
            assertThat(untranslatedCodes()).as("codes shown untranslated on the Chinese " + page).isEmpty();
        } else {
            // The English pages name codes in words too; the scan's patterns would flag ordinary English, so only the codes.
            assertThat(untranslatedCodes()).as("codes on the English " + page).noneMatch(c -> c.matches("^[A-Z][A-Z0-9]*_[A-Z0-9_]+ in .*"));
        }
    }

    /**
     * WCAG 2.1 AA: white text on each colour badge at 4.5:1 or more, by the relative luminance formula of WCAG
     * (sRGB channels linearised, L = 0.2126 R + 0.7152 G + 0.0722 B, ratio (L1 + 0.05) / (L2 + 0.05)).
     */
    private void assertBadgesReadAtAaContrast() {
        @SuppressWarnings("unchecked")
        List<String> backgrounds = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                return ['DEEP_GREEN', 'LIGHT_GREEN', 'YELLOW', 'RED'].map(c => {
                  const probe = document.createElement('span');
                  probe.className = 'badge ' + c;
                  document.body.append(probe);
                  const colour = getComputedStyle(probe).backgroundColor + ' on ' + getComputedStyle(probe).color;
                  probe.remove();
                  return colour;
                });""");
        assertThat(backgrounds).hasSize(4).allSatisfy(pair -> {
            String[] parts = pair.split(" on ");
            assertThat(contrast(parts[0], parts[1])).as(pair).isGreaterThanOrEqualTo(4.5);
        });
    }

    private static double contrast(String rgbA, String rgbB) {
        double a = luminance(rgbA), b = luminance(rgbB);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String rgb) {
        String[] c = rgb.replaceAll("[^0-9,]", "").split(",");
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(c[i]) / 255.0;
            lin[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    }

    private void assertNoSidewaysSpill() {
        // What sticks out, outside the tables' own scrolling boxes, named so that a failure says where to look.
        Object spilling = ((JavascriptExecutor) browser).executeScript("""
                const width = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')]
                  .filter(n => n.getBoundingClientRect().right > width + 1 && !n.closest('.table-wrap') && n.children.length === 0)
                  .slice(0, 5).map(n => n.tagName + '#' + n.id + '.' + n.className + ' «' + (n.textContent || '').slice(0, 40) + '»');""");
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("page wider than the window; sticking out: %s", spilling).isLessThanOrEqualTo(0);
    }

    /**
     * A state's journey in one language at one width, then its screenshot named after both (none when null: the journey
     * takes its own); the window is put back after.
     */
    private void shownAs(String lang, int width, String screenshot, Runnable journey) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, width < 600 ? 844 : 1000));
        try {
            useLanguage(lang);
            journey.run();
            if (screenshot != null) {
                screenshot(screenshot + "-" + lang + "-" + width);
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1800));
        }
    }

    /** A session that ended elsewhere: the next call lands on the sign-in page, which says why. */
    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"zh, 1400, 登录已过期，请重新登录。", "zh, 390, 登录已过期，请重新登录。",
            "en, 1400, Your session has expired; please sign in again.", "en, 390, Your session has expired; please sign in again."})
    void aSessionThatExpiredSendsBackToSignInSayingWhy(String lang, int width, String expected) {
        shownAs(lang, width, "session-expired", () -> sessionExpires(expected));
    }

    private void sessionExpires(String expected) {
        signIn("sme-a");
        shown("rate");
        String token = (String) ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('gc-session')");
        assertThat(anonymous.with("Authorization", "Bearer " + token).delete("/api/v1/sessions/current").status()).isEqualTo(204);
        browser.findElement(By.id("rate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), expected));
        assertThat(browser.getCurrentUrl()).endsWith("#/login");
    }

    /** Offline: a banner says so, and Rate answers in words instead of failing silently; back online the banner goes. */
    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"zh, 1400, 网络已断开", "zh, 390, 网络已断开", "en, 1400, You are offline", "en, 390, You are offline"})
    void offlineTheBannerShowsAndRateSaysWhy(String lang, int width, String expected) {
        shownAs(lang, width, null, () -> offline(expected, "sme-offline-" + lang + "-" + width));
    }

    private void offline(String expected, String screenshot) {
        signIn("sme-a");
        shown("rate");
        org.openqa.selenium.chromium.ChromiumNetworkConditions offline = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.setNetworkConditions(offline);
        try {
            WebElement banner = shown("offline");
            assertThat(banner.getText()).startsWith(expected);
            browser.findElement(By.id("rate")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rate-error"), expected));
            screenshot(screenshot);
        } finally {
            browser.deleteNetworkConditions();
        }
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("offline")));
    }

    /** A bad request's errors in the page's language by their code: the field named as a firm knows it, no JSON path. */
    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource(delimiter = '|', value = {"zh| 1400| 行政区划代码：不是可识别的代码或单位", "zh| 390| 行政区划代码：不是可识别的代码或单位",
            "en| 1400| Region code is not a known code or unit (unknown GB/T 2260 region code '990000': its province part '99' is not a province of China)",
            "en| 390| Region code is not a known code or unit (unknown GB/T 2260 region code '990000': its province part '99' is not a province of China)"})
    void errorsAreShownInWordsByTheirCode(String lang, int width, String expected) {
        shownAs(lang, width, "sme-error", () -> regionRefused(expected));
    }

    private void regionRefused(String expected) {
        signIn("sme-a");
        shown("rate");
        browser.findElement(By.id("quick-region")).clear();
        browser.findElement(By.id("quick-region")).sendKeys("990000");
        browser.findElement(By.id("rate")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rate-error")));
        wait.until(d -> !error.getText().isBlank());
        assertThat(error.getText()).isEqualTo(expected);
    }

    /** An officer corrects an appealed size class with a picker for that field, and the firm is rated again with it. */
    @Test
    void anOfficerCorrectsAnAppealWithAFormForTheContestedField() {
        String appealId = appealOpenedByAnOfficer("sme.sizeClass", "40 名员工，应为小型企业", "企业规模");
        new Select(browser.findElement(By.id("appeal-decision"))).selectByValue("CORRECTED");
        Select size = new Select(shown("appeal-corrected"));
        assertThat(size.getFirstSelectedOption().getAttribute("value")).isEqualTo("MICRO");
        size.selectByValue("SMALL");
        browser.findElement(By.id("appeal-answer")).sendKeys("社保名单核实 40 人");
        browser.findElement(By.cssSelector("#appeal-answer-form .appeal-resolve")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#open-appeals [data-appeal='" + appealId + "']")));
        screenshot("officer-appeal-corrected");
        JsonNode resolved = smeB.get("/api/v1/appeals/" + appealId).json();
        assertThat(resolved.get("status").asString()).isEqualTo("CORRECTED");
        JsonNode corrected = smeB.get("/api/v1/ratings/" + resolved.get("correctedRatingId").asString() + "/request").json();
        assertThat(corrected.at("/sme/sizeClass").asString()).isEqualTo("SMALL");
        assertThat(corrected.at("/sme/name").asString()).isEqualTo("测试企业");
    }

    /** The sheet as Excel on Chinese Windows saves it (GBK, no BOM), uploaded through the page's own button: the name kept. */
    @Test
    void aSheetSavedAsGbkUploadsThroughThePageAndKeepsTheFirmsName(@TempDir Path dir) throws IOException {
        String sheet = anonymous.get("/api/v1/templates/rating-request.csv").body().substring(1).replace("91330800MA2B000001", SME_A);
        Path file = dir.resolve("企业资料.csv");
        Files.write(file, sheet.getBytes(java.nio.charset.Charset.forName("GBK")));
        signIn("sme-a");
        shown("rate");
        assertThat(browser.findElement(By.cssSelector("label[for='upload-csv']")).getText()).isEqualTo("上传填好的表格（CSV）并评级");
        browser.findElement(By.id("upload-csv")).sendKeys(file.toAbsolutePath().toString());
        shown("headline");
        String ratingId = browser.findElement(By.id("rating-view")).getAttribute("data-rating-id");
        assertThat(smeA.get("/api/v1/ratings/" + ratingId + "/request").json().at("/sme/name").asString()).isEqualTo("衢州绿源食品有限公司");
    }
}
