package org.greencredit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.request.RatingRequest;
import org.junit.jupiter.api.Test;

/** JSON lines are read strictly: every line is a row, with its number, and a bad line never hides a good one. */
class JsonLinesFormatTest {
    private static final String GOOD = "{\"sme\":{\"id\":\"S1\",\"name\":\"小店\",\"regionCode\":\"330802\",\"industryCode\":\"F5211\",\"sizeClass\":\"MICRO\"}}";

    private static List<ReadRow<RatingRequest>> read(byte[] body) {
        List<ReadRow<RatingRequest>> rows = new ArrayList<>();
        try (RecordReader<RatingRequest> reader = RecordFormat.JSON_LINES.reader(new ByteArrayInputStream(body), RatingRequest.class, "body")) {
            while (reader.hasNext()) {
                rows.add(reader.next());
            }
        }
        return rows;
    }

    private static byte[] lines(byte[]... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStreamFailingMidwayReturnsEveryLineBeforeAndThenNamesWhereItBrokeOff() {
        byte[] readable = lines(utf8(GOOD), utf8(GOOD.replace("S1", "S2")), utf8(GOOD.replace("S1", "S3")));
        // Two whole lines and a part of the third, then the connection drops.
        int cut = GOOD.length() * 2 + 2 + 10;
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(readable, 0, cut), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });
        try (RecordReader<RatingRequest> reader = RecordFormat.JSON_LINES.reader(failing, RatingRequest.class, "body")) {
            assertThat(reader.hasNext()).isTrue();
            assertThat(reader.next().value().sme().id()).isEqualTo("S1");
            assertThat(reader.hasNext()).isTrue();
            ReadRow<RatingRequest> second = reader.next();
            assertThat(second.number()).isEqualTo(2);
            assertThat(second.value().sme().id()).isEqualTo("S2");
            assertThatThrownBy(reader::hasNext).isInstanceOf(RecordFormatException.class)
                    .hasMessage("the input could not be read after line 2: connection reset");
        }
    }

    @Test
    void aReplacementCharacterSentAsSuchIsKeptWhileInvalidBytesAreRefused() {
        // U+FFFD written as its three UTF-8 bytes is valid text; the fast decoder's own replacement of bad bytes is not.
        List<ReadRow<RatingRequest>> rows = read(lines(utf8(GOOD.replace("小店", "小\uFFFD店"))));
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.value().sme().name()).isEqualTo("小\uFFFD店"));
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotResolvedLastWins() {
        List<ReadRow<RatingRequest>> rows = read(lines(utf8(GOOD.replace("\"sizeClass\":\"MICRO\"", "\"sizeClass\":\"MICRO\",\"sizeClass\":\"SMALL\""))));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).isOk()).isFalse();
        assertThat(rows.get(0).errors().get(0).message()).contains("malformed JSON").containsIgnoringCase("duplicate");
    }

    @Test
    void invalidUtf8IsARejectedRowNotAReplacementCharacter() {
        byte[] name = utf8(GOOD.replace("小店", "X"));
        int at = indexOf(name, (byte) 'X');
        byte[] invalid = name.clone();
        invalid[at] = (byte) 0xFF;
        // An overlong encoding of '/', which lenient decoders turn into the character.
        byte[] overlong = new byte[name.length + 1];
        System.arraycopy(name, 0, overlong, 0, at);
        overlong[at] = (byte) 0xC0;
        overlong[at + 1] = (byte) 0xAF;
        System.arraycopy(name, at + 1, overlong, at + 2, name.length - at - 1);

        List<ReadRow<RatingRequest>> rows = read(lines(utf8(GOOD), invalid, overlong, utf8(GOOD)));
        assertThat(rows).extracting(ReadRow::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rows).extracting(ReadRow::isOk).containsExactly(true, false, false, true);
        assertThat(rows.get(1).errors()).extracting(e -> e.field() + ": " + e.message()).containsExactly("$: the line is not valid UTF-8");
        assertThat(rows.get(2).errors()).extracting(e -> e.message()).containsExactly("the line is not valid UTF-8");
        assertThat(rows.get(3).value().sme().name()).isEqualTo("小店");
    }

    @Test
    void windowsLineEndsAndBlankLinesAndAMissingLastNewlineAreFine() {
        byte[] body = utf8(GOOD + "\r\n\r\n   \n" + GOOD);
        List<ReadRow<RatingRequest>> rows = read(body);
        assertThat(rows).extracting(ReadRow::number).containsExactly(1L, 4L);
        assertThat(rows).allSatisfy(r -> assertThat(r.isOk()).isTrue());
    }

    @Test
    void aLineLongerThanTheReadBufferIsOneRow() {
        String longName = "长".repeat(40_000);
        List<ReadRow<RatingRequest>> rows = read(lines(utf8(GOOD.replace("小店", longName)), utf8(GOOD)));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).number()).isEqualTo(1L);
        assertThat(rows.get(1).value().sme().name()).isEqualTo("小店");
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("no byte " + b);
    }
}
