package org.greencredit.core.request;

public enum LoanPurpose {
    WORKING_CAPITAL, EQUIPMENT, GREEN_UPGRADE, AGRICULTURAL_INPUTS, OTHER
}
