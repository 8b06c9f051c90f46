package org.greencredit.core.text;

import java.util.Objects;

/**
 * One display text in Chinese and English, possibly with named placeholders such as {@code {plot}}
 * that {@link #with} fills in both languages at once.
 */
public record BilingualText(String zh, String en) {
    public BilingualText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** This text with every {@code {name}} replaced by {@code value} as {@link String#valueOf(Object)} writes it. */
    public BilingualText with(String name, Object value) {
        return with(name, value, value);
    }

    /** This text with {@code {name}} replaced by a value of its own in each language, such as a feature's zh and en names. */
    public BilingualText with(String name, Object zhValue, Object enValue) {
        String placeholder = "{" + name + "}";
        if (!zh.contains(placeholder) && !en.contains(placeholder)) {
            throw new IllegalArgumentException("text has no placeholder " + placeholder + ": " + en);
        }
        return new BilingualText(zh.replace(placeholder, String.valueOf(zhValue)), en.replace(placeholder, String.valueOf(enValue)));
    }
}
