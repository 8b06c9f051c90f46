package org.greencredit.datasets.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.greencredit.core.carbon.AnomalyChecks;
import org.greencredit.core.carbon.AnomalyContext;
import org.greencredit.core.carbon.CarbonAccountant;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.Evidence;
import org.greencredit.datasets.csv.CsvFormatException;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {
    private static final ReferenceData DATA = ReferenceData.shipped();

    @Test
    void tenThousandKwhInShanxiIn2022Is7096KgWithTheShippedFactor() {
        CarbonAccountant accountant = new CarbonAccountant(DATA, new AnomalyChecks(DATA.anomalyThresholds()), 12);
        var result = accountant.account("14", new CarbonAccount(null, null, List.of(
                new ActivityLine(YearMonth.of(2022, 6), Activity.ELECTRICITY, 10_000.0, "kWh", null, null, Evidence.METER))),
                new AnomalyContext(null, DATA.tariffMinCnyPerKwh(), DATA.tariffMaxCnyPerKwh()));
        assertThat(result.scope2Kg()).isEqualTo(7_096.0);
        assertThat(result.lines().get(0).factorSource()).contains("2022 electricity CO2 emission factors").contains("province 14");
    }

    @Test
    void fuelFactorsAreDerivedFromNcvCarbonContentAndOxidation() {
        // NCV x CC x OF x 44/12, by hand from the NDRC guideline defaults:
        assertThat(DATA.fuel(Activity.DIESEL).kgCo2ePerUnit()).isCloseTo(42.652 * 20.2 * 0.98 * 44 / 12, within(1e-9)).isCloseTo(3_096.0, within(1.0));
        assertThat(DATA.fuel(Activity.GASOLINE).kgCo2ePerUnit()).isCloseTo(2_925.0, within(1.0));
        assertThat(DATA.fuel(Activity.COAL).kgCo2ePerUnit()).isCloseTo(1_900.0, within(1.0));
        // 389.31 GJ per 10^4 m3 -> per m3
        assertThat(DATA.fuel(Activity.NATURAL_GAS).kgCo2ePerUnit()).isCloseTo(2.162, within(0.001));
        assertThat(DATA.fuel(Activity.NATURAL_GAS).unit()).isEqualTo("m3");
        assertThat(DATA.fuel(Activity.LPG).kgCo2ePerUnit()).isCloseTo(50.179 * 17.2 * 0.98 * 44 / 12, within(1e-9));
        assertThat(DATA.fuel(Activity.FUEL_OIL).kgCo2ePerUnit()).isCloseTo(41.816 * 21.1 * 0.98 * 44 / 12, within(1e-9));
        assertThat(DATA.heat(2024).kgCo2ePerUnit()).isEqualTo(110.0);
    }

    @Test
    void gridFactorFallsBackInTheStatedOrder() {
        assertThat(DATA.electricity("33", 2022).kgCo2ePerUnit()).isEqualTo(0.5153);
        // 2023: no provincial table, the national 2023 figure is used and the source says so
        assertThat(DATA.electricity("33", 2023).kgCo2ePerUnit()).isEqualTo(0.5306);
        assertThat(DATA.electricity("33", 2023).source()).contains("national average");
        // 2025: nothing published yet, the province's latest year
        assertThat(DATA.electricity("33", 2025).kgCo2ePerUnit()).isEqualTo(0.5153);
        assertThat(DATA.electricity("33", 2025).year()).isEqualTo(2022);
        assertThat(DATA.electricity("54", 2022).source()).contains("西南");
    }

    @Test
    void spendFactorsConvertUsdFactorsAtTheYearsRate() {
        // EPA v1.3 corrugated boxes 0.479 kg per 2022 USD at 6.7261 CNY/USD
        assertThat(DATA.spendPerCny("PACKAGING", 2025).kgCo2ePerUnit()).isCloseTo(0.479 / 6.7261, within(1e-12));
        assertThat(DATA.spendPerCny("PACKAGING", 2025).source()).contains("NAICS 322211");
    }

    @Test
    void tablesAreComplete() {
        assertThat(DATA.provinces()).hasSize(31);
        DATA.provinces().forEach(p -> assertThat(DATA.electricity(p.code(), 2022).year()).isEqualTo(2022));
        assertThat(DATA.industries()).hasSize(97);
        assertThat(DATA.isKnownIndustry("C1391")).isTrue();
        assertThat(DATA.isKnownIndustry("A1391")).isFalse();
        assertThat(DATA.isKnownRegion("330802")).isTrue();
        assertThat(DATA.isKnownRegion("990000")).isFalse();
        assertThat(DATA.efficiencyLevels()).extracting(EfficiencyLevel::kMax).containsExactly(0.6, 0.8, 1.2, 2.0, null);
        assertThat(DATA.version()).matches("ref-[0-9a-f]{12}");
    }

    @Test
    void aTableWithoutSourcesOrWithBadNumbersIsRejectedWithFileLineAndColumn() {
        byte[] noSource = "code,value\n1,2\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReferenceTable.parse("t.csv", noSource, "code")).hasMessageContaining("missing column 'source'");
        byte[] emptySource = "code,value,source\n1,2,\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReferenceTable.parse("t.csv", emptySource)).hasMessageContaining("t.csv: line 2: column 'source' is empty");
        byte[] badNumber = "code,value,source\n1,two,x\n".getBytes(StandardCharsets.UTF_8);
        ReferenceTable table = ReferenceTable.parse("t.csv", badNumber, "value");
        assertThatThrownBy(() -> table.rows().get(0).number("value")).isInstanceOf(CsvFormatException.class)
                .hasMessage("t.csv: line 2, column 'value': 'two' is not a number");
    }
}
