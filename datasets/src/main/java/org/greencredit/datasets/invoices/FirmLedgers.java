package org.greencredit.datasets.invoices;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.core.invoice.Duplicates;
import org.greencredit.core.request.Invoice;

/**
 * The invoices of a sales file and a purchase file grouped by firm, in the order firms first
 * appear, with exact repeats dropped and shared numbers noted ({@link Duplicates}).
 */
public final class FirmLedgers {
    /**
     * @param sales     the firm's sales invoices; empty when the sales file has none of its rows, null when no sales file was read
     * @param purchases likewise for purchases
     */
    public record Firm(String id, List<Invoice> sales, List<Invoice> purchases) {
    }

    private final List<Firm> firms;
    private final List<RowProblem> notes;
    private final YearMonth latestMonth;

    private FirmLedgers(List<Firm> firms, List<RowProblem> notes, YearMonth latestMonth) {
        this.firms = firms;
        this.notes = notes;
        this.latestMonth = latestMonth;
    }

    /** @param sales the sales file read, or null; {@code purchases} likewise (not both null) */
    public static FirmLedgers of(InvoiceFile sales, InvoiceFile purchases) {
        if (sales == null && purchases == null) {
            throw new IllegalArgumentException("a sales or a purchase ledger is needed");
        }
        Map<String, List<InvoiceRow>> salesByFirm = byFirm(sales);
        Map<String, List<InvoiceRow>> purchasesByFirm = byFirm(purchases);
        List<String> ids = new ArrayList<>(salesByFirm.keySet());
        for (String id : purchasesByFirm.keySet()) {
            if (!salesByFirm.containsKey(id)) {
                ids.add(id);
            }
        }
        List<Firm> firms = new ArrayList<>(ids.size());
        List<RowProblem> notes = new ArrayList<>();
        YearMonth latest = null;
        for (String id : ids) {
            List<Invoice> s = sales == null ? null : deduplicated(sales, id, salesByFirm.getOrDefault(id, List.of()), notes);
            List<Invoice> p = purchases == null ? null : deduplicated(purchases, id, purchasesByFirm.getOrDefault(id, List.of()), notes);
            firms.add(new Firm(id, s, p));
        }
        for (InvoiceFile file : new InvoiceFile[] {sales, purchases}) {
            if (file != null) {
                for (InvoiceRow row : file.rows()) {
                    YearMonth m = YearMonth.from(row.invoice().issuedOn());
                    if (latest == null || m.isAfter(latest)) {
                        latest = m;
                    }
                }
            }
        }
        return new FirmLedgers(List.copyOf(firms), List.copyOf(notes), latest);
    }

    public List<Firm> firms() {
        return firms;
    }

    /** Repeated rows: dropped ones and kept ones sharing a number. */
    public List<RowProblem> notes() {
        return notes;
    }

    /** The month of the latest readable invoice in either file, or null when no row could be read. */
    public YearMonth latestMonth() {
        return latestMonth;
    }

    private static Map<String, List<InvoiceRow>> byFirm(InvoiceFile file) {
        Map<String, List<InvoiceRow>> map = new LinkedHashMap<>();
        if (file != null) {
            for (InvoiceRow row : file.rows()) {
                map.computeIfAbsent(row.firmId(), k -> new ArrayList<>()).add(row);
            }
        }
        return map;
    }

    private static List<Invoice> deduplicated(InvoiceFile file, String firm, List<InvoiceRow> rows, List<RowProblem> notes) {
        List<Invoice> invoices = new ArrayList<>(rows.size());
        for (InvoiceRow row : rows) {
            invoices.add(row.invoice());
        }
        Duplicates.Result result = Duplicates.find(invoices);
        for (Duplicates.Repeat r : result.dropped()) {
            notes.add(new RowProblem(RowProblem.Kind.DUPLICATE_DROPPED, file.path().toString(), rows.get(r.index()).line(), firm, "",
                    "repeats line " + rows.get(r.firstIndex()).line() + " in every field; read once"));
        }
        for (Duplicates.Repeat r : result.sameNumberKept()) {
            notes.add(new RowProblem(RowProblem.Kind.SAME_NUMBER_KEPT, file.path().toString(), rows.get(r.index()).line(), firm, "",
                    "has the invoice number " + rows.get(r.index()).invoice().number() + " of line " + rows.get(r.firstIndex()).line()
                            + " with other values; both read"));
        }
        return result.kept();
    }
}
