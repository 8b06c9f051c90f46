package org.greencredit.datasets.invoices;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text of a file whose encoding is not declared: UTF-8 when every byte sequence is valid UTF-8,
 * otherwise GB18030, the superset of GBK that Excel on Chinese Windows writes when it saves CSV.
 * Valid UTF-8 is almost never valid-looking GBK text by accident, so the order decides well.
 */
public final class TextDecoding {
    static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoding() {
    }

    /** Decoded text and the encoding it was read in. */
    public record Decoded(String text, Charset charset) {
    }

    public static Decoded decode(byte[] bytes) {
        try {
            return new Decoded(strict(StandardCharsets.UTF_8, bytes), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            try {
                return new Decoded(strict(GB18030, bytes), GB18030);
            } catch (CharacterCodingException neither) {
                throw new IllegalArgumentException("the file is neither UTF-8 nor GBK/GB18030 text; save it as CSV UTF-8", neither);
            }
        }
    }

    private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
        CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        return chars.toString();
    }
}
