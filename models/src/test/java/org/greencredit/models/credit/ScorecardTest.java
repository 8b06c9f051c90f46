package org.greencredit.models.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.greencredit.core.rating.Contribution;
import org.greencredit.core.rating.Counterfactual;
import org.junit.jupiter.api.Test;

class ScorecardTest {
    private static final Scorecard CARD = Scorecard.shipped("scorecard-v0");

    private static Map<String, Double> applicant(Double leverage, Double pastDue, Double volatility, Double growth, Double years,
                                                 Double tax, Double eInvoice) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("leverage", leverage);
        f.put("maxPastDueDays", pastDue);
        f.put("inflowVolatility", volatility);
        f.put("inflowGrowth", growth);
        f.put("yearsInBusiness", years);
        f.put("taxToInflow", tax);
        f.put("eInvoiceShare", eInvoice);
        return f;
    }

    @Test
    void theScoreIsTheInterceptPlusTheContributionsExactly() {
        ScorecardResult r = CARD.score(applicant(0.3, 0.0, 0.15, 0.05, 7.0, 0.01, 0.9));
        // 565 + 8 (leverage 0.2-0.5) + 15 (never late) + 3 (cv 0.1-0.2) + 3 (growth 0-0.1) + 5 (5-10 years) + 0 (tax) + 8 (e-invoices)
        assertThat(r.score()).isEqualTo(607);
        assertThat(r.interceptPoints() + r.contributions().stream().mapToDouble(Contribution::points).sum()).isEqualTo(607.0);
        assertThat(r.missingFeatures()).isEmpty();
    }

    @Test
    void probabilityOfDefaultFollowsThePointsScaling() {
        // 600 points at 50:1 good:bad odds, 20 points double the odds.
        assertThat(CARD.pdOf(600)).isCloseTo(1.0 / 51, within(1e-12));
        assertThat(CARD.pdOf(620)).isCloseTo(1.0 / 101, within(1e-12));
        assertThat(CARD.pdOf(580)).isCloseTo(1.0 / 26, within(1e-12));
    }

    @Test
    void missingFeaturesFallInTheirMissingBinAndAreListed() {
        Map<String, Double> none = new HashMap<>();
        ScorecardResult r = CARD.score(none);
        // 565 - 10 - 10 - 10 - 5 - 10 - 5 + 0
        assertThat(r.score()).isEqualTo(515);
        assertThat(r.missingFeatures()).hasSize(7);
        assertThat(r.contributions()).allMatch(c -> c.value() == null);
    }

    @Test
    void gradesFollowThePdBands() {
        assertThat(CARD.gradeOf(0.004)).isEqualTo("AAA");
        assertThat(CARD.gradeOf(0.005)).isEqualTo("AAA");
        assertThat(CARD.gradeOf(0.0051)).isEqualTo("AA");
        assertThat(CARD.gradeOf(0.12)).isEqualTo("B");
        assertThat(CARD.gradeOf(0.9)).isEqualTo("CC");
    }

    @Test
    void counterfactualsNameTheSmallestActionableChangeThatLiftsTheGrade() {
        ScorecardResult r = CARD.score(applicant(1.5, 0.0, 0.15, 0.05, 7.0, 0.01, 0.9));
        // score 607 - 8 - 30 = 569, PD = 1/(1+exp((569-487.13)/28.85)) ~ 5.5% -> BB
        assertThat(r.grade()).isEqualTo("BB");
        var counterfactuals = new CreditCounterfactuals(CARD).find(r);
        assertThat(counterfactuals).isNotEmpty();
        Counterfactual first = counterfactuals.get(0);
        // Leverage from 1.5 to below 1 (the next bin, -10) gives 589 -> PD 2.8% -> BBB.
        assertThat(first.feature()).isEqualTo("leverage");
        assertThat(first.current()).isEqualTo(1.5);
        assertThat(first.target()).isEqualTo(1.0);
        assertThat(first.en()).contains("from BB to BBB");
        assertThat(counterfactuals).extracting(Counterfactual::feature).doesNotContain("maxPastDueDays", "yearsInBusiness");
    }
}
