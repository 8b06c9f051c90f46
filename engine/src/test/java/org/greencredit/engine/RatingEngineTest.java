package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.greencredit.core.rating.Contribution;
import org.greencredit.core.rating.Instalment;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.rating.RuleHit;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.greencredit.core.validation.InvalidRequestException;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import org.junit.jupiter.api.Test;

class RatingEngineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final RatingEngine ENGINE = RatingEngine.standard(CLOCK);
    private static final SyntheticPopulation POPULATION = new SyntheticPopulation(21, YearMonth.of(2025, 12), 24, ReferenceData.shipped());
    private static final List<SyntheticSme> SAMPLE = LongStream.range(0, 400).mapToObj(POPULATION::generate).toList();

    @Test
    void theSameRequestGivesByteIdenticalRatingsApartFromIdAndTime() {
        for (SyntheticSme sme : SAMPLE.subList(0, 50)) {
            Rating a = ENGINE.rate(sme.request());
            Rating b = ENGINE.rate(sme.request());
            assertThat(a.id()).isNotEqualTo(b.id());
            String jsonA = GreenCreditJson.mapper().writeValueAsString(a.withIdentity("x", Instant.EPOCH));
            String jsonB = GreenCreditJson.mapper().writeValueAsString(b.withIdentity("x", Instant.EPOCH));
            assertThat(jsonA).isEqualTo(jsonB);
        }
    }

    @Test
    void everyRatingIsExplainedWithinTheContract() {
        for (SyntheticSme sme : SAMPLE) {
            Rating r = ENGINE.rate(sme.request());
            assertThat(r.explanation().reasons()).hasSizeLessThanOrEqualTo(4);
            double sum = r.explanation().contributions().stream().mapToDouble(Contribution::points).sum();
            assertThat(sum).isEqualTo(r.credit().score());
            assertThat(r.explanation().ruleHits()).extracting(RuleHit::id).anyMatch(id -> id.startsWith("G-GR-"));
            assertThat(r.explanation().versions().factors()).startsWith("ref-");
            if (r.decision().outcome() == Outcome.DECLINE) {
                assertThat(r.decision().limitCny()).isZero();
                assertThat(r.decision().repaymentSchedule()).isEmpty();
            }
            if (r.decision().outcome() != Outcome.APPROVE) {
                assertThat(r.decision().rateDiscountBp()).isZero();
                assertThat(r.explanation().reasons()).isNotEmpty();
            }
            double scheduled = r.decision().repaymentSchedule().stream().mapToDouble(Instalment::principalCny).sum();
            assertThat(scheduled).isCloseTo(r.decision().limitCny(), org.assertj.core.data.Offset.offset(0.011));
        }
    }

    @Test
    void aThinFileIsReferredAndListsWhatWasNotAssessed() {
        Rating r = ENGINE.rate(new RatingRequest(new Sme("S1", "小店", "330802", "F5211", SizeClass.MICRO, null), null, null, null, null, null));
        assertThat(r.decision().outcome()).isEqualTo(Outcome.REFER);
        assertThat(r.decision().referralReasons()).contains("THIN_FILE", "NO_LIMIT_BASIS");
        assertThat(r.explanation().notAssessed()).extracting(n -> n.section())
                .contains("carbon", "greenBehaviours", "loanRequest", "credit.leverage");
        assertThat(r.carbon().totalKg()).isZero();
        assertThat(r.green().carbonEfficiencyLevel()).isNull();
    }

    @Test
    void aFarmIsRatedOnItsPlotsWithRepaymentAfterHarvest() {
        SyntheticSme farm = SAMPLE.stream().filter(s -> s.truth().farm() && s.request().credit() != null).findFirst().orElseThrow();
        Rating r = ENGINE.rate(farm.request());
        assertThat(r.crop()).isNotNull();
        assertThat(r.crop().plots()).hasSameSizeAs(farm.request().plots());
        assertThat(r.crop().plots()).allSatisfy(p -> {
            assertThat(p.areaMu()).isPositive();
            assertThat(p.expectedValueCny()).isPositive();
            assertThat(p.crop()).isEqualTo(farm.truth().trueCrop());
        });
        if (r.decision().limitCny() > 0) {
            assertThat(r.decision().repaymentSchedule()).hasSize(1);
            int harvest = ReferenceData.shipped().crop(farm.request().plots().get(0).declaredCrop()).harvestMonth();
            assertThat(r.decision().repaymentSchedule().get(0).dueMonth().getMonthValue()).isEqualTo(harvest % 12 + 1);
        }
    }

    @Test
    void anInvalidRequestNamesEveryBadField() {
        RatingRequest bad = new RatingRequest(new Sme("S1", "x", "990000", "Z1", null, null), null, null, null, null, null);
        assertThatThrownBy(() -> ENGINE.rate(bad)).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors()).extracting(f -> f.field())
                        .containsExactly("sme.industryCode", "sme.regionCode", "sme.sizeClass"));
    }

    @Test
    void outcomesOnTheSyntheticPopulationAreSpreadAndOnlyNonRedFirmsGetDiscounts() {
        List<Rating> ratings = SAMPLE.stream().map(s -> ENGINE.rate(s.request())).toList();
        assertThat(ratings).extracting(r -> r.decision().outcome()).contains(Outcome.APPROVE, Outcome.REFER, Outcome.DECLINE);
        assertThat(ratings).filteredOn(r -> r.decision().rateDiscountBp() > 0)
                .isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.green().colour().name()).isNotEqualTo("RED");
                    assertThat(r.decision().outcome()).isEqualTo(Outcome.APPROVE);
                });
    }
}
