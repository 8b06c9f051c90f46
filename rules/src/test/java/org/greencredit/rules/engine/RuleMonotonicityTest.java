package org.greencredit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.rules.facts.GreenFacts;
import org.greencredit.rules.facts.PolicyFacts;

/** Invariants of the shipped rules that no edit of a cut-off should break. */
class RuleMonotonicityTest {
    private static final RuleEvaluator RULES = new RuleEvaluator(Ruleset.shipped());
    private static final List<String> CERTIFICATIONS = List.of("ISO14001", "CHINA_ENVIRONMENTAL_LABEL", "GREEN_FACTORY");

    record Behaviour(double eInvoice, double paperless, double greenProducts, double renewable, boolean equipment, Set<String> certs) {
        Behaviour more(Behaviour extra) {
            Set<String> all = new HashSet<>(certs);
            all.addAll(extra.certs);
            return new Behaviour(Math.min(1, eInvoice + extra.eInvoice), Math.min(1, paperless + extra.paperless),
                    Math.min(1, greenProducts + extra.greenProducts), Math.min(1, renewable + extra.renewable),
                    equipment || extra.equipment, all);
        }
    }

    @Provide
    Arbitrary<Behaviour> behaviours() {
        Arbitrary<Double> share = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(share, share, share, share, Arbitraries.of(true, false),
                Arbitraries.of(CERTIFICATIONS).set().ofMaxSize(3)).as(Behaviour::new);
    }

    private static GreenFacts facts(Double k, Behaviour b, String division) {
        Integer level = k == null ? null : ReferenceData.shipped().efficiencyLevelOf(k);
        return new GreenFacts(division, level, k, null, 1.0, 0, b.eInvoice, b.paperless, b.greenProducts, b.renewable,
                b.equipment, b.certs, k != null, 0);
    }

    @Property(tries = 300)
    void moreGreenBehaviourNeverLowersTheGreenScore(@ForAll("behaviours") Behaviour base, @ForAll("behaviours") Behaviour extra,
                                                   @ForAll @DoubleRange(min = 0.1, max = 4) double k) {
        int before = RULES.evaluateGreen(facts(k, base, "13")).score();
        int after = RULES.evaluateGreen(facts(k, base.more(extra), "13")).score();
        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    @Property(tries = 300)
    void higherEmissionIntensityNeverRaisesTheGreenScore(@ForAll("behaviours") Behaviour b,
                                                        @ForAll @DoubleRange(min = 0.1, max = 4) double k,
                                                        @ForAll @DoubleRange(min = 0, max = 3) double increase) {
        int lower = RULES.evaluateGreen(facts(k, b, "31")).score();
        int higher = RULES.evaluateGreen(facts(k + increase, b, "31")).score();
        assertThat(higher).isLessThanOrEqualTo(lower);
    }

    @Property(tries = 300)
    void anExcludedIndustryNeverGetsADiscount(@ForAll("behaviours") Behaviour b, @ForAll @DoubleRange(min = 2.01, max = 6) double k,
                                              @ForAll @DoubleRange(min = 0, max = 0.5) double pd) {
        var green = RULES.evaluateGreen(facts(k, b, "31"));
        assertThat(green.excluded()).isTrue();
        for (String purpose : List.of("GREEN_UPGRADE", "WORKING_CAPITAL")) {
            var policy = RULES.evaluatePolicy(new PolicyFacts(pd, "B", green.colour(), green.score(), green.excluded(), 0, true, 0,
                    100_000.0, null, 200_000, 12, purpose, false, null, false));
            assertThat(policy.rateDiscountBp()).isZero();
        }
    }
}
