package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Only the bank marks behaviours evidenced; an SME's own are declared, and the rating says which each was. */
class BehaviourBasisApiTest extends ApiTestSupport {
    private static String request(String basis) {
        return """
                {"sme": {"id": "%s", "name": "测试企业", "regionCode": "330802", "industryCode": "F5211", "sizeClass": "MICRO"},
                 "greenBehaviours": {"eInvoiceShare": 0.9, "paperlessReceiptShare": 0.8, "energySavingEquipment": true%s}}
                """.formatted(SME_A, basis == null ? "" : ", \"basis\": \"" + basis + "\"");
    }

    @Test
    void anSmeMarkingItsOwnBehavioursEvidencedIsRefusedNamingTheField() {
        ApiClient.Reply reply = smeA.postJson("/api/v1/ratings", request("EVIDENCED"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("greenBehaviours.basis");
        assertThat(smeA.postJson("/api/v1/ratings:simulate", request("EVIDENCED")).status()).isEqualTo(400);
    }

    @Test
    void anSmesDeclaredBehavioursCountAtHalfAndThePipelinesEvidencedOnesInFull() {
        JsonNode declared = smeA.postJson("/api/v1/ratings", request(null)).json().get("green");
        JsonNode evidenced = api.postJson("/api/v1/ratings", request("EVIDENCED")).json().get("green");

        // No carbon account: the merchant path. Declared 4 + 3 + 4 = 11; evidenced 8 + 6 + 8 = 22.
        assertThat(declared.get("path").asString()).isEqualTo("MERCHANT");
        assertThat(declared.get("score").asInt()).isEqualTo(11);
        assertThat(declared.get("behaviours").get(0).get("basis").asString()).isEqualTo("DECLARED");
        assertThat(evidenced.get("score").asInt()).isEqualTo(22);
        assertThat(evidenced.get("behaviours").get(0).get("basis").asString()).isEqualTo("EVIDENCED");
        // 22 points: light green (16 or more), not deep green (24).
        assertThat(evidenced.get("colour").asString()).isEqualTo("LIGHT_GREEN");
        assertThat(declared.get("colour").asString()).isEqualTo("YELLOW");
    }
}
