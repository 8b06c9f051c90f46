package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.greencredit.core.rating.BehaviourAssessment;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.Evidence;
import org.greencredit.core.request.GreenBehaviours;
import org.greencredit.core.request.GreenPowerPurchase;
import org.greencredit.core.request.LoanRequest;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.junit.jupiter.api.Test;

/** Every change the what-if search shows, applied by hand and rated again, does what it says. */
class WhatIfSearchTest {
    private static final RatingEngine ENGINE = TestFirms.ENGINE;
    private static final Sme SHOP = new Sme("SHOP2", "便利店", "330802", "F5211", SizeClass.MICRO, LocalDate.of(2017, 5, 1));
    private static final CreditFeatures CREDIT = TestFirms.STEADY_CREDIT;
    private static final LoanRequest LOAN = TestFirms.LOAN_100K;

    @Test
    void aDeclaredMerchantOnePointShortOfLightGreenIsToldToUseRenewablePowerAndTheChangeHolds() {
        // Declared: e-invoices 4 + paperless 3 + green products 4 + equipment 4 = 15, one below light green's 16.
        RatingRequest request = new RatingRequest(SHOP, null, new GreenBehaviours(1.0, 0.8, 0.25, null, true, List.of()), CREDIT, null, LOAN);
        Rating base = ENGINE.rate(request);

        List<WhatIf> found = ENGINE.whatIf(request, base);

        // A declared renewable share of at least 10% adds 4 points (G-BD-4): 19, light green. 5% is not enough.
        assertThat(found).filteredOn(w -> w.lever().equals("renewableElectricityShare")).singleElement().satisfies(w -> {
            assertThat(w.from()).isNull();
            assertThat(w.to()).isEqualTo(0.10);
            assertThat(w.achieves()).contains("COLOUR");
            assertThat(w.colour()).isEqualTo("LIGHT_GREEN");
            assertThat(w.en()).isEqualTo("Raise the renewable electricity share from 0% to 10%");
        });
        RatingRequest applied = new RatingRequest(SHOP, null, new GreenBehaviours(1.0, 0.8, 0.25, 0.10, true, List.of()), CREDIT, null, LOAN);
        assertThat(ENGINE.rate(applied).green().colour().name()).isEqualTo("LIGHT_GREEN");
        // Nothing else this firm controls is below its cut-off: no other lever is shown.
        assertThat(found).extracting(WhatIf::lever).containsOnly("renewableElectricityShare");
    }

    @Test
    void usingLessEnergyKeepsTheFirmsGreenPowerShare() {
        // Half of every month's electricity certified green. Cutting the lines alone and dropping the green power (as the
        // search once did) rates a firm that lost its zero-carbon electricity; the change cuts both, so the share stays 50%.
        List<ActivityLine> lines = new ArrayList<>();
        List<GreenPowerPurchase> green = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            YearMonth month = YearMonth.of(2025, 1).plusMonths(m);
            double kwh = 20_000.0 + 700 * (m % 5);
            lines.add(new ActivityLine(month, Activity.ELECTRICITY, kwh, "kWh", null, null, Evidence.METER));
            lines.add(new ActivityLine(month, Activity.NATURAL_GAS, 3_000.0 + 90 * (m % 4), "m3", null, null, Evidence.INVOICE));
            green.add(new GreenPowerPurchase(month, kwh / 2, "GEC-" + m));
        }
        RatingRequest request = new RatingRequest(new Sme("GP2", "纸箱厂", "330802", "C2231", SizeClass.SMALL, LocalDate.of(2015, 1, 1)),
                new CarbonAccount(1_000_000.0, null, lines, List.of(), green), null, CREDIT, null, LOAN);
        Rating base = ENGINE.rate(request);

        List<WhatIf> energy = ENGINE.whatIf(request, base).stream().filter(w -> w.lever().equals("energyUse")).toList();

