package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.rating.BehaviourAssessment;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.rating.RuleHit;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.BehaviourBasis;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.Evidence;
import org.greencredit.core.request.GreenPowerPurchase;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.junit.jupiter.api.Test;

/** Certified green power lowers scope 2 (market-based) and the intensity, and evidences the renewable share. */
class GreenPowerRatingTest {
    private static final RatingEngine ENGINE = TestFirms.ENGINE;
    private static final Sme FACTORY = new Sme("GP1", "纸箱厂", "330802", "C2231", SizeClass.SMALL, LocalDate.of(2015, 1, 1));

    private static RatingRequest request(List<GreenPowerPurchase> green) {
        List<ActivityLine> lines = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            lines.add(new ActivityLine(YearMonth.of(2025, 1).plusMonths(m), Activity.ELECTRICITY, 20_000.0, "kWh", null, null, Evidence.METER));
        }
        return new RatingRequest(FACTORY, new CarbonAccount(8_000_000.0, null, lines, List.of(), green), null, null, null, null);
    }

    @Test
    void certificatesForThirtyPercentOfTheElectricityTakeThirtyPercentOffScope2AndEvidenceTheRenewableShare() {
        List<GreenPowerPurchase> green = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            green.add(new GreenPowerPurchase(YearMonth.of(2025, 1).plusMonths(m), 6_000.0, "GEC-2025-" + m));
        }
        Rating without = ENGINE.rate(request(List.of()));
        Rating with = ENGINE.rate(request(green));

        // Electricity only: scope 2 is the same; market-based is 70% of it (6,000 of 20,000 kWh each month), and so is the intensity.
        assertThat(with.carbon().scope2Kg()).isEqualTo(without.carbon().scope2Kg());
        assertThat(with.carbon().greenPowerKwh()).isEqualTo(72_000.0);
        assertThat(with.carbon().scope2MarketBasedKg()).isCloseTo(0.7 * with.carbon().scope2Kg(), within(0.01));
        assertThat(with.carbon().intensityKgPer10kCny()).isCloseTo(0.7 * without.carbon().intensityKgPer10kCny(), within(0.01));
        assertThat(with.green().behaviours()).contains(
                new BehaviourAssessment("renewableElectricityShare", 0.3, BehaviourBasis.EVIDENCED, "carbonAccount.greenPower", null, false));
        assertThat(with.explanation().ruleHits()).extracting(RuleHit::id).contains("G-BH-4");
        assertThat(without.explanation().ruleHits()).extracting(RuleHit::id).doesNotContain("G-BH-4", "G-BD-4");
    }

    @Test
    void greenPowerWithoutACertificateIsNeitherDeductedNorEvidence() {
        Rating r = ENGINE.rate(request(List.of(new GreenPowerPurchase(YearMonth.of(2025, 3), 6_000.0, null))));

        assertThat(r.carbon().greenPowerKwh()).isZero();
        assertThat(r.carbon().scope2MarketBasedKg()).isEqualTo(r.carbon().scope2Kg());
        assertThat(r.green().behaviours()).isEmpty();
    }
}
