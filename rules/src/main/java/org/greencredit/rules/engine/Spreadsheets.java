package org.greencredit.rules.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;

/** Reading a decision-table workbook just enough to locate an error in it. */
final class Spreadsheets {
    private static final Pattern QUOTED = Pattern.compile("'([^']{2,})'");

    private Spreadsheets() {
    }

    /** The package named in the RuleSet cell of a decision table, or null. */
    static String rulesetPackage(byte[] workbook) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            DataFormatter format = new DataFormatter();
            for (Row row : wb.getSheetAt(0)) {
                for (Cell cell : row) {
                    if ("RuleSet".equals(format.formatCellValue(cell).trim())) {
                        Cell next = row.getCell(cell.getColumnIndex() + 1);
                        return next == null ? null : format.formatCellValue(next).trim();
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String firstSheetName(byte[] workbook) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            return wb.getSheetName(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The A1-style column of the cell in the 1-based {@code row} that the message points at: the
     * first non-empty cell holding a token the parser quotes ('percent'), else the first whose whole
     * text occurs in the message; null when none does.
     */
    static String cellQuotedBy(byte[] workbook, int row, String message) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = wb.getSheetAt(0);
            Row r = sheet.getRow(row - 1);
            if (r == null) {
                return null;
            }
            DataFormatter format = new DataFormatter();
            Matcher quoted = QUOTED.matcher(message);
            while (quoted.find()) {
                for (Cell cell : r) {
                    if (format.formatCellValue(cell).contains(quoted.group(1))) {
                        return CellReference.convertNumToColString(cell.getColumnIndex());
                    }
                }
            }
            for (Cell cell : r) {
                String text = format.formatCellValue(cell).trim();
                if (!text.isEmpty() && message.contains(text)) {
                    return CellReference.convertNumToColString(cell.getColumnIndex());
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
