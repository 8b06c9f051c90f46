package org.greencredit.datasets.invoices;

import java.util.List;

/** Which side of the firm's trade a ledger file records; it names the counterparty column. */
public enum LedgerDirection {
    /** Invoices the firm issued (销项发票); the counterparty is the buyer. */
    SALES("sales", List.of("购方单位代号", "购方代号", "购方", "购买方", "购方名称", "buyerid", "buyer", "customerid", "customer")),
    /** Invoices the firm received (进项发票); the counterparty is the seller. */
    PURCHASES("purchases", List.of("销方单位代号", "销方代号", "销方", "销售方", "销方名称", "sellerid", "seller", "supplierid", "supplier"));

    private final String label;
    private final List<String> counterpartyHeaders;

    LedgerDirection(String label, List<String> counterpartyHeaders) {
        this.label = label;
        this.counterpartyHeaders = counterpartyHeaders;
    }

    public String label() {
        return label;
    }

    List<String> counterpartyHeaders() {
        return counterpartyHeaders;
    }

    LedgerDirection other() {
        return this == SALES ? PURCHASES : SALES;
    }
}
