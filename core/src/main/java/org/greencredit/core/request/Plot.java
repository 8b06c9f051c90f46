package org.greencredit.core.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.greencredit.core.validation.Finite;

/** A farm plot: its outline, what the farmer declares, and its vegetation index over the season. */
public record Plot(
        @NotBlank @Size(max = 64) String id,
        Crop declaredCrop,
        @Finite @Positive Double declaredAreaMu,
        @Valid PolygonGeometry geometry,
        @Size(max = Limits.MAX_NDVI_OBSERVATIONS) List<@jakarta.validation.constraints.NotNull @Valid NdviObservation> ndvi) {

    public Plot {
        ndvi = Lists.copyOrEmpty(ndvi);
    }
}
