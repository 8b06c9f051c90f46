package org.greencredit.datasets.invoices;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.InvoiceStatus;
import org.greencredit.core.request.Limits;
import org.greencredit.core.validation.Plausible;
import org.greencredit.core.validation.PlausibleValidator;
import org.greencredit.datasets.invoices.InvoiceColumns.Field;

/**
 * Turns one row of a ledger file into an invoice, or into the problems that keep it out. Values are
 * read as people and spreadsheets write them: stray spaces, thousands separators, currency signs,
 * full-width digits, several date spellings and spreadsheet serial dates.
 */
final class InvoiceRowParser {
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL_DATE = Pattern.compile("\\d{5}(?:\\.0+)?");
    /** Spreadsheet serial dates count days from 1899-12-30 (Excel's 1900 system, its leap-year bug included). */
    private static final LocalDate SERIAL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final int FIRST_YEAR = 1990;
    private static final int LAST_YEAR = 2100;
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final int MAX_ID = 64;

    private final String file;
    private final InvoiceColumns columns;
    private final int width;
    /**
     * Firm, counterparty and item names and dates repeat over thousands of rows: one instance of each
     * keeps a ledger of millions of rows in a few hundred megabytes.
     */
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, KnownDate> dates = new HashMap<>();
    private int serialDates;

    /** A date cell already read, and whether it was a spreadsheet serial number. */
    private record KnownDate(LocalDate date, boolean serial) {
    }

    InvoiceRowParser(String file, InvoiceColumns columns, int width) {
        this.file = file;
        this.columns = columns;
        this.width = width;
    }

    int serialDates() {
        return serialDates;
    }

    void parse(long line, List<String> fields, List<InvoiceRow> rows, List<RowProblem> problems) {
        String firm = fields.size() > columns.indexOf(Field.FIRM) ? clean(fields.get(columns.indexOf(Field.FIRM))) : "";
        if (fields.size() != width) {
            reject(problems, line, firm, "", "the row has " + fields.size() + " fields but the header has " + width
                    + " (a row cut short or with an unquoted separator)");
            return;
        }
        Row row = new Row(line, firm, fields, problems);
        if (firm.isEmpty()) {
            row.problem(Field.FIRM, "is empty");
        } else if (firm.length() > MAX_ID) {
            row.problem(Field.FIRM, "is longer than " + MAX_ID + " characters");
        }
        String number = row.text(Field.NUMBER);
        if (number != null && number.matches("\\d+\\.0+")) {
            number = number.substring(0, number.indexOf('.'));
        }
        if (number == null) {
            row.problem(Field.NUMBER, "is empty");
        } else if (number.length() > MAX_ID) {
            row.problem(Field.NUMBER, "is longer than " + MAX_ID + " characters");
        }
        LocalDate date = row.date();
        String counterparty = row.text(Field.COUNTERPARTY);
        if (counterparty != null && counterparty.length() > MAX_ID) {
            row.problem(Field.COUNTERPARTY, "is longer than " + MAX_ID + " characters");
        }
        Double amount = row.money(Field.AMOUNT);
        Double tax = row.money(Field.TAX);
        Double total = row.money(Field.TOTAL);
        if (amount != null && tax != null && total != null && Math.abs(amount + tax - total) > Invoice.TOTAL_TOLERANCE_CNY) {
            row.problem(Field.TOTAL, String.format(Locale.ROOT, "is %.2f, but %s %.2f + %s %.2f = %.2f", total,
                    columns.name(Field.AMOUNT), amount, columns.name(Field.TAX), tax, amount + tax));
        }
        InvoiceStatus status = row.status();
        String item = row.text(Field.ITEM);
        if (item != null && item.length() > Limits.MAX_TEXT) {
            row.problem(Field.ITEM, "is longer than " + Limits.MAX_TEXT + " characters");
        }
        String taxCode = row.text(Field.TAX_CODE);
        if (taxCode != null && !taxCode.matches("\\d{1,19}")) {
            row.problem(Field.TAX_CODE, "'" + taxCode + "' is not a tax classification code (1 to 19 digits)");
        }
        Boolean electronic = row.kind();
        if (!row.failed) {
            rows.add(new InvoiceRow(shared(firm), line, new Invoice(number, date, shared(counterparty), amount, tax, total, status,
                    shared(item), taxCode, electronic)));
        }
    }

    private String shared(String value) {
        return value == null ? null : names.computeIfAbsent(value, v -> v);
    }

    private void reject(List<RowProblem> problems, long line, String firm, String column, String problem) {
        problems.add(new RowProblem(RowProblem.Kind.REJECTED, file, line, firm, column, problem));
    }

    /** Trimmed text with full-width spaces and no-break spaces removed at the ends. */
    static String clean(String value) {
        return value.replace('\u3000', ' ').replace('\u00A0', ' ').strip();
    }

