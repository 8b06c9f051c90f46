package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.rating.BehaviourAssessment;
import org.greencredit.core.rating.Colour;
import org.greencredit.core.rating.Contribution;
import org.greencredit.core.rating.GreenPath;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.rating.RuleHit;
import org.greencredit.core.request.BehaviourBasis;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.GreenBehaviours;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.InvoiceLedger;
import org.greencredit.core.request.InvoiceStatus;
import org.greencredit.core.request.LoanRequest;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.junit.jupiter.api.Test;

/**
 * A merchant without a carbon account is coloured by its behaviours: evidenced ones can make it deep green with a
 * discount; the same behaviours only declared cannot; a declaration its invoices contradict is referred.
 */
class MerchantPathRatingTest {
    private static final RatingEngine ENGINE = TestFirms.ENGINE;
    private static final Sme SHOP = new Sme("SHOP1", "绿色便利店", "330802", "F5211", SizeClass.MICRO, LocalDate.of(2017, 5, 1));
    /** A firm the champion scorecard approves. */
    private static final CreditFeatures CREDIT = TestFirms.STEADY_CREDIT;
    private static final LoanRequest LOAN = TestFirms.LOAN_100K;

    /**
     * 24 months of e-invoices: each month three sales of ordinary goods and one of LED bulbs, all of 25,000, so the ledger shows
     * an e-invoice share of 1.0 and a green share of sales of 0.25.
     */
    private static InvoiceLedger ledger(boolean electronic) {
        List<Invoice> sales = new ArrayList<>();
        for (int m = 0; m < 24; m++) {
            YearMonth month = YearMonth.of(2024, 1).plusMonths(m);
            for (int k = 0; k < 4; k++) {
                sales.add(new Invoice("S" + m + "-" + k, month.atDay(3 + 6 * k), "C" + k, 25_000.0, 250.0, 25_250.0, InvoiceStatus.VALID,
                        k == 0 ? "LED灯泡" : "日用百货", null, electronic || k == 0));
            }
        }
        return new InvoiceLedger(sales, List.of());
    }

    private static Rating rate(GreenBehaviours behaviours, InvoiceLedger ledger) {
        return ENGINE.rate(new RatingRequest(SHOP, null, behaviours, CREDIT, null, LOAN, ledger));
    }

    @Test
    void evidencedBehavioursMakeAMerchantWithoutACarbonAccountDeepGreenWithTheDiscount() {
        // The bank's pipeline evidenced paperless receipts (its QR payment data) and the equipment; the ledger shows the rest.
        GreenBehaviours fromPipeline = new GreenBehaviours(null, 0.8, null, null, true, List.of(), 0, BehaviourBasis.EVIDENCED);

        Rating r = rate(fromPipeline, ledger(true));

        assertThat(r.green().path()).isEqualTo(GreenPath.MERCHANT);
        // Evidenced: e-invoices 1.0 >= 0.8 (8), paperless 0.8 >= 0.7 (6), green share 0.25 >= 0.2 (8), equipment (8) = 30 >= 24.
        assertThat(r.green().score()).isEqualTo(30);
        assertThat(r.green().colour()).isEqualTo(Colour.DEEP_GREEN);
        assertThat(r.explanation().ruleHits()).extracting(RuleHit::id).contains("G-MP-0", "G-MC-DG", "G-CO-MER", "G-BH-1", "G-BH-3");
        assertThat(r.green().behaviours()).contains(
                new BehaviourAssessment("eInvoiceShare", 1.0, BehaviourBasis.EVIDENCED, "invoices", null, false),
                new BehaviourAssessment("greenProductShare", 0.25, BehaviourBasis.EVIDENCED, "invoices", null, false),
                new BehaviourAssessment("paperlessReceiptShare", 0.8, BehaviourBasis.EVIDENCED, "greenBehaviours", null, false));
        assertThat(r.decision().outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(r.decision().rateDiscountBp()).isEqualTo(50);
    }

    @Test
    void theSameBehavioursOnlyDeclaredCannotReachTheTopColour() {
        GreenBehaviours declared = new GreenBehaviours(1.0, 0.8, 0.25, null, true, List.of());

        Rating r = rate(declared, null);

        // Declared at half: 4 + 3 + 4 + 4 = 15, below the 16 of light green and with no evidenced points for deep green.
        assertThat(r.green().path()).isEqualTo(GreenPath.MERCHANT);
        assertThat(r.green().score()).isEqualTo(15);
        assertThat(r.green().colour()).isEqualTo(Colour.YELLOW);
        assertThat(r.green().behaviours()).allSatisfy(b -> assertThat(b.basis()).isEqualTo(BehaviourBasis.DECLARED));
        assertThat(r.decision().rateDiscountBp()).isZero();
    }

    @Test
    void aDeclarationTheInvoicesContradictIsCountedAtTheInvoicesFigureAndReferred() {
        // The firm declares 95% e-invoices; its ledger shows 25% (only the LED sales are electronic).
        GreenBehaviours declared = new GreenBehaviours(0.95, null, null, null, null, List.of());

        Rating r = rate(declared, ledger(false));

        assertThat(r.green().behaviours()).contains(
                new BehaviourAssessment("eInvoiceShare", 0.25, BehaviourBasis.EVIDENCED, "invoices", 0.95, true));
        assertThat(r.explanation().ruleHits()).extracting(RuleHit::id).contains("P-OUT-9").doesNotContain("G-BH-1", "G-BD-1");
        assertThat(r.decision().outcome()).isEqualTo(Outcome.REFER);
        assertThat(r.decision().referralReasons()).contains("BEHAVIOUR_CONTRADICTED");
    }

    /**
     * The credit scorecard reads the share the rating counted: scorecard-v1's eInvoiceShare bins give 6 points from 0.9262 and
     * -4 below 0.2901 (scorecard.csv), so the declared 95% earns 6 points alone and -4 against a ledger showing 25%.
     */
    @Test
    void aDeclarationTheInvoicesContradictEarnsNoCreditPointsEither() {
        GreenBehaviours declared = new GreenBehaviours(0.95, null, null, null, null, List.of());

        Contribution alone = eInvoiceContribution(rate(declared, null));
        Contribution againstLedger = eInvoiceContribution(rate(declared, ledger(false)));

        assertThat(alone.value()).isEqualTo(0.95);
        assertThat(alone.points()).isEqualTo(6);
        assertThat(againstLedger.value()).isEqualTo(0.25);
        assertThat(againstLedger.points()).isEqualTo(-4);
    }

    private static Contribution eInvoiceContribution(Rating r) {
        return r.explanation().contributions().stream().filter(c -> c.feature().equals("eInvoiceShare")).findFirst().orElseThrow();
    }

    @Test
    void aDeclarationWithinTheToleranceOfTheInvoicesIsNotContradicted() {
        // Declared 0.45 against 0.25 shown: 20 points above, not more.
        GreenBehaviours declared = new GreenBehaviours(0.45, null, null, null, null, List.of());

        Rating r = rate(declared, ledger(false));

        assertThat(r.green().behaviours()).contains(
                new BehaviourAssessment("eInvoiceShare", 0.25, BehaviourBasis.EVIDENCED, "invoices", 0.45, false));
        assertThat(r.explanation().ruleHits()).extracting(RuleHit::id).doesNotContain("P-OUT-9");
    }

    @Test
    void aFirmWithACarbonAccountTakesTheCarbonAccountPath() {
        Rating r = ENGINE.rate(ENGINE.syntheticRequests(3).get(0));

        assertThat(r.green().path()).isEqualTo(GreenPath.CARBON_ACCOUNT);
    }
}
