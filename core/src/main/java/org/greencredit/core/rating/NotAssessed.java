package org.greencredit.core.rating;

import org.greencredit.core.text.BilingualText;

/** A part of the rating that could not be assessed, and why. */
public record NotAssessed(String section, String zh, String en) {
    public static NotAssessed of(String section, BilingualText text) {
        return new NotAssessed(section, text.zh(), text.en());
    }
}
