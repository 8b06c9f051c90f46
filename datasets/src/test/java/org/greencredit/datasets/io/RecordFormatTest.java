package org.greencredit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.InvoiceLedger;
import org.greencredit.core.request.InvoiceStatus;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticLedgers;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RecordFormatTest {
    @TempDir
    Path dir;

    private static List<RatingRequest> population(int n) {
        SyntheticPopulation population = new SyntheticPopulation(5, YearMonth.of(2025, 12), 24, ReferenceData.shipped());
        return LongStream.range(0, n).mapToObj(i -> population.generate(i).request()).toList();
    }

    private static <T> List<ReadRow<T>> readAll(Path file, Class<T> type) {
        List<ReadRow<T>> rows = new ArrayList<>();
        try (RecordReader<T> reader = RecordFormat.openReader(file, type)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** Writes the requests to the file in the format its name gives and expects every one read back equal, in order. */
    private static void assertRoundTrip(Path file, List<RatingRequest> requests) {
        try (RecordWriter<RatingRequest> writer = RecordFormat.openWriter(file, RatingRequest.class)) {
            requests.forEach(writer::write);
        }
        List<ReadRow<RatingRequest>> rows = readAll(file, RatingRequest.class);
        assertThat(rows).allMatch(ReadRow::isOk);
        assertThat(rows.stream().map(ReadRow::value).toList()).isEqualTo(requests);
    }

    @ParameterizedTest
    @Tag("slow")
    @ValueSource(strings = {"requests.jsonl", "requests.csv", "requests.arrow", "requests.arrows"})
    void requestsRoundTripThroughEveryFormat(String name) {
        // 5,000 rows span two Arrow batches; the population includes farms with plots and thin files.
        List<RatingRequest> requests = population(5_000);
        assertRoundTrip(dir.resolve(name), requests);
        assertThat(requests).anyMatch(RatingRequest::hasPlots).anyMatch(r -> r.carbonAccount() == null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ledgers.jsonl", "ledgers.csv", "ledgers.arrow", "ledgers.arrows"})
    void requestsWithInvoiceLedgersRoundTripThroughEveryFormat(String name) {
        SyntheticPopulation population = new SyntheticPopulation(5, YearMonth.of(2025, 12), 24, ReferenceData.shipped());
        SyntheticLedgers ledgers = new SyntheticLedgers(5, YearMonth.of(2025, 12), 24);
        List<RatingRequest> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            SyntheticSme sme = population.generate(i);
            RatingRequest r = sme.request();
            requests.add(i % 3 == 2 ? r : r.withInvoices(i % 3 == 0 ? ledgers.generate(sme) : new InvoiceLedger(List.of(new Invoice("R1",
                    LocalDate.of(2025, 3, 1), null, -10.5, -0.11, -10.61, InvoiceStatus.VALID, null, "1090512", null)), null)));
        }

        assertRoundTrip(dir.resolve(name), requests);
        List<Invoice> sales = requests.stream().filter(r -> r.invoices() != null).flatMap(r -> r.invoices().sales().stream()).toList();
        assertThat(sales).anyMatch(Invoice::countsAsRedLetter).anyMatch(invoice -> invoice.status() == InvoiceStatus.VOID)
                .anyMatch(invoice -> invoice.counterpartyId() == null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"progress.jsonl", "progress.arrow"})
    void aFileReaderTellsHowMuchOfTheFileItHasRead(String name) {
        // 9,000 rows: three Arrow batches, and several buffers of JSON lines.
        List<RatingRequest> requests = population(9_000);
        Path file = dir.resolve(name);
        try (RecordWriter<RatingRequest> writer = RecordFormat.openWriter(file, RatingRequest.class)) {
            requests.forEach(writer::write);
        }
        try (RecordReader<RatingRequest> reader = RecordFormat.openReader(file, RatingRequest.class)) {
            double atStart = reader.progress();
            for (int i = 0; i < 4_500; i++) {
                reader.next();
            }
            double halfway = reader.progress();
            reader.forEachRemaining(row -> {
            });
            assertThat(atStart).isLessThan(0.5);
            // Bytes consumed run ahead of rows by a buffer of lines or, in Arrow, by the batch being read (the second of three).
            assertThat(halfway).isGreaterThan(0.3).isLessThan(1.0);
            assertThat(reader.progress()).isEqualTo(1.0);
        }
    }

    @Test
    void badRowsAreReportedWithTheirNumberAndFieldWhileGoodRowsAreRead() throws IOException {
        Path file = dir.resolve("mixed.csv");
        Files.writeString(file, """
                sme.id,sme.name,sme.regionCode,sme.industryCode,sme.sizeClass,carbonAccount.revenueCny,credit.monthlyInflowsCny
                S1,甲,330802,C1391,MICRO,1000000,"[1,2,3]"
                S2,乙,330802,C1391,MICRO,lots,
                S3,丙,330802,C1391,HUGE,,
                S4,丁,330802,C1391,MICRO,,"[1,"
                S5,戊,330802,C1391,MICRO,,
                """, StandardCharsets.UTF_8);
        List<ReadRow<RatingRequest>> rows = readAll(file, RatingRequest.class);

        assertThat(rows).extracting(ReadRow::number).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(rows.get(0).value().credit().monthlyInflowsCny()).containsExactly(1.0, 2.0, 3.0);
        assertThat(rows.get(1).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("carbonAccount.revenueCny");
            assertThat(e.message()).isEqualTo("'lots' is not a number");
        });
        assertThat(rows.get(2).errors().get(0).field()).isEqualTo("sme.sizeClass");
        assertThat(rows.get(3).errors().get(0).field()).isEqualTo("credit.monthlyInflowsCny");
        assertThat(rows.get(4).isOk()).isTrue();
    }

    @Test
    void anUnknownColumnRejectsTheFileNamingIt() throws IOException {
        Path file = dir.resolve("typo.csv");
        Files.writeString(file, "sme.id,sme.regoinCode\nS1,330802\n");
        assertThatThrownBy(() -> readAll(file, RatingRequest.class)).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("unknown column 'sme.regoinCode' (column 2)");
    }

    @Test
    void jsonLinesRowsAreNumberedByLineAndBlankLinesAreNotRows() throws IOException {
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, "{\"sme\":{\"id\":\"S1\"}}\n\n{\"sme\":{\"id\":\"S2\"},\"oops\":1}\n");
        List<ReadRow<RatingRequest>> rows = readAll(file, RatingRequest.class);
        assertThat(rows).extracting(ReadRow::number).containsExactly(1L, 3L);
        assertThat(rows.get(1).errors().get(0).field()).isEqualTo("oops");
    }

    @Test
    void anUnknownExtensionIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> RecordFormat.forFileName("x.parquet")).hasMessageContaining(".jsonl").hasMessageContaining(".arrows");
    }

    @Test
    void writingIntoADirectoryThatDoesNotExistSaysSo() {
        Path out = dir.resolve("missing").resolve("out.jsonl");
        assertThatThrownBy(() -> RecordFormat.openWriter(out, RatingRequest.class))
                .hasMessage("cannot write " + out + ": the directory " + dir.resolve("missing") + " does not exist");
    }

    @Test
    void readingAFileThatDoesNotExistSaysSo() {
        Path in = dir.resolve("absent.jsonl");
        assertThatThrownBy(() -> RecordFormat.openReader(in, RatingRequest.class)).hasMessage("cannot read " + in + ": no such file");
    }
}
