package org.greencredit.core.request;

/** What a behaviour rests on. */
public enum BehaviourBasis {
    /** The firm states it; nothing the bank holds shows it. */
    DECLARED,
    /** Records show it: an e-invoice ledger, payment or receipt data, or certificates the bank checked. */
    EVIDENCED
}
