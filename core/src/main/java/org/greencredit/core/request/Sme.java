package org.greencredit.core.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The rated enterprise or farm.
 *
 * @param id           unified social credit code or another stable id of the applicant
 * @param regionCode   GB/T 2260 administrative division code (6 digits)
 * @param industryCode GB/T 4754-2017 code: section letter then 2 to 4 digits, e.g. C1391
 */
public record Sme(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must contain only letters, digits, '-' and '_'") String id,
        @NotBlank @Size(max = Limits.MAX_TEXT) String name,
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit GB/T 2260 code") String regionCode,
        @NotNull @Pattern(regexp = "[A-T]\\d{2,4}", message = "must be a GB/T 4754 code: section letter A-T then 2 to 4 digits") String industryCode,
        @NotNull SizeClass sizeClass,
        @PastOrPresent LocalDate foundedOn) {

    /** The GB/T 2260 province part of the region code, e.g. "33" for 330800. */
    public String provinceCode() {
        return regionCode.substring(0, 2);
    }

    /** The GB/T 4754 division (two digits), e.g. "13" for C1391. */
    public String industryDivision() {
        return industryCode.substring(1, 3);
    }
}
