package org.greencredit.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.InvoiceStatus;
import org.junit.jupiter.api.Test;

/** Every feature of a small ledger against values worked out by hand (in the comments). */
class LedgerFeaturesTest {
    private static final GreenCatalogue LED_AND_RECYCLED = (item, code) ->
            item != null && (item.contains("LED") || item.contains("再生")) ? "1" : null;
    private static final YearMonth JUNE = YearMonth.of(2024, 6);

    private static Invoice invoice(String number, String date, String counterparty, double amount, double tax, InvoiceStatus status,
                                   String item, Boolean electronic) {
        return new Invoice(number, LocalDate.parse(date), counterparty, amount, tax, amount + tax, status, item, null, electronic);
    }

    private static Invoice valid(String number, String date, String counterparty, double amount, double tax) {
        return invoice(number, date, counterparty, amount, tax, InvoiceStatus.VALID, null, null);
    }

    static final List<Invoice> SALES = List.of(
            valid("S1", "2024-01-10", "A", 1000, 130),
            valid("S2", "2024-01-20", "B", 500, 65),
            invoice("S3", "2024-02-15", "A", 1000, 130, InvoiceStatus.VOID, null, null),
            valid("S4", "2024-03-05", "A", 2000, 260),
            valid("S5", "2024-03-25", "A", -200, -26),
            invoice("S6", "2024-05-10", "C", 1500, 195, InvoiceStatus.VALID, "LED灯", true),
            invoice("S7", "2024-06-30", "B", 700, 91, InvoiceStatus.VALID, "办公用品", false),
            valid("S8", "2024-07-02", "B", 999, 129.87));
    static final List<Invoice> PURCHASES = List.of(
            valid("P1", "2024-01-05", "X", 600, 78),
            valid("P2", "2024-03-01", "X", 900, 117),
            invoice("P3", "2024-04-01", "Y", 300, 39, InvoiceStatus.VOID, null, null),
            invoice("P4", "2024-05-01", "Y", 400, 52, InvoiceStatus.VALID, "再生纸", null));

    @Test
    void aSixMonthLedgerGivesTheHandComputedFeatures() {
        Map<String, Double> f = LedgerFeatures.compute(SALES, PURCHASES, JUNE, LED_AND_RECYCLED);

        assertThat(f.keySet()).containsExactlyElementsOf(LedgerFeatures.NAMES);
        // January (first valid invoice) to June; S8 in July is after the as-of month.
        assertThat(f.get("ledgerMonths")).isEqualTo(6.0);
        // Monthly net sales: Jan 1500, Feb 0 (S3 void), Mar 2000-200 = 1800, Apr 0, May 1500, Jun 700; sum 5500.
        assertThat(f.get("salesMonthlyMeanCny")).isCloseTo(5500.0 / 6, within(1e-9));
        // Squared deviations from 916.67 sum to 3,188,333.33; /6, square root = 728.97; / 916.67.
        assertThat(f.get("salesVolatility")).isCloseTo(Math.sqrt(3_188_333.3333333 / 6) / (5500.0 / 6), within(1e-9));
        assertThat(f.get("salesGrowth")).isNull();
        assertThat(f.get("salesTrend")).isNull();
        // Purchases valid: 600 + 900 + 400 = 1900 (P3 void).
        assertThat(f.get("grossMarginProxy")).isCloseTo((5500.0 - 1900.0) / 5500.0, within(1e-12));
        assertThat(f.get("salesVoidRate")).isCloseTo(1.0 / 7, within(1e-12));
        assertThat(f.get("purchaseVoidRate")).isCloseTo(1.0 / 4, within(1e-12));
        // Six valid sales (S1, S2, S4, S5, S6, S7), one red-letter.
        assertThat(f.get("redLetterRate")).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(f.get("redLetterAmountShare")).isCloseTo(200.0 / 5700.0, within(1e-12));
        // Net by buyer: A 2800, B 1200, C 1500 of 5500.
        assertThat(f.get("customerHhi")).isCloseTo(sq(2800 / 5500.0) + sq(1200 / 5500.0) + sq(1500 / 5500.0), within(1e-12));
        // By seller: X 1500, Y 400 of 1900.
        assertThat(f.get("supplierHhi")).isCloseTo(sq(1500 / 1900.0) + sq(400 / 1900.0), within(1e-12));
        // Earlier half Jan-Mar: buyers A and B. Later half: C 1500, B 700: 700 of 2200 from a returning buyer.
        assertThat(f.get("repeatCustomerShare")).isCloseTo(700.0 / 2200.0, within(1e-12));
        // Earlier half: X. Later half: Y 400 only.
        assertThat(f.get("repeatSupplierShare")).isEqualTo(0.0);
        // Sales in Jan, Mar, May, Jun: Feb and Apr without.
        assertThat(f.get("monthsWithoutSalesShare")).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(f.get("monthsSinceLastSale")).isEqualTo(0.0);
        // Days between positive sales: Jan 10 -> Jan 20 -> Mar 5 -> May 10 -> Jun 30 = 10, 45, 66, 51 (2024 is a leap
        // year); mean 43, squared deviations 1089 + 4 + 529 + 64 = 1686.
        assertThat(f.get("salesInvoiceIntervalCv")).isCloseTo(Math.sqrt(1686.0 / 4) / 43.0, within(1e-12));
        // Output VAT 130 + 65 + 260 - 26 + 195 + 91 = 715; input VAT 78 + 117 + 52 = 247.
        assertThat(f.get("netVatToSales")).isCloseTo((715.0 - 247.0) / 5500.0, within(1e-12));
        assertThat(f.get("customersPerYear")).isEqualTo(3 * 12 / 6.0);
        assertThat(f.get("suppliersPerYear")).isEqualTo(2 * 12 / 6.0);
        // Kind known for S6 (electronic) and S7 (paper).
        assertThat(f.get("salesEInvoiceShare")).isEqualTo(0.5);
        // Described sales: S6 1500 (LED, green) and S7 700: 1500 / 2200. Described purchases: P4 (recycled paper) only.
        assertThat(f.get("greenSalesShare")).isCloseTo(1500.0 / 2200.0, within(1e-12));
        assertThat(f.get("greenPurchaseShare")).isEqualTo(1.0);
    }

