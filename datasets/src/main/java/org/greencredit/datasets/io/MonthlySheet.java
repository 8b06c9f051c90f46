package org.greencredit.datasets.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.Evidence;
import org.greencredit.core.request.LoanRequest;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.greencredit.core.units.Unit;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.greencredit.datasets.csv.CsvFormatException;
import org.greencredit.datasets.csv.CsvReader;
import org.greencredit.datasets.csv.CsvWriter;
import org.greencredit.datasets.reference.ReferenceData;

/**
 * A rating request as the spreadsheet a small firm fills in: Chinese headers (English ones are read too), one row per
 * month with that month's energy use (electricity in 度, as bills give it) and business flows, and the firm's own facts
 * (name, codes, revenue, debt, the loan asked for) on the first row. Written as UTF-8 with a byte-order mark, which Excel
 * needs to open Chinese text; read as UTF-8 or GBK ({@link CsvFormat#charsetOf}). Every cell is read or reported: an
 * unknown column, a cell that is not a number, a month twice, a firm fact that differs between rows, a month without the
 * flows the others have; each problem names the row and the column as the sheet writes them ({@code csv:row:column}).
 * Green behaviours, plots and invoices are not in the sheet: they go in the JSON request.
 */
public final class MonthlySheet {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Whether a column holds one value for the firm (first row) or one per month. */
    private enum Level { FIRM, MONTH }

    private enum Column {
        FIRM_ID("企业代码", "firm id", Level.FIRM),
        NAME("企业名称", "firm name", Level.FIRM),
        REGION("行政区划代码", "region code", Level.FIRM),
        INDUSTRY("行业代码", "industry code", Level.FIRM),
        SIZE("企业规模", "size class", Level.FIRM),
        FOUNDED("成立日期", "founded on", Level.FIRM),
        REVENUE("年营业收入（元）", "annual revenue (cny)", Level.FIRM),
        DEBT("现有负债（元）", "existing debt (cny)", Level.FIRM),
        PAST_DUE("最长逾期天数", "longest days past due", Level.FIRM),
        TAX("近一年纳税（元）", "tax paid last year (cny)", Level.FIRM),
        INVOICES("近一年开票张数", "invoices issued last year", Level.FIRM),
        LOAN_AMOUNT("申请金额（元）", "loan amount (cny)", Level.FIRM),
        LOAN_TERM("贷款期限（月）", "loan term (months)", Level.FIRM),
        MONTH("月份", "month", Level.MONTH),
        ELECTRICITY("用电量（度）", "electricity (kwh)", Level.MONTH, Activity.ELECTRICITY, "度"),
        NATURAL_GAS("天然气（立方米）", "natural gas (m3)", Level.MONTH, Activity.NATURAL_GAS, "立方米"),
        DIESEL("柴油（升）", "diesel (l)", Level.MONTH, Activity.DIESEL, "升"),
        GASOLINE("汽油（升）", "gasoline (l)", Level.MONTH, Activity.GASOLINE, "升"),
        COAL("煤炭（吨）", "coal (t)", Level.MONTH, Activity.COAL, "吨"),
        HEAT("热力（吉焦）", "heat (gj)", Level.MONTH, Activity.HEAT, "吉焦"),
        EVIDENCE("用能凭证", "energy evidence", Level.MONTH),
        INFLOW("经营流入（元）", "business inflow (cny)", Level.MONTH),
        OUTFLOW("经营流出（元）", "business outflow (cny)", Level.MONTH);

        final String zh;
        final String en;
        final Level level;
        final Activity activity;
        final String unit;

        Column(String zh, String en, Level level) {
            this(zh, en, level, null, null);
        }

        Column(String zh, String en, Level level, Activity activity, String unit) {
            this.zh = zh;
            this.en = en;
            this.level = level;
            this.activity = activity;
            this.unit = unit;
        }
    }

