package org.greencredit.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.InvoiceStatus;
import org.junit.jupiter.api.Test;

class DuplicatesTest {
    private static Invoice invoice(String number, double amount) {
        return new Invoice(number, LocalDate.of(2024, 1, 2), "B", amount, 0.0, amount, InvoiceStatus.VALID, null, null, null);
    }

    @Test
    void anExactRepeatIsDroppedAndASharedNumberWithOtherValuesIsKept() {
        List<Invoice> invoices = List.of(invoice("1", 100), invoice("2", 50), invoice("1", 100), invoice("1", 70), invoice("1", 100));

        Duplicates.Result result = Duplicates.find(invoices);

        assertThat(result.kept()).containsExactly(invoice("1", 100), invoice("2", 50), invoice("1", 70));
        assertThat(result.dropped()).containsExactly(new Duplicates.Repeat(2, 0), new Duplicates.Repeat(4, 0));
        assertThat(result.sameNumberKept()).containsExactly(new Duplicates.Repeat(3, 0));
    }
}
