package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.rating.Contribution;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.rating.RuleHit;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.InvoiceLedger;
import org.greencredit.core.request.InvoiceStatus;
import org.greencredit.core.request.LoanPurpose;
import org.greencredit.core.request.LoanRequest;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** A firm without a credit section is scored on its e-invoice ledger instead of being referred for having no data. */
class ThinFileLedgerRatingTest {
    private static final RatingEngine ENGINE = TestFirms.ENGINE;
    private static final Sme SHOP = new Sme("THIN1", "小超市", "330802", "F5211", SizeClass.MICRO, LocalDate.of(2018, 3, 1));
    private static final LoanRequest LOAN = new LoanRequest(500_000.0, 12, LoanPurpose.WORKING_CAPITAL);
    private static final YearMonth FIRST = YearMonth.of(2024, 1);

    /** 24 months from January 2024: four e-invoiced sales of 25,000 a month to four customers, two purchases of 35,000. */
    static InvoiceLedger steadyLedger() {
        List<Invoice> sales = new ArrayList<>();
        List<Invoice> purchases = new ArrayList<>();
        for (int m = 0; m < 24; m++) {
            YearMonth month = FIRST.plusMonths(m);
            for (int k = 0; k < 4; k++) {
                sales.add(sale("S" + m + "-" + k, month.atDay(5 + 5 * k), "C" + k, 25_000, InvoiceStatus.VALID));
            }
            for (int k = 0; k < 2; k++) {
                purchases.add(new Invoice("P" + m + "-" + k, month.atDay(3 + 10 * k), "V" + k, 35_000.0, 350.0, 35_350.0,
                        InvoiceStatus.VALID, "食品饮料", null, true));
            }
        }
        return new InvoiceLedger(sales, purchases);
    }

    private static Invoice sale(String number, LocalDate date, String customer, double amount, InvoiceStatus status) {
        return new Invoice(number, date, customer, amount, amount / 100, amount + amount / 100, status, "日用百货", null, true);
    }

    private static RatingRequest thin(InvoiceLedger ledger) {
        return new RatingRequest(SHOP, null, null, null, null, LOAN, ledger);
    }

    @Test
    void withoutCreditDataOrLedgerTheFirmIsReferredAsAThinFile() {
        Rating r = ENGINE.rate(thin(null));

        assertThat(r.credit().modelVersion()).isEqualTo("scorecard-v1");
        assertThat(r.explanation().ruleHits()).extracting(RuleHit::id).contains("P-OUT-5");
        assertThat(r.decision().referralReasons()).contains("THIN_FILE");
    }

    @Test
    void anEmptyLedgerOrOneOfVoidInvoicesOnlyIsNoCreditDataEither() {
        InvoiceLedger voided = new InvoiceLedger(List.of(sale("V1", LocalDate.of(2025, 1, 5), "C1", 1_000, InvoiceStatus.VOID)), List.of());
        for (InvoiceLedger ledger : List.of(new InvoiceLedger(List.of(), List.of()), voided)) {
            Rating r = ENGINE.rate(thin(ledger));

            assertThat(r.credit().modelVersion()).isEqualTo("scorecard-v1");
            assertThat(r.decision().referralReasons()).contains("THIN_FILE");
        }
    }

    @Test
    void aLedgerReplacesTheMissingHistoryAndItsSalesSizeTheLimit() {
        Rating r = ENGINE.rate(thin(steadyLedger()));

        assertThat(r.credit().modelVersion()).isEqualTo("scorecard-thin-v1");
        assertThat(r.explanation().ruleHits()).extracting(RuleHit::id).doesNotContain("P-OUT-5", "P-OUT-7");
        assertThat(r.decision().referralReasons()).doesNotContain("THIN_FILE");
        // Sales of 100,000 a month before tax, every month the same: volatility 0; the limit is 3 months of them (P-LIM-2).
        assertThat(r.explanation().contributions()).filteredOn(c -> c.feature().equals("salesVolatility"))
                .singleElement().extracting(Contribution::value).isEqualTo(0.0);
        assertThat(r.explanation().ruleHits()).extracting(RuleHit::id).contains("P-LIM-2");
        assertThat(r.decision().limitCny()).isEqualTo(300_000.0);
        assertThat(r.explanation().versions().models()).contains("scorecard-thin-v1");
    }

    @Test
    void aLedgerShowingDistressScoresWorseThanASteadyOne() {
        List<Invoice> sales = new ArrayList<>();
        List<Invoice> steady = steadyLedger().sales();
        for (int i = 0; i < steady.size(); i++) {
            Invoice s = steady.get(i);
            int month = i / 4;
            if (month % 4 == 3) {
                continue; // one month in four without sales
            }
            if (i % 5 == 0) {
                sales.add(sale("X" + i, s.issuedOn(), s.counterpartyId(), s.amountCny(), InvoiceStatus.VOID));
            }
            sales.add(s);
            if (i % 6 == 0) {
                sales.add(sale("R" + i, s.issuedOn().plusDays(3), s.counterpartyId(), -s.amountCny() / 2, InvoiceStatus.VALID));
            }
        }
        Rating distressed = ENGINE.rate(thin(new InvoiceLedger(sales, steadyLedger().purchases())));
        Rating healthy = ENGINE.rate(thin(steadyLedger()));

        assertThat(distressed.credit().modelVersion()).isEqualTo("scorecard-thin-v1");
        assertThat(distressed.credit().pd()).isGreaterThan(healthy.credit().pd());
    }

    @Test
    void aFirmWithACreditSectionKeepsTheChampionEvenWithALedger() {
        RatingRequest withCredit = new RatingRequest(SHOP, null, null,
                new CreditFeatures(List.of(100_000.0, 100_000.0, 100_000.0), List.of(), null, null, null, 0,
                        8.0), null, LOAN, steadyLedger());

        assertThat(ENGINE.rate(withCredit).credit().modelVersion()).isEqualTo("scorecard-v1");
    }

    @Test
    void anInvoiceWhoseTotalIsNotItsAmountPlusTaxIsRefusedNamingIt() {
        List<Invoice> sales = new ArrayList<>(steadyLedger().sales());
        sales.set(3, new Invoice("BAD", LocalDate.of(2024, 1, 20), "C3", 100.0, 13.0, 120.0, InvoiceStatus.VALID, null, null, null));
        sales.set(5, new Invoice("NOTAX", LocalDate.of(2024, 2, 20), "C3", 100.0, null, 113.0, InvoiceStatus.VALID, null, null, null));

        assertThatThrownBy(() -> ENGINE.rate(thin(new InvoiceLedger(sales, List.of())))).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors()).containsExactly(
                        new FieldError("invoices.sales[3].totalCny", "is 120.00, but amountCny 100.00 + taxCny 13.00 = 113.00",
                                FieldError.INCONSISTENT),
                        new FieldError("invoices.sales[5].taxCny", "must not be null", FieldError.REQUIRED)));
    }
}
