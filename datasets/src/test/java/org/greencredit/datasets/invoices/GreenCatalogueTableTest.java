package org.greencredit.datasets.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.greencredit.core.invoice.LedgerFeatures;
import org.greencredit.datasets.reference.ReferenceTable;
import org.junit.jupiter.api.Test;

class GreenCatalogueTableTest {
    @Test
    void itemNamesFindTheirCatalogueCategoryAndOrdinaryGoodsNone() {
        GreenCatalogueTable catalogue = GreenCatalogueTable.shipped();

        assertThat(catalogue.categoryOf("单晶硅光伏组件", null)).isEqualTo("4");
        assertThat(catalogue.categoryOf("led筒灯", null)).isEqualTo("1");
        assertThat(catalogue.categoryOf("再生纸箱", null)).isEqualTo("3");
        assertThat(catalogue.categoryOf("有机玻璃板", null)).isNull();
        assertThat(catalogue.categoryOf("钢材", "1080201")).isNull();
        assertThat(catalogue.categoryOf(null, null)).isNull();
    }

    @Test
    void taxCodePrefixRowsMatchCodesThatStartWithThem() {
        ReferenceTable table = ReferenceTable.parse("t.csv", ("match,pattern,category,category_zh,category_en,source\n"
                + "TAX_CODE_PREFIX,109,1,节能降碳产业,Energy saving,test\n").getBytes(StandardCharsets.UTF_8),
                "match", "pattern", "category");

        GreenCatalogueTable catalogue = GreenCatalogueTable.from(table);

        assertThat(catalogue.categoryOf("anything", "1090512000000000000")).isEqualTo("1");
        assertThat(catalogue.categoryOf("anything", "1080512")).isNull();
    }

    @Test
    void anUnknownMatchKindOrAnEmptyPatternIsRefusedNamingTheRow() {
        ReferenceTable bad = ReferenceTable.parse("t.csv", ("match,pattern,category,source\nNAME,x,1,s\n")
                .getBytes(StandardCharsets.UTF_8), "match", "pattern", "category");
        assertThatThrownBy(() -> GreenCatalogueTable.from(bad))
                .hasMessage("t.csv: line 2, column 'match': 'NAME' is not ITEM_KEYWORD or TAX_CODE_PREFIX");
        ReferenceTable empty = ReferenceTable.parse("t.csv", ("match,pattern,category,source\nITEM_KEYWORD, ,1,s\n")
                .getBytes(StandardCharsets.UTF_8), "match", "pattern", "category");
        assertThatThrownBy(() -> GreenCatalogueTable.from(empty))
                .hasMessage("t.csv: line 2, column 'pattern': empty pattern would match every line");
    }

    @Test
    void everyLedgerFeatureIsDocumentedWithItsDefinitionAndSource() {
        ReferenceTable docs = ReferenceTable.load("ledger_features.csv", "feature", "name_zh", "name_en", "definition", "better");

        Set<String> documented = docs.rows().stream().map(r -> r.text("feature")).collect(Collectors.toSet());
        assertThat(docs.rows()).extracting(r -> r.text("feature")).containsExactlyElementsOf(LedgerFeatures.NAMES);
        assertThat(documented).hasSize(LedgerFeatures.NAMES.size());
        assertThat(docs.rows()).allSatisfy(r -> {
            assertThat(r.text("definition")).isNotBlank();
            assertThat(r.text("better")).isIn("higher", "lower");
        });
    }
}
