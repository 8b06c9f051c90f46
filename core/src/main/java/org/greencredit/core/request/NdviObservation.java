package org.greencredit.core.request;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.greencredit.core.validation.Finite;
import org.greencredit.core.validation.NdviSource;

/**
 * One vegetation reading of a plot: either NDVI itself ({@code value}, bounded to [-1, 1] by its
 * definition) or the surface reflectances of the red and near-infrared bands it is computed from,
 * NDVI = (nir - red) / (nir + red). When both are given they must agree.
 *
 * @param cloudy the provider's cloud flag; an unflagged reading may still be cloud-dimmed, which
 *               the phenology step treats as a dip below the smoothed curve
 */
@NdviSource
public record NdviObservation(
        @NotNull LocalDate date,
        @Finite @DecimalMin(value = "-1", message = "must be at least {value}") @DecimalMax(value = "1", message = "must be at most {value}") Double value,
        @Finite @DecimalMin(value = "0", message = "must be at least {value}") @DecimalMax(value = "1", message = "must be at most {value}") Double red,
        @Finite @DecimalMin(value = "0", message = "must be at least {value}") @DecimalMax(value = "1", message = "must be at most {value}") Double nir,
        Boolean cloudy) {

    /** A reading given as NDVI. */
    public NdviObservation(LocalDate date, Double value, Boolean cloudy) {
        this(date, value, null, null, cloudy);
    }

    public boolean clearSky() {
        return cloudy == null || !cloudy;
    }

    /** NDVI of the reading: {@code value} when given, else computed from the bands; null when neither is usable. */
    public Double ndvi() {
        if (value != null) {
            return value;
        }
        return fromBands(red, nir);
    }

    /** (nir - red) / (nir + red), or null when a band is missing or both are zero (NDVI undefined). */
    public static Double fromBands(Double red, Double nir) {
        if (red == null || nir == null || red + nir <= 0) {
            return null;
        }
        return (nir - red) / (nir + red);
    }
}
