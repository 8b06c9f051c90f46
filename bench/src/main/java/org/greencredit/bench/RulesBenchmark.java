package org.greencredit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.rules.engine.RuleEvaluator;
import org.greencredit.rules.engine.Ruleset;
import org.greencredit.rules.facts.GreenFacts;
import org.greencredit.rules.facts.PolicyFacts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/** One green plus one policy evaluation of the shipped rules (two stateless Drools sessions) on seeded random facts. */
public class RulesBenchmark extends EngineBenchmark {
    @Param("2000")
    public int count;

    RuleEvaluator rules;
    List<GreenFacts> green;
    List<PolicyFacts> policy;

    @Setup
    public void setUp() {
        rules = new RuleEvaluator(Ruleset.shipped());
        ReferenceData reference = ReferenceData.shipped();
        SplittableRandom random = new SplittableRandom(seed);
        green = new ArrayList<>(count);
        policy = new ArrayList<>(count);
        List<String> certifications = List.of("ISO14001", "CHINA_ENVIRONMENTAL_LABEL", "GREEN_FACTORY");
        for (int i = 0; i < count; i++) {
            double k = 0.2 + 3 * random.nextDouble();
            green.add(new GreenFacts(String.format(Locale.ROOT, "%02d", 13 + random.nextInt(30)), reference.efficiencyLevelOf(k), k,
                    0.1 * random.nextDouble() - 0.07, random.nextDouble(), random.nextInt(10) == 0 ? 1 : 0, random.nextDouble(),
                    random.nextDouble(), random.nextDouble(), random.nextDouble() * 0.3, random.nextBoolean(),
                    Set.of(certifications.get(random.nextInt(3))), true, random.nextInt(50) == 0 ? 1 : 0));
            policy.add(new PolicyFacts(random.nextDouble() * 0.3, "B", "LIGHT_GREEN", random.nextInt(100), false, random.nextInt(10) == 0 ? 1 : 0,
                    random.nextInt(20) != 0, random.nextInt(5) == 0 ? random.nextInt(120) : 0, 50_000 + 500_000 * random.nextDouble(),
                    random.nextInt(10) == 0 ? null : 2_000_000 * random.nextDouble(),
                    100_000 + 900_000 * random.nextDouble(), 12, random.nextBoolean() ? "GREEN_UPGRADE" : "WORKING_CAPITAL", false, null, false));
        }
    }

    @Benchmark
    public void greenAndPolicy(Cursor cursor, Blackhole hole) {
        int i = cursor.next(count);
        hole.consume(rules.evaluateGreen(green.get(i)));
        hole.consume(rules.evaluatePolicy(policy.get(i)));
    }
}
