package org.greencredit.core.rating;

/** How a firm's colour was found. */
public enum GreenPath {
    /** From its carbon account: carbon-efficiency level, decline and data quality (Quzhou 三维四色). */
    CARBON_ACCOUNT,
    /** Without a carbon account: from its green behaviours and industry, as MYbank rates small merchants. */
    MERCHANT
}
