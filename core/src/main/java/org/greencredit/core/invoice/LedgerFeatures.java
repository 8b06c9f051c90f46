package org.greencredit.core.invoice;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.InvoiceStatus;

/**
 * The named features of one firm's e-invoice ledger (definitions and sources in
 * {@code ledger_features.csv}). The ledger's window runs from the month of the firm's first valid
 * invoice, sales or purchase, to the as-of month; invoices after the as-of month are not read. A
 * feature that cannot be computed (too few months, no sales) is null, never guessed. Amounts are
 * before tax; red-letter invoices net against the sales or purchases they reverse; void invoices
 * count only in the void rates.
 */
public final class LedgerFeatures {
    public static final String LEDGER_MONTHS = "ledgerMonths";
    public static final String SALES_MONTHLY_MEAN = "salesMonthlyMeanCny";
    public static final String SALES_VOLATILITY = "salesVolatility";
    public static final String SALES_GROWTH = "salesGrowth";
    public static final String SALES_TREND = "salesTrend";
    public static final String GROSS_MARGIN = "grossMarginProxy";
    public static final String SALES_VOID_RATE = "salesVoidRate";
    public static final String PURCHASE_VOID_RATE = "purchaseVoidRate";
    public static final String RED_LETTER_RATE = "redLetterRate";
    public static final String RED_LETTER_AMOUNT_SHARE = "redLetterAmountShare";
    public static final String CUSTOMER_HHI = "customerHhi";
    public static final String SUPPLIER_HHI = "supplierHhi";
    public static final String REPEAT_CUSTOMER_SHARE = "repeatCustomerShare";
    public static final String REPEAT_SUPPLIER_SHARE = "repeatSupplierShare";
    public static final String MONTHS_WITHOUT_SALES = "monthsWithoutSalesShare";
    public static final String MONTHS_SINCE_LAST_SALE = "monthsSinceLastSale";
    public static final String SALES_INTERVAL_CV = "salesInvoiceIntervalCv";
    public static final String NET_VAT_TO_SALES = "netVatToSales";
    public static final String CUSTOMERS_PER_YEAR = "customersPerYear";
    public static final String SUPPLIERS_PER_YEAR = "suppliersPerYear";
    public static final String E_INVOICE_SHARE = "salesEInvoiceShare";
    public static final String GREEN_SALES_SHARE = "greenSalesShare";
    public static final String GREEN_PURCHASE_SHARE = "greenPurchaseShare";

    /** Every feature, in the order of the features file. */
    public static final List<String> NAMES = List.of(LEDGER_MONTHS, SALES_MONTHLY_MEAN, SALES_VOLATILITY, SALES_GROWTH, SALES_TREND,
            GROSS_MARGIN, SALES_VOID_RATE, PURCHASE_VOID_RATE, RED_LETTER_RATE, RED_LETTER_AMOUNT_SHARE, CUSTOMER_HHI, SUPPLIER_HHI,
            REPEAT_CUSTOMER_SHARE, REPEAT_SUPPLIER_SHARE, MONTHS_WITHOUT_SALES, MONTHS_SINCE_LAST_SALE, SALES_INTERVAL_CV,
            NET_VAT_TO_SALES, CUSTOMERS_PER_YEAR, SUPPLIERS_PER_YEAR, E_INVOICE_SHARE, GREEN_SALES_SHARE, GREEN_PURCHASE_SHARE);

    private static final int MONTHS_PER_YEAR = 12;
    /** A coefficient of variation needs a few months; three is the least that says anything of a spread. */
    private static final int MIN_MONTHS_VOLATILITY = 3;
    /** Year-on-year growth compares the last twelve months with the twelve before. */
    private static final int MIN_MONTHS_GROWTH = 2 * MONTHS_PER_YEAR;
    /** The trend is the median of month-on-same-month changes; fewer than three pairs is one season's anecdote. */
    private static final int MIN_TREND_PAIRS = 3;
    /** Stability compares the later half of the window with the earlier; each half needs two months. */
    private static final int MIN_MONTHS_STABILITY = 4;
    /** Intervals between three invoice days are the fewest that have a spread. */
    private static final int MIN_INVOICE_DAYS = 3;

    private LedgerFeatures() {
    }

