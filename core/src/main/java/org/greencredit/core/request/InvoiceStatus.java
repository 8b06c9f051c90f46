package org.greencredit.core.request;

/** Whether an invoice stands or was voided (作废) by its issuer. */
public enum InvoiceStatus {
    /** 有效发票: it stands; a red-letter invoice (negative amounts) is valid too. */
    VALID,
    /** 作废发票: voided, so it records no sale or purchase. */
    VOID
}