    private static final Map<String, SizeClass> SIZES = Map.of("微型", SizeClass.MICRO, "小型", SizeClass.SMALL, "中型", SizeClass.MEDIUM,
            "大型", SizeClass.LARGE);
    private static final Map<SizeClass, String> SIZE_WORDS = Map.of(SizeClass.MICRO, "微型", SizeClass.SMALL, "小型", SizeClass.MEDIUM, "中型",
            SizeClass.LARGE, "大型");
    private static final Map<String, Evidence> EVIDENCE = Map.of("电表", Evidence.METER, "计量表", Evidence.METER, "发票", Evidence.INVOICE,
            "账单", Evidence.BILL, "缴费单", Evidence.BILL, "电费单", Evidence.BILL, "自报", Evidence.SELF_REPORTED, "估算", Evidence.ESTIMATED);
    private static final Map<Evidence, String> EVIDENCE_WORDS = Map.of(Evidence.METER, "电表", Evidence.INVOICE, "发票", Evidence.BILL, "账单",
            Evidence.SELF_REPORTED, "自报", Evidence.ESTIMATED, "估算");
    /** 2025-01, 2025/1, 2025年1月, and a date Excel made of a month (2025/1/1, 2025-01-01). */
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*(?:月|[-/.]\\s*\\d{1,2}\\s*日?)?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*[-/月.]\\s*(\\d{1,2})\\s*日?");

    private MonthlySheet() {
    }

    /** Whether a CSV's header is this sheet's (it has a month column), not the flat one-row template. */
    public static boolean isMonthlySheet(byte[] csv) {
        try (CsvReader reader = reader(csv, "upload")) {
            List<String> header = reader.next();
            return header != null && header.stream().anyMatch(h -> column(h) == Column.MONTH);
        } catch (IOException | UncheckedIOException | CsvFormatException e) {
            return false;
        }
    }

