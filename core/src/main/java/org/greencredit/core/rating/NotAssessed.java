package org.greencredit.core.rating;

/** A part of the rating that could not be assessed, and why. */
public record NotAssessed(String section, String zh, String en) {
}
