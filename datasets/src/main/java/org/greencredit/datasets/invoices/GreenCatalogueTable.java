package org.greencredit.datasets.invoices;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.greencredit.core.invoice.GreenCatalogue;
import org.greencredit.datasets.reference.ReferenceTable;

/**
 * {@code green_catalogue.csv}: invoice item-name keywords and tax-code prefixes mapped to categories
 * of the 2024 Green and Low-Carbon Transition Industry Guidance Catalogue. The first matching row wins.
 */
public final class GreenCatalogueTable implements GreenCatalogue {
    private record Entry(boolean keyword, String pattern, String category) {
    }

    private final List<Entry> entries;

    private GreenCatalogueTable(List<Entry> entries) {
        this.entries = entries;
    }

    public static GreenCatalogueTable shipped() {
        return from(ReferenceTable.load("green_catalogue.csv", "match", "pattern", "category", "category_zh", "category_en"));
    }

    static GreenCatalogueTable from(ReferenceTable table) {
        List<Entry> entries = new ArrayList<>();
        for (ReferenceTable.Row row : table.rows()) {
            String match = row.text("match").strip();
            String pattern = row.text("pattern").strip();
            if (pattern.isEmpty()) {
                throw new IllegalStateException(row.where("pattern") + ": empty pattern would match every line");
            }
            boolean keyword = switch (match) {
                case "ITEM_KEYWORD" -> true;
                case "TAX_CODE_PREFIX" -> {
                    if (!pattern.matches("\\d{1,19}")) {
                        throw new IllegalStateException(row.where("pattern") + ": '" + pattern + "' is not a tax-code prefix (digits)");
                    }
                    yield false;
                }
                default -> throw new IllegalStateException(row.where("match") + ": '" + match
                        + "' is not ITEM_KEYWORD or TAX_CODE_PREFIX");
            };
            entries.add(new Entry(keyword, keyword ? pattern.toLowerCase(Locale.ROOT) : pattern, row.text("category").strip()));
        }
        return new GreenCatalogueTable(List.copyOf(entries));
    }

    @Override
    public String categoryOf(String itemName, String taxCode) {
        String item = itemName == null ? null : itemName.toLowerCase(Locale.ROOT);
        for (Entry e : entries) {
            if (e.keyword ? item != null && item.contains(e.pattern) : taxCode != null && taxCode.startsWith(e.pattern)) {
                return e.category;
            }
        }
        return null;
    }
}
