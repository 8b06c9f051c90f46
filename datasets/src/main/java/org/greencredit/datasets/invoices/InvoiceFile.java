package org.greencredit.datasets.invoices;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.greencredit.datasets.csv.CsvReader;

/**
 * One ledger file (sales or purchases) read row by row. Its columns are found by their Chinese or
 * English names, in any order; a row that cannot be read is reported with its line, column and
 * problem and counts in nothing, and every other row is read.
 *
 * @param unreadColumns columns of the file that no field takes, so the user sees what was left aside
 * @param serialDates   rows whose date was a spreadsheet serial number (days since 1899-12-30)
 */
public record InvoiceFile(Path path, LedgerDirection direction, Charset charset, List<String> unreadColumns,
                          List<InvoiceRow> rows, List<RowProblem> problems, int serialDates) {

    public static InvoiceFile read(Path path, LedgerDirection direction) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).matches(".*\\.xlsx?")) {
            throw new InvoiceFileException(path + ": a spreadsheet file; save the sheet as CSV (UTF-8 or GBK) and pass that");
        }
        return TextDecoding.readCsv(path, (csv, charset) -> read(path, direction, csv, charset));
    }

    private static InvoiceFile read(Path path, LedgerDirection direction, CsvReader csv, Charset charset) {
        List<String> header = csv.next();
        if (header == null || header.size() == 1 && header.get(0).isBlank()) {
            throw new InvoiceFileException(path + ": the file is empty; expected a header row such as "
                    + InvoiceColumns.exampleHeader(direction));
        }
        InvoiceColumns columns = InvoiceColumns.locate(path, header, direction);
        InvoiceRowParser parser = new InvoiceRowParser(path.toString(), columns, header.size());
        List<InvoiceRow> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            parser.parse(csv.recordLine(), fields, rows, problems);
        }
        return new InvoiceFile(path, direction, charset, columns.unread(), List.copyOf(rows), List.copyOf(problems), parser.serialDates());
    }
}
