package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.greencredit.engine.EngineInfo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public algorithm filing reflects the live rules and models. */
class FilingApiTest extends ApiTestSupport {
    @Test
    void theFilingListsEveryLiveRuleWithItsSourceAndEveryModelWithItsCard() {
        ApiClient.Reply reply = anonymous.get("/api/v1/algorithm-filing");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode filing = reply.json();

        List<String> live = engine.info().rules().stream().map(EngineInfo.Rule::id).toList();
        assertThat(filing.get("rules").valueStream().map(r -> r.get("id").asString()).toList()).isEqualTo(live)
                .contains("P-OUT-1", "G-EX-1").isSorted();
        assertThat(filing.get("rules").valueStream()).allSatisfy(r -> assertThat(r.get("source").asString()).isNotBlank());
        assertThat(filing.at("/versions/ruleset").asString()).isEqualTo(engine.versions().ruleset());

        List<String> models = filing.get("models").valueStream().map(m -> m.get("version").asString()).toList();
        assertThat(models).contains("scorecard-v1", "scorecard-thin-v1", "crop-xgb-v1", "yield-v1", "carbon-ocsvm-v1");
        assertThat(filing.get("models").valueStream()).allSatisfy(m -> assertThat(m.get("card").isObject()).isTrue());
        JsonNode champion = filing.get("models").valueStream().filter(m -> m.get("version").asString().equals("scorecard-v1")).findFirst()
                .orElseThrow();
        assertThat(champion.at("/metricsBySegment/segments/sizeClass/MICRO/auc").asDouble()).isBetween(0.5, 1.0);
        assertThat(filing.get("principles").size()).isGreaterThanOrEqualTo(5);
        // How to appeal in plain words for firms; the endpoints for integrators apart.
        assertThat(filing.at("/appeal/zh").asString()).contains("对此评级提出申诉").doesNotContain("/api/");
        assertThat(filing.at("/appealApi/en").asString()).contains("/api/v1/ratings/{id}/appeals");
        // Not filed yet in the shipped settings: the page says so rather than inventing a number.
        assertThat(filing.get("filingNumber").isNull()).isTrue();
        assertThat(filing.get("contact").isNull()).isTrue();

        // The shipped fairness report measured the rules, models and factors in force: any change to them must regenerate it
        // (./greencredit model fairness --count 10000 --seed 2 > engine/src/main/resources/engine/fairness-synthetic.json).
        JsonNode fairness = filing.get("fairness");
        assertThat(fairness.get("versions").asString()).isEqualTo("ruleset " + engine.versions().ruleset() + "; models "
                + engine.versions().models() + "; factors " + engine.versions().factors());
        assertThat(fairness.get("dimensions").valueStream().map(d -> d.get("dimension").asString()).toList())
                .containsExactly("region", "sizeClass", "thinFile", "farm");
        assertThat(fairness.get("dimensions").valueStream()).allSatisfy(d -> assertThat(d.get("groups").valueStream()
                .mapToInt(g -> g.get("firms").asInt()).sum()).isEqualTo(fairness.get("firms").asInt()));
    }

    @Test
    void theFilingReadsAsMarkdownToo() {
        ApiClient.Reply reply = anonymous.with("Accept", "text/markdown").get("/api/v1/algorithm-filing");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/markdown");
        EngineInfo.Rule anyRule = engine.info().rules().get(0);
        assertThat(reply.body()).contains("## 公平性：各组别的审批结果 Fairness: decisions by group", "| region | less-developed |");
        assertThat(reply.body()).contains("# 算法备案 Algorithm filing", "## 如何申诉 How to appeal", "| " + anyRule.id() + " |",
                "### yield-v1", "| sizeClass | MICRO |", "备案编号：—；联系方式：—", "对此评级提出申诉", "POST /api/v1/ratings/{id}/appeals");
    }
}
