package org.greencredit.service.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class DeflatedTextTest {
    private static final String TEXT = "{\"name\":\"衢州绿色农场\",\"limitCny\":120000.0}";
    /** Python's {@code zlib.compress(TEXT.encode(), 1).hex()}: another zlib implementation's bytes for the same text. */
    private static final String PYTHON_LEVEL_1 =
            "7801ab56ca4bcc4d55b2527ab170d1d3edf39eefdeffa273d3d3b6394fe7ec52d251cac9cccd2c71ceab54b232343200023d835a0066a415fb";

    @Test
    void readsWhatAnotherZlibWrote() {
        assertThat(DeflatedText.inflate(HexFormat.of().parseHex(PYTHON_LEVEL_1))).isEqualTo(TEXT);
    }

    @Test
    void writesZlibWithTheFastestLevelsHeader() {
        // RFC 1950: CMF 0x78 (deflate, 32 KB window), FLG 0x01 (FLEVEL 0, the fastest): what Python wrote too.
        byte[] stored = DeflatedText.deflate(TEXT);
        assertThat(Arrays.copyOf(stored, 2)).containsExactly(0x78, 0x01);
    }

    @Test
    void givesBackExactlyTheTextStored() {
        String long_ = TEXT.repeat(2_000) + "\u0000\r\n\uD83C\uDF3F";
        assertThat(DeflatedText.inflate(DeflatedText.deflate(long_))).isEqualTo(long_);
        assertThat(DeflatedText.inflate(DeflatedText.deflate(""))).isEmpty();
    }

    @Test
    void aDeflaterUsedBeforeWritesWhatAFreshOneWrites() throws Exception {
        // Long and short values one after another on four threads, so that spare deflaters are taken up again, each
        // after values of other lengths: each must give the bytes of a deflater that never wrote anything.
        List<String> texts = List.of(TEXT.repeat(700), "", TEXT, "\uD83C\uDF3F".repeat(5_000), TEXT.repeat(3) + "\u0000");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> same = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String text = texts.get(i % texts.size());
            same.add(pool.submit(() -> Arrays.equals(DeflatedText.deflate(text), freshLevel1(text.getBytes(StandardCharsets.UTF_8)))));
        }
        pool.shutdown();
        for (Future<Boolean> f : same) {
            assertThat(f.get()).isTrue();
        }
    }

    /** What a new JDK deflater at zlib's fastest level writes. */
    private static byte[] freshLevel1(byte[] input) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DeflaterOutputStream stream = new DeflaterOutputStream(bytes, deflater)) {
                stream.write(input);
            }
            return bytes.toByteArray();
        } finally {
            deflater.end();
        }
    }

    @Test
    void aCutShortValueIsRefused() {
        byte[] stored = HexFormat.of().parseHex(PYTHON_LEVEL_1);
        assertThatThrownBy(() -> DeflatedText.inflate(Arrays.copyOf(stored, stored.length - 6)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cut short");
    }

    @Test
    void aDamagedValueIsRefused() {
        byte[] stored = HexFormat.of().parseHex(PYTHON_LEVEL_1);
        stored[stored.length - 1] ^= 0x01;  // the Adler-32 checksum no longer matches
        assertThatThrownBy(() -> DeflatedText.inflate(stored)).isInstanceOf(IllegalStateException.class).hasMessageContaining("not valid zlib");
    }

    @Test
    void textThatWasNeverDeflatedIsRefused() {
        assertThatThrownBy(() -> DeflatedText.inflate("{\"id\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not valid zlib");
    }

    @Test
    void bytesAfterTheStreamAreRefused() {
        byte[] stored = HexFormat.of().parseHex(PYTHON_LEVEL_1 + "00");
        assertThatThrownBy(() -> DeflatedText.inflate(stored)).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 bytes after");
    }
}