        assertThat(energy).isNotEmpty();
        for (WhatIf w : energy) {
            Rating again = ENGINE.rate(apply(request, w));
            assertThat(again.green().colour().name()).isEqualTo(w.colour());
            assertThat(again.green().behaviours()).filteredOn(b -> b.behaviour().equals("renewableElectricityShare"))
                    .singleElement().extracting(BehaviourAssessment::value).isEqualTo(0.5);
        }
    }

    @Test
    void lessDebtIsWordedInWholeYuan() {
        CreditFeatures indebted = new CreditFeatures(Collections.nCopies(12, 100_000.0), Collections.nCopies(12, 90_000.0), 300, 20_000.0,
                1_500_000.0, 0, 9.0);
        RatingRequest request = new RatingRequest(SHOP, null, null, indebted, null, LOAN);

        List<WhatIf> found = ENGINE.whatIf(request, ENGINE.rate(request));

        // Debt of 1.5 million against 1.2 million of yearly inflow is referred (P-OUT-8); cutting it to 1.2 million or less is not.
        assertThat(found).filteredOn(w -> w.lever().equals("existingDebt") && w.achieves().contains("APPROVAL")).singleElement()
                .satisfies(w -> {
                    assertThat(w.to()).isEqualTo(1_200_000.0);
                    assertThat(w.en()).isEqualTo("Reduce existing debt by 20% (to 1200000 CNY)");
                });
    }

    @Test
    void everyChangeShownForGeneratedFirmsReachesWhatItSaysWhenAppliedAgain() {
        int checked = 0;
        for (long i = 0; i < 12; i++) {
            RatingRequest request = ENGINE.syntheticRequests(9).get(i);
            Rating base = ENGINE.rate(request);
            for (WhatIf w : ENGINE.whatIf(request, base)) {
                Rating again = ENGINE.rate(apply(request, w));
                assertThat(again.decision().outcome().name()).isEqualTo(w.outcome());
                assertThat(again.decision().limitCny()).isEqualTo(w.limitCny());
                assertThat(again.green().colour().name()).isEqualTo(w.colour());
                assertThat(again.green().grade()).isEqualTo(w.greenGrade());
                assertThat(again.credit().grade()).isEqualTo(w.creditGrade());
                for (String goal : w.achieves()) {
                    assertThat(WhatIfSearch.reaches(WhatIfSearch.Goal.valueOf(goal), base, again)).as("%s reaches %s", w, goal).isTrue();
                }
                checked++;
            }
        }
        assertThat(checked).as("changes checked").isGreaterThan(5);
    }

    /** The change as a user would make it, written independently of the search. */
    private static RatingRequest apply(RatingRequest r, WhatIf w) {
        GreenBehaviours b = r.greenBehaviours() == null ? new GreenBehaviours(null, null, null, null, null, null) : r.greenBehaviours();
        return switch (w.lever()) {
            case "eInvoiceShare" -> withBehaviours(r, new GreenBehaviours(w.to(), b.paperlessReceiptShare(), b.greenProductShare(),
                    b.renewableElectricityShare(), b.energySavingEquipment(), b.certifications(), b.environmentalPenalties(), b.basis()));
            case "paperlessReceiptShare" -> withBehaviours(r, new GreenBehaviours(b.eInvoiceShare(), w.to(), b.greenProductShare(),
                    b.renewableElectricityShare(), b.energySavingEquipment(), b.certifications(), b.environmentalPenalties(), b.basis()));
            case "greenProductShare" -> withBehaviours(r, new GreenBehaviours(b.eInvoiceShare(), b.paperlessReceiptShare(), w.to(),
                    b.renewableElectricityShare(), b.energySavingEquipment(), b.certifications(), b.environmentalPenalties(), b.basis()));
            case "renewableElectricityShare" -> withBehaviours(r, new GreenBehaviours(b.eInvoiceShare(), b.paperlessReceiptShare(),
                    b.greenProductShare(), w.to(), b.energySavingEquipment(), b.certifications(), b.environmentalPenalties(), b.basis()));
            case "energySavingEquipment" -> withBehaviours(r, new GreenBehaviours(b.eInvoiceShare(), b.paperlessReceiptShare(),
                    b.greenProductShare(), b.renewableElectricityShare(), true, b.certifications(), b.environmentalPenalties(), b.basis()));
            case "energyUse" -> r.withCarbonAccount(new CarbonAccount(r.carbonAccount().revenueCny(), r.carbonAccount().valueAddedCny(),
                    r.carbonAccount().lines().stream().map(l -> l.activity().isSpendBased() || l.quantity() == null ? l
                            : new ActivityLine(l.month(), l.activity(), l.quantity() * w.to(), l.unit(), l.category(),
                            l.spendCny() == null ? null : l.spendCny() * w.to(), l.evidence())).toList(), r.carbonAccount().measures(),
                    r.carbonAccount().greenPower().stream().map(p -> new GreenPowerPurchase(p.month(), p.kwh() * w.to(), p.certificateId()))
                            .toList()));
            case "existingDebt" -> r.withCredit(new CreditFeatures(r.credit().monthlyInflowsCny(), r.credit().monthlyOutflowsCny(),
                    r.credit().invoicesIssued(), r.credit().taxPaidCny(), w.to(), r.credit().maxPastDueDays(), r.credit().yearsInBusiness()));
            default -> throw new AssertionError("unknown lever " + w.lever());
        };
    }

    private static RatingRequest withBehaviours(RatingRequest r, GreenBehaviours b) {
        return r.withGreenBehaviours(b);
    }
}