    @Test
    void growthComparesTheLastTwelveMonthsWithTheTwelveBeforeAndTheTrendIsTheMedianSameMonthChange() {
        // 26 months from 2022-05: 100 a month for a year, then 110, then 121 in the last two months.
        List<Invoice> sales = new ArrayList<>();
        YearMonth first = YearMonth.of(2022, 5);
        for (int k = 0; k < 26; k++) {
            double amount = k < 12 ? 100 : k < 24 ? 110 : 121;
            sales.add(valid("N" + k, first.plusMonths(k).atDay(15).toString(), "A", amount, 0));
        }
        Map<String, Double> f = LedgerFeatures.compute(sales, List.of(), first.plusMonths(25), GreenCatalogue.NONE);

        assertThat(f.get("ledgerMonths")).isEqualTo(26.0);
        // Last 12 (months 14-25): 10 x 110 + 2 x 121 = 1342; the 12 before (2-13): 10 x 100 + 2 x 110 = 1220.
        assertThat(f.get("salesGrowth")).isCloseTo(1342.0 / 1220.0 - 1, within(1e-12));
        // Every month on its month a year before: x1.1.
        assertThat(f.get("salesTrend")).isCloseTo(Math.log(1.1), within(1e-12));
        // No purchases at all: no margin against zero purchases is still a margin of 1; no supplier features.
        assertThat(f.get("grossMarginProxy")).isEqualTo(1.0);
        assertThat(f.get("supplierHhi")).isNull();
        assertThat(f.get("purchaseVoidRate")).isNull();
        assertThat(f.get("greenSalesShare")).isNull();
        assertThat(f.get("salesEInvoiceShare")).isNull();
    }

    @Test
    void anUnknownSalesLedgerLeavesSalesFeaturesMissingWhileAnEmptyOneMeansNoSales() {
        Map<String, Double> unknown = LedgerFeatures.compute(null, PURCHASES, JUNE, GreenCatalogue.NONE);
        assertThat(unknown.get("ledgerMonths")).isEqualTo(6.0);
        assertThat(unknown.get("salesMonthlyMeanCny")).isNull();
        assertThat(unknown.get("monthsWithoutSalesShare")).isNull();
        assertThat(unknown.get("grossMarginProxy")).isNull();
        assertThat(unknown.get("suppliersPerYear")).isEqualTo(4.0);

        Map<String, Double> none = LedgerFeatures.compute(List.of(), PURCHASES, JUNE, GreenCatalogue.NONE);
        assertThat(none.get("salesMonthlyMeanCny")).isEqualTo(0.0);
        assertThat(none.get("monthsWithoutSalesShare")).isEqualTo(1.0);
        assertThat(none.get("monthsSinceLastSale")).isNull();
        assertThat(none.get("salesVolatility")).isNull();
        assertThat(none.get("salesVoidRate")).isNull();
    }

    @Test
    void aLedgerWithOnlyVoidInvoicesHasNoWindowAndNoFeatures() {
        Map<String, Double> f = LedgerFeatures.compute(List.of(SALES.get(2)), List.of(PURCHASES.get(2)), JUNE, GreenCatalogue.NONE);
        assertThat(f).hasSize(LedgerFeatures.NAMES.size());
        assertThat(f.values()).containsOnlyNulls();
    }

    @Test
    void monthsSinceTheLastSaleCountFromTheAsOfMonth() {
        Map<String, Double> f = LedgerFeatures.compute(SALES.subList(0, 5), PURCHASES, YearMonth.of(2024, 9), GreenCatalogue.NONE);
        // Last positive sale S4 in March; as of September.
        assertThat(f.get("monthsSinceLastSale")).isEqualTo(6.0);
        assertThat(f.get("ledgerMonths")).isEqualTo(9.0);
    }

    private static double sq(double x) {
        return x * x;
    }
}
