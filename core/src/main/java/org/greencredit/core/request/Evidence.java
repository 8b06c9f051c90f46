package org.greencredit.core.request;

/** Where an activity figure comes from; it sets the line's data-quality score. */
public enum Evidence {
    METER, INVOICE, BILL, SELF_REPORTED, ESTIMATED
}
