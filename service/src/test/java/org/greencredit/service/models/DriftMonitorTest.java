package org.greencredit.service.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.drift.DriftReport;
import org.greencredit.service.config.ModelRegistrySetting;
import org.junit.jupiter.api.Test;

/**
 * The champion's drift, counted rating by rating against the training population shipped with scorecard-v1 (ship-champion's
 * 50,000 synthetic firms, seed 1): firms drawn from that population are stable; firms carrying five times the debt are not.
 */
class DriftMonitorTest {
    private static final Clock NOW = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    private static final RatingEngine ENGINE = RatingEngine.standard(NOW);
    private static final int FIRMS = 2_000;

    private static RatingRequest withDebtTimes(RatingRequest r, double factor) {
        CreditFeatures c = r.credit();
        if (c == null || c.existingDebtCny() == null) {
            return r;
        }
        return new RatingRequest(r.sme(), r.carbonAccount(), r.greenBehaviours(), new CreditFeatures(c.monthlyInflowsCny(), c.monthlyOutflowsCny(),
                c.invoicesIssued(), c.taxPaidCny(), c.existingDebtCny() * factor, c.maxPastDueDays(), c.yearsInBusiness()), r.plots(),
                r.loanRequest(), r.invoices());
    }

    private static DriftMonitor.Month monitor(double debtFactor, SimpleMeterRegistry meters) {
        DriftMonitor monitor = new DriftMonitor(ENGINE, new ModelRegistrySetting(null), meters);
        SyntheticPopulation training = new SyntheticPopulation(1, YearMonth.of(2025, 12), 24, ReferenceData.shipped());
        for (int i = 0; i < FIRMS; i++) {
            monitor.stored(ENGINE.rate(withDebtTimes(training.generate(i).request(), debtFactor)));
        }
        DriftMonitor.Report report = monitor.report();
        assertThat(report.model()).isEqualTo("scorecard-v1");
        assertThat(report.reference()).isNotNull();
        assertThat(report.months()).hasSize(1);
        return report.months().get(0);
    }

    /**
     * Two thousand firms of the training population itself: with ten bins, sampling alone gives an index of about
     * (10 - 1) / 2,000 = 0.0045 per variable, far below the first watch level (0.1, drift_thresholds.csv).
     */
    @Test
    void firmsOfTheTrainingPopulationAreStable() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DriftMonitor.Month month = monitor(1, meters);
        assertThat(month.month()).isEqualTo(YearMonth.now(NOW).toString());
        assertThat(month.ratings()).isEqualTo(FIRMS);
        assertThat(month.variables()).extracting(DriftReport.VariableDrift::variable).contains("leverage", "maxPastDueDays", "(score)");
        assertThat(month.variables()).allSatisfy(v -> assertThat(v.psi()).as(v.variable()).isLessThan(0.1));
        assertThat(month.alerts()).isEmpty();
        assertThat(meters.get("greencredit.model.drift.alerts").tag("model", "scorecard-v1").gauge().value()).isZero();
    }

    @Test
    void firmsWithFiveTimesTheDebtRaiseTheLeverageAlert() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DriftMonitor.Month month = monitor(5, meters);
        assertThat(month.alerts()).contains("leverage");
        double leveragePsi = meters.get("greencredit.model.drift.psi").tag("model", "scorecard-v1").tag("variable", "leverage").gauge().value();
        assertThat(leveragePsi).isGreaterThanOrEqualTo(DriftReport.alert().from());
        assertThat(meters.get("greencredit.model.drift.alerts").tag("model", "scorecard-v1").gauge().value()).isGreaterThanOrEqualTo(1);
    }
}
