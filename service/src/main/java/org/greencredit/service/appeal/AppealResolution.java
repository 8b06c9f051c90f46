package org.greencredit.service.appeal;

import org.greencredit.core.request.RatingRequest;

/**
 * An officer's answer to an appeal: CORRECTED with the corrected request, which is rated anew, or
 * REJECTED; either way with an answer the SME will read.
 */
public record AppealResolution(String decision, String answer, RatingRequest correctedRequest) {
}
