package org.greencredit.core.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;

/**
 * A recorded energy-saving or fuel-switching measure (new equipment, rooftop solar, process
 * change). It explains a fall in energy use, so the distortion checks do not flag that fall.
 */
public record EnergyMeasure(@NotNull YearMonth month, @NotBlank @Size(max = Limits.MAX_TEXT) String description) {
}