    /** Full-width digits, signs and points (０-９, －, ．, ，) as ASCII. */
    static String halfWidth(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c >= '\uFF10' && c <= '\uFF19') {
                out.append((char) (c - '\uFF10' + '0'));
            } else if (c == '\uFF0D' || c == '\u2212') {
                out.append('-');
            } else if (c == '\uFF0E') {
                out.append('.');
            } else if (c == '\uFF0C') {
                out.append(',');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The fields of one row being read; every problem found is kept, not only the first. */
    private final class Row {
        final long line;
        final String firm;
        final List<String> fields;
        final List<RowProblem> problems;
        boolean failed;

        Row(long line, String firm, List<String> fields, List<RowProblem> problems) {
            this.line = line;
            this.firm = firm;
            this.fields = fields;
            this.problems = problems;
        }

        void problem(Field field, String problem) {
            failed = true;
            reject(problems, line, firm, columns.name(field), problem);
        }

        /** The trimmed value, or null when the column is absent or the cell blank. */
        String text(Field field) {
            int i = columns.indexOf(field);
            if (i < 0) {
                return null;
            }
            String v = clean(fields.get(i));
            return v.isEmpty() ? null : v;
        }

        Double money(Field field) {
            String raw = text(field);
            if (raw == null) {
                problem(field, "is empty");
                return null;
            }
            String v = halfWidth(raw).replaceAll("[\\s¥￥元]", "").replace("CNY", "");
            boolean bracketed = v.startsWith("(") && v.endsWith(")");
            if (bracketed) {
                v = "-" + v.substring(1, v.length() - 1);
            }
            if (GROUPED.matcher(v).matches()) {
                v = v.replace(",", "");
            }
            if (!DECIMAL.matcher(v).matches()) {
                problem(field, "'" + raw + "' is not an amount in yuan");
                return null;
            }
            double d = Double.parseDouble(v);
            String bound = PlausibleValidator.problem(Plausible.Kind.SIGNED_MONEY, d);
            if (bound != null) {
                problem(field, "'" + raw + "' " + bound);
                return null;
            }
            return d;
        }

        LocalDate date() {
            String raw = text(Field.DATE);
            if (raw == null) {
                problem(Field.DATE, "is empty");
                return null;
            }
            KnownDate known = dates.get(raw);
            if (known == null) {
                known = parseDate(raw);
                if (known == null) {
                    return null;
                }
                dates.put(raw, known);
            }
            if (known.serial()) {
                serialDates++;
            }
            return known.date();
        }

        /** The date a cell gives, or null when it gives none (the problem is recorded; a serial date out of range still counts). */
        private KnownDate parseDate(String raw) {
            String v = halfWidth(raw);
            LocalDate date = null;
            boolean serial = false;
            try {
                Matcher m = DATE.matcher(v);
                Matcher compact = COMPACT_DATE.matcher(v);
                if (m.matches()) {
                    date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } else if (compact.matches()) {
                    date = LocalDate.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
                            Integer.parseInt(compact.group(3)));
                } else if (SERIAL_DATE.matcher(v).matches()) {
                    date = SERIAL_EPOCH.plusDays(Long.parseLong(v.replaceAll("\\..*", "")));
                    serial = true;
                }
            } catch (DateTimeException e) {
                problem(Field.DATE, "'" + raw + "' is not a calendar date");
                return null;
            }
            if (date == null) {
                problem(Field.DATE, "'" + raw + "' is not a date; write it as 2024-03-31, 2024/3/31 or 2024年3月31日");
                return null;
            }
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                if (serial) {
                    serialDates++;
                }
                problem(Field.DATE, "'" + raw + "' is outside " + FIRST_YEAR + " to " + LAST_YEAR);
                return null;
            }
            return new KnownDate(date, serial);
        }

        InvoiceStatus status() {
            String raw = text(Field.STATUS);
            if (raw == null) {
                problem(Field.STATUS, "is empty");
                return null;
            }
            String v = raw.toLowerCase(Locale.ROOT);
            // A red-flushed (已红冲) original stays valid: the red-letter invoice that reverses it is a row of its own.
            if (v.equals("有效发票") || v.equals("有效") || v.equals("正常") || v.equals("正常发票") || v.contains("红冲")
                    || v.equals("valid") || v.equals("normal")) {
                return InvoiceStatus.VALID;
            }
            if (v.equals("作废发票") || v.equals("作废") || v.equals("已作废") || v.equals("void") || v.equals("voided")
                    || v.equals("cancelled") || v.equals("canceled")) {
                return InvoiceStatus.VOID;
            }
            problem(Field.STATUS, "'" + raw + "' is not a status; use 有效发票 or 作废发票 (valid or void)");
            return null;
        }

        Boolean kind() {
            String raw = text(Field.KIND);
            if (raw == null) {
                return null;
            }
            String v = raw.toLowerCase(Locale.ROOT);
            if (v.contains("电子") || v.contains("数电") || v.contains("全电") || v.equals("electronic") || v.equals("e-invoice")
                    || v.equals("digital")) {
                return Boolean.TRUE;
            }
            if (v.contains("纸") || v.contains("发票") || v.equals("paper")) {
                return Boolean.FALSE;
            }
            problem(Field.KIND, "'" + raw + "' is not an invoice kind; use 电子发票/数电票 or 纸质发票 (electronic or paper)");
            return null;
        }
    }
}
