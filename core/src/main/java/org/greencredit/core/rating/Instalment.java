package org.greencredit.core.rating;

import java.time.YearMonth;

public record Instalment(YearMonth dueMonth, double principalCny) {
}
