package org.greencredit.datasets.invoices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where each field of an invoice is in one file's header, found by any of its accepted names. */
final class InvoiceColumns {
    enum Field {
        FIRM(true, "企业代号", "企业编号", "企业id", "纳税人识别号", "统一社会信用代码", "firmid", "firm", "companyid", "company", "smeid", "enterpriseid"),
        NUMBER(true, "发票号码", "发票号", "invoicenumber", "invoiceno", "number"),
        DATE(true, "开票日期", "日期", "issuedate", "issuedon", "invoicedate", "date"),
        COUNTERPARTY(true, "counterpartyid", "counterparty", "对方单位代号"),
        AMOUNT(true, "金额", "不含税金额", "amount", "amountcny", "netamount"),
        TAX(true, "税额", "tax", "taxcny", "taxamount", "vat"),
        TOTAL(true, "价税合计", "价税合计金额", "total", "totalcny", "grossamount"),
        STATUS(true, "发票状态", "状态", "status"),
        ITEM(false, "商品名称", "货物或应税劳务名称", "货物或应税劳务、服务名称", "项目名称", "货物名称", "itemname", "item", "goods"),
        TAX_CODE(false, "税收分类编码", "商品和服务税收分类编码", "税收编码", "商品编码", "taxcode", "taxclassificationcode"),
        KIND(false, "发票类型", "发票种类", "invoicetype", "invoicekind", "kind");

        final boolean required;
        final List<String> names;

        Field(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }
    }

    private final Map<Field, Integer> index;
    private final Map<Field, String> headerName;
    private final List<String> unread;

    private InvoiceColumns(Map<Field, Integer> index, Map<Field, String> headerName, List<String> unread) {
        this.index = index;
        this.headerName = headerName;
        this.unread = unread;
    }

    static String exampleHeader(LedgerDirection direction) {
        return "企业代号,发票号码,开票日期," + direction.counterpartyHeaders().get(0) + ",金额,税额,价税合计,发票状态";
    }

    static InvoiceColumns locate(Path path, List<String> header, LedgerDirection direction) {
        Map<Field, Integer> index = new LinkedHashMap<>();
        Map<Field, String> names = new LinkedHashMap<>();
        List<String> unread = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String raw = header.get(c).strip();
            String key = normalise(raw);
            Field field = fieldNamed(key, direction);
            if (field == null) {
                if (!raw.isEmpty()) {
                    unread.add(raw);
                }
                if (direction.other().counterpartyHeaders().contains(key)) {
                    throw new InvoiceFileException(path + ": the column '" + raw + "' names the " + (direction == LedgerDirection.SALES
                            ? "seller, so this is a purchase ledger (进项); pass it as the purchases file"
                            : "buyer, so this is a sales ledger (销项); pass it as the sales file"));
                }
                continue;
            }
            if (index.containsKey(field)) {
                throw new InvoiceFileException(path + ": the columns '" + names.get(field) + "' and '" + raw + "' both give the "
                        + describe(field, direction) + "; keep one");
            }
            index.put(field, c);
            names.put(field, raw);
        }
        List<String> missing = new ArrayList<>();
        for (Field field : Field.values()) {
            if (field.required && !index.containsKey(field)) {
                missing.add(describe(field, direction) + " (" + String.join(" / ", accepted(field, direction)) + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new InvoiceFileException(path + ": no column for " + String.join("; ", missing) + "; the columns are " + header);
        }
        return new InvoiceColumns(index, names, List.copyOf(unread));
    }

    private static Field fieldNamed(String key, LedgerDirection direction) {
        if (direction.counterpartyHeaders().contains(key)) {
            return Field.COUNTERPARTY;
        }
        for (Field field : Field.values()) {
            if (field.names.contains(key)) {
                return field;
            }
        }
        return null;
    }

    private static List<String> accepted(Field field, LedgerDirection direction) {
        if (field != Field.COUNTERPARTY) {
            return field.names.subList(0, Math.min(4, field.names.size()));
        }
        List<String> names = new ArrayList<>(direction.counterpartyHeaders().subList(0, 2));
        names.add(direction.counterpartyHeaders().get(5));
        names.add("counterpartyId");
        return names;
    }

    private static String describe(Field field, LedgerDirection direction) {
        return switch (field) {
            case FIRM -> "the firm";
            case NUMBER -> "the invoice number";
            case DATE -> "the issue date";
            case COUNTERPARTY -> direction == LedgerDirection.SALES ? "the buyer" : "the seller";
            case AMOUNT -> "the amount before tax";
            case TAX -> "the tax";
            case TOTAL -> "the total with tax";
            case STATUS -> "the status";
            case ITEM -> "the item name";
            case TAX_CODE -> "the tax classification code";
            case KIND -> "the invoice kind";
        };
    }

    /** Header names compared without case, spaces, underscores, hyphens or brackets: "Invoice No." finds "invoiceno". */
    static String normalise(String name) {
        return name.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-()（）.:：]", "");
    }

    /** The column of the field, or -1 when an optional field has none. */
    int indexOf(Field field) {
        return index.getOrDefault(field, -1);
    }

    String name(Field field) {
        return headerName.get(field);
    }

    List<String> unread() {
        return unread;
    }
}
