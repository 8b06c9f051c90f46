package org.greencredit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.junit.jupiter.api.Test;

/** Probe finding 13: text a spreadsheet would run as a formula is written inert, and reads back unchanged. */
class CsvInjectionTest {
    private static final List<String> NAMES = List.of("=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "'=already quoted",
            "普通小店", "'plain apostrophe");

    @Test
    void formulaLikeNamesAreNeutralisedInTheFileAndRestoredOnReading() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (RecordWriter<RatingRequest> writer = RecordFormat.CSV.writer(file, RatingRequest.class)) {
            for (int i = 0; i < NAMES.size(); i++) {
                writer.write(new RatingRequest(new Sme("S" + i, NAMES.get(i), "330802", "F5211", SizeClass.MICRO, null), null, null, null, null,
                        null));
            }
        }
        String text = file.toString(StandardCharsets.UTF_8);
        // Every cell of a name column starts with an apostrophe where a spreadsheet would otherwise evaluate it.
        assertThat(text).contains(",\"'=HYPERLINK", ",'+1+1,", ",'-2+3,", ",'@SUM(A1),", ",''=already quoted,", ",普通小店,",
                ",'plain apostrophe,");
        List<String> read = new ArrayList<>();
        try (RecordReader<RatingRequest> reader = RecordFormat.CSV.reader(new ByteArrayInputStream(file.toByteArray()), RatingRequest.class,
                "file")) {
            reader.forEachRemaining(row -> read.add(row.value().sme().name()));
        }
        assertThat(read).isEqualTo(NAMES);
    }
}
