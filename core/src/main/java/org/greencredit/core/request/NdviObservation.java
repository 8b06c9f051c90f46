package org.greencredit.core.request;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.greencredit.core.validation.Finite;

/** One NDVI reading of a plot; NDVI is bounded to [-1, 1] by its definition. */
public record NdviObservation(
        @NotNull LocalDate date,
        @NotNull @Finite @DecimalMin(value = "-1", message = "must be at least {value}") @DecimalMax(value = "1", message = "must be at most {value}") Double value,
        Boolean cloudy) {

    public boolean clearSky() {
        return cloudy == null || !cloudy;
    }
}
