package org.greencredit.core.rating;

public enum Outcome {
    APPROVE, REFER, DECLINE
}