    /**
     * @param sales     invoices the firm issued, or null when its sales ledger is unknown (then sales features are null)
     * @param purchases invoices the firm received, or null when unknown
     * @param asOf      the last month read
     */
    public static Map<String, Double> compute(List<Invoice> sales, List<Invoice> purchases, YearMonth asOf, GreenCatalogue catalogue) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : NAMES) {
            out.put(name, null);
        }
        List<Invoice> salesIn = upTo(sales, asOf);
        List<Invoice> purchasesIn = upTo(purchases, asOf);
        YearMonth start = firstValidMonth(salesIn, purchasesIn);
        if (start == null) {
            return out;
        }
        int months = (int) ChronoUnit.MONTHS.between(start, asOf) + 1;
        out.put(LEDGER_MONTHS, (double) months);
        Side salesSide = salesIn == null ? null : new Side(salesIn, start, months);
        Side purchaseSide = purchasesIn == null ? null : new Side(purchasesIn, start, months);
        if (salesSide != null) {
            salesFeatures(salesSide, catalogue, out);
        }
        if (purchaseSide != null) {
            out.put(PURCHASE_VOID_RATE, purchaseSide.voidRate());
            out.put(SUPPLIER_HHI, purchaseSide.hhi());
            out.put(REPEAT_SUPPLIER_SHARE, purchaseSide.repeatShare());
            out.put(SUPPLIERS_PER_YEAR, purchaseSide.counterparties() * (double) MONTHS_PER_YEAR / months);
            out.put(GREEN_PURCHASE_SHARE, purchaseSide.greenShare(catalogue));
        }
        if (salesSide != null && purchaseSide != null && salesSide.total > 0) {
            out.put(GROSS_MARGIN, (salesSide.total - purchaseSide.total) / salesSide.total);
            out.put(NET_VAT_TO_SALES, (salesSide.tax - purchaseSide.tax) / salesSide.total);
        }
        return out;
    }

    private static void salesFeatures(Side s, GreenCatalogue catalogue, Map<String, Double> out) {
        int months = s.monthly.length;
        out.put(SALES_MONTHLY_MEAN, s.total / months);
        double mean = s.total / months;
        if (months >= MIN_MONTHS_VOLATILITY && mean > 0) {
            out.put(SALES_VOLATILITY, standardDeviation(s.monthly, mean) / mean);
        }
        if (months >= MIN_MONTHS_GROWTH) {
            double last = sum(s.monthly, months - MONTHS_PER_YEAR, months);
            double previous = sum(s.monthly, months - 2 * MONTHS_PER_YEAR, months - MONTHS_PER_YEAR);
            if (previous > 0) {
                out.put(SALES_GROWTH, last / previous - 1.0);
            }
        }
        out.put(SALES_TREND, trend(s.monthly));
        out.put(SALES_VOID_RATE, s.voidRate());
        if (s.valid > 0) {
            out.put(RED_LETTER_RATE, s.redLetter / (double) s.valid);
        }
        if (s.positive > 0) {
            out.put(RED_LETTER_AMOUNT_SHARE, s.negative / s.positive);
        }
        out.put(CUSTOMER_HHI, s.hhi());
        out.put(REPEAT_CUSTOMER_SHARE, s.repeatShare());
        int withoutSales = 0;
        int lastSale = -1;
        for (int m = 0; m < months; m++) {
            if (s.positiveMonths.contains(m)) {
                lastSale = m;
            } else {
                withoutSales++;
            }
        }
        out.put(MONTHS_WITHOUT_SALES, withoutSales / (double) months);
        if (lastSale >= 0) {
            out.put(MONTHS_SINCE_LAST_SALE, (double) (months - 1 - lastSale));
        }
        out.put(SALES_INTERVAL_CV, intervalCv(s));
        out.put(CUSTOMERS_PER_YEAR, s.counterparties() * (double) MONTHS_PER_YEAR / months);
        int typed = 0;
        int electronic = 0;
        for (Invoice i : s.validInvoices) {
            if (i.electronic() != null) {
                typed++;
                electronic += i.electronic() ? 1 : 0;
            }
        }
        if (typed > 0) {
            out.put(E_INVOICE_SHARE, electronic / (double) typed);
        }
        out.put(GREEN_SALES_SHARE, s.greenShare(catalogue));
    }

    /** The invoices of one direction inside the window, summed by month and counterparty. */
    private static final class Side {
        final double[] monthly;
        final List<Invoice> validInvoices = new ArrayList<>();
        final Set<Integer> positiveMonths = new HashSet<>();
        final Map<String, Double> byCounterparty = new HashMap<>();
        final Set<String> earlierCounterparties = new HashSet<>();
        final Map<String, Double> laterByCounterparty = new HashMap<>();
        final int all;
        int voided;
        int valid;
        int redLetter;
        double total;
        double tax;
        double positive;
        double negative;

        Side(List<Invoice> invoices, YearMonth start, int months) {
            this.monthly = new double[months];
            this.all = invoices.size();
            int half = months / 2;
            for (Invoice i : invoices) {
                if (i.status() == InvoiceStatus.VOID) {
                    voided++;
                    continue;
                }
                int m = (int) ChronoUnit.MONTHS.between(start, YearMonth.from(i.issuedOn()));
                valid++;
                validInvoices.add(i);
                monthly[m] += i.amountCny();
                total += i.amountCny();
                tax += i.taxCny();
                if (i.countsAsRedLetter()) {
                    redLetter++;
                    negative += -i.amountCny();
                } else {
                    positive += i.amountCny();
                    if (i.amountCny() > 0) {
                        positiveMonths.add(m);
                    }
                }
                if (i.counterpartyId() != null) {
                    byCounterparty.merge(i.counterpartyId(), i.amountCny(), Double::sum);
                    if (!i.countsAsRedLetter()) {
                        if (m < half) {
                            earlierCounterparties.add(i.counterpartyId());
                        } else {
                            laterByCounterparty.merge(i.counterpartyId(), i.amountCny(), Double::sum);
                        }
                    }
                }
            }
        }

        Double voidRate() {
            return all == 0 ? null : voided / (double) all;
        }

        int counterparties() {
            return byCounterparty.size();
        }

        /** Herfindahl-Hirschman index of net amounts by counterparty, over those with a positive net. */
        Double hhi() {
            double sum = 0;
            for (double v : byCounterparty.values()) {
                sum += Math.max(0, v);
            }
            if (sum <= 0) {
                return null;
            }
            double h = 0;
            for (double v : byCounterparty.values()) {
                double share = Math.max(0, v) / sum;
                h += share * share;
            }
            return h;
        }

        Double repeatShare() {
            if (monthly.length < MIN_MONTHS_STABILITY) {
                return null;
            }
            double later = 0;
            double repeat = 0;
            for (Map.Entry<String, Double> e : laterByCounterparty.entrySet()) {
                later += e.getValue();
                if (earlierCounterparties.contains(e.getKey())) {
                    repeat += e.getValue();
                }
            }
            return later > 0 ? repeat / later : null;
        }

        Double greenShare(GreenCatalogue catalogue) {
            double described = 0;
            double green = 0;
            for (Invoice i : validInvoices) {
                if (i.countsAsRedLetter() || i.amountCny() <= 0 || (i.itemName() == null && i.taxCode() == null)) {
                    continue;
                }
                described += i.amountCny();
                if (catalogue.categoryOf(i.itemName(), i.taxCode()) != null) {
                    green += i.amountCny();
                }
            }
            return described > 0 ? green / described : null;
        }
    }

    private static Double trend(double[] monthly) {
        List<Double> changes = new ArrayList<>();
        for (int m = MONTHS_PER_YEAR; m < monthly.length; m++) {
            if (monthly[m] > 0 && monthly[m - MONTHS_PER_YEAR] > 0) {
                changes.add(Math.log(monthly[m] / monthly[m - MONTHS_PER_YEAR]));
            }
        }
        if (changes.size() < MIN_TREND_PAIRS) {
            return null;
        }
        Collections.sort(changes);
        int n = changes.size();
        return n % 2 == 1 ? changes.get(n / 2) : (changes.get(n / 2 - 1) + changes.get(n / 2)) / 2.0;
    }

    private static Double intervalCv(Side s) {
        TreeSet<Long> days = new TreeSet<>();
        for (Invoice i : s.validInvoices) {
            if (!i.countsAsRedLetter() && i.amountCny() > 0) {
                days.add(i.issuedOn().toEpochDay());
            }
        }
        if (days.size() < MIN_INVOICE_DAYS) {
            return null;
        }
        double[] gaps = new double[days.size() - 1];
        Long previous = null;
        int k = 0;
        for (long d : days) {
            if (previous != null) {
                gaps[k++] = d - previous;
            }
            previous = d;
        }
        double mean = Arrays.stream(gaps).average().orElseThrow();
        return standardDeviation(gaps, mean) / mean;
    }

    private static List<Invoice> upTo(List<Invoice> invoices, YearMonth asOf) {
        if (invoices == null) {
            return null;
        }
        List<Invoice> in = new ArrayList<>(invoices.size());
        for (Invoice i : invoices) {
            if (!YearMonth.from(i.issuedOn()).isAfter(asOf)) {
                in.add(i);
            }
        }
        return in;
    }

    private static YearMonth firstValidMonth(List<Invoice> sales, List<Invoice> purchases) {
        YearMonth first = null;
        for (List<Invoice> side : Arrays.asList(sales, purchases)) {
            if (side == null) {
                continue;
            }
            for (Invoice i : side) {
                YearMonth m = YearMonth.from(i.issuedOn());
                if (i.status() == InvoiceStatus.VALID && (first == null || m.isBefore(first))) {
                    first = m;
                }
            }
        }
        return first;
    }

    private static double sum(double[] values, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += values[i];
        }
        return s;
    }

    private static double standardDeviation(double[] values, double mean) {
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / values.length);
    }
}
