package org.greencredit.core.rating;

import org.greencredit.core.request.BehaviourBasis;

/**
 * One green behaviour as the rating counted it.
 *
 * @param behaviour     the request field it answers: eInvoiceShare, paperlessReceiptShare, greenProductShare,
 *                      renewableElectricityShare, energySavingEquipment, or certifications.NAME
 * @param value         the share (0..1), or 1 for equipment and certifications the firm has
 * @param basis         EVIDENCED (counted in full) or DECLARED (counted at half)
 * @param source        where the value comes from: "invoices" (the e-invoice ledger), "carbonAccount.greenPower" (green
 *                      power certificates) or "greenBehaviours"
 * @param declaredValue what the firm declared when records gave another value; null otherwise
 * @param contradicted  the declaration exceeds what the records show by more than the tolerance (parameters.csv)
 */
public record BehaviourAssessment(String behaviour, double value, BehaviourBasis basis, String source, Double declaredValue,
                                  boolean contradicted) {
}
