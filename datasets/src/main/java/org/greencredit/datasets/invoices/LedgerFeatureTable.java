package org.greencredit.datasets.invoices;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.greencredit.core.invoice.GreenCatalogue;
import org.greencredit.core.invoice.LedgerFeatures;
import org.greencredit.datasets.csv.CsvReader;
import org.greencredit.datasets.csv.CsvWriter;

/**
 * The features file of {@code invoices features}: one row per firm, its id, the ledger features
 * ({@link LedgerFeatures#NAMES}, empty when missing) and, when a firms table is given, that table's
 * other columns (labels such as 是否违约 or 信誉评级), so the file goes straight to {@code model train}.
 * Firms of the table without any invoice get a row too, with empty features.
 */
public final class LedgerFeatureTable {
    public static final String FIRM_COLUMN = "firmId";
    private static final MathContext SIGNIFICANT = new MathContext(8);

    /** What was written: rows, and firms found in only one of the ledgers and the firms table. */
    public record Written(int rows, int firmsWithoutInvoices, int firmsNotInTable) {
    }

    /** A firms table: its columns other than the firm id, and each firm's values of them. */
    public record Firms(List<String> columns, Map<String, List<String>> byId) {
    }

    private LedgerFeatureTable() {
    }

    public static Written write(FirmLedgers ledgers, YearMonth asOf, GreenCatalogue catalogue, Firms firms, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        List<String> header = new ArrayList<>();
        header.add(FIRM_COLUMN);
        header.addAll(LedgerFeatures.NAMES);
        if (firms != null) {
            header.addAll(firms.columns());
        }
        csv.write(header);
        int rows = 0;
        int notInTable = 0;
        Set<String> written = new HashSet<>();
        for (FirmLedgers.Firm firm : ledgers.firms()) {
            Map<String, Double> features = LedgerFeatures.compute(firm.sales(), firm.purchases(), asOf, catalogue);
            List<String> row = new ArrayList<>(header.size());
            row.add(firm.id());
            for (String name : LedgerFeatures.NAMES) {
                row.add(format(features.get(name)));
            }
            if (firms != null) {
                List<String> extra = firms.byId().get(firm.id());
                if (extra == null) {
                    notInTable++;
                    extra = Collections.nCopies(firms.columns().size(), "");
                }
                row.addAll(extra);
            }
            csv.write(row);
            written.add(firm.id());
            rows++;
        }
        int withoutInvoices = 0;
        if (firms != null) {
            for (Map.Entry<String, List<String>> e : firms.byId().entrySet()) {
                if (!written.contains(e.getKey())) {
                    List<String> row = new ArrayList<>(header.size());
                    row.add(e.getKey());
                    row.addAll(Collections.nCopies(LedgerFeatures.NAMES.size(), ""));
                    row.addAll(e.getValue());
                    csv.write(row);
                    rows++;
                    withoutInvoices++;
                }
            }
        }
        csv.flush();
        return new Written(rows, withoutInvoices, notInTable);
    }

    /** Reads a firms table (UTF-8 or GBK, comma, tab or semicolon): its firm id column by the ledgers' names for it. */
    public static Firms readFirms(Path path) {
        return TextDecoding.readCsv(path, (csv, charset) -> readFirms(path, csv));
    }

    private static Firms readFirms(Path path, CsvReader csv) {
        List<String> header = csv.next();
        if (header == null) {
            throw new InvoiceFileException(path + ": the file is empty; expected a header with the firm id (企业代号 or firmId)");
        }
        int idColumn = -1;
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip();
            if (idColumn < 0 && InvoiceColumns.Field.FIRM.names.contains(InvoiceColumns.normalise(name))) {
                idColumn = c;
            } else {
                columns.add(name);
            }
        }
        if (idColumn < 0) {
            throw new InvoiceFileException(path + ": no firm id column (企业代号 / firmId); the columns are " + header);
        }
        List<String> clashes = columns.stream().filter(c -> c.equals(FIRM_COLUMN) || LedgerFeatures.NAMES.contains(c)).toList();
        if (!clashes.isEmpty()) {
            throw new InvoiceFileException(path + ": the columns " + clashes + " have the names of ledger features or of the firm "
                    + "column the features file writes; rename them");
        }
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (List<String> row = csv.next(); row != null; row = csv.next()) {
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new InvoiceFileException(path + ": line " + csv.recordLine() + " has " + row.size() + " fields but the header has "
                        + header.size());
            }
            String id = InvoiceRowParser.clean(row.get(idColumn));
            List<String> values = new ArrayList<>(row);
            values.remove(idColumn);
            if (byId.put(id, values.stream().map(InvoiceRowParser::clean).toList()) != null) {
                throw new InvoiceFileException(path + ": line " + csv.recordLine() + ": the firm " + id + " appears twice");
            }
        }
        return new Firms(List.copyOf(columns), byId);
    }

    private static String format(Double value) {
        if (value == null) {
            return "";
        }
        return new BigDecimal(value, SIGNIFICANT).stripTrailingZeros().toPlainString();
    }
}
