package org.greencredit.engine;

import java.util.List;

/**
 * One change the firm could make, found by rating the changed request: {@code achieves} and the figures after it are
 * that rating's, not an estimate.
 *
 * @param lever    what changes: a behaviour share, energySavingEquipment, energyUse or existingDebt
 * @param field    the request field changed (for energy use, every physical activity line)
 * @param from     its value now (a share, a debt in CNY; 1 for energy use)
 * @param to       its value in the changed request (for energy use, the factor applied to every quantity)
 * @param achieves what the change reaches, each against the request as it is: COLOUR, GREEN_GRADE, APPROVAL, LIMIT, CREDIT_GRADE
 */
public record WhatIf(String lever, String field, Double from, Double to, List<String> achieves, String zh, String en, String outcome,
                     double limitCny, int rateDiscountBp, String colour, String greenGrade, String creditGrade) {
    public WhatIf {
        achieves = List.copyOf(achieves);
    }
}
