package org.greencredit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.greencredit.core.request.InvoiceStatus;
import org.greencredit.datasets.csv.CsvWriter;
import org.greencredit.datasets.invoices.FirmLedgers;
import org.greencredit.datasets.invoices.GreenCatalogueTable;
import org.greencredit.datasets.invoices.InvoiceFile;
import org.greencredit.datasets.invoices.LedgerDirection;
import org.greencredit.datasets.invoices.LedgerFeatureTable;
import org.greencredit.datasets.invoices.RowProblem;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.reference.ReferenceTable;
import org.greencredit.datasets.synthetic.SyntheticLedgers;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.InvoiceSample;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "invoices", mixinStandardHelpOptions = true, subcommands = {InvoicesCommand.Features.class, InvoicesCommand.Generate.class},
        description = "E-invoice ledgers: features per firm for model train, and synthetic ledgers to try them on.")
final class InvoicesCommand {

    @Command(name = "features", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Read sales and purchase e-invoice ledgers (CSV, Chinese or English headers, UTF-8 or GBK) and write one row "
                    + "of ledger features per firm.",
                "Rows that cannot be read, rows read once because they repeat another, and invoice numbers shared by different rows go to "
                    + "the report file with their file, line, firm, column and problem; exit code 2 when a row was not read."})
    static final class Features implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--sales", description = "Sales invoices (销项发票): 企业代号, 发票号码, 开票日期, 购方单位代号, 金额, 税额, 价税合计, 发票状态.")
        Path sales;

        @Option(names = "--purchases", description = "Purchase invoices (进项发票): the same columns with 销方单位代号.")
        Path purchases;

        @Option(names = "--firms", description = "Optional table with a firm id column (企业代号 or firmId) whose other columns "
                + "(labels such as 是否违约) are copied to each firm's row.")
        Path firms;

        @Option(names = "--as-of", description = "Last month read, YYYY-MM (default: the month of the latest invoice in the files).")
        String asOf;

        @Option(names = "--out", description = "Features CSV to write (required unless --describe).")
        Path out;

        @Option(names = "--report", description = "Report of rows not read or read once (default: the features file's name with .report.csv).")
        Path report;

        @Option(names = "--describe", description = "Print each feature's definition and source instead, as CSV.")
        boolean describe;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (describe) {
                System.out.print(new String(ReferenceTable.load("ledger_features.csv").content(), StandardCharsets.UTF_8));
                return 0;
            }
            if (out == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--out is required: the features CSV to write");
            }
            if (sales == null && purchases == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --sales, --purchases or both");
            }
            YearMonth month = null;
            if (asOf != null) {
                try {
                    month = YearMonth.parse(asOf);
                } catch (DateTimeParseException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--as-of must be a month as YYYY-MM, got '" + asOf + "'");
                }
            }
            if (out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
                throw new NoSuchFileException(out + ": the directory " + out.toAbsolutePath().getParent() + " does not exist");
            }
            InvoiceFile salesFile = sales == null ? null : InvoiceFile.read(sales, LedgerDirection.SALES);
            InvoiceFile purchaseFile = purchases == null ? null : InvoiceFile.read(purchases, LedgerDirection.PURCHASES);
            LedgerFeatureTable.Firms firmTable = firms == null ? null : LedgerFeatureTable.readFirms(firms);
            FirmLedgers ledgers = FirmLedgers.of(salesFile, purchaseFile);
            if (month == null) {
                month = ledgers.latestMonth();
            }
            if (month == null) {
                err.println("greencredit: no invoice could be read; see the report");
            }
            LedgerFeatureTable.Written written;
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                written = month == null ? new LedgerFeatureTable.Written(0, 0, 0)
                        : LedgerFeatureTable.write(ledgers, month, GreenCatalogueTable.shipped(), firmTable, w);
            }
            List<RowProblem> problems = new ArrayList<>();
            for (InvoiceFile file : new InvoiceFile[] {salesFile, purchaseFile}) {
                if (file != null) {
                    problems.addAll(file.problems());
                    err.println(summary(file));
                }
            }
            problems.addAll(ledgers.notes());
            Path reportPath = report != null ? report : out.resolveSibling(out.getFileName().toString().replaceFirst("\\.csv$", "") + ".report.csv");
            writeReport(reportPath, problems);
            Map<RowProblem.Kind, Integer> counts = new EnumMap<>(RowProblem.Kind.class);
            for (RowProblem p : problems) {
                counts.merge(p.kind(), 1, Integer::sum);
            }
            err.printf(Locale.ROOT, "%d firms written to %s (as of %s)%s; %d rows not read, %d repeated rows read once, %d shared numbers;"
                    + " report in %s%n", written.rows(), out, month,
                    firmTable == null ? "" : String.format(Locale.ROOT, ", %d of them without invoices, %d not in %s",
                            written.firmsWithoutInvoices(), written.firmsNotInTable(), firms),
                    counts.getOrDefault(RowProblem.Kind.REJECTED, 0), counts.getOrDefault(RowProblem.Kind.DUPLICATE_DROPPED, 0),
                    counts.getOrDefault(RowProblem.Kind.SAME_NUMBER_KEPT, 0), reportPath);
            return counts.containsKey(RowProblem.Kind.REJECTED) || month == null ? GreenCreditCli.EXIT_SOME_REJECTED : 0;
        }

        private static String summary(InvoiceFile file) {
            long voided = file.rows().stream().filter(r -> r.invoice().status() == InvoiceStatus.VOID).count();
            long red = file.rows().stream().filter(r -> r.invoice().status() == InvoiceStatus.VALID
                    && r.invoice().countsAsRedLetter()).count();
            return String.format(Locale.ROOT, "%s %s (%s): %d rows read (%d void, %d red-letter), %d not read%s%s", file.direction().label(),
                    file.path(), file.charset().name(), file.rows().size(), voided, red, file.problems().size(),
                    file.serialDates() == 0 ? "" : ", " + file.serialDates() + " dates given as spreadsheet serial numbers",
                    file.unreadColumns().isEmpty() ? "" : "; columns not used: " + String.join(", ", file.unreadColumns()));
        }

        private static void writeReport(Path path, List<RowProblem> problems) throws IOException {
            try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8); CsvWriter csv = new CsvWriter(w)) {
                csv.write(List.of("kind", "file", "line", "firmId", "column", "problem"));
                for (RowProblem p : problems) {
                    csv.write(List.of(p.kind().name(), p.file(), Long.toString(p.line()), p.firmId(), p.column(), p.problem()));
                }
            }
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write synthetic e-invoice ledgers (sales.csv, purchases.csv) for the first --count firms of the synthetic "
                    + "population, and firms.csv with their segments, the engine's credit features and the drawn outcome.",
                "The ledgers follow each firm's revenue, flows, delinquency and green propensity (datasets/README.md)."})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--count", required = true, description = "Firms to generate.")
        int count;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--thin-file", description = "Leave every firm's credit section out of firms.csv (no flows, debt or repayment "
                + "history), as for firms new to credit.")
        boolean thinFile;

        @Option(names = "--out", required = true, description = "Directory to write the three files to.")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (count < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--count must be at least 1, got " + count);
            }
            YearMonth last = YearMonth.of(2025, 12);
            InvoiceSample.Written w = InvoiceSample.write(RatingEngine.standard(Clock.systemUTC()),
                    new SyntheticPopulation(seed, last, 24, ReferenceData.shipped()), new SyntheticLedgers(seed, last, 24), count, thinFile,
                    out);
            spec.commandLine().getErr().printf(Locale.ROOT, "%d firms, %d sales and %d purchase invoices written to %s%n", w.firms(),
                    w.salesRows(), w.purchaseRows(), out);
            return 0;
        }
    }
}
