package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What operators see: Prometheus metrics, and the versions in force in the audit log. */
class OperationsApiTest extends ApiTestSupport {
    private List<String> auditActions() {
        return admin.get("/api/v1/audit?limit=1000").json().valueStream().map(n -> n.get("action").asString()).toList();
    }

    @Test
    void ratingsOverridesAndLatencyAreOnThePrometheusEndpointForAdminsOnly() {
        api.postJson("/api/v1/ratings", AccessApiTest.requestFor("91330800METRIC0001"));
        ApiClient.Reply scrape = admin.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("greencredit_ratings_total{outcome=\"REFER\"}", "greencredit_rating_latency_seconds_bucket",
                "greencredit_rating_latency_seconds_count");
        assertThat(scrape.body()).doesNotContain("91330800METRIC0001");
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(smeA.get("/actuator/prometheus").status()).isEqualTo(403);
    }

    @Test
    void theVersionsInServiceAndEveryRulesetReloadAreAudited(@TempDir Path empty) {
        assertThat(auditActions()).contains("VERSIONS_IN_SERVICE");
        assertThat(engine.reloadRulesFrom(empty)).isFalse();
        List<String> after = auditActions();
        assertThat(after.get(after.size() - 1)).isEqualTo("RULESET_REJECTED");
        assertThat(admin.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }
}
