package org.greencredit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.greencredit.rules.facts.GreenFacts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing the spreadsheet, with no Java change, changes ratings once the directory is reloaded. */
class RulesetReloadTest {
    private static final List<String> FILES = List.of("ruleset.properties", "green-criteria.drl.xlsx", "green.drl", "policy-criteria.drl.xlsx", "policy.drl");

    @TempDir
    Path dir;

    private void copyShippedRules() throws Exception {
        for (String name : FILES) {
            try (InputStream in = getClass().getResourceAsStream("/rules/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
    }

    /** Sets the cell in the row of {@code ruleId} under the column labelled {@code label} (the analyst's view of the table). */
    private void editTable(String ruleId, String label, Object value) throws Exception {
        Path file = dir.resolve("green-criteria.drl.xlsx");
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            int labelColumn = -1;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String text = format.formatCellValue(cell);
                    if (text.equals(label)) {
                        labelColumn = cell.getColumnIndex();
                    }
                    if (text.equals(ruleId) && labelColumn >= 0) {
                        Cell target = row.getCell(labelColumn, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                        if (value instanceof Number n) {
                            target.setCellValue(n.doubleValue());
                        } else {
                            target.setCellValue(value.toString());
                        }
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static GreenFacts invoices(double share) {
        return new GreenFacts("52", 3, 1.0, null, 1.0, 0, share, 0.0, 0.0, 0.0, false, Set.of(), true, 0);
    }

    @Test
    void aNewCutOffInTheSpreadsheetChangesTheScoreAfterReload() throws Exception {
        copyShippedRules();
        RulesetRegistry registry = new RulesetRegistry(Ruleset.shipped());
        // 75% e-invoices is below the shipped 80% cut-off: level 3 earns 15 points only.
        assertThat(registry.get().evaluateGreen(invoices(0.75)).score()).isEqualTo(15);

        editTable("G-BH-1", "E-invoice share at least", 0.7);
        assertThat(registry.reloadFrom(dir)).isTrue();

        assertThat(registry.get().evaluateGreen(invoices(0.75)).score()).isEqualTo(15 + 8);
        assertThat(registry.get().ruleset().version()).isNotEqualTo(Ruleset.shipped().version());
    }

    @Test
    void aBrokenTableIsRejectedWithItsLocationAndThePreviousRulesStay() throws Exception {
        copyShippedRules();
        RulesetRegistry registry = new RulesetRegistry(Ruleset.shipped());
        String before = registry.get().ruleset().version();
        List<String> heard = new ArrayList<>();
        registry.addListener(new RulesetRegistry.Listener() {
            @Override
            public void activated(Ruleset ruleset, Path from) {
                heard.add("activated " + ruleset.version());
            }

            @Override
            public void rejected(Path from, List<String> problems, Ruleset stillActive) {
                heard.add("rejected, " + problems.size() + " problem(s), still " + stillActive.version());
            }
        });

        editTable("G-BH-2", "Paperless share at least", "seventy percent");
        assertThat(registry.reloadFrom(dir)).isFalse();
        assertThat(heard).containsExactly("rejected, 1 problem(s), still " + before);

        assertThat(registry.get().ruleset().version()).isEqualTo(before);
        assertThat(registry.lastProblems()).singleElement().asString()
                .startsWith("green-criteria.drl.xlsx: sheet GreenCriteria, table GreenBehaviours, row ")
                .contains("column B");
        assertThat(registry.get().evaluateGreen(invoices(0.9)).score()).isEqualTo(15 + 8);
    }

    @Test
    void aMissingFileIsRejectedByName() throws Exception {
        copyShippedRules();
        Files.delete(dir.resolve("policy.drl"));
        RulesetRegistry registry = new RulesetRegistry(Ruleset.shipped());
        assertThat(registry.reloadFrom(dir)).isFalse();
        assertThat(registry.lastProblems()).singleElement().asString().endsWith("policy.drl is listed in ruleset.properties but missing");
    }

    @Test
    void aHalfSavedSpreadsheetIsRejectedAndThePreviousRulesStay() throws Exception {
        // Probe finding 14: a POI error from a half-written .xlsx escaped the registry (only RulesetException was caught).
        copyShippedRules();
        Path table = dir.resolve("green-criteria.drl.xlsx");
        byte[] whole = Files.readAllBytes(table);
        Files.write(table, java.util.Arrays.copyOf(whole, whole.length / 2));
        RulesetRegistry registry = new RulesetRegistry(Ruleset.shipped());
        String before = registry.get().ruleset().version();
        assertThat(registry.reloadFrom(dir)).isFalse();
        assertThat(registry.lastProblems()).singleElement().asString().contains("cannot be read as a ruleset");
        assertThat(registry.get().ruleset().version()).isEqualTo(before);
    }

    @Test
    @Tag("slow")
    void theWatcherKeepsWatchingAfterABrokenSaveAndLoadsTheFixedOne() throws Exception {
        copyShippedRules();
        Path table = dir.resolve("green-criteria.drl.xlsx");
        byte[] whole = Files.readAllBytes(table);
        try (RulesetRegistry registry = new RulesetRegistry(Ruleset.shipped())) {
            registry.watch(dir, 1);
            Files.write(table, java.util.Arrays.copyOf(whole, whole.length / 2));
            Files.setLastModifiedTime(table, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            awaitProblems(registry, true);
            Files.write(table, whole);
            Files.setLastModifiedTime(table, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
            awaitProblems(registry, false);
            assertThat(registry.lastProblems()).isEmpty();
        }
    }

    /** Waits (bounded) until the last reload was rejected or accepted. */
    private static void awaitProblems(RulesetRegistry registry, boolean rejected) throws InterruptedException {
        for (int i = 0; i < 100 && registry.lastProblems().isEmpty() == rejected; i++) {
            Thread.sleep(100);
        }
        assertThat(registry.lastProblems().isEmpty()).as("last reload rejected").isEqualTo(!rejected);
    }
}
