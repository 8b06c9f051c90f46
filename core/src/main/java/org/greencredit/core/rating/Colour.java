package org.greencredit.core.rating;

/** Quzhou carbon-account colours (三维四色, DB3308/T 095-2021). */
public enum Colour {
    DEEP_GREEN, LIGHT_GREEN, YELLOW, RED
}
