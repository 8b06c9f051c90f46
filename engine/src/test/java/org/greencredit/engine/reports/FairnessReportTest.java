package org.greencredit.engine.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.greencredit.datasets.reference.ReferenceData;
import org.junit.jupiter.api.Test;

class FairnessReportTest {
    private static FairnessReport.Rated firm(String region, Outcome outcome, double limit, int discount, double pd, Boolean defaulted) {
        return new FairnessReport.Rated(Map.of("region", region, "sizeClass", "SMALL", "thinFile", "full", "farm", "non-farm"), outcome, limit,
                discount, pd, defaulted);
    }

    @Test
    void ratesLimitsAndTheFourFifthsRatioMatchHandCounts() {
        List<FairnessReport.Rated> rated = new ArrayList<>();
        // More developed: 10 firms, 8 approved with limits 100,000 to 800,000 and discounts 10 to 80 bp, 1 referred, 1 declined.
        for (int i = 1; i <= 8; i++) {
            rated.add(firm("more-developed", Outcome.APPROVE, i * 100_000, i * 10, 0.02, null));
        }
        rated.add(firm("more-developed", Outcome.REFER, 0, 0, 0.05, null));
        rated.add(firm("more-developed", Outcome.DECLINE, 0, 0, 0.2, null));
        // Less developed: 10 firms, 5 approved at 200,000 and 20 bp, 5 referred.
        for (int i = 0; i < 5; i++) {
            rated.add(firm("less-developed", Outcome.APPROVE, 200_000, 20, 0.03, null));
            rated.add(firm("less-developed", Outcome.REFER, 0, 0, 0.06, null));
        }
        FairnessReport.Report report = FairnessReport.of(rated, ReferenceData.shipped(), "hand-made", "test");

        assertThat(report.firms()).isEqualTo(20);
        assertThat(report.approvalRatioBound()).isEqualTo(0.8);
        assertThat(report.approvalRatioSource()).contains("29 CFR 1607.4(D)");
        FairnessReport.Dimension region = report.dimensions().get(0);
        assertThat(region.dimension()).isEqualTo("region");
        FairnessReport.Group less = region.groups().get(0);
        FairnessReport.Group more = region.groups().get(1);
        assertThat(more.group()).isEqualTo("more-developed");
        assertThat(more.approvalRate()).isEqualTo(0.8);
        assertThat(more.referralRate()).isEqualTo(0.1);
        assertThat(more.declineRate()).isEqualTo(0.1);
        // (100 + 200 + ... + 800) thousand / 8 = 450,000; (10 + ... + 80) / 8 = 45 bp; mean PD (8 x 0.02 + 0.05 + 0.2) / 10 = 0.041.
        assertThat(more.meanLimitCnyApproved()).isEqualTo(450_000);
        assertThat(more.meanDiscountBpApproved()).isEqualTo(45);
        assertThat(more.meanPd()).isCloseTo(0.041, within(1e-12));
        assertThat(more.approvalRatio()).isEqualTo(1.0);
        assertThat(more.belowBound()).isFalse();
        // 0.5 / 0.8 = 0.625, below four fifths.
        assertThat(less.approvalRate()).isEqualTo(0.5);
        assertThat(less.approvalRatio()).isEqualTo(0.625);
        assertThat(less.belowBound()).isTrue();
        assertThat(less.observedDefaultRate()).isNull();
        assertThat(less.calibrated()).isNull();
        assertThat(report.findings()).containsExactly("region less-developed: approval rate 0.5000 is 0.6250 of the highest group's, below 0.8");
    }

    @Test
    void calibrationByGroupUsesTheBinomialInterval() {
        List<FairnessReport.Rated> rated = new ArrayList<>();
        // Two groups of 100 firms at PD 0.1: the interval is 0.1 +- 1.96 x sqrt(0.1 x 0.9 / 100) = 0.1 +- 0.0588.
        // 20 defaults (0.20) fall outside it, 14 (0.14) inside.
        for (int i = 0; i < 100; i++) {
            rated.add(firm("more-developed", Outcome.APPROVE, 1, 1, 0.1, i < 20));
            rated.add(firm("less-developed", Outcome.APPROVE, 1, 1, 0.1, i < 14));
        }
        FairnessReport.Report report = FairnessReport.of(rated, ReferenceData.shipped(), "hand-made", "test");
        FairnessReport.Dimension region = report.dimensions().get(0);
        assertThat(region.groups().get(1).observedDefaultRate()).isEqualTo(0.2);
        assertThat(region.groups().get(1).calibrated()).isFalse();
        assertThat(region.groups().get(0).observedDefaultRate()).isEqualTo(0.14);
        assertThat(region.groups().get(0).calibrated()).isTrue();
        // The other dimensions hold all 200 firms in one group: 34 defaults, 0.17, outside 0.1 +- 1.96 x sqrt(0.1 x 0.9 / 200) = 0.1 +- 0.0416.
        assertThat(report.findings()).containsExactly(
                "region more-developed: observed default rate 0.2000 against mean PD 0.1000 (100 firms with outcomes)",
                "sizeClass SMALL: observed default rate 0.1700 against mean PD 0.1000 (200 firms with outcomes)",
                "thinFile full: observed default rate 0.1700 against mean PD 0.1000 (200 firms with outcomes)",
                "farm non-farm: observed default rate 0.1700 against mean PD 0.1000 (200 firms with outcomes)");
    }

    @Test
    void groupsComeFromTheRequest() {
        Sme zhejiang = new Sme("ZJ1", "浙江某厂", "330800", "C1391", SizeClass.MICRO, LocalDate.of(2015, 1, 1));
        Sme gansu = new Sme("GS1", "甘肃某社", "620100", "A0111", SizeClass.SMALL, LocalDate.of(2018, 1, 1));
        assertThat(FairnessReport.groupsOf(new RatingRequest(zhejiang, null, null, null, null, null, null)))
                .containsExactly(Map.entry("region", "more-developed"), Map.entry("sizeClass", "MICRO"), Map.entry("thinFile", "thin"),
                        Map.entry("farm", "non-farm"));
        assertThat(FairnessReport.groupsOf(new RatingRequest(gansu, null, null, null, null, null, null)).get("region")).isEqualTo("less-developed");
    }
}
