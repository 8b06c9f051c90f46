package org.greencredit.engine.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.datasets.synthetic.Distortion;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.anomaly.CarbonPatternDetector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class DetectorReportTest {
    @Test
    @Tag("slow")
    void everyInjectedKindIsMostlyCaughtAndCleanAccountsAreRarelyFlagged() {
        DetectorReport.Result report = DetectorReport.measure(RatingEngine.standard(Clock.systemUTC()), 4_000, 13, 0.3);
        assertThat(report.kinds()).hasSize(Distortion.values().length);
        report.kinds().forEach((kind, k) -> {
            assertThat(k.injected()).as(kind).isPositive();
            assertThat(k.recallOfAnyFlag()).as(kind).isGreaterThanOrEqualTo(0.9);
        });
        assertThat(report.falseAlarmRate()).containsKey(CarbonPatternDetector.CODE);
        report.falseAlarmRate().forEach((check, rate) -> assertThat(rate).as(check).isLessThanOrEqualTo(0.02));
        int injected = report.kinds().values().stream().mapToInt(DetectorReport.Kind::injected).sum();
        assertThat(report.clean() + injected).isLessThanOrEqualTo(4_000);
    }

    @Test
    void ratesAreWrittenToFourDecimals() {
        DetectorReport.Result result = new DetectorReport.Result(10, 1, 0.3, 7, java.util.Map.of("SPIKE", new DetectorReport.Kind(3, 2.0 / 3, 0, 1)),
                java.util.Map.of("SPIKE", 1.0 / 7));
        assertThat(GreenCreditJson.mapper().writeValueAsString(result)).isEqualTo("{\"count\":10,\"seed\":1,\"distortionRate\":0.3,\"clean\":7,"
                + "\"kinds\":{\"SPIKE\":{\"injected\":3,\"recallOfItsCheck\":0.6667,\"recallOfPatternModel\":0.0000,\"recallOfAnyFlag\":1.0000}},"
                + "\"falseAlarmRate\":{\"SPIKE\":0.1429}}");
    }
}
