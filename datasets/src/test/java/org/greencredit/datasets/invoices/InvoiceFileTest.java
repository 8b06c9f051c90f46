package org.greencredit.datasets.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.InvoiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvoiceFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String content, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(charset));
        return file;
    }

    /** The layout of the 2020 national modelling contest's invoice sheets, with the mess real exports have. */
    private static final String MESSY_SALES = String.join("\n",
            "\uFEFF企业代号,发票号码,开票日期,购方单位代号,金额,税额,价税合计,发票状态",
            "E1,1001,2017-08-04,A00297, 1000.00 ,130.00,1130.00,有效发票",          // 2: stray spaces
            "E1,1002,2017/8/15,A05061,-200,-26,-226,有效发票",                     // 3: red-letter
            "E1,1003,2017-09-01,A00297,500,65,565,作废发票",                       // 4: void
            "E1,1001,2017-08-04,A00297,1000.00,130.00,1130.00,有效发票",           // 5: exact repeat of line 2
            "E1,1001,2017-08-05,A00297,999,129.87,1128.87,有效发票",               // 6: same number, other values
            "E1,1004,2017-13-01,A00297,10,1.3,11.3,有效发票",                      // 7: no month 13
            "E1,1005,2017-09-02,A00297,10,1.3,12.3,有效发票",                      // 8: total does not add up
            "E1,1006,2017-09-03,A00297,10,1.3,11.3,已开",                          // 9: unknown status
            "E2,2001,2017年10月5日,A1,\"1,234.50\",160.49,1394.99,有效发票",       // 10: grouped thousands, Chinese date
            "E2,2002,43010,A1,100,13,113,有效发票",                                // 11: spreadsheet serial date (2017-10-02)
            "E2,2003,2017-10-06,A1,,13,113,有效发票",                              // 12: empty amount
            "E2,2004,2017-10-07,A1,100,13",                                        // 13: cut short
            "",
            "E3,3001,2017-11-01,,８８,１１.４４,９９.４４,有效");                     // 15: full-width digits, no buyer
    @Test
    void aMessyChineseSalesLedgerIsReadRowByRowAndEveryRowNotReadIsReportedWithItsLineAndColumn() throws IOException {
        InvoiceFile file = InvoiceFile.read(write("sales.csv", MESSY_SALES, StandardCharsets.UTF_8), LedgerDirection.SALES);

        assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(file.rows()).extracting(InvoiceRow::line).containsExactly(2L, 3L, 4L, 5L, 6L, 10L, 11L, 15L);
        assertThat(file.rows().get(0).invoice()).isEqualTo(new Invoice("1001", LocalDate.of(2017, 8, 4), "A00297", 1000.0, 130.0,
                1130.0, InvoiceStatus.VALID, null, null, null));
        assertThat(file.rows().get(1).invoice().countsAsRedLetter()).isTrue();
        assertThat(file.rows().get(2).invoice().status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(file.rows().get(5).invoice().amountCny()).isEqualTo(1234.5);
        assertThat(file.rows().get(5).invoice().issuedOn()).isEqualTo(LocalDate.of(2017, 10, 5));
        assertThat(file.rows().get(6).invoice().issuedOn()).isEqualTo(LocalDate.of(2017, 10, 2));
        assertThat(file.serialDates()).isEqualTo(1);
        assertThat(file.rows().get(7).invoice()).isEqualTo(new Invoice("3001", LocalDate.of(2017, 11, 1), null, 88.0, 11.44, 99.44,
                InvoiceStatus.VALID, null, null, null));
        assertThat(file.problems()).extracting(RowProblem::kind, RowProblem::line, RowProblem::firmId, RowProblem::column)
                .containsExactly(
                        tuple(RowProblem.Kind.REJECTED, 7L, "E1", "开票日期"),
                        tuple(RowProblem.Kind.REJECTED, 8L, "E1", "价税合计"),
                        tuple(RowProblem.Kind.REJECTED, 9L, "E1", "发票状态"),
                        tuple(RowProblem.Kind.REJECTED, 12L, "E2", "金额"),
                        tuple(RowProblem.Kind.REJECTED, 13L, "E2", ""));
        assertThat(file.problems()).extracting(RowProblem::problem).containsExactly(
                "'2017-13-01' is not a calendar date",
                "is 12.30, but 金额 10.00 + 税额 1.30 = 11.30",
                "'已开' is not a status; use 有效发票 or 作废发票 (valid or void)",
                "is empty",
                "the row has 6 fields but the header has 8 (a row cut short or with an unquoted separator)");
    }

    @Test
    void firmsGroupTheirRowsAndExactRepeatsAreReadOnceWhileSharedNumbersAreBothRead() throws IOException {
        InvoiceFile sales = InvoiceFile.read(write("sales.csv", MESSY_SALES, StandardCharsets.UTF_8), LedgerDirection.SALES);

        FirmLedgers ledgers = FirmLedgers.of(sales, null);

        assertThat(ledgers.firms()).extracting(FirmLedgers.Firm::id).containsExactly("E1", "E2", "E3");
        FirmLedgers.Firm e1 = ledgers.firms().get(0);
        assertThat(e1.sales()).extracting(Invoice::number).containsExactly("1001", "1002", "1003", "1001");
        assertThat(e1.purchases()).isNull();
        assertThat(ledgers.notes()).extracting(RowProblem::kind, RowProblem::line, RowProblem::problem).containsExactly(
                tuple(RowProblem.Kind.DUPLICATE_DROPPED, 5L, "repeats line 2 in every field; read once"),
                tuple(RowProblem.Kind.SAME_NUMBER_KEPT, 6L, "has the invoice number 1001 of line 2 with other values; both read"));
        assertThat(ledgers.latestMonth()).hasToString("2017-11");
    }

    @Test
    void aGbkFileFromExcelIsReadAsGbkWithItsChineseItemNames() throws IOException {
        String content = "企业代号,发票号码,开票日期,销方单位代号,金额,税额,价税合计,发票状态,货物或应税劳务名称,发票类型\r\n"
                + "E9,1,2024-03-01,S1,100,13,113,有效发票,再生纸箱,增值税电子普通发票\r\n"
                + "E9,2,2024-03-02,S2,200,26,226,有效发票,钢材,增值税专用发票\r\n";
        Path file = write("purchases.csv", content, Charset.forName("GBK"));

        InvoiceFile read = InvoiceFile.read(file, LedgerDirection.PURCHASES);

        assertThat(read.charset().name()).isEqualTo("GB18030");
        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).extracting(r -> r.invoice().itemName(), r -> r.invoice().electronic(), r -> r.invoice().counterpartyId())
                .containsExactly(tuple("再生纸箱", true, "S1"), tuple("钢材", false, "S2"));
    }

    @Test
    void englishHeadersInAnyOrderAndTabsAreRead() throws IOException {
        String content = "Status\tTotal\tTax\tAmount\tBuyer ID\tIssue Date\tInvoice No.\tFirm ID\tItem Name\tTax Code\tNotes\n"
                + "void\t113\t13\t100\tC7\t2024-01-31 00:00:00\t77\tF1\tLED panel\t1090512\tmistyped\n";

        InvoiceFile read = InvoiceFile.read(write("s.tsv", content, StandardCharsets.UTF_8), LedgerDirection.SALES);

        assertThat(read.unreadColumns()).containsExactly("Notes");
        assertThat(read.rows()).singleElement().satisfies(r -> {
            assertThat(r.firmId()).isEqualTo("F1");
            assertThat(r.invoice()).isEqualTo(new Invoice("77", LocalDate.of(2024, 1, 31), "C7", 100.0, 13.0, 113.0,
                    InvoiceStatus.VOID, "LED panel", "1090512", null));
        });
    }

    @Test
    void aPurchaseLedgerPassedAsSalesIsRefusedSayingWhichItIs() throws IOException {
        Path file = write("p.csv", "企业代号,发票号码,开票日期,销方单位代号,金额,税额,价税合计,发票状态\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> InvoiceFile.read(file, LedgerDirection.SALES)).isInstanceOf(InvoiceFileException.class)
                .hasMessage(file + ": the column '销方单位代号' names the seller, so this is a purchase ledger (进项); pass it as the purchases file");
    }

    @Test
    void missingColumnsAreNamedWithTheNamesThatWouldBeRead() throws IOException {
        Path file = write("s.csv", "企业代号,发票号码,开票日期,购方单位代号,金额,价税合计\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> InvoiceFile.read(file, LedgerDirection.SALES)).isInstanceOf(InvoiceFileException.class)
                .hasMessage(file + ": no column for the tax (税额 / tax / taxcny / taxamount); the status (发票状态 / 状态 / status);"
                        + " the columns are [企业代号, 发票号码, 开票日期, 购方单位代号, 金额, 价税合计]");
    }

    @Test
    void anEmptyFileASpreadsheetAndAMissingFileAreRefusedWithWhatToDo() throws IOException {
        Path empty = write("e.csv", "", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> InvoiceFile.read(empty, LedgerDirection.SALES)).hasMessage(empty
                + ": the file is empty; expected a header row such as 企业代号,发票号码,开票日期,购方单位代号,金额,税额,价税合计,发票状态");
        Path xlsx = write("sales.xlsx", "PK", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> InvoiceFile.read(xlsx, LedgerDirection.SALES))
                .hasMessage(xlsx + ": a spreadsheet file; save the sheet as CSV (UTF-8 or GBK) and pass that");
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> InvoiceFile.read(missing, LedgerDirection.SALES)).hasMessage(missing + ": no such file");
    }

    @Test
    void aQuotedFieldLeftOpenByAHalfWrittenFileStopsTheReadNamingItsLine() throws IOException {
        Path file = write("s.csv", "企业代号,发票号码,开票日期,购方单位代号,金额,税额,价税合计,发票状态\nE1,1,2024-01-01,A,\"100", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> InvoiceFile.read(file, LedgerDirection.SALES)).isInstanceOf(InvoiceFileException.class)
                .hasMessageContaining("line 2").hasMessageContaining("never closed");
    }

    @Test
    void amountsBeyondWhatOneFirmCanInvoiceAreRefused() throws IOException {
        Path file = write("s.csv", "企业代号,发票号码,开票日期,购方单位代号,金额,税额,价税合计,发票状态\n"
                + "E1,1,2024-01-01,A,1e300,0,1e300,有效发票\nE1,2,2024-01-01,A,NaN,0,0,有效发票\n", StandardCharsets.UTF_8);

        InvoiceFile read = InvoiceFile.read(file, LedgerDirection.SALES);

        assertThat(read.rows()).isEmpty();
        assertThat(read.problems()).extracting(RowProblem::line, RowProblem::column).containsExactly(
                tuple(2L, "金额"), tuple(2L, "价税合计"), tuple(3L, "金额"));
        assertThat(read.problems().get(2).problem()).isEqualTo("'NaN' is not an amount in yuan");
    }

    @Test
    void bytesThatAreNeitherUtf8NorGbkAreRefusedAsSuch() throws IOException {
        Path file = dir.resolve("binary.csv");
        Files.write(file, new byte[] {'a', ',', (byte) 0xFF, (byte) 0xFF, '\n'});

        assertThatThrownBy(() -> InvoiceFile.read(file, LedgerDirection.SALES)).isInstanceOf(InvoiceFileException.class)
                .hasMessage(file + ": the file is neither UTF-8 nor GBK/GB18030 text; save it as CSV UTF-8");
    }

    @Test
    void everyRowWithASerialDateIsCountedAlsoWhenTheSameCellRepeatsInFullWidthDigits() throws IOException {
        Path file = write("s.csv", "企业代号,发票号码,开票日期,购方单位代号,金额,税额,价税合计,发票状态\n"
                + "E1,1,４３０１０,A,100,13,113,有效发票\nE1,2,４３０１０,A,100,13,113,有效发票\nE1,3,43010,A,100,13,113,有效发票\n",
                StandardCharsets.UTF_8);

        InvoiceFile read = InvoiceFile.read(file, LedgerDirection.SALES);

        assertThat(read.rows()).extracting(r -> r.invoice().issuedOn()).containsOnly(LocalDate.of(2017, 10, 2));
        assertThat(read.serialDates()).isEqualTo(3);
    }
}
