package org.greencredit.core.request;

/**
 * Size limits of one request. They protect the service from oversized input, not any
 * business rule: ten years of monthly lines for every activity fits well inside them.
 */
public final class Limits {
    public static final int MAX_ACTIVITY_LINES = 2_000;
    public static final int MAX_MONTHS = 120;
    public static final int MAX_PLOTS = 200;
    public static final int MAX_POLYGON_VERTICES = 5_000;
    public static final int MAX_NDVI_OBSERVATIONS = 1_000;
    public static final int MAX_CERTIFICATIONS = 20;
    public static final int MAX_MEASURES = 100;
    public static final int MAX_TEXT = 200;
    /** Per direction: three years of a busy shop's invoices, about 27 a day; a longer ledger goes through the CLI. */
    public static final int MAX_INVOICES = 30_000;

    private Limits() {
    }
}
