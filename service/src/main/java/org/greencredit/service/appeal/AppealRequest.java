package org.greencredit.service.appeal;

/** What an SME contests: which input is wrong, what it should be, and the evidence (e.g. an invoice number). */
public record AppealRequest(String field, String claim, String evidence) {
}
