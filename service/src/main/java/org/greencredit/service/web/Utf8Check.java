package org.greencredit.service.web;

import java.io.IOException;

/**
 * Checks a byte stream as it passes for well-formed UTF-8 (RFC 3629 §4): no overlong forms, no
 * surrogates, nothing above U+10FFFF, no sequence cut short at the end. The JSON parser would
 * otherwise decode an overlong form as the character it spells, which the batch path refuses.
 */
final class Utf8Check {
    /** The body is not UTF-8: answered 400 naming the byte. */
    static final class InvalidUtf8Exception extends IOException {
        private static final long serialVersionUID = 1L;
        private final long offset;

        InvalidUtf8Exception(long offset) {
            super("the body is not valid UTF-8 (byte " + offset + ")");
            this.offset = offset;
        }

        long offset() {
            return offset;
        }
    }

    /** Continuation bytes still expected, and the bounds of the next one (the second byte of some leads is narrower). */
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;
    private long offset;

    void accept(byte[] bytes, int from, int length) throws InvalidUtf8Exception {
        for (int i = from; i < from + length; i++) {
            accept(bytes[i] & 0xFF);
        }
    }

    void accept(int b) throws InvalidUtf8Exception {
        if (pending > 0) {
            if (b < low || b > high) {
                throw new InvalidUtf8Exception(offset);
            }
            pending--;
            low = 0x80;
            high = 0xBF;
        } else if (b >= 0x80) {
            if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw new InvalidUtf8Exception(offset);
            }
        }
        offset++;
    }

    /** The end of the body: a sequence still open there was cut short. */
    void end() throws InvalidUtf8Exception {
        if (pending > 0) {
            throw new InvalidUtf8Exception(offset);
        }
    }
}
