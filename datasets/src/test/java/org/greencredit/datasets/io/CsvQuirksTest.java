package org.greencredit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.request.RatingRequest;
import org.junit.jupiter.api.Test;

/** Probe finding 14 (CSV): the quirks of real files, each with the answer a user would expect. */
class CsvQuirksTest {
    private static final String HEADER = "sme.id,sme.name,sme.regionCode,sme.industryCode,sme.sizeClass";

    private static List<ReadRow<RatingRequest>> read(byte[] file) {
        List<ReadRow<RatingRequest>> rows = new ArrayList<>();
        try (RecordReader<RatingRequest> reader = RecordFormat.CSV.reader(new ByteArrayInputStream(file), RatingRequest.class, "f.csv")) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void trailingBlankLinesAreNotRows() {
        List<ReadRow<RatingRequest>> rows = read(utf8(HEADER + "\nS1,小店,330802,F5211,MICRO\n\n\n"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).isOk()).isTrue();
    }

    @Test
    void aHeaderOnlyFileHasNoRows() {
        assertThat(read(utf8(HEADER + "\n"))).isEmpty();
    }

    @Test
    void aColumnGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
        assertThatThrownBy(() -> read(utf8(HEADER + ",sme.name\nS1,小店,330802,F5211,MICRO,另一个名字\n")))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("'sme.name' appears twice (columns 2 and 6)");
    }

    @Test
    void oldMacLineEndsReadAsLines() {
        List<ReadRow<RatingRequest>> rows = read(utf8(HEADER + "\rS1,小店,330802,F5211,MICRO\rS2,大店,330802,F5211,SMALL\r"));
        assertThat(rows).extracting(r -> r.value().sme().id()).containsExactly("S1", "S2");
    }

    @Test
    void aGbkFileAsExcelSavesItOnChineseWindowsKeepsTheFirmsChineseName() {
        byte[] gbk = (HEADER + "\nS1,衢州绿色小店,330802,F5211,MICRO\n").getBytes(Charset.forName("GBK"));
        assertThat(read(gbk)).extracting(r -> r.value().sme().name()).containsExactly("衢州绿色小店");
    }

    @Test
    void aFileInNeitherUtf8NorGb18030IsRefusedWithAdviceNotStoredGarbled() {
        // ISO-8859-1 "é" followed by a comma is no GB18030 character, and no UTF-8 one either.
        byte[] latin1 = (HEADER + "\nS1,Café,330802,F5211,MICRO\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(latin1)).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("neither UTF-8 nor GB18030 (GBK) text").hasMessageContaining("CSV UTF-8");
    }
}
