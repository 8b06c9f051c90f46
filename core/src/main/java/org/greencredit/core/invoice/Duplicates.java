package org.greencredit.core.invoice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.core.request.Invoice;

/**
 * Repeated invoice numbers in one direction (sales or purchases) of one firm's ledger. A row that
 * repeats an earlier one in every field is the same invoice exported twice and is dropped; a row
 * that shares only the number is kept, since the number is unique only with the invoice code
 * (发票代码) that many exports leave out. Both are reported, neither in silence.
 */
public final class Duplicates {
    private Duplicates() {
    }

    /**
     * @param index      position of the repeating invoice in the list given
     * @param firstIndex position of the earlier invoice with the same number
     */
    public record Repeat(int index, int firstIndex) {
    }

    /**
     * @param kept           the invoices without the exact repeats, in their order
     * @param dropped        exact repeats, not in {@code kept}
     * @param sameNumberKept invoices that share a number with an earlier one but differ from it, kept
     */
    public record Result(List<Invoice> kept, List<Repeat> dropped, List<Repeat> sameNumberKept) {
    }

    public static Result find(List<Invoice> invoices) {
        Map<String, List<Integer>> byNumber = new HashMap<>();
        List<Invoice> kept = new ArrayList<>(invoices.size());
        List<Repeat> dropped = new ArrayList<>();
        List<Repeat> sameNumber = new ArrayList<>();
        for (int i = 0; i < invoices.size(); i++) {
            Invoice invoice = invoices.get(i);
            List<Integer> earlier = byNumber.computeIfAbsent(invoice.number(), n -> new ArrayList<>(1));
            Integer identical = null;
            for (int e : earlier) {
                if (invoices.get(e).equals(invoice)) {
                    identical = e;
                    break;
                }
            }
            if (identical != null) {
                dropped.add(new Repeat(i, identical));
                continue;
            }
            if (!earlier.isEmpty()) {
                sameNumber.add(new Repeat(i, earlier.get(0)));
            }
            earlier.add(i);
            kept.add(invoice);
        }
        return new Result(List.copyOf(kept), List.copyOf(dropped), List.copyOf(sameNumber));
    }
}