    /** The sheet of a request: the firm's facts on the first row, then a row per month of its lines; UTF-8 with a BOM. */
    public static byte[] template(RatingRequest request) {
        TreeMap<YearMonth, Map<Column, String>> months = new TreeMap<>();
        CarbonAccount account = request.carbonAccount();
        if (account != null) {
            for (ActivityLine line : account.lines()) {
                for (Column c : Column.values()) {
                    if (c.activity == line.activity() && line.quantity() != null && line.unit() != null) {
                        Map<Column, String> row = months.computeIfAbsent(line.month(), m -> new EnumMap<>(Column.class));
                        row.merge(c, rounded(inSheetUnit(line, c)), (a, b) -> rounded(Double.parseDouble(a) + Double.parseDouble(b)));
                        row.put(Column.EVIDENCE, EVIDENCE_WORDS.get(line.evidenceOrDefault()));
                    }
                }
            }
        }
        CreditFeatures credit = request.credit();
        if (credit != null) {
            // Flows are listed oldest first without their months: set against the latest months of the sheet.
            List<YearMonth> keys = new ArrayList<>(months.keySet());
            YearMonth last = keys.isEmpty() ? YearMonth.now() : keys.get(keys.size() - 1);
            flowsInto(months, credit.monthlyInflowsCny(), Column.INFLOW, last);
            flowsInto(months, credit.monthlyOutflowsCny(), Column.OUTFLOW, last);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        try (CsvWriter out = new CsvWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            out.write(Arrays.stream(Column.values()).map(c -> c.zh).toList());
            boolean first = true;
            for (Map.Entry<YearMonth, Map<Column, String>> month : months.entrySet()) {
                List<String> row = new ArrayList<>();
                for (Column c : Column.values()) {
                    if (c.level == Level.FIRM) {
                        row.add(first ? firmValue(request, c) : "");
                    } else if (c == Column.MONTH) {
                        row.add(month.getKey().toString());
                    } else {
                        row.add(month.getValue().getOrDefault(c, ""));
                    }
                }
                out.write(row);
                first = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A line's quantity in its column's unit: converted within its dimension, a liquid fuel by weight into litres by its density. */
    private static double inSheetUnit(ActivityLine line, Column c) {
        Unit from = Unit.parse(line.unit());
        Unit to = Unit.parse(c.unit);
        if (from.dimension() == to.dimension()) {
            return from.convert(line.quantity(), to);
        }
        double kilograms = from.convert(line.quantity(), Unit.KG);
        return kilograms / ReferenceData.shipped().densityKgPerLitre(line.activity());
    }

    /** Two decimals at most, without trailing zeros: what a person types into a sheet. */
    private static String rounded(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static void flowsInto(TreeMap<YearMonth, Map<Column, String>> months, List<Double> flows, Column column, YearMonth last) {
        for (int i = 0; i < flows.size(); i++) {
            YearMonth month = last.minusMonths(flows.size() - 1 - i);
            months.computeIfAbsent(month, m -> new EnumMap<>(Column.class)).put(column, plain(flows.get(i)));
        }
    }

    private static String firmValue(RatingRequest request, Column c) {
        Sme sme = request.sme();
        CarbonAccount account = request.carbonAccount();
        CreditFeatures credit = request.credit();
        LoanRequest loan = request.loanRequest();
        Object value = switch (c) {
            case FIRM_ID -> sme.id();
            case NAME -> sme.name();
            case REGION -> sme.regionCode();
            case INDUSTRY -> sme.industryCode();
            case SIZE -> sme.sizeClass() == null ? null : SIZE_WORDS.get(sme.sizeClass());
            case FOUNDED -> sme.foundedOn();
            case REVENUE -> account == null ? null : plain(account.revenueCny());
            case DEBT -> credit == null ? null : plain(credit.existingDebtCny());
            case PAST_DUE -> credit == null ? null : credit.maxPastDueDays();
            case TAX -> credit == null ? null : plain(credit.taxPaidCny());
            case INVOICES -> credit == null ? null : credit.invoicesIssued();
            case LOAN_AMOUNT -> loan == null ? null : plain(loan.amountCny());
            case LOAN_TERM -> loan == null ? null : loan.termMonths();
            default -> throw new IllegalArgumentException(c + " is not a firm column");
        };
        return value == null ? "" : CsvFormat.neutralised(value.toString());
    }

    private static String plain(Double value) {
        if (value == null) {
            return null;
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue()) : value.toString();
    }

    /** The request a filled sheet gives; every problem of every cell at once, each naming its row and column. */
    public static RatingRequest read(byte[] csv, String name) {
        List<FieldError> errors = new ArrayList<>();
        try (CsvReader reader = reader(csv, name)) {
            List<String> header = reader.next();
            if (header == null) {
                throw new InvalidRequestException(List.of(new FieldError("$", "the sheet is empty", FieldError.REQUIRED)));
            }
            Column[] columns = new Column[header.size()];
            Map<Column, Integer> seen = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns[i] = column(header.get(i));
                if (columns[i] == null && !header.get(i).isBlank()) {
                    errors.add(new FieldError(where(1, header.get(i)), "unknown column '" + header.get(i).strip() + "'; the template's columns are "
                            + Arrays.stream(Column.values()).map(c -> c.zh).toList(), FieldError.UNKNOWN_FIELD));
                } else if (columns[i] != null && seen.put(columns[i], i) != null) {
                    errors.add(new FieldError(where(1, header.get(i)), "column appears twice", FieldError.INCONSISTENT));
                }
            }
            Sheet sheet = new Sheet(header, columns, errors);
            for (List<String> row = reader.next(); row != null; row = reader.next()) {
                sheet.add(reader.recordLine(), row);
            }
            RatingRequest request = sheet.request();
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
            return request;
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidRequestException(List.of(new FieldError("$", "the sheet is neither UTF-8 nor GBK text; save it as CSV UTF-8",
                    FieldError.BODY)));
        } catch (CsvFormatException e) {
            throw new InvalidRequestException(List.of(new FieldError("$", e.getMessage(), FieldError.FORMAT)));
        }
    }

    private static CsvReader reader(byte[] csv, String name) {
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(csv));
        return new CsvReader(new InputStreamReader(in, CsvFormat.charsetOf(in).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), name);
    }

    private static Column column(String header) {
        String key = header.replace("\uFEFF", "").strip();
        for (Column c : Column.values()) {
            if (c.zh.equals(key) || c.en.equalsIgnoreCase(key)) {
                return c;
            }
        }
        return null;
    }

    /** A cell's place as pages name it: csv, the sheet's row number (the header is row 1), the column as written. */
    static String where(int row, String column) {
        return "csv:" + row + ":" + column.replace("\uFEFF", "").strip();
    }

    /** The rows read so far: the firm's facts from whichever row gives them, the months in order. */
    private static final class Sheet {
        private final List<String> header;
        private final Column[] columns;
        private final List<FieldError> errors;
        private final Map<Column, String> firm = new EnumMap<>(Column.class);
        private final Map<Column, Integer> firmRow = new EnumMap<>(Column.class);
        private final TreeMap<YearMonth, Integer> monthRows = new TreeMap<>();
        private final List<ActivityLine> lines = new ArrayList<>();
        private final TreeMap<YearMonth, Double> inflows = new TreeMap<>();
        private final TreeMap<YearMonth, Double> outflows = new TreeMap<>();

        Sheet(List<String> header, Column[] columns, List<FieldError> errors) {
            this.header = header;
            this.columns = columns;
            this.errors = errors;
        }

        void add(int row, List<String> cells) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            Map<Column, String> monthly = new EnumMap<>(Column.class);
            for (int i = 0; i < cells.size(); i++) {
                String cell = CsvFormat.restored(cells.get(i)).strip();
                if (i >= columns.length) {
                    if (!cell.isEmpty()) {
                        errors.add(new FieldError(where(row, "#" + (i + 1)), "a value beyond the last column of the header", FieldError.UNKNOWN_FIELD));
                    }
                    continue;
                }
                Column c = columns[i];
                if (c == null || cell.isEmpty()) {
                    continue;
                }
                if (c.level == Level.MONTH) {
                    monthly.put(c, cell);
                } else if (!firm.containsKey(c)) {
                    firm.put(c, cell);
                    firmRow.put(c, row);
                } else if (!firm.get(c).equals(cell)) {
                    errors.add(new FieldError(where(row, header.get(i)), "'" + cell + "' differs from '" + firm.get(c) + "' in row "
                            + firmRow.get(c) + ": the firm's facts go once, on the first row", FieldError.INCONSISTENT));
                }
            }
            month(row, monthly);
        }

        private void month(int row, Map<Column, String> cells) {
            boolean hasData = cells.keySet().stream().anyMatch(c -> c != Column.MONTH && c != Column.EVIDENCE);
            if (!cells.containsKey(Column.MONTH)) {
                if (hasData) {
                    errors.add(new FieldError(where(row, Column.MONTH.zh), "a row with monthly figures needs its month (e.g. 2025-01)",
                            FieldError.REQUIRED));
                }
                return;
            }
            YearMonth month = yearMonth(row, cells.get(Column.MONTH));
            if (month == null) {
                return;
            }
            Integer earlier = monthRows.putIfAbsent(month, row);
            if (earlier != null) {
                errors.add(new FieldError(where(row, Column.MONTH.zh), "month " + month + " is already in row " + earlier, FieldError.INCONSISTENT));
                return;
            }
            Evidence evidence = cells.containsKey(Column.EVIDENCE) ? evidence(row, cells.get(Column.EVIDENCE)) : Evidence.BILL;
            for (Map.Entry<Column, String> cell : cells.entrySet()) {
                Column c = cell.getKey();
                if (c.activity != null) {
                    Double quantity = number(row, c, cell.getValue());
                    if (quantity != null) {
                        lines.add(new ActivityLine(month, c.activity, quantity, c.unit, null, null, evidence));
                    }
                } else if (c == Column.INFLOW || c == Column.OUTFLOW) {
                    Double flow = number(row, c, cell.getValue());
                    if (flow != null) {
                        (c == Column.INFLOW ? inflows : outflows).put(month, flow);
                    }
                }
            }
        }

        RatingRequest request() {
            Sme sme = new Sme(firm.get(Column.FIRM_ID), firm.get(Column.NAME), firm.get(Column.REGION), industry(), size(), founded());
            Double revenue = firmNumber(Column.REVENUE);
            CarbonAccount account = lines.isEmpty() && revenue == null ? null : new CarbonAccount(revenue, null, lines);
            Double debt = firmNumber(Column.DEBT);
            Double tax = firmNumber(Column.TAX);
            Integer pastDue = firmInteger(Column.PAST_DUE);
            Integer invoices = firmInteger(Column.INVOICES);
            List<Double> in = flows(inflows, Column.INFLOW);
            List<Double> out = flows(outflows, Column.OUTFLOW);
            boolean anyCredit = debt != null || tax != null || pastDue != null || invoices != null || !in.isEmpty() || !out.isEmpty();
            CreditFeatures credit = anyCredit ? new CreditFeatures(in, out, invoices, tax, debt, pastDue, null) : null;
            Double amount = firmNumber(Column.LOAN_AMOUNT);
            Integer term = firmInteger(Column.LOAN_TERM);
            LoanRequest loan = amount == null && term == null ? null : new LoanRequest(amount, term, null);
            return new RatingRequest(sme, account, null, credit, null, loan);
        }

        /** Flows of every month the sheet has, in month order; a month missing its flow while others have one is an error. */
        private List<Double> flows(TreeMap<YearMonth, Double> flows, Column column) {
            if (flows.isEmpty()) {
                return List.of();
            }
            // Every month between the first and the last flow, whether the sheet has a row for it or not: the list has no months.
            for (YearMonth month = flows.firstKey(); month.isBefore(flows.lastKey()); month = month.plusMonths(1)) {
                if (!flows.containsKey(month)) {
                    Integer row = monthRows.containsKey(month) ? monthRows.get(month) : monthRows.get(flows.higherKey(month));
                    errors.add(new FieldError(where(row, column.zh), "missing for " + month
                            + " while the months around it have it: flows are read month by month without gaps", FieldError.REQUIRED));
                }
            }
            return List.copyOf(flows.values());
        }

        private String industry() {
            String code = firm.get(Column.INDUSTRY);
            return code == null ? null : code.toUpperCase(Locale.ROOT);
        }

        private SizeClass size() {
            String word = firm.get(Column.SIZE);
            if (word == null) {
                return null;
            }
            SizeClass size = SIZES.get(word);
            if (size == null) {
                try {
                    size = SizeClass.valueOf(word.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(where(firmRow.get(Column.SIZE), Column.SIZE.zh), "'" + word + "' is not a size class: 微型, 小型, 中型 or 大型",
                            FieldError.UNKNOWN_CODE));
                }
            }
            return size;
        }

        private LocalDate founded() {
            String text = firm.get(Column.FOUNDED);
            if (text == null) {
                return null;
            }
            Matcher m = DATE.matcher(text);
            try {
                if (m.matches()) {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                }
            } catch (java.time.DateTimeException e) {
                // reported below
            }
            errors.add(new FieldError(where(firmRow.get(Column.FOUNDED), Column.FOUNDED.zh), "'" + text + "' is not a date such as 2016-05-01",
                    FieldError.FORMAT));
            return null;
        }

        private Double firmNumber(Column c) {
            return firm.containsKey(c) ? number(firmRow.get(c), c, firm.get(c)) : null;
        }

        private Integer firmInteger(Column c) {
            Double value = firmNumber(c);
            if (value == null) {
                return null;
            }
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                errors.add(new FieldError(where(firmRow.get(c), c.zh), "'" + firm.get(c) + "' is not a whole number", FieldError.TYPE));
                return null;
            }
            return value.intValue();
        }

        private Double number(int row, Column c, String text) {
            // Excel's thousands separators and a trailing unit are how people write amounts; anything else is reported.
            String plain = text.replace(",", "").replace("，", "").replaceAll("\\s", "").replaceAll("(元|度|千瓦时)$", "");
            try {
                double value = Double.parseDouble(plain);
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.add(new FieldError(where(row, c.zh), "'" + text + "' is not a number", FieldError.TYPE));
            return null;
        }

        private YearMonth yearMonth(int row, String text) {
            Matcher m = MONTH.matcher(text);
            try {
                if (m.matches()) {
                    return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                }
            } catch (java.time.DateTimeException e) {
                // reported below
            }
            errors.add(new FieldError(where(row, Column.MONTH.zh), "'" + text + "' is not a month such as 2025-01", FieldError.FORMAT));
            return null;
        }

        private Evidence evidence(int row, String word) {
            Evidence evidence = EVIDENCE.get(word);
            if (evidence == null) {
                try {
                    return Evidence.valueOf(word.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(where(row, Column.EVIDENCE.zh), "'" + word + "' is not a kind of evidence: 电表, 账单, 发票, 自报 or 估算",
                            FieldError.UNKNOWN_CODE));
                    return Evidence.SELF_REPORTED;
                }
            }
            return evidence;
        }
    }
}
