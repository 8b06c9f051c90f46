package org.greencredit.models.crop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.greencredit.core.request.PolygonGeometry;
import org.junit.jupiter.api.Test;

class PlotAreaTest {
    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;
    private static final double E2 = F * (2 - F);

    private static PolygonGeometry rectangle(double lon, double lat, double dLon, double dLat) {
        return new PolygonGeometry("Polygon", List.of(List.of(List.of(lon, lat), List.of(lon + dLon, lat),
                List.of(lon + dLon, lat + dLat), List.of(lon, lat + dLat), List.of(lon, lat))));
    }

    /**
     * Area of a small lat/lon rectangle by hand: meridional radius M and prime-vertical radius N of
     * WGS84 at the centre latitude, area = (dLat M)(dLon N cos(lat)).
     */
    private static double handArea(double latCentre, double dLon, double dLat) {
        double phi = Math.toRadians(latCentre);
        double w = Math.sqrt(1 - E2 * Math.sin(phi) * Math.sin(phi));
        double m = A * (1 - E2) / (w * w * w);
        double n = A / w;
        return Math.toRadians(dLat) * m * Math.toRadians(dLon) * n * Math.cos(phi);
    }

    @Test
    void aSmallFieldInQuzhouMatchesTheHandComputedAreaWithinHalfAPercent() {
        double area = PlotArea.squareMetres(rectangle(118.87, 28.97, 0.002, 0.002));
        double hand = handArea(28.971, 0.002, 0.002);
        assertThat(area).isCloseTo(hand, within(hand * 0.005));
        // about 43,000 m2, i.e. about 65 mu
        assertThat(PlotArea.mu(rectangle(118.87, 28.97, 0.002, 0.002))).isCloseTo(hand / (10_000.0 / 15), within(0.5));
    }

    @Test
    void aOneDegreeCellAtTheEquatorMatchesTheEllipsoidFormula() {
        // Exact area between latitudes on the ellipsoid, per degree of longitude (authalic formula).
        double e = Math.sqrt(E2);
        java.util.function.DoubleUnaryOperator q = phi -> {
            double s = Math.sin(phi);
            return (1 - E2) * (s / (1 - E2 * s * s) - Math.log((1 - e * s) / (1 + e * s)) / (2 * e));
        };
        double exact = A * A / 2 * (q.applyAsDouble(Math.toRadians(1)) - q.applyAsDouble(0)) * Math.toRadians(1);
        assertThat(PlotArea.squareMetres(rectangle(0, 0, 1, 1))).isCloseTo(exact, within(exact * 0.005));
    }

    @Test
    void holesAreSubtractedAndOrientationDoesNotMatter() {
        var outer = rectangle(118.0, 29.0, 0.01, 0.01).coordinates().get(0);
        var hole = rectangle(118.002, 29.002, 0.002, 0.002).coordinates().get(0);
        var reversedOuter = new java.util.ArrayList<>(outer);
        java.util.Collections.reverse(reversedOuter);
        double withHole = PlotArea.squareMetres(new PolygonGeometry("Polygon", List.of(reversedOuter, hole)));
        double expected = PlotArea.squareMetres(rectangle(118.0, 29.0, 0.01, 0.01)) - PlotArea.squareMetres(rectangle(118.002, 29.002, 0.002, 0.002));
        assertThat(withHole).isCloseTo(expected, within(1e-6));
    }
}
