package org.greencredit.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.greencredit.core.request.Activity;
import org.junit.jupiter.api.Test;

class UnitTest {

    @Test
    void parsesSymbolsAndCommonSpellings() {
        assertThat(Unit.parse("kWh")).isEqualTo(Unit.KWH);
        assertThat(Unit.parse("10^4 m3")).isEqualTo(Unit.TEN_THOUSAND_M3);
        assertThat(Unit.parse("万m3")).isEqualTo(Unit.TEN_THOUSAND_M3);
        assertThat(Unit.parse("l")).isEqualTo(Unit.L);
        // What Chinese bills and delivery notes say: 度 on an electricity bill is a kilowatt-hour.
        assertThat(Unit.parse("度")).isEqualTo(Unit.KWH);
        assertThat(Unit.parse("千瓦时")).isEqualTo(Unit.KWH);
        assertThat(Unit.parse("万立方米")).isEqualTo(Unit.TEN_THOUSAND_M3);
        assertThat(Unit.parse("吨")).isEqualTo(Unit.T);
        assertThat(Unit.parse("公斤")).isEqualTo(Unit.KG);
        assertThat(Unit.parse("升")).isEqualTo(Unit.L);
    }

    @Test
    void conversionsFollowTheirDefinitions() {
        assertThat(Unit.MWH.convert(1.5, Unit.KWH)).isEqualTo(1_500.0);
        // 1 GJ = 1e9 J / 3.6e6 J per kWh = 277.78 kWh
        assertThat(Unit.GJ.convert(1, Unit.KWH)).isCloseTo(277.7778, within(1e-4));
        assertThat(Unit.TEN_THOUSAND_M3.convert(2, Unit.M3)).isEqualTo(20_000.0);
        assertThat(Unit.KG.convert(2_500, Unit.T)).isEqualTo(2.5);
        // 1,000 L of diesel at 0.84 kg/L = 0.84 t
        assertThat(Unit.L.litresToTonnes(1_000, 0.84)).isCloseTo(0.84, within(1e-12));
    }

    @Test
    void unknownOrMismatchedUnitsAreErrorsThatSayWhy() {
        assertThatThrownBy(() -> Unit.parse("furlongs")).hasMessageContaining("unknown unit 'furlongs'").hasMessageContaining("kWh");
        assertThatThrownBy(() -> Unit.M3.requireFits(Activity.ELECTRICITY)).hasMessageContaining("does not fit ELECTRICITY");
        assertThatThrownBy(() -> Unit.L.requireFits(Activity.COAL)).isInstanceOf(UnitException.class);
        assertThat(Unit.L.requireFits(Activity.DIESEL)).isEqualTo(Unit.L);
        assertThatThrownBy(() -> Unit.KWH.convert(1, Unit.T)).hasMessageContaining("different dimensions");
    }

    @Property
    void conversionsRoundTrip(@ForAll @DoubleRange(min = 0, max = 1e9) double quantity) {
        for (Unit from : Unit.values()) {
            for (Unit to : Unit.values()) {
                if (from.dimension() == to.dimension()) {
                    double back = to.convert(from.convert(quantity, to), from);
                    assertThat(back).isCloseTo(quantity, within(Math.max(1e-9, quantity * 1e-12)));
                }
            }
        }
    }
}
