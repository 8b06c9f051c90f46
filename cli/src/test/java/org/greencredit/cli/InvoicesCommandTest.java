package org.greencredit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.greencredit.core.invoice.LedgerFeatures;
import org.greencredit.engine.reports.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvoicesCommandTest {
    @TempDir
    Path dir;

    /** The hand-worked ledger of LedgerFeaturesTest (firm F1), plus a firm F2 with one sale. */
    private static final String SALES = String.join("\n",
            "firmId,invoiceNo,issueDate,buyerId,amount,tax,total,status,itemName,invoiceType",
            "F1,S1,2024-01-10,A,1000,130,1130,valid,,",
            "F1,S2,2024-01-20,B,500,65,565,valid,,",
            "F1,S3,2024-02-15,A,1000,130,1130,void,,",
            "F1,S4,2024-03-05,A,2000,260,2260,valid,,",
            "F1,S5,2024-03-25,A,-200,-26,-226,valid,,",
            "F1,S6,2024-05-10,C,1500,195,1695,valid,LED灯,electronic",
            "F1,S7,2024-06-30,B,700,91,791,valid,办公用品,paper",
            "F2,T1,2024-06-01,Z,100,13,113,valid,,",
            "");
    private static final String PURCHASES = String.join("\n",
            "企业代号,发票号码,开票日期,销方单位代号,金额,税额,价税合计,发票状态,货物或应税劳务名称",
            "F1,P1,2024-01-05,X,600,78,678,有效发票,",
            "F1,P2,2024-03-01,X,900,117,1017,有效发票,",
            "F1,P3,2024-04-01,Y,300,39,339,作废发票,",
            "F1,P4,2024-05-01,Y,400,52,452,有效发票,再生纸",
            "");

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void featuresOfAHandWorkedLedgerAreWrittenWithTheFirmsLabels() throws IOException {
        Path firms = write("firms.csv", "企业代号,是否违约\nF1,否\nF2,是\nF3,否\n");
        Path out = dir.resolve("features.csv");

        int code = CommandLineRunner.run("invoices", "features", "--sales", write("s.csv", SALES).toString(), "--purchases",
                write("p.csv", PURCHASES).toString(), "--firms", firms.toString(), "--out", out.toString());

        assertThat(code).isZero();
        List<Map<String, String>> rows = FeatureTable.read(out);
        assertThat(rows).extracting(r -> r.get("firmId")).containsExactly("F1", "F2", "F3");
        Map<String, String> f1 = rows.get(0);
        // As of June 2024 (the latest invoice); values of LedgerFeaturesTest to 8 significant digits.
        assertThat(f1.get("ledgerMonths")).isEqualTo("6");
        assertThat(f1.get("salesMonthlyMeanCny")).isEqualTo("916.66667");
        assertThat(f1.get("grossMarginProxy")).isEqualTo("0.65454545");
        assertThat(f1.get("salesVoidRate")).isEqualTo("0.14285714");
        assertThat(f1.get("repeatSupplierShare")).isEqualTo("0");
        assertThat(f1.get("salesEInvoiceShare")).isEqualTo("0.5");
        // Only S6 (LED) of the described sales is in the shipped green catalogue: 1500 / 2200.
        assertThat(f1.get("greenSalesShare")).isEqualTo("0.68181818");
        assertThat(f1.get("greenPurchaseShare")).isEqualTo("1");
        assertThat(f1.get("是否违约")).isEqualTo("否");
        // F2 sold in June only and bought nothing: purchase features stay empty, not zero.
        Map<String, String> f2 = rows.get(1);
        assertThat(f2.get("ledgerMonths")).isEqualTo("1");
        assertThat(f2.get("supplierHhi")).isEmpty();
        assertThat(f2.get("是否违约")).isEqualTo("是");
        // F3 has no invoice: a row with empty features, so model train sees it as missing data.
        Map<String, String> f3 = rows.get(2);
        assertThat(LedgerFeatures.NAMES).allSatisfy(name -> assertThat(f3.get(name)).isEmpty());
        assertThat(Files.readAllLines(dir.resolve("features.report.csv"))).containsExactly("kind,file,line,firmId,column,problem");
    }

    @Test
    void rowsThatCannotBeReadAreReportedAndTheRestStillCountWithExitCodeTwo() throws IOException {
        String messy = SALES + "F2,T2,2024-06-31,Z,100,13,113,valid,,\nF2,T1,2024-06-01,Z,100,13,113,valid,,\n";
        Path out = dir.resolve("f.csv");
        Path report = dir.resolve("problems.csv");

        int code = CommandLineRunner.run("invoices", "features", "--sales", write("s.csv", messy).toString(), "--out", out.toString(),
                "--report", report.toString());

        assertThat(code).isEqualTo(GreenCreditCli.EXIT_SOME_REJECTED);
        assertThat(FeatureTable.read(out)).hasSize(2);
        String salesPath = dir.resolve("s.csv").toString();
        assertThat(Files.readAllLines(report)).containsExactly("kind,file,line,firmId,column,problem",
                "REJECTED," + salesPath + ",10,F2,issueDate,'2024-06-31' is not a calendar date",
                "DUPLICATE_DROPPED," + salesPath + ",11,F2,,repeats line 9 in every field; read once");
    }

    @Test
    void withoutALedgerAnOutputFileOrWithABadMonthItIsAUsageError() throws IOException {
        assertThat(CommandLineRunner.run("invoices", "features", "--out", dir.resolve("f.csv").toString())).isEqualTo(2);
        assertThat(CommandLineRunner.run("invoices", "features", "--sales", write("s.csv", SALES).toString())).isEqualTo(2);
        assertThat(CommandLineRunner.run("invoices", "features", "--sales", write("s.csv", SALES).toString(), "--as-of", "2024-13",
                "--out", dir.resolve("f.csv").toString())).isEqualTo(2);
    }

    @Test
    void anUnreadableLedgerStopsWithExitCodeThreeAndWritesNothing() throws IOException {
        Path out = dir.resolve("f.csv");
        int code = CommandLineRunner.run("invoices", "features", "--purchases", write("p.csv", SALES).toString(), "--out", out.toString());

        assertThat(code).isEqualTo(GreenCreditCli.EXIT_UNREADABLE);
        assertThat(out).doesNotExist();
    }

    @Test
    void describeListsEveryFeatureWithItsDefinition() {
        String table = CommandLineRunner.output("invoices", "features", "--describe");

        assertThat(table.lines().skip(1).map(l -> l.substring(0, l.indexOf(',')))).containsExactlyElementsOf(LedgerFeatures.NAMES);
    }

    @Test
    void generatedLedgersReadBackIntoOneRowPerFirmWithTheFirmsOutcome() {
        Path sample = dir.resolve("sample");
        assertThat(CommandLineRunner.run("invoices", "generate", "--count", "40", "--seed", "3", "--thin-file", "--out",
                sample.toString())).isZero();
        Path out = dir.resolve("features.csv");

        int code = CommandLineRunner.run("invoices", "features", "--sales", sample.resolve("sales.csv").toString(), "--purchases",
                sample.resolve("purchases.csv").toString(), "--firms", sample.resolve("firms.csv").toString(), "--out", out.toString());

        assertThat(code).isZero();
        List<Map<String, String>> rows;
        try {
            rows = FeatureTable.read(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(rows).hasSize(40);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("defaulted")).isIn("0", "1");
            assertThat(r.get("thinFile")).isEqualTo("thin");
            assertThat(r.get("maxPastDueDays")).isEmpty();
            assertThat(Double.parseDouble(r.get("ledgerMonths"))).isBetween(1.0, 24.0);
        });
    }
}
