package org.greencredit.datasets.invoices;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.InvoiceStatus;
import org.greencredit.datasets.csv.CsvWriter;

/** Writes ledger rows with the Chinese headers tax platforms export, so that {@link InvoiceFile} reads them back. */
public final class InvoiceCsvWriter implements Closeable {
    private final CsvWriter csv;

    public InvoiceCsvWriter(Writer out, LedgerDirection direction) {
        this.csv = new CsvWriter(out);
        csv.write(List.of("企业代号", "发票号码", "开票日期", direction.counterpartyHeaders().get(0), "金额", "税额", "价税合计", "发票状态",
                "货物或应税劳务名称", "发票类型"));
    }

    public void write(String firmId, Invoice i) {
        csv.write(List.of(firmId, i.number(), i.issuedOn().toString(), i.counterpartyId() == null ? "" : i.counterpartyId(),
                plain(i.amountCny()), plain(i.taxCny()), plain(i.totalCny()), i.status() == InvoiceStatus.VALID ? "有效发票" : "作废发票",
                i.itemName() == null ? "" : i.itemName(),
                i.electronic() == null ? "" : i.electronic() ? "数电票（普通发票）" : "增值税普通发票（纸质）"));
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
