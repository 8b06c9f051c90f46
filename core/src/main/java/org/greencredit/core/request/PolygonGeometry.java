package org.greencredit.core.request;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.greencredit.core.validation.Finite;
import org.greencredit.core.validation.ValidRing;

/**
 * A GeoJSON Polygon (RFC 7946) in WGS84: the first ring is the outline, later rings are
 * holes; each position is [longitude, latitude].
 */
public record PolygonGeometry(
        @NotNull @Pattern(regexp = "Polygon", message = "must be \"Polygon\"") String type,
        @NotEmpty @Size(max = 20) List<@NotNull @ValidRing @Size(max = Limits.MAX_POLYGON_VERTICES)
                List<@NotNull @Size(min = 2, max = 3) List<@NotNull @Finite Double>>> coordinates) {

    public PolygonGeometry {
        coordinates = Lists.copyOrNull(coordinates == null ? null : coordinates.stream()
                .map(ring -> Lists.copyOrNull(ring == null ? null : ring.stream().map(Lists::copyOrNull).toList()))
                .toList());
    }

    public List<List<Double>> outerRing() {
        return coordinates.get(0);
    }
}
