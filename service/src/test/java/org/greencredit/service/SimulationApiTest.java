package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.InvoiceLedger;
import org.greencredit.core.request.InvoiceStatus;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.greencredit.datasets.io.GreenCreditJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/ratings:simulate rates what if, stores and audits nothing, and says what would change. */
class SimulationApiTest extends ApiTestSupport {
    private static final Sme FIRM = new Sme(SME_A, "测试企业", "330802", "F5211", SizeClass.MICRO, LocalDate.of(2018, 3, 1));

    private static String json(RatingRequest request) {
        return GreenCreditJson.mapper().writeValueAsString(request);
    }

    /** Two years of steady e-invoiced sales and purchases. */
    private static InvoiceLedger ledger() {
        List<Invoice> sales = new ArrayList<>();
        List<Invoice> purchases = new ArrayList<>();
        YearMonth first = YearMonth.of(2024, 1);
        for (int m = 0; m < 24; m++) {
            for (int k = 0; k < 4; k++) {
                sales.add(new Invoice("S" + m + k, first.plusMonths(m).atDay(5 + 5 * k), "C" + k, 25_000.0, 250.0, 25_250.0,
                        InvoiceStatus.VALID, "日用百货", null, true));
            }
            purchases.add(new Invoice("P" + m, first.plusMonths(m).atDay(3), "V1", 70_000.0, 700.0, 70_700.0, InvoiceStatus.VALID,
                    null, null, true));
        }
        return new InvoiceLedger(sales, purchases);
    }

    @Test
    void aSimulatedLedgerShowsWhatWouldChangeAndStoresAndAuditsNothing() {
        RatingRequest thin = new RatingRequest(FIRM, null, null, null, null, null);
        String stored = smeA.postJson("/api/v1/ratings", json(thin)).json().get("id").asString();
        JsonNode historyBefore = smeA.get("/api/v1/smes/" + SME_A + "/ratings").json();
        long entriesBefore = officer.get("/api/v1/audit/verify").json().get("entries").asLong();

        ApiClient.Reply reply = smeA.postJson("/api/v1/ratings:simulate?against=" + stored,
                json(new RatingRequest(FIRM, null, null, null, null, null, ledger())));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode simulation = reply.json();
        assertThat(simulation.get("rating").get("id").asString()).isEqualTo("simulation");
        assertThat(simulation.get("against").asString()).isEqualTo(stored);
        JsonNode changes = simulation.get("changes");
        assertThat(field(changes, "credit.modelVersion").get("before").asString()).isEqualTo("scorecard-v1");
        assertThat(field(changes, "credit.modelVersion").get("after").asString()).isEqualTo("scorecard-thin-v1");
        assertThat(field(changes, "decision.referralReasons").get("before").toString()).contains("THIN_FILE");
        assertThat(field(changes, "decision.referralReasons").get("after").toString()).doesNotContain("THIN_FILE");
        assertThat(smeA.get("/api/v1/smes/" + SME_A + "/ratings").json()).isEqualTo(historyBefore);
        JsonNode verify = officer.get("/api/v1/audit/verify").json();
        assertThat(verify.get("entries").asLong()).isEqualTo(entriesBefore);
        assertThat(verify.get("intact").asBoolean()).isTrue();
    }

    @Test
    void withoutAStoredRatingTheSimulationComesAloneWithNoChanges() {
        JsonNode simulation = api.postJson("/api/v1/ratings:simulate", json(new RatingRequest(FIRM, null, null, null, null, null)))
                .json();

        assertThat(simulation.get("rating").get("decision").get("referralReasons").toString()).contains("THIN_FILE");
        assertThat(simulation.get("against").isNull()).isTrue();
        assertThat(simulation.get("changes").size()).isZero();
        // The what-if changes themselves are checked one by one in WhatIfSearchTest.
        assertThat(simulation.get("whatIf").isArray()).isTrue();
    }

    @Test
    void anotherFirmsRequestOrRatingIsRefusedAndAComparisonAcrossFirmsNamesTheField() {
        String ofA = smeA.postJson("/api/v1/ratings", json(new RatingRequest(FIRM, null, null, null, null, null))).json().get("id").asString();
        Sme other = new Sme(SME_B, "另一家", "330802", "F5211", SizeClass.MICRO, null);

        assertThat(smeB.postJson("/api/v1/ratings:simulate", json(new RatingRequest(FIRM, null, null, null, null, null))).status())
                .isEqualTo(403);
        assertThat(smeB.postJson("/api/v1/ratings:simulate?against=" + ofA, json(new RatingRequest(other, null, null, null, null, null)))
                .status()).isEqualTo(404);
        ApiClient.Reply across = officer.postJson("/api/v1/ratings:simulate?against=" + ofA,
                json(new RatingRequest(other, null, null, null, null, null)));
        assertThat(across.status()).isEqualTo(400);
        assertThat(across.body()).contains("against").contains("rating " + ofA + " is of firm " + SME_A);
    }

    @Test
    void anInvalidRequestIsA400NamingTheField() {
        ApiClient.Reply reply = smeA.postJson("/api/v1/ratings:simulate", """
                {"sme": {"id": "%s", "name": "x", "regionCode": "330802", "industryCode": "F5211", "sizeClass": "MICRO"},
                 "invoices": {"sales": [{"number": "1", "issuedOn": "2024-01-02", "amountCny": 100, "taxCny": 13, "totalCny": 120,
                                         "status": "VALID"}]}}
                """.formatted(SME_A));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("invoices.sales[0].totalCny").contains("is 120.00, but amountCny 100.00 + taxCny 13.00 = 113.00");
    }

    private static JsonNode field(JsonNode changes, String name) {
        for (JsonNode change : changes) {
            if (change.get("field").asString().equals(name)) {
                return change;
            }
        }
        throw new AssertionError("no change of " + name + " in " + changes);
    }
}
