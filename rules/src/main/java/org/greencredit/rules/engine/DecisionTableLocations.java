package org.greencredit.rules.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * Says where a compile error is, in terms the file's author uses: file, line and column for DRL;
 * file, sheet, row and column for a decision table. Drools names a table's rules
 * {@code <table>_<row>} and reports the error on the DRL it generated, so the row comes from the
 * rule name and the column from the table cell whose text the error quotes.
 */
final class DecisionTableLocations {
    private static final Pattern TABLE_RULE = Pattern.compile("(\\w+)_(\\d+)");

    private DecisionTableLocations() {
    }

    static String describe(Message m, Map<String, byte[]> files) {
        String path = m.getPath() == null ? "" : m.getPath().substring(m.getPath().lastIndexOf('/') + 1);
        String text = m.getText() == null ? "" : m.getText().trim();
        byte[] table = files.get(path);
        if (table == null || !path.endsWith(".xlsx")) {
            return path + ":" + m.getLine() + ":" + m.getColumn() + ": " + text;
        }
        Matcher rule = TABLE_RULE.matcher(text);
        while (rule.find()) {
            int row = Integer.parseInt(rule.group(2));
            String cell = Spreadsheets.cellQuotedBy(table, row, text);
            return path + ": sheet " + Spreadsheets.firstSheetName(table) + ", table " + rule.group(1) + ", row " + row
                    + (cell == null ? "" : ", column " + cell) + ": " + text;
        }
        return path + ": " + text;
    }
}
